import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItem, CompletionItemKind, CompletionList, Range, TextEdit } from 'vscode-languageserver-types';
import { FAMILY_IDS, POSTURE_IDS, SUBCATEGORY_IDS } from '../../server/src/knowledge/schema';
import { buildCardSchema } from '../../server/src/service/cardSchema';
import { createCompletionProvider } from '../../server/src/service/completion';
import { HoverContent } from '../../server/src/service/hover/content';
import { KnowledgeIndex } from '../../server/src/service/knowledgeIndex';
import { ParsedDocuments } from '../../server/src/service/parsedDocuments';
import type { ServiceSettings } from '../../server/src/service/types';
import { documentOf, knowledge } from '../helpers';

const index = new KnowledgeIndex(knowledge);
const provider = createCompletionProvider(index, new ParsedDocuments(), buildCardSchema(knowledge.hub));
const hover = new HoverContent(index);

/** The cursor in a test text. */
const CURSOR = '‸';

function completeAt(textWithCursor: string, name = 'card.modelcard.yaml', settings?: ServiceSettings): CompletionList {
  const offset = textWithCursor.indexOf(CURSOR);
  assert.notEqual(offset, -1, 'the test text has no cursor');
  const document = documentOf(textWithCursor.replace(CURSOR, ''), name);
  return provider.complete(document, document.positionAt(offset), settings);
}

function complete(textWithCursor: string, name?: string, settings?: ServiceSettings): CompletionItem[] {
  return completeAt(textWithCursor, name, settings).items;
}

const labels = (items: readonly CompletionItem[]) => items.map(item => item.label);
const item = (items: readonly CompletionItem[], label: string) => {
  const found = items.find(candidate => candidate.label === label);
  assert.ok(found, `no item '${label}' among ${labels(items).join(', ')}`);
  return found;
};
const edit = (completion: CompletionItem) => completion.textEdit as TextEdit;

function range(line: number, start: number, end = start): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const HUB_KEYS = [
  'license', 'license_name', 'license_link', 'base_model', 'base_model_relation', 'language', 'tags',
  'pipeline_tag', 'library_name', 'datasets', 'new_version', 'model-index',
  'extra_gated_prompt', 'extra_gated_heading', 'extra_gated_description', 'extra_gated_button_content',
  'extra_gated_fields', 'extra_gated_eu_disallowed', 'sts',
];
const STS_KEYS = [
  'name', 'organization', 'released', 'family', 'architecture', 'subcategories', 'duplex', 'codec',
  'parameters', 'latency', 'licensing', 'consent', 'training_data',
];

describe('completion: keys', () => {
  test('an empty card offers the top-level Hub keys and sts, as properties inserting `key: `, and the block snippets', () => {
    const all = complete(CURSOR);
    // Whole blocks come as snippets beside the keys (test/service/snippets.test.ts checks them).
    const snippets = all.filter(completion => completion.kind === CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map(s => s.label).sort(), ['base_model + relation', 'license: other block', 'sts block']);
    const items = all.filter(completion => completion.kind !== CompletionItemKind.Snippet);
    for (const key of HUB_KEYS) assert.ok(labels(items).includes(key), `missing ${key}`);
    for (const completion of items) {
      assert.equal(completion.kind, CompletionItemKind.Property);
      assert.ok(completion.detail, `${completion.label} has no detail`);
      assert.deepEqual(edit(completion), { range: range(0, 0), newText: `${completion.label}: ` });
    }
  });

  test('top-level keys already present are not offered again', () => {
    const items = complete(`license: mit\nsts:\n  family: codec-free\n${CURSOR}\n`);
    assert.ok(!labels(items).includes('license'));
    assert.ok(!labels(items).includes('sts'));
    assert.ok(labels(items).includes('license_name'));
    assert.deepEqual(edit(item(items, 'base_model')).range, range(3, 0));
  });

  test('a half-typed top-level key is replaced; the key being typed does not count as present', () => {
    const items = complete(`license: mit\nbase_mo${CURSOR}`);
    assert.deepEqual(edit(item(items, 'base_model')), { range: range(1, 0, 7), newText: 'base_model: ' });
    assert.ok(!labels(items).includes('license'));
  });

  test('a new empty line inside sts at its indentation offers the sts keys not yet there', () => {
    const items = complete(`sts:\n  name: Moshi\n  ${CURSOR}\n  family: dual-stream-codec\nlicense: cc-by-4.0\n`);
    assert.deepEqual(labels(items), STS_KEYS.filter(key => key !== 'name' && key !== 'family'));
    assert.deepEqual(edit(item(items, 'duplex')), { range: range(2, 2), newText: 'duplex: ' });
  });

  test('the first line under `sts:`, empty or half-typed, offers every sts key', () => {
    assert.deepEqual(labels(complete(`sts:\n  ${CURSOR}\n`)), STS_KEYS);
    const typed = complete(`license: mit\nsts:\n  fam${CURSOR}\n`);
    assert.deepEqual(labels(typed), STS_KEYS);
    assert.deepEqual(edit(item(typed, 'family')), { range: range(2, 2, 5), newText: 'family: ' });
  });

  test('a half-typed key among other sts keys is replaced in place', () => {
    const items = complete(`sts:\n  name: x\n  dup${CURSOR}\n  family: near-sts\n`);
    assert.deepEqual(edit(item(items, 'duplex')), { range: range(2, 2, 5), newText: 'duplex: ' });
    assert.ok(!labels(items).includes('name'));
    assert.ok(!labels(items).includes('family'));
  });

  test('on an existing key followed by a colon, the item replaces the key alone', () => {
    const items = complete(`sts:\n  fam${CURSOR}ily: near-sts\n`);
    assert.deepEqual(edit(item(items, 'family')), { range: range(1, 2, 8), newText: 'family' });
  });

  test('back at column 0 after the sts block, the top-level keys', () => {
    const items = complete(`sts:\n  family: near-sts\n${CURSOR}\n`);
    assert.ok(labels(items).includes('license'));
    assert.ok(!labels(items).includes('family'));
  });

  test('nested mappings: licensing, codec, consent, training_data', () => {
    assert.deepEqual(labels(complete(`sts:\n  licensing:\n    posture: permissive\n    ${CURSOR}\n`)),
      ['code', 'commercial_use', 'attribution', 'siblings']);
    assert.deepEqual(labels(complete(`sts:\n  codec:\n    ${CURSOR}\n`)), ['name', 'frame_rate_hz']);
    assert.deepEqual(labels(complete(`sts:\n  consent:\n    voice_source: actors\n    ${CURSOR}\n`)), ['consent_obtained', 'policy_link']);
    assert.deepEqual(labels(complete(`sts:\n  training_data: { hours: 10, ${CURSOR} }\n`)), ['two_channel', 'sources']);
  });

  test('latency items: after `- `, on the item\'s next line, and in a flow mapping', () => {
    const dash = complete(`sts:\n  latency:\n    - ${CURSOR}\n`);
    assert.deepEqual(labels(dash), ['ms', 'kind', 'source']);
    assert.deepEqual(edit(item(dash, 'ms')), { range: range(2, 6), newText: 'ms: ' });
    assert.deepEqual(labels(complete(`sts:\n  latency:\n    - ms: 170\n      ${CURSOR}\n`)), ['kind', 'source']);
    const flow = complete(`sts:\n  latency:\n    - { ms: 170, ${CURSOR} }\n`);
    assert.deepEqual(labels(flow), ['kind', 'source']);
    assert.deepEqual(edit(item(flow, 'kind')), { range: range(2, 17), newText: 'kind: ' });
    assert.deepEqual(labels(complete(`sts:\n  latency:\n    - { ms: 170, ki${CURSOR} }\n`)), ['kind', 'source']);
  });

  test('siblings items', () => {
    assert.deepEqual(labels(complete(`sts:\n  licensing:\n    siblings:\n      - name: X\n        ${CURSOR}\n`)), ['posture', 'relation']);
    assert.deepEqual(labels(complete(`sts:\n  licensing:\n    siblings:\n      - ${CURSOR}\n`)), ['name', 'posture', 'relation']);
  });

  test('key items carry the hover\'s key documentation', () => {
    const family = item(complete(`sts:\n  ${CURSOR}\n`), 'family');
    assert.deepEqual(family.documentation, { kind: 'markdown', value: hover.key('sts.family') });
  });
});

describe('completion: enum values', () => {
  const values = (textWithCursor: string) => labels(complete(textWithCursor));

  test('family on an empty value, with the family\'s name and hover documentation', () => {
    const items = complete(`sts:\n  family: ${CURSOR}\n`);
    assert.deepEqual(labels(items), [...FAMILY_IDS]);
    const first = item(items, 'dual-stream-codec');
    assert.equal(first.kind, CompletionItemKind.EnumMember);
    assert.equal(first.detail, knowledge.families.find(family => family.id === 'dual-stream-codec')!.name);
    assert.deepEqual(first.documentation, { kind: 'markdown', value: hover.family('dual-stream-codec') });
    assert.deepEqual(edit(first), { range: range(1, 10), newText: 'dual-stream-codec' });
  });

  test('right after the colon, the inserted value brings its own space', () => {
    const items = complete(`sts:\n  family:${CURSOR}\n`);
    assert.deepEqual(edit(item(items, 'near-sts')), { range: range(1, 9), newText: ' near-sts' });
  });

  test('a half-typed value is replaced', () => {
    const items = complete(`sts:\n  family: cas${CURSOR}\n`);
    assert.deepEqual(edit(item(items, 'cascade-predictor')), { range: range(1, 10, 13), newText: 'cascade-predictor' });
  });

  test('posture, sibling posture, duplex, latency kind', () => {
    assert.deepEqual(values(`sts:\n  licensing:\n    posture: ${CURSOR}\n`), [...POSTURE_IDS]);
    assert.deepEqual(values(`sts:\n  licensing:\n    siblings:\n      - { name: X, posture: ${CURSOR} }\n`), [...POSTURE_IDS]);
    assert.deepEqual(values(`sts:\n  duplex: ${CURSOR}\n`), ['full', 'half', 'none']);
    assert.deepEqual(values(`sts:\n  latency:\n    - ms: 80\n      kind: ${CURSOR}\n`), ['theoretical', 'model-only', 'end-to-end']);
    assert.deepEqual(values(`sts:\n  latency: [{ ms: 80, kind: ${CURSOR} }]\n`), ['theoretical', 'model-only', 'end-to-end']);
  });

  test('subcategories in a block list, skipping the ones already listed', () => {
    assert.deepEqual(values(`sts:\n  subcategories:\n    - ${CURSOR}\n`), [...SUBCATEGORY_IDS]);
    const items = complete(`sts:\n  subcategories:\n    - voice-cloning\n    - ${CURSOR}\n`);
    assert.deepEqual(labels(items), ['reasoning-realtime', 'translation-duplex']);
    assert.deepEqual(edit(items[0]).range, range(3, 6));
  });

  test('subcategories in a flow list: a half-typed item, an empty list, after a comma', () => {
    const typed = complete(`sts:\n  subcategories: [tr${CURSOR}]\n`);
    assert.deepEqual(labels(typed), [...SUBCATEGORY_IDS]);
    assert.deepEqual(edit(item(typed, 'translation-duplex')), { range: range(1, 18, 20), newText: 'translation-duplex' });
    assert.deepEqual(values(`sts:\n  subcategories: [${CURSOR}]\n`), [...SUBCATEGORY_IDS]);
    const next = complete(`sts:\n  subcategories: [reasoning-realtime, ${CURSOR}]\n`);
    assert.deepEqual(labels(next), ['translation-duplex', 'voice-cloning']);
    assert.deepEqual(edit(next[0]), { range: range(1, 38), newText: 'translation-duplex' });
    const tight = complete(`sts:\n  subcategories: [reasoning-realtime,${CURSOR}]\n`);
    assert.equal(edit(tight[0]).newText, ' translation-duplex');
  });

  test('Hub vocabularies: base_model_relation and pipeline_tag', () => {
    assert.deepEqual(values(`base_model_relation: ${CURSOR}\n`), knowledge.hub.base_model_relations.values);
    const tags = complete(`pipeline_tag: aud${CURSOR}\n`);
    assert.deepEqual(labels(tags), knowledge.hub.pipeline_tags.values);
    assert.deepEqual(edit(item(tags, 'audio-to-audio')), { range: range(0, 14, 17), newText: 'audio-to-audio' });
  });

  test('booleans for commercial_use, two_channel, consent_obtained', () => {
    for (const text of [
      `sts:\n  licensing:\n    commercial_use: ${CURSOR}\n`,
      `sts:\n  training_data: { two_channel: ${CURSOR} }\n`,
      `sts:\n  consent:\n    consent_obtained: t${CURSOR}\n`,
    ]) {
      const items = complete(text);
      assert.deepEqual(labels(items), ['true', 'false'], text);
      assert.ok(items.every(completion => completion.kind === CompletionItemKind.Value));
    }
  });

  test('free text, numbers and dates get nothing', () => {
    assert.deepEqual(complete(`sts:\n  name: Mo${CURSOR}\n`), []);
    assert.deepEqual(complete(`sts:\n  released: 2024${CURSOR}\n`), []);
    assert.deepEqual(complete(`sts:\n  architecture: >\n    two streams\n    over mi${CURSOR}\n`), []);
    assert.deepEqual(complete(`sts:\n  codec: { name: mimi, frame_rate_hz: 12${CURSOR} }\n`), []);
  });
});

describe('completion: licenses', () => {
  const hubIds = knowledge.licenses.filter(license => license.hub).map(license => license.id);
  const names = knowledge.licenses.filter(license => !license.hub).map(license => license.id);

  test('`license: apa` completes to apache-2.0 replacing `apa`', () => {
    const items = complete(`license: apa${CURSOR}\n`);
    assert.deepEqual(edit(item(items, 'apache-2.0')), { range: range(0, 9, 12), newText: 'apache-2.0' });
  });

  test('license offers the Hub ids only, `other` among them, each with the license\'s facts', () => {
    const items = complete(`license: ${CURSOR}\n`);
    assert.deepEqual(labels(items), hubIds);
    assert.ok(labels(items).includes('other'));
    assert.ok(!labels(items).includes('nvidia-open-model-license'));
    for (const completion of items) {
      assert.equal(completion.kind, CompletionItemKind.Value);
      assert.deepEqual(completion.documentation, { kind: 'markdown', value: hover.license(completion.label) });
    }
  });

  test('a list of licenses, a quoted license', () => {
    const listed = complete(`license:\n  - mit\n  - ${CURSOR}\n`);
    assert.deepEqual(labels(listed), hubIds.filter(id => id !== 'mit'));
    const flow = complete(`license: [mit, ${CURSOR}]\n`);
    assert.ok(!labels(flow).includes('mit'));
    const quoted = complete(`license: "apa${CURSOR}"\n`);
    assert.deepEqual(edit(item(quoted, 'apache-2.0')), { range: range(0, 10, 13), newText: 'apache-2.0' });
  });

  test('license_name offers the known names that are not Hub ids', () => {
    const items = complete(`license: other\nlicense_name: nv${CURSOR}\n`);
    assert.deepEqual(labels(items), names);
    assert.deepEqual(edit(item(items, 'nvidia-open-model-license')).range, range(1, 14, 16));
  });

  test('sts.licensing.code offers every license id', () => {
    assert.deepEqual(labels(complete(`sts:\n  licensing:\n    code: ${CURSOR}\n`)), knowledge.licenses.map(license => license.id));
  });
});

describe('completion: base models', () => {
  const hubIds = knowledge.models.flatMap(model => model.hub_ids);

  test('known Hub ids, with the model\'s hover documentation', () => {
    const items = complete(`base_model: kyu${CURSOR}\n`);
    for (const id of hubIds) assert.ok(labels(items).includes(id), `missing ${id}`);
    const moshiko = item(items, 'kyutai/moshiko-pytorch-bf16');
    assert.equal(moshiko.kind, CompletionItemKind.Reference);
    assert.deepEqual(edit(moshiko), { range: range(0, 12, 15), newText: 'kyutai/moshiko-pytorch-bf16' });
    assert.deepEqual(moshiko.documentation, { kind: 'markdown', value: hover.model('kyutai/moshiko-pytorch-bf16') });
  });

  test('a model without a Hub id by its name, inserted as a valid id', () => {
    const items = complete(`base_model:\n  - ${CURSOR}\n`);
    const model = knowledge.models.find(candidate => candidate.hub_ids.length === 0 && /\s/.test(candidate.name))!;
    assert.equal(edit(item(items, model.name)).newText, model.id);
    const plain = knowledge.models.find(candidate => candidate.hub_ids.length === 0 && /^[\w.-]+$/.test(candidate.name))!;
    assert.equal(edit(item(items, plain.name)).newText, plain.name);
    assert.ok(!labels(items).includes('moshi'), 'a model with Hub ids is offered by them, not by name');
    assert.deepEqual(edit(items[0]).range, range(1, 4));
  });
});

describe('completion: Markdown front matter', () => {
  const card = (eol: string, ...lines: string[]) => lines.join(eol);

  test('inside CRLF front matter: values and keys with ranges in the file\'s own lines', () => {
    const value = complete(card('\r\n', '---', `license: apa${CURSOR}`, 'sts:', '  family: near-sts', '---', '# Title', ''), 'README.md');
    assert.deepEqual(edit(item(value, 'apache-2.0')), { range: range(1, 9, 12), newText: 'apache-2.0' });
    const key = complete(card('\r\n', '---', 'license: mit', 'sts:', '  family: near-sts', `  ${CURSOR}`, '---', '# Title', ''), 'README.md');
    assert.deepEqual(labels(key), STS_KEYS.filter(name => name !== 'family'));
    assert.deepEqual(edit(key[0]).range, range(4, 2));
  });

  test('positions in the Markdown body and on the markers get nothing', () => {
    const text = (cursorLine: number) => {
      const lines = ['---', 'license: mit', '---', '# Title', 'lic', ''];
      lines[cursorLine] = cursorLine === 4 ? `lic${CURSOR}` : `${CURSOR}${lines[cursorLine]}`;
      return lines.join('\n');
    };
    assert.deepEqual(complete(text(4), 'README.md'), []);
    assert.deepEqual(complete(text(5), 'README.md'), []);
    assert.deepEqual(complete(text(0), 'README.md'), []);
    assert.deepEqual(complete(text(2), 'README.md'), []);
    assert.ok(complete(text(1), 'README.md').length > 0);
  });

  test('no front matter, or front matter checks off: nothing', () => {
    assert.deepEqual(complete(`# Title\nlic${CURSOR}\n`, 'README.md'), []);
    assert.deepEqual(completeAt(`---\nlicense: ${CURSOR}\n---\n`, 'README.md', { frontMatter: false }), { isIncomplete: false, items: [] });
  });

  test('an empty front matter offers the top-level keys', () => {
    assert.ok(labels(complete(`---\n${CURSOR}\n---\n`, 'MODEL_CARD.md')).includes('sts'));
  });
});

describe('completion: broken YAML', () => {
  test('never throws at any offset of half-typed cards, and returns a list', () => {
    const texts = [
      'sts: {\n  fam',
      'sts:\n  family: [dual\n  subcategories: {\nlicense: "apa',
      'license: mit\n  bad indent: x\n- item\nsts:\n\t- tab',
      '---\nlicense: [mit, \n---\nbody: {',
      'sts: &a\n  family: *b\n  latency:\n    - { ms: , kind: }\n    -\n  ? complex\n  : value\n',
      '"unterminated\nsts:\n  licensing:\n    siblings: [{ name: x, posture: ',
    ];
    for (const text of texts) {
      for (const name of ['card.modelcard.yaml', 'README.md']) {
        const document = documentOf(text, name);
        for (let offset = 0; offset <= text.length; offset++) {
          const list = provider.complete(document, document.positionAt(offset));
          assert.equal(list.isIncomplete, false);
          assert.ok(Array.isArray(list.items));
          for (const completion of list.items) {
            const { range: replaced } = edit(completion);
            assert.equal(replaced.start.line, replaced.end.line, 'an edit stays on one line');
            assert.ok(document.offsetAt(replaced.start) <= offset && offset <= document.offsetAt(replaced.end), 'the edit covers the cursor');
          }
        }
      }
    }
  });
});
