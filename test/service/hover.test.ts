import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { documentOf, knowledge, rangeOf, service } from '../helpers';

/** Hover through the service's public API, as the server calls it. */
const provider = { hover: service.hover };

const family = (id: string) => knowledge.families.find(entry => entry.id === id)!;
const posture = (id: string) => knowledge.postures.find(entry => entry.id === id)!;
const subcategory = (id: string) => knowledge.subcategories.find(entry => entry.id === id)!;
const license = (id: string) => knowledge.licenses.find(entry => entry.id === id)!;
const model = (id: string) => knowledge.models.find(entry => entry.id === id)!;
const modelName = (id: string) => knowledge.models.find(entry => entry.id === id)?.name ?? id;

/** Knowledge text as a hover shows it: on one line. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The position `delta` characters into the `occurrence`-th `needle`. */
function positionOf(text: string, needle: string, delta = 1, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `'${needle}' not in the test text`);
  }
  return documentOf(text).positionAt(offset + delta);
}

function hoverAt(text: string, needle: string, options: { name?: string; delta?: number; occurrence?: number } = {}): Hover | null {
  const document = documentOf(text, options.name);
  return provider.hover(document, positionOf(text, needle, options.delta ?? 1, options.occurrence ?? 0));
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

const CARD = [
  'license: other',
  'license_name: nvidia-open-model-license',
  'license_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
  'base_model: kyutai/moshiko-pytorch-bf16',
  'sts:',
  '  name: PersonaPlex',
  '  family: dual-stream-codec',
  '  subcategories: [translation-duplex]',
  '  duplex: full',
  '  latency:',
  '    - { ms: 170, kind: end-to-end }',
  '  licensing:',
  '    posture: permissive',
  '    code: mit',
  '    commercial_use: true',
  '',
].join('\n');

describe('hover on families', () => {
  test('a family value: its name, definition, examples, latency meaning and source, on the exact value', () => {
    const hover = hoverAt(CARD, 'dual-stream-codec');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'dual-stream-codec'));
    const markdown = markdownOf(hover);
    const entry = family('dual-stream-codec');
    assert.match(markdown, new RegExp(`^\\*\\*${entry.name}\\*\\*`));
    assert.ok(markdown.includes(flat(entry.definition)));
    assert.ok(markdown.includes(flat(entry.latency_meaning)));
    assert.ok(markdown.includes(`(${entry.source.url})`));
    for (const id of entry.examples.slice(0, 3)) assert.ok(markdown.includes(modelName(id)), `example ${id}`);
    // The first three traits (the identifying ones) and no more, so the hover fits without scrolling.
    for (const trait of entry.traits.slice(0, 3)) assert.ok(markdown.includes(`- ${flat(trait)}`), trait);
    for (const trait of entry.traits.slice(3)) assert.ok(!markdown.includes(`- ${flat(trait)}`), trait);
  });

  test('at most four example models are named', () => {
    const entry = knowledge.families.find(candidate => candidate.examples.length > 4);
    assert.ok(entry, 'a family with more than four examples');
    const markdown = markdownOf(hoverAt(`sts:\n  family: ${entry.id}\n`, entry.id));
    assert.ok(markdown.includes(`and ${entry.examples.length - 4} more`));
    assert.ok(!markdown.includes(`, ${modelName(entry.examples[4])}`));
  });

  test('every family id has a hover with its name', () => {
    for (const entry of knowledge.families) {
      const markdown = markdownOf(hoverAt(`sts:\n  family: ${entry.id}\n`, entry.id));
      assert.ok(markdown.includes(entry.name), entry.id);
    }
  });

  test('the family key: what it means and the five ids', () => {
    const hover = hoverAt(CARD, 'family');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'family'));
    const markdown = markdownOf(hover);
    assert.equal(knowledge.families.length, 5);
    for (const entry of knowledge.families) assert.ok(markdown.includes(`\`${entry.id}\``), entry.id);
  });

  test('an unknown family value has no hover', () => {
    assert.equal(hoverAt('sts:\n  family: dual-stream\n', 'dual-stream'), null);
  });
});

describe("hover: what the card's text says", () => {
  const card = [
    'license: mit',
    'sts:',
    '  family: interleaved-flatten',
    '  architecture: >',
    '    Our spoken dialogue model is built on Moshi:',
    '    two parallel streams carry the user and model audio.',
    '',
  ].join('\n');

  test('the family value, the family key and the architecture tell the family the prose points to, with the words and their lines', () => {
    for (const needle of ['interleaved-flatten', 'family', 'architecture', 'two parallel']) {
      const markdown = markdownOf(hoverAt(card, needle));
      assert.match(markdown, /\*\*What the card's text says:\*\* Dual-stream plus neural codec \(`dual-stream-codec`\), confidence [01]\.\d\d, from/, needle);
      assert.match(markdown, /"built on Moshi" \(line 5\)/, needle);
      assert.match(markdown, /"parallel streams carry the user" \(line 6\)/, needle);
    }
  });

  test('weak evidence is shown with the threshold it misses, and no evidence says what to write', () => {
    const weak = markdownOf(hoverAt('sts:\n  architecture: An end-to-end model.\n', 'architecture'));
    assert.match(weak, /confidence 0\.20, below the 0\.\d\d a suggestion needs, from "end-to-end" \(line 2\)/);
    const none = markdownOf(hoverAt('sts:\n  architecture: A helpful model.\n', 'architecture'));
    assert.match(none, /no architectural evidence/);
  });

  test('in a Markdown card the body is read and its lines are the file\'s', () => {
    const text = '---\nsts:\n  family: codec-free\n---\n# Model\n\nA codec-free spoken dialogue model.\n';
    const markdown = markdownOf(hoverAt(text, 'codec-free', { name: 'README.md' }));
    assert.match(markdown, /\(`codec-free`\), confidence 0\.\d\d, from "codec-free" \(line 7\)/);
  });
});

describe('hover on postures and sub-categories', () => {
  test('a posture value: name, definition, traits, examples, source', () => {
    const hover = hoverAt(CARD, 'permissive');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'permissive'));
    const markdown = markdownOf(hover);
    const entry = posture('permissive');
    assert.ok(markdown.includes(`**${entry.name}**`));
    assert.ok(markdown.includes(flat(entry.definition)));
    assert.ok(markdown.includes(modelName(entry.examples[0])));
    assert.ok(markdown.includes(`(${entry.source.url})`));
  });

  test('the posture key lists the four ids', () => {
    const markdown = markdownOf(hoverAt(CARD, 'posture'));
    assert.equal(knowledge.postures.length, 4);
    for (const entry of knowledge.postures) assert.ok(markdown.includes(`\`${entry.id}\``), entry.id);
  });

  test("a sibling's posture is a posture too", () => {
    const text = 'sts:\n  licensing:\n    posture: split-with-sibling\n    siblings:\n      - { name: Big, posture: closed-commercial }\n';
    assert.ok(markdownOf(hoverAt(text, 'closed-commercial')).includes(posture('closed-commercial').name));
  });

  test('a sub-category item, in a flow and in a block sequence: name, definition, families, examples', () => {
    const entry = subcategory('translation-duplex');
    const flowHover = hoverAt(CARD, 'translation-duplex');
    assert.deepEqual(flowHover?.range, rangeOf(CARD, 'translation-duplex'));
    const markdown = markdownOf(flowHover);
    assert.ok(markdown.includes(`**${entry.name}**`));
    assert.ok(markdown.includes(flat(entry.definition)));
    for (const id of entry.families) assert.ok(markdown.includes(family(id).name), id);
    assert.ok(markdown.includes(modelName(entry.examples[0])));

    const block = 'sts:\n  subcategories:\n    - reasoning-realtime\n    - voice-cloning\n';
    const blockHover = hoverAt(block, 'voice-cloning');
    assert.deepEqual(blockHover?.range, rangeOf(block, 'voice-cloning'));
    assert.ok(markdownOf(blockHover).includes(subcategory('voice-cloning').name));
  });

  test('the sub-categories key lists the three ids', () => {
    const markdown = markdownOf(hoverAt(CARD, 'subcategories'));
    for (const entry of knowledge.subcategories) assert.ok(markdown.includes(`\`${entry.id}\``), entry.id);
  });
});

describe('hover on licenses', () => {
  test('a Hub license id: its id, commercial use, credit, link and source', () => {
    const text = 'license: cc-by-nc-4.0\n';
    const hover = hoverAt(text, 'cc-by-nc');
    assert.deepEqual(hover?.range, rangeOf(text, 'cc-by-nc-4.0'));
    const markdown = markdownOf(hover);
    const entry = license('cc-by-nc-4.0');
    assert.ok(markdown.includes(`\`${entry.id}\``));
    assert.ok(markdown.includes(`**Commercial use:** ${entry.commercial_use}`));
    assert.ok(markdown.includes(`(${entry.source.url})`));
    if (entry.url) assert.ok(markdown.includes(`(${entry.url})`));
  });

  test('the NVIDIA Open Model License shows its article note', () => {
    const hover = hoverAt(CARD, 'nvidia-open-model-license');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'nvidia-open-model-license'));
    const markdown = markdownOf(hover);
    const entry = license('nvidia-open-model-license');
    assert.ok(entry.article_note);
    assert.ok(markdown.includes(flat(entry.article_note)));
    assert.ok(markdown.includes(`**Commercial use:** ${entry.commercial_use}`));
    assert.ok(markdown.includes(entry.source.url!));
  });

  test('every license with an article note shows it', () => {
    for (const entry of knowledge.licenses.filter(candidate => candidate.article_note)) {
      const markdown = markdownOf(hoverAt(`license: other\nlicense_name: ${entry.id}\n`, entry.id));
      assert.ok(markdown.includes(flat(entry.article_note!)), entry.id);
    }
  });

  test('license: other explains license_name and shows the license it names', () => {
    const hover = hoverAt(CARD, 'other');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'other'));
    const markdown = markdownOf(hover);
    assert.ok(markdown.includes('license_name'));
    assert.ok(markdown.includes('license_link'));
    const named = license('nvidia-open-model-license');
    assert.ok(markdown.includes(named.name));
    assert.ok(markdown.includes(flat(named.article_note!)));
  });

  test('license: other without a license_name says so and shows no other license', () => {
    const markdown = markdownOf(hoverAt('license: other\n', 'other'));
    assert.ok(markdown.includes('no `license_name`'));
    assert.ok(!markdown.includes('**Commercial use:**'));
  });

  test('a license_name written by hand resolves by name, ignoring case', () => {
    const text = 'license: other\nlicense_name: NVIDIA Open Model License Agreement\n';
    assert.ok(markdownOf(hoverAt(text, 'NVIDIA')).includes('`nvidia-open-model-license`'));
  });

  test('license list items and the code license', () => {
    const list = 'license:\n  - mit\n  - apache-2.0\n';
    const hover = hoverAt(list, 'apache-2.0');
    assert.deepEqual(hover?.range, rangeOf(list, 'apache-2.0'));
    assert.ok(markdownOf(hover).includes(`**Commercial use:** ${license('apache-2.0').commercial_use}`));

    const code = hoverAt(CARD, 'mit');
    assert.deepEqual(code?.range, rangeOf(CARD, 'mit'));
    assert.ok(markdownOf(code).includes('`mit`'));
  });

  test('an unknown license id, or a near miss, has no hover', () => {
    assert.equal(hoverAt('license: my-license\n', 'my-license'), null);
    assert.equal(hoverAt('license: Apache-2.0\n', 'Apache'), null);
    assert.equal(hoverAt('license: other\nlicense_name: my-license\n', 'my-license'), null);
  });
});

describe('hover on base models', () => {
  test('a known base model: name, lab, family, licenses with commercial use, posture, Hub ids', () => {
    const hover = hoverAt(CARD, 'kyutai/moshiko');
    assert.deepEqual(hover?.range, rangeOf(CARD, 'kyutai/moshiko-pytorch-bf16'));
    const markdown = markdownOf(hover);
    const entry = model('moshi');
    assert.ok(markdown.includes(`**${entry.name}**`));
    assert.ok(markdown.includes(entry.lab));
    assert.ok(markdown.includes(`\`${entry.family}\``));
    assert.ok(markdown.includes(`\`${entry.weights_license}\`), commercial use: ${license(entry.weights_license!).commercial_use}`));
    assert.ok(markdown.includes(`\`${entry.code_license}\``));
    assert.ok(markdown.includes(`\`${entry.posture}\``));
    for (const hubId of entry.hub_ids) assert.ok(markdown.includes(`\`${hubId}\``), hubId);
  });

  test('a base model list item', () => {
    const text = 'base_model:\n  - someone/unknown-model\n  - kyutai/moshiko-pytorch-bf16\n';
    assert.ok(markdownOf(hoverAt(text, 'kyutai')).includes(model('moshi').name));
    assert.equal(hoverAt(text, 'someone'), null);
  });

  test('an unknown base model has no hover', () => {
    assert.equal(hoverAt('base_model: someone/some-model\n', 'someone'), null);
  });
});

describe('hover on the keys of the card format', () => {
  test('a key under sts says what it means and which values it takes', () => {
    // The first 'duplex' is inside 'translation-duplex'.
    const hover = hoverAt(CARD, 'duplex', { occurrence: 1 });
    assert.deepEqual(hover?.range, rangeOf(CARD, 'duplex', 1));
    const markdown = markdownOf(hover);
    for (const value of ['full', 'half', 'none']) assert.ok(markdown.includes(`\`${value}\``), value);
  });

  test('a latency kind value and key', () => {
    const value = hoverAt(CARD, 'end-to-end');
    assert.deepEqual(value?.range, rangeOf(CARD, 'end-to-end'));
    assert.ok(markdownOf(value).includes('`end-to-end`'));
    const key = markdownOf(hoverAt(CARD, 'kind'));
    for (const kind of ['theoretical', 'model-only', 'end-to-end']) assert.ok(key.includes(`\`${kind}\``), kind);
  });

  test('every key of the example card has a hover on exactly the key', () => {
    const keys = ['license', 'license_name', 'license_link', 'base_model', 'sts', 'name', 'family', 'subcategories', 'duplex',
      'latency', 'ms', 'kind', 'licensing', 'posture', 'code', 'commercial_use'];
    for (const key of keys) {
      const offset = CARD.search(new RegExp(`(^|[\\s{])${key}:`, 'm'));
      const start = offset + CARD.slice(offset).indexOf(key);
      const document = documentOf(CARD);
      const hover = provider.hover(document, document.positionAt(start + 1));
      assert.ok(hover, key);
      assert.deepEqual(hover.range, { start: document.positionAt(start), end: document.positionAt(start + key.length) }, key);
    }
  });

  test('free text values and unknown keys have no hover', () => {
    assert.equal(hoverAt('sts:\n  name: Some New Model\n', 'Some'), null);
    assert.equal(hoverAt('sts:\n  familly: codec-free\n', 'familly'), null);
    assert.equal(hoverAt('sts:\n  licensing:\n    commercial_use: true\n', 'true'), null);
  });

  test('an empty value has no hover', () => {
    const text = 'sts:\n  family: \n';
    assert.equal(provider.hover(documentOf(text), { line: 1, character: 10 }), null);
  });
});

describe('hover in Markdown cards', () => {
  const README = ['---', 'license: mit', 'sts:', '  family: codec-free', '---', '', '# Model', 'license: mit', 'sts: codec-free', ''];

  test('ranges are in the Markdown file\'s own lines, with LF and with CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = README.join(eol);
      const document = documentOf(text, 'README.md');
      const hover = provider.hover(document, { line: 3, character: 12 });
      assert.deepEqual(hover?.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 20 } }, JSON.stringify(eol));
      assert.ok(markdownOf(hover).includes(family('codec-free').name));
      const key = provider.hover(document, { line: 1, character: 0 });
      assert.deepEqual(key?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    }
  });

  test('the body, the markers and a Markdown file without front matter have no hover', () => {
    const document = documentOf(README.join('\r\n'), 'README.md');
    for (const position of [{ line: 7, character: 10 }, { line: 8, character: 1 }, { line: 6, character: 2 }, { line: 0, character: 1 }, { line: 4, character: 1 }]) {
      assert.equal(provider.hover(document, position), null, JSON.stringify(position));
    }
    assert.equal(provider.hover(documentOf('license: mit\n', 'MODEL_CARD.md'), { line: 0, character: 10 }), null);
    assert.equal(provider.hover(documentOf('---\nlicense: mit\n', 'README.md'), { line: 1, character: 10 }), null);
  });

  test('no hover when front matter checks are off', () => {
    const document = documentOf(README.join('\n'), 'README.md');
    assert.equal(provider.hover(document, { line: 3, character: 12 }, { frontMatter: false }), null);
    assert.ok(provider.hover(document, { line: 3, character: 12 }, { frontMatter: true }));
  });
});

describe('hover robustness', () => {
  test('invalid YAML: best effort, never a throw', () => {
    const text = 'sts:\n  family: codec-free\n  bad: [unclosed\nlicense: { mit\n: :\n';
    const document = documentOf(text);
    const lines = text.split('\n');
    for (let line = 0; line <= lines.length; line++) {
      for (let character = 0; character <= (lines[line]?.length ?? 0) + 1; character++) {
        assert.doesNotThrow(() => provider.hover(document, { line, character }));
      }
    }
    const hover = provider.hover(document, { line: 1, character: 12 });
    assert.ok(hover === null || markdownOf(hover).includes(family('codec-free').name));
  });

  test('the same hover twice gives the same memoised Markdown, and an edit is seen', () => {
    const first = markdownOf(hoverAt(CARD, 'dual-stream-codec'));
    const second = markdownOf(hoverAt(CARD, 'dual-stream-codec'));
    assert.equal(first, second);
    const document = documentOf('sts:\n  family: codec-free\n');
    assert.ok(markdownOf(provider.hover(document, { line: 1, character: 12 })).includes(family('codec-free').name));
    const edited = documentOf('sts:\n  family: near-sts\n');
    assert.ok(markdownOf(provider.hover(edited, { line: 1, character: 12 })).includes(family('near-sts').name));
  });
});
