/**
 * The parse cache keeps the last version's parsed card when the new version's YAML is the same
 * text at the same offset (typing in a README's body). Checked against a service that never
 * reuses a parse (a new URI for every version) over typing sessions on real and example cards,
 * and directly: which edits keep the parse and which make a new one.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createModelCardService } from '../../server/src/service';
import { locateCard } from '../../server/src/service/cardLocator';
import { ParsedDocuments } from '../../server/src/service/parsedDocuments';
import { knowledge, ROOT } from '../helpers';

const CARDS = [
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures/real-cards')).filter(name => name.endsWith('.md') && name !== 'SOURCES.md').map(name => path.join(ROOT, 'test/fixtures/real-cards', name)),
  path.join(ROOT, 'examples/bad/omni-demo/README.md'),
  path.join(ROOT, 'examples/good/moshi/README.md'),
].map(file => ({ name: path.basename(path.dirname(file)) + '/' + path.basename(file), text: fs.readFileSync(file, 'utf8') }));

const URI = 'file:///cards/typed/README.md';
const markdown = (text: string, version: number, uri = URI) => TextDocument.create(uri, 'markdown', version, text);
/**
 * The URI's cache entry replaced by a card no edit produces, so the next version is parsed anew
 * (the URI itself must stay: related information names it).
 */
const SENTINEL = '---\nsentinel: 0\n---\n';

/** One edit of a typing session: where (body or front matter) and what. */
type Edit = { readonly inBody: boolean; readonly at: number; readonly remove: number; readonly insert: string };
const INSERTS = ['a', ' ', 'based on Moshi ', '\n', '\n\n', '---\n', 'license: mit\n', ': ', '"', 'x'];

function applied(text: string, edit: Edit): string {
  const located = locateCard(text, 'markdown');
  const [from, to] = located.kind !== 'front-matter' ? [0, text.length]
    : edit.inBody ? [located.close.end, text.length] : [located.yamlStart, located.yamlEnd];
  const at = from + Math.floor(edit.at * (to - from));
  return text.slice(0, at) + edit.insert + text.slice(at + Math.min(edit.remove, to - at));
}

const editArbitrary = fc.record({
  inBody: fc.boolean(),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.constantFrom(...INSERTS),
});

describe('the parse cache while typing', () => {
  test('every version is diagnosed as a service that never reuses a parse diagnoses it', () => {
    const typing = createModelCardService({ knowledge });
    const fresh = createModelCardService({ knowledge });
    let version = 0;
    fc.assert(fc.property(fc.constantFrom(...CARDS), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (card, edits) => {
      let text = card.text;
      typing.validate(markdown(text, ++version));
      for (const edit of edits) {
        text = applied(text, edit);
        const doc = markdown(text, ++version);
        const position = doc.positionAt(Math.floor(text.length / 3));
        const expected = () => {
          fresh.validate(markdown(SENTINEL, ++version));
          return fresh.validate(markdown(text, ++version));
        };
        assert.deepEqual(typing.validate(doc), expected(), `${card.name}: ${JSON.stringify(edit)}`);
        // Hover reads the same cached parse.
        fresh.validate(markdown(SENTINEL, ++version));
        assert.deepEqual(typing.hover(doc, position), fresh.hover(markdown(text, ++version), position));
      }
    }), { numRuns: 120, seed: 11 });
  });

  test('a keystroke in the body keeps the parse; any change to the YAML, even of the same length, makes a new one', () => {
    const documents = new ParsedDocuments();
    const card = CARDS.find(c => c.name.endsWith('moshi/README.md'))!.text;
    const located = locateCard(card, 'markdown');
    assert.equal(located.kind, 'front-matter');
    const end = located.kind === 'front-matter' ? located.close.start : -1;
    const first = documents.get(markdown(card, 1)).card;
    assert.ok(first);
    const body = card + '\nMore prose.\n';
    assert.equal(documents.get(markdown(body, 2)).card, first);
    // The same YAML after an edit elsewhere is still the same parse.
    assert.equal(documents.get(markdown(body.replace('\n\n', '\n\n\n'), 3)).card, first);
    // One character of the YAML replaced by another: same length, new parse.
    const at = card.indexOf('license:');
    const sameLength = card.slice(0, at) + 'License:' + card.slice(at + 'license:'.length);
    assert.equal(sameLength.length, card.length);
    const second = documents.get(markdown(sameLength, 4)).card;
    assert.notEqual(second, first);
    // The YAML moved (a blank line before the opening marker): new offsets, new parse.
    assert.notEqual(documents.get(markdown('\n' + sameLength, 5)).card, second);
    // The closing marker removed and put back: the YAML is parsed again.
    const unclosed = documents.get(markdown(card.slice(0, end) + card.slice(end + 3), 6));
    assert.equal(unclosed.card, undefined);
    assert.notEqual(documents.get(markdown(card, 7)).card, first);
  });
});
