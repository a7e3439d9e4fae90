/**
 * Snippet completions at a top-level key position: each snippet, expanded with its defaults by
 * the snippet grammar and inserted where the editor would insert it, must leave a card that
 * parses with the expected keys and has no syntax or schema diagnostic, in a standalone card and
 * in a README's front matter alike.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, TextEdit } from 'vscode-languageserver-types';
import { parse as parseYaml } from 'yaml';
import { buildCardSchema } from '../../server/src/service/cardSchema';
import { locateCard } from '../../server/src/service/cardLocator';
import { SnippetBuilder } from '../../server/src/service/authoring/snippet';
import { snippetCompletions, snippetContextAt } from '../../server/src/service/completion/snippets';
import { cardAtPosition, ParsedDocuments } from '../../server/src/service/parsedDocuments';
import { documentOf, knowledge, service } from '../helpers';

const schema = buildCardSchema(knowledge.hub);
const CURSOR = '‸';

/** The snippet items at the cursor, as the completion provider would get them. */
function snippetsAt(textWithCursor: string, name = 'card.modelcard.yaml'): { items: CompletionItem[]; text: string; name: string } {
  const offset = textWithCursor.indexOf(CURSOR);
  assert.notEqual(offset, -1, 'the test text has no cursor');
  const text = textWithCursor.replace(CURSOR, '');
  const document = documentOf(text, name);
  const at = cardAtPosition(new ParsedDocuments(), document, document.positionAt(offset));
  if (!at) return { items: [], text, name };
  const context = snippetContextAt(at.card, at.text, at.offset, schema);
  return { items: context ? snippetCompletions(context, knowledge, o => document.positionAt(o), schema) : [], text, name };
}

const labels = (items: readonly CompletionItem[]) => items.map(item => item.label);
const item = (items: readonly CompletionItem[], label: string) => {
  const found = items.find(candidate => candidate.label === label);
  assert.ok(found, `no snippet '${label}' among ${labels(items).join(', ')}`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// A small expander for the snippet grammar (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar):
// tabstops `$1` `${1}`, placeholders `${1:default}` (nested), choices `${1|a,b|}` (the first),
// variables `$NAME` `${NAME:default}` (their default), and the escapes `\$ \} \\` (and `\, \|` in choices).

interface Expansion {
  readonly text: string;
  /** Each tabstop's choices, by tabstop. */
  readonly choices: Map<number, string[]>;
  readonly tabstops: Set<number>;
}

function expand(snippet: string): Expansion {
  const choices = new Map<number, string[]>();
  const tabstops = new Set<number>();
  let at = 0;
  const fail = (why: string) => assert.fail(`${why} at ${at} in ${JSON.stringify(snippet)}`);

  /** Text up to one of `stops` (unescaped) or the end. */
  function any(stops: string): string {
    let out = '';
    while (at < snippet.length && !stops.includes(snippet[at])) {
      const char = snippet[at];
      if (char === '\\' && at + 1 < snippet.length && '$}\\'.includes(snippet[at + 1])) {
        out += snippet[at + 1];
        at += 2;
      } else if (char === '$') {
        out += dollar();
      } else {
        out += char;
        at++;
      }
    }
    return out;
  }

  function dollar(): string {
    at++; // $
    const number = /^\d+/.exec(snippet.slice(at));
    if (number) {
      at += number[0].length;
      tabstops.add(Number(number[0]));
      return '';
    }
    const variable = /^[A-Za-z_][A-Za-z0-9_]*/.exec(snippet.slice(at));
    if (variable) {
      at += variable[0].length;
      return '';
    }
    if (snippet[at] !== '{') fail('a lone $');
    at++; // {
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(snippet.slice(at));
    if (!head) fail('no tabstop or variable after ${');
    at += head![0].length;
    const tab = /^\d+$/.test(head![0]) ? Number(head![0]) : undefined;
    if (tab !== undefined) tabstops.add(tab);
    if (snippet[at] === '}') {
      at++;
      return '';
    }
    if (snippet[at] === ':') {
      at++;
      const value = any('}');
      if (snippet[at] !== '}') fail('an unclosed placeholder');
      at++;
      return value;
    }
    if (snippet[at] === '|' && tab !== undefined) {
      at++;
      const values: string[] = [];
      let current = '';
      while (at < snippet.length && snippet[at] !== '|') {
        if (snippet[at] === '\\' && ',|\\'.includes(snippet[at + 1])) {
          current += snippet[at + 1];
          at += 2;
        } else if (snippet[at] === ',') {
          values.push(current);
          current = '';
          at++;
        } else {
          current += snippet[at++];
        }
      }
      values.push(current);
      if (snippet.slice(at, at + 2) !== '|}') fail('an unclosed choice');
      at += 2;
      choices.set(tab, values);
      return values[0];
    }
    return fail('unexpected text in ${…}');
  }

  const text = any('');
  return { text, choices, tabstops };
}

/** The text after the item is accepted with every default. */
function accept(text: string, completion: CompletionItem): string {
  const edit = completion.textEdit as TextEdit;
  const document = documentOf(text);
  const start = document.offsetAt(edit.range.start);
  const end = document.offsetAt(edit.range.end);
  return text.slice(0, start) + expand(edit.newText).text + text.slice(end);
}

/** The card's YAML as plain data (the front matter of a Markdown card). */
function cardValue(text: string, name: string): Record<string, unknown> {
  const located = locateCard(text, name.endsWith('.md') ? 'markdown' : 'yaml');
  assert.ok(located.kind === 'yaml' || located.kind === 'front-matter', `no card in ${JSON.stringify(text)}`);
  return parseYaml(text.slice(located.yamlStart, located.yamlEnd)) as Record<string, unknown>;
}

const SYNTAX_OR_SCHEMA = new Set(['yaml.syntax', 'schema.invalid', 'schema.unknown-key']);

function assertValidCard(text: string, name: string): Record<string, unknown> {
  const value = cardValue(text, name);
  const problems = service.validate(documentOf(text, name)).filter(diagnostic => SYNTAX_OR_SCHEMA.has(String(diagnostic.code)));
  assert.deepEqual(problems.map(problem => `${problem.code}: ${problem.message}`), [], `in:\n${text}`);
  return value;
}

/** What each snippet adds, checked on the parsed card. */
const EXPECT: Record<string, (card: Record<string, unknown>) => void> = {
  'sts block': card => {
    const sts = card.sts as Record<string, any>;
    assert.equal(sts.name, 'Model name');
    assert.equal(sts.family, knowledge.families[0].id);
    assert.deepEqual(sts.licensing, { posture: knowledge.postures[0].id });
    assert.equal(sts.latency.length, 1);
    assert.equal(sts.latency[0].ms, 200);
    // The default kind is what a user waits: end-to-end.
    assert.equal(sts.latency[0].kind, 'end-to-end');
  },
  'license: other block': card => {
    assert.equal(card.license, 'other');
    assert.equal(card.license_name, knowledge.licenses.find(license => !license.hub)!.id);
    assert.equal(card.license_link, 'LICENSE');
  },
  'license_name + license_link': card => {
    assert.equal(card.license, 'other');
    assert.equal(typeof card.license_name, 'string');
    assert.equal(card.license_link, 'LICENSE');
  },
  'base_model + relation': card => {
    assert.equal(card.base_model, 'owner/model-name');
    // The default relation is the common one: a fine-tune.
    assert.equal(card.base_model_relation, 'finetune');
  },
};

/** Places for the snippets: each text with a cursor at a top-level key position. */
const PLACES: { name: string; file: string; text: string; keys: string[] }[] = [
  { name: 'an empty standalone card', file: 'card.modelcard.yaml', text: CURSOR, keys: [] },
  { name: 'a standalone card, a blank line between keys', file: 'card.modelcard.yaml', text: `language: [en]\n${CURSOR}\npipeline_tag: audio-to-audio\n`, keys: ['language', 'pipeline_tag'] },
  { name: 'a standalone card, at its end without a line break', file: 'card.modelcard.yaml', text: `language: [en]\n${CURSOR}`, keys: ['language'] },
  { name: 'a standalone card, a key half typed', file: 'card.modelcard.yaml', text: `language: [en]\nst${CURSOR}\n`, keys: ['language'] },
  { name: 'a README\'s front matter, before the closing marker', file: 'README.md', text: `---\nlanguage:\n- en\n${CURSOR}\n---\n# Model\n\nText.\n`, keys: ['language'] },
  { name: 'a README\'s front matter, between keys', file: 'README.md', text: `---\nlanguage:\n- en\n${CURSOR}\npipeline_tag: audio-to-audio\n---\n# Model\n`, keys: ['language', 'pipeline_tag'] },
  { name: 'a README\'s front matter indented by two spaces', file: 'README.md', text: `---\n  language:\n  - en\n  ${CURSOR}\n---\n# Model\n`, keys: ['language'] },
  { name: 'an indented standalone card, a key half typed', file: 'card.modelcard.yaml', text: `    language: [en]\n    ba${CURSOR}\n    pipeline_tag: audio-to-audio\n`, keys: ['language', 'pipeline_tag'] },
  { name: 'a README with CRLF line breaks', file: 'README.md', text: `---\r\nlanguage:\r\n- en\r\n${CURSOR}\r\n---\r\n# Model\r\n`, keys: ['language'] },
  { name: 'a card saying license: other', file: 'card.modelcard.yaml', text: `license: other\n${CURSOR}\n`, keys: ['license'] },
];

describe('snippets: each expands to a valid card', () => {
  for (const place of PLACES) {
    test(place.name, () => {
      const { items, text } = snippetsAt(place.text, place.file);
      assert.ok(items.length >= 2, `only ${labels(items).join(', ')}`);
      for (const completion of items) {
        const accepted = accept(text, completion);
        const card = assertValidCard(accepted, place.file);
        EXPECT[completion.label](card);
        // The keys that were there are still there.
        for (const key of place.keys) assert.ok(Object.hasOwn(card, key), `${completion.label} lost ${key}:\n${accepted}`);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(accepted), 'the snippet uses the file\'s CRLF');
      }
    });
  }

  test('the sts block with every choice of every tabstop stays valid', () => {
    const { items, text } = snippetsAt(`---\nlicense: mit\n${CURSOR}\n---\n`, 'README.md');
    const sts = item(items, 'sts block');
    const edit = sts.textEdit as TextEdit;
    const { choices } = expand(edit.newText);
    assert.deepEqual(choices.get(2), knowledge.families.map(family => family.id));
    assert.deepEqual(choices.get(3), knowledge.postures.map(posture => posture.id));
    assert.deepEqual(choices.get(5), ['end-to-end', 'theoretical', 'model-only']);
    for (const [tab, values] of choices) {
      for (const value of values) {
        const chosen = edit.newText.replace(/\$\{(\d+)\|[^|]*\|\}/g, (whole, number) => (Number(number) === tab ? value : whole));
        const accepted = accept(text, { ...sts, textEdit: { ...edit, newText: chosen } });
        assertValidCard(accepted, 'README.md');
      }
    }
  });

  test('base_model_relation offers the Hub\'s relations; license_name the known license names', () => {
    const { items } = snippetsAt(CURSOR);
    const relations = knowledge.hub.base_model_relations.values;
    assert.deepEqual(expand((item(items, 'base_model + relation').textEdit as TextEdit).newText).choices.get(2), ['finetune', ...relations.filter(r => r !== 'finetune')]);
    assert.deepEqual(
      expand((item(items, 'license: other block').textEdit as TextEdit).newText).choices.get(1),
      knowledge.licenses.filter(license => !license.hub).map(license => license.id),
    );
  });
});

describe('snippets: the items', () => {
  test('snippet items that the editor inserts as they are', () => {
    const { items } = snippetsAt(CURSOR);
    assert.deepEqual(labels(items), ['sts block', 'license: other block', 'base_model + relation']);
    for (const completion of items) {
      assert.equal(completion.kind, CompletionItemKind.Snippet);
      assert.equal(completion.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(completion.insertTextMode, InsertTextMode.asIs);
      assert.ok(completion.filterText && completion.detail && completion.sortText);
      const documentation = completion.documentation as { kind: string; value: string };
      assert.equal(documentation.kind, 'markdown');
      assert.ok(documentation.value.includes('```yaml'));
      // The documentation shows what the defaults give.
      const preview = /```yaml\n([\s\S]*?)\n```/.exec(documentation.value)![1];
      assert.equal(preview, expand((completion.textEdit as TextEdit).newText).text);
      const tabstops = expand((completion.textEdit as TextEdit).newText).tabstops;
      assert.deepEqual([...tabstops].sort(), Array.from({ length: tabstops.size }, (_, at) => at + 1), 'tabstops 1..n');
    }
  });

  test('the half-typed key is replaced; every following line is indented like the cursor\'s', () => {
    const { items, text } = snippetsAt(`    language: [en]\n    st${CURSOR}\n`);
    const edit = item(items, 'sts block').textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } });
    const lines = expand(edit.newText).text.split('\n');
    assert.equal(lines[0], 'sts:');
    for (const line of lines.slice(1)) assert.ok(line.startsWith('      '), JSON.stringify(line));
    assert.ok(accept(text, item(items, 'sts block')).includes('\n    sts:\n      name: Model name\n'));
  });

  test('a snippet for a key the card has is not offered', () => {
    assert.deepEqual(labels(snippetsAt(`sts:\n  name: X\n${CURSOR}\n`).items), ['license: other block', 'base_model + relation']);
    assert.deepEqual(labels(snippetsAt(`license: mit\nbase_model: a/b\n${CURSOR}\n`).items), ['sts block']);
    assert.deepEqual(labels(snippetsAt(`base_model_relation: finetune\n${CURSOR}\n`).items), ['sts block', 'license: other block']);
    // license_name + license_link only under `license: other` (or a list holding it).
    assert.deepEqual(labels(snippetsAt(`license: [other, mit]\n${CURSOR}\n`).items), ['sts block', 'license_name + license_link', 'base_model + relation']);
    assert.deepEqual(labels(snippetsAt(`license: other\nlicense_link: LICENSE\n${CURSOR}\n`).items), ['sts block', 'base_model + relation']);
  });

  test('nothing anywhere but a top-level key position', () => {
    for (const [text, name] of [
      [`sts:\n  ${CURSOR}\n`, 'card.modelcard.yaml'],
      [`sts:\n  licensing:\n    ${CURSOR}\n`, 'card.modelcard.yaml'],
      [`license: ${CURSOR}\n`, 'card.modelcard.yaml'],
      [`license:${CURSOR}\n`, 'card.modelcard.yaml'],
      [`st${CURSOR}: x\n`, 'card.modelcard.yaml'],
      [`language:\n- ${CURSOR}\n`, 'card.modelcard.yaml'],
      [`language: [${CURSOR}]\n`, 'card.modelcard.yaml'],
      [`# comment ${CURSOR}\n`, 'card.modelcard.yaml'],
      [`  language: [en]\n${CURSOR}\n`, 'card.modelcard.yaml'],
      [`---\nlicense: mit\n---\n${CURSOR}\n`, 'README.md'],
      [`---\nlicense: mit\n---\n# Title\n${CURSOR}`, 'README.md'],
      [`${CURSOR}# No front matter\n`, 'README.md'],
    ]) {
      assert.deepEqual(labels(snippetsAt(text, name).items), [], JSON.stringify(text));
    }
  });

  test('snippetCompletions alone: no top-level position, text before or after the key → nothing', () => {
    const context = { text: 'ab', range: { start: 0, end: 0 }, existingKeys: new Set<string>() };
    const positionAt = (offset: number) => ({ line: 0, character: offset });
    assert.deepEqual(snippetCompletions({ ...context, topLevelKey: false }, knowledge, positionAt), []);
    assert.deepEqual(snippetCompletions({ ...context, topLevelKey: true }, knowledge, positionAt), [], 'text after the cursor on its line');
    assert.deepEqual(snippetCompletions({ ...context, text: '- ', range: { start: 2, end: 2 }, topLevelKey: true }, knowledge, positionAt), [], 'a dash before it');
    assert.equal(snippetCompletions({ ...context, text: '', topLevelKey: true }, knowledge, positionAt).length, 3);
  });

  test('the expander reads the snippet grammar as the builder writes it', () => {
    const builder = new SnippetBuilder().literal('cost: $5 {x} \\ end ');
    builder.choice(['a,b', 'c|d']);
    builder.placeholder('}$');
    const built = builder.build();
    assert.equal(expand(built.snippet).text, built.text);
    assert.deepEqual(expand(built.snippet).choices.get(1), ['a,b', 'c|d']);
    assert.equal(expand('a ${1|x\\,y,z\\|w|} ${2:def ${3:inner}} $0').text, 'a x,y def inner ');
  });
});
