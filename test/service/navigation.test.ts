/**
 * Navigation as pure service features: the outline (document symbols), document links, and the
 * lineage lookups behind go-to-definition across cards.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DocumentSymbol, Position, Range, SymbolKind } from 'vscode-languageserver-types';
import { KnowledgeIndex } from '../../server/src/service/knowledgeIndex';
import { baseModelReferenceAt, baseModelReferences, cardIdentity, definitionSpan, matchesBaseModel, placeName } from '../../server/src/service/navigation/lineage';
import { documentLinks, HUB } from '../../server/src/service/navigation/links';
import { documentSymbols, markdownHeadings, offsetSymbols, SymbolOptions } from '../../server/src/service/navigation/symbols';
import { ParsedDocument, ParsedDocuments } from '../../server/src/service/parsedDocuments';
import { documentOf, knowledge, ROOT } from '../helpers';

const index = new KnowledgeIndex(knowledge);
const REAL_CARDS = path.join(ROOT, 'test', 'fixtures', 'real-cards');
const realCards = fs.readdirSync(REAL_CARDS).filter(name => name.endsWith('.md')).sort();

function parse(text: string, name = 'card.modelcard.yaml'): { parsed: ParsedDocument; document: ReturnType<typeof documentOf> } {
  const document = documentOf(text, name);
  return { parsed: new ParsedDocuments().get(document), document };
}

function symbolsOf(text: string, name?: string, options?: SymbolOptions): DocumentSymbol[] {
  const { parsed, document } = parse(text, name);
  return documentSymbols(parsed, document, options);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const names = (symbols: readonly DocumentSymbol[]) => symbols.map(symbol => symbol.name);
const child = (symbols: readonly DocumentSymbol[] | undefined, name: string): DocumentSymbol => {
  const found = symbols?.find(symbol => symbol.name === name);
  assert.ok(found, `no symbol '${name}' among ${names(symbols ?? []).join(', ')}`);
  return found;
};

/** Every symbol: a non-empty one-line name, its selection inside its range, its children inside it and in order. */
function assertWellFormed(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  let previous: DocumentSymbol | undefined;
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim() !== '' && !/[\r\n]/.test(symbol.name), `bad name ${JSON.stringify(symbol.name)}`);
    assert.ok(before(symbol.range.start, symbol.range.end), `${symbol.name}: range ends before it starts`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} outside its parent ${parent.name}`);
    if (previous) assert.ok(before(previous.range.start, symbol.range.start), `${symbol.name} before ${previous.name}`);
    previous = symbol;
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

/** The text a range covers. */
function textOf(document: ReturnType<typeof documentOf>, range: Range): string {
  return document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

const flatten = (symbols: readonly DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap(symbol => [symbol, ...flatten(symbol.children ?? [])]);

const PERSONAPLEX = `# A standalone card.
license: other
license_name: nvidia-open-model-license
license_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/
base_model: kyutai/moshiko-pytorch-bf16
base_model_relation: finetune
language: [en]
pipeline_tag: audio-to-audio
sts:
  name: PersonaPlex
  family: dual-stream-codec
  architecture: >
    Fine-tune of Moshi over the Mimi codec.
  subcategories: []
  codec: { name: mimi, frame_rate_hz: 12.5 }
  latency:
    - { ms: 170, kind: end-to-end, source: "average first response" }
    - ms: 240
      kind: model-only
  licensing:
    posture: permissive
    commercial_use: true
    siblings:
      - name: Moshi
        posture: permissive
`;

const MOSHI_README = `---
license: cc-by-4.0
language:
- en
sts:
  name: Moshi
  family: dual-stream-codec
  latency:
    - { ms: 160, kind: theoretical }
---
# Moshi (example card)

Intro.

## Usage

\`\`\`bash
# install
pip install moshi
\`\`\`

### From Python

~~~python
## not a heading either
~~~

## License
Released under CC BY 4.0.
`;

describe('document symbols: YAML', () => {
  test('a standalone card: its top-level keys in order, sts with its keys, nested mappings and lists', () => {
    const symbols = symbolsOf(PERSONAPLEX);
    assert.deepEqual(names(symbols), ['license', 'license_name', 'license_link', 'base_model', 'base_model_relation', 'language', 'pipeline_tag', 'sts']);
    const sts = child(symbols, 'sts');
    assert.equal(sts.kind, SymbolKind.Module);
    assert.deepEqual(names(sts.children!), ['name', 'family', 'architecture', 'subcategories', 'codec', 'latency', 'licensing']);
    assert.equal(child(sts.children, 'name').detail, 'PersonaPlex');
    assert.equal(child(sts.children, 'name').kind, SymbolKind.String);
    assert.equal(child(sts.children, 'architecture').detail, 'Fine-tune of Moshi over the Mimi codec.');
    assert.deepEqual(names(child(sts.children, 'codec').children!), ['name', 'frame_rate_hz']);
    assert.equal(child(child(sts.children, 'codec').children, 'frame_rate_hz').kind, SymbolKind.Number);

    const latency = child(sts.children, 'latency');
    assert.equal(latency.kind, SymbolKind.Array);
    assert.deepEqual(names(latency.children!), ['170 ms end-to-end', '240 ms model-only']);
    assert.equal(latency.children![0].kind, SymbolKind.Object);
    assert.equal(latency.children![0].detail, 'average first response');
    assert.deepEqual(names(latency.children![1].children!), ['ms', 'kind']);

    const licensing = child(sts.children, 'licensing');
    assert.equal(child(licensing.children, 'commercial_use').kind, SymbolKind.Boolean);
    const siblings = child(licensing.children, 'siblings');
    assert.deepEqual(names(siblings.children!), ['Moshi']);
    assert.equal(siblings.children![0].detail, 'permissive');
    assert.deepEqual(names(child(symbols, 'language').children!), ['en']);
    assertWellFormed(symbols);
  });

  test('ranges: the whole entry; selections: the key', () => {
    const { parsed, document } = parse(PERSONAPLEX);
    const symbols = documentSymbols(parsed, document);
    const license = child(symbols, 'license');
    assert.equal(textOf(document, license.range), 'license: other');
    assert.equal(textOf(document, license.selectionRange), 'license');
    const sts = child(symbols, 'sts');
    assert.equal(textOf(document, sts.selectionRange), 'sts');
    assert.ok(textOf(document, sts.range).startsWith('sts:\n  name: PersonaPlex'));
    assert.ok(textOf(document, sts.range).endsWith('posture: permissive'), 'the range ends at the entry\'s last character');
    const latency = child(sts.children, 'latency');
    assert.equal(textOf(document, latency.children![0].range), '- { ms: 170, kind: end-to-end, source: "average first response" }');
    assert.equal(textOf(document, latency.children![0].selectionRange), 'ms: 170');
    assert.equal(textOf(document, latency.children![1].range), '- ms: 240\n      kind: model-only');
    const architecture = child(sts.children, 'architecture');
    assert.equal(textOf(document, architecture.range), 'architecture: >\n    Fine-tune of Moshi over the Mimi codec.');
  });

  test('model-index results and metrics are named by task, dataset and metric', () => {
    const text = [
      'model-index:',
      '  - name: whisper-tiny',
      '    results:',
      '      - task: { type: automatic-speech-recognition, name: ASR }',
      '        dataset: { type: librispeech_asr, name: LibriSpeech }',
      '        metrics:',
      '          - { type: wer, value: 7.5 }',
      '',
    ].join('\n');
    const modelIndex = child(symbolsOf(text), 'model-index');
    const entry = modelIndex.children![0];
    assert.equal(entry.name, 'whisper-tiny');
    const result = child(entry.children, 'results').children![0];
    assert.equal(result.name, 'ASR · LibriSpeech');
    assert.equal(child(result.children, 'metrics').children![0].name, 'wer: 7.5');
  });

  test('odd keys and values: empty keys, empty values, aliases, complex keys, a list at the root', () => {
    const symbols = symbolsOf('"": a\nempty:\nanchor: &a x\nalias: *a\n? [a, b]\n: c\n');
    assert.deepEqual(names(symbols), ['""', 'empty', 'anchor', 'alias', '[a, b]']);
    assert.equal(child(symbols, 'empty').kind, SymbolKind.Null);
    assert.equal(child(symbols, 'alias').kind, SymbolKind.Variable);
    assertWellFormed(symbols);
    const list = symbolsOf('- a\n- b: 1\n');
    assert.deepEqual(names(list), ['a', 'b: 1']);
    assertWellFormed(list);
    assert.deepEqual(symbolsOf(''), []);
    assert.deepEqual(symbolsOf('# only a comment\n'), []);
    assert.deepEqual(symbolsOf('just text'), []);
  });

  test('a limit keeps the shallowest symbols', () => {
    const { parsed } = parse(PERSONAPLEX);
    const limited = offsetSymbols(parsed, { limit: 10 });
    const count = (list: readonly { children: readonly unknown[] }[]): number =>
      list.reduce((sum, symbol) => sum + 1 + count(symbol.children as { children: readonly unknown[] }[]), 0);
    assert.equal(count(limited), 10);
    assert.equal(limited.length, 8, 'every top-level key is kept');
  });

  test('a huge card is outlined within the limit, without recursion trouble', () => {
    // 200 mappings deep: past the depth the rules analyse, still outlined.
    const deep = `a:${Array.from({ length: 200 }, (_, depth) => `\n${'  '.repeat(depth + 1)}k${depth}:`).join('')} x\n`;
    assert.equal(flatten(symbolsOf(deep)).length, 201);
    assertWellFormed(symbolsOf(deep));
    const wide = Array.from({ length: 8000 }, (_, at) => `key${at}: ${at}`).join('\n');
    const symbols = symbolsOf(wide);
    assert.equal(symbols.length, 5000);
  });
});

describe('document symbols: Markdown cards', () => {
  test('front matter keys, then the headings as a nested outline, none from code fences', () => {
    const { parsed, document } = parse(MOSHI_README, 'README.md');
    const symbols = documentSymbols(parsed, document);
    assert.deepEqual(names(symbols), ['license', 'language', 'sts', 'Moshi (example card)']);
    const title = child(symbols, 'Moshi (example card)');
    assert.equal(title.kind, SymbolKind.String);
    assert.deepEqual(names(title.children!), ['Usage', 'License']);
    assert.deepEqual(names(child(title.children, 'Usage').children!), ['From Python']);
    assert.equal(textOf(document, title.selectionRange), 'Moshi (example card)');
    assert.ok(textOf(document, title.range).startsWith('# Moshi (example card)'));
    assert.ok(textOf(document, title.range).endsWith('Released under CC BY 4.0.'));
    assert.ok(textOf(document, child(title.children, 'Usage').range).endsWith('~~~'), 'a section runs to the next heading of its level');
    assert.deepEqual(names(child(child(symbols, 'sts').children, 'latency').children!), ['160 ms theoretical']);
    assertWellFormed(symbols);
  });

  test('headings can be left to the editor\'s own Markdown outline, front matter to the frontMatter setting', () => {
    assert.deepEqual(names(symbolsOf(MOSHI_README, 'README.md', { headings: false })), ['license', 'language', 'sts']);
    assert.deepEqual(names(symbolsOf(MOSHI_README, 'README.md', { frontMatter: false })), ['Moshi (example card)']);
    assert.equal(symbolsOf(PERSONAPLEX, 'card.modelcard.yaml', { frontMatter: false }).length, 8, 'a standalone card is no front matter');
  });

  test('a Markdown card without front matter has its headings; an unclosed front matter has nothing', () => {
    assert.deepEqual(names(symbolsOf('# Title\n\ntext\n\n## Part\n', 'MODEL_CARD.md')), ['Title']);
    assert.deepEqual(symbolsOf('---\nlicense: mit\n# Title\n', 'README.md'), []);
  });

  test('a standalone YAML card has no headings: its comments are comments', () => {
    assert.deepEqual(names(symbolsOf('# Title\nlicense: mit\n')), ['license']);
  });

  test('CRLF line breaks', () => {
    const text = MOSHI_README.replace(/\n/g, '\r\n');
    const { parsed, document } = parse(text, 'README.md');
    const symbols = documentSymbols(parsed, document);
    assert.deepEqual(names(symbols), ['license', 'language', 'sts', 'Moshi (example card)']);
    assert.equal(textOf(document, child(symbols, 'license').range), 'license: cc-by-4.0');
    assertWellFormed(symbols);
  });

  for (const name of realCards) {
    test(`real card ${name}: every heading of the body, in order, and well-formed symbols`, () => {
      const text = fs.readFileSync(path.join(REAL_CARDS, name), 'utf8');
      const { parsed, document } = parse(text, name);
      const symbols = documentSymbols(parsed, document);
      assertWellFormed(symbols);
      const bodyStart = parsed.located.kind === 'front-matter' ? parsed.located.close.end : 0;
      const expected = referenceHeadings(text, bodyStart);
      const headings = flatten(symbols).filter(symbol => symbol.range.start.line >= document.positionAt(bodyStart).line && symbol.kind === SymbolKind.String && symbol.detail?.startsWith('#'));
      assert.deepEqual(headings.map(symbol => symbol.name), expected.map(heading => heading.text));
      assert.deepEqual(headings.map(symbol => symbol.selectionRange.start.line), expected.map(heading => heading.line));
      if (parsed.located.kind === 'front-matter') {
        const keys = symbols.filter(symbol => symbol.range.start.line < document.positionAt(bodyStart).line);
        assert.ok(keys.length > 0, 'the front matter\'s keys are there');
      }
    });
  }

  test('a real card with fenced code added: the fences\' "headings" stay out', () => {
    const text = fs.readFileSync(path.join(REAL_CARDS, 'moshi_moshika-candle-q8.md'), 'utf8');
    const withCode = `${text}\n\`\`\`bash\n# install it\npip install moshi\n\`\`\`\n\n\`\`\`\`md\n\`\`\`\n# still code\n\`\`\`\n\`\`\`\`\n\n## After the code\n`;
    const headings = flatten(symbolsOf(withCode, 'README.md')).map(symbol => symbol.name);
    assert.ok(!headings.includes('install it'));
    assert.ok(!headings.includes('still code'));
    assert.equal(headings[headings.length - 1], 'After the code');
  });

  test('broken front matter: whatever was recovered, never a throw, always well-formed', () => {
    const sources = [
      fs.readFileSync(path.join(ROOT, 'examples', 'good', 'moshi', 'README.md'), 'utf8'),
      fs.readFileSync(path.join(REAL_CARDS, 'other_nemotron-3-8b-chat-4k-rlhf.md'), 'utf8'),
      fs.readFileSync(path.join(REAL_CARDS, 'nvidia_audio-flamingo-3-chat.md'), 'utf8'),
    ];
    let checked = 0;
    for (const source of sources) {
      // Every truncation, and the front matter closed right after it (the YAML cut mid-token).
      for (let cut = 0; cut <= source.length; cut++) {
        const truncated = source.slice(0, cut);
        for (const text of [truncated, `${truncated}\n---\n# Body\n`]) {
          const { parsed, document } = parse(text, 'README.md');
          const symbols = documentSymbols(parsed, document);
          assertWellFormed(symbols);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000);
    // Syntax errors inside: the keys before them survive.
    const recovered = names(symbolsOf('---\nlicense: mit\nsts:\n  name: [unclosed\n  family: x\n---\n# Body\n', 'README.md'));
    assert.ok(recovered.includes('license') && recovered.includes('Body'), recovered.join(', '));
    for (const text of ['a: b: c\n', 'key: "unclosed\n', '\tsts:\n', 'a: 1\na: 2\n', 'x: *missing\n', '- a\nb: c\n', '{ a: [1, 2\n', ': x\n', '? \n']) {
      assertWellFormed(symbolsOf(text));
      assertWellFormed(symbolsOf(`---\n${text}---\n# H\n`, 'README.md'));
    }
  });
});

/** The headings a CommonMark tokenizer finds at the document level, from markdown-it when it is installed. */
function referenceHeadings(text: string, bodyStart: number): { text: string; line: number }[] {
  const body = text.slice(bodyStart);
  const bodyLine = text.slice(0, bodyStart).split(/\r\n|\r|\n/).length - 1;
  const markdownIt = loadMarkdownIt();
  if (!markdownIt) {
    return markdownHeadings(text, bodyStart).map(heading => ({ text: heading.text, line: text.slice(0, heading.textSpan.start).split(/\r\n|\r|\n/).length - 1 }));
  }
  const tokens = markdownIt.parse(body, {});
  const headings: { text: string; line: number }[] = [];
  tokens.forEach((token, at) => {
    if (token.type !== 'heading_open' || token.level !== 0) return;
    const inline = tokens[at + 1];
    const plain = (inline.children ?? []).filter(child => child.type === 'text' || child.type === 'code_inline').map(child => child.content).join('');
    headings.push({ text: plain.replace(/\s+/g, ' ').trim(), line: bodyLine + token.map![0] });
  });
  return headings;
}

interface MarkdownToken {
  type: string;
  level: number;
  content: string;
  map: [number, number] | null;
  children: MarkdownToken[] | null;
}

/**
 * markdown-it with HTML on (as the Hub renders cards): a dependency of @vscode/vsce, so present
 * wherever the dev dependencies are; the tests fall back to fixed expectations without it.
 */
function loadMarkdownIt(): { parse(text: string, env: object): MarkdownToken[] } | undefined {
  try {
    const MarkdownIt = require('markdown-it');
    return new MarkdownIt({ html: true });
  } catch {
    return undefined;
  }
}

describe('Markdown headings: what is a heading', () => {
  const cases: { name: string; body: string; expected: [number, string][] }[] = [
    { name: 'ATX with closing sequences and inline markup', body: '# One #\n## **Two** `code` [link](http://x) ##\n###   Three   \n#NotAHeading\n####### seven\n\\# escaped\n', expected: [[1, 'One'], [2, 'Two code link'], [3, 'Three']] },
    { name: 'Setext, one and several lines', body: 'Title\n=====\n\nSub\ntitle\n---\n\ntext\n\n---\n', expected: [[1, 'Title'], [2, 'Sub title']] },
    { name: 'fences: backticks, tildes, longer closers, an unclosed fence to the end', body: '```\n# a\n```\n~~~~\n# b\n~~~\n# c\n~~~~\n# d\n````\n# e\n', expected: [[1, 'd']] },
    { name: 'indented code is no heading, a paragraph continuation neither', body: '    # code\n\ntext\n    # more text\n\n# real\n', expected: [[1, 'real']] },
    { name: 'HTML blocks: a comment over lines, a details block, a pre block', body: '<!--\n# commented\n-->\n<details>\n# inside\n</details>\n\n<pre>\n# pre\n</pre>\n# after\n', expected: [[1, 'after']] },
    { name: 'lists and quotes: an underline after a list item is a rule, quoted headings stay out', body: '- item\n---\n> # quoted\n> Quote\n> ---\n\n* a\n===\n', expected: [] },
    { name: 'tables and link reference definitions: their underlines are no Setext headings', body: '| a | b |\n|---|---|\n| 1 | 2 |\n---\n\n[ref]: http://x\n===\n\nText\n[ref]: y\n---\n', expected: [[2, 'Text [ref]: y']] },
    { name: 'a heading right after a paragraph, and a setext underline after a heading', body: 'para\n# Heading\n---\n', expected: [[1, 'Heading']] },
    { name: 'an HTML tag line opens a block only outside a paragraph', body: 'text\n<span>x</span>\n===\n\n<img src="x">\n# swallowed\n\n# kept\n', expected: [[1, 'text x'], [1, 'kept']] },
  ];
  test('the same headings as markdown-it on thousands of generated documents (lists aside)', t => {
    const markdownIt = loadMarkdownIt();
    if (!markdownIt) return t.skip('markdown-it is not installed');
    // Lines that open, continue or end blocks; list items are left out: a `#` line indented under
    // one counts here (as for a reader skimming the file), where CommonMark puts it in the item.
    const pieces = ['# H', '## H2 ##', 'text', 'more text', '', '', '===', '---', '***', '```', '```js', '~~~', '    # code',
      '    text', '<!--', '-->', '<div>', '</div>', '<img src="x">', '> quote', '> # qh', '<pre>', '</pre>', '\t# tab',
      '   # three', '  ---', 'a | b', '--- | ---', '|---|---|', '<details>', '*emph*', '[ref]: http://x', '  continued'];
    let seed = 20261125;
    // Park and Miller's generator: the same documents on every run.
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 2 + Math.floor(random() * 7) }, () => pieces[Math.floor(random() * pieces.length)]);
      const body = `${lines.join('\n')}\n`;
      const expected: number[] = markdownIt.parse(body, {}).filter(token => token.type === 'heading_open' && token.level === 0).map(token => token.map![0]);
      const found: number[] = markdownHeadings(body).map(heading => body.slice(0, heading.span.start).split('\n').length - 1);
      assert.deepEqual(found, expected, JSON.stringify(body));
    }
  });

  for (const { name, body, expected } of cases) {
    test(name, () => {
      const found = markdownHeadings(body).map((heading): [number, string] => [heading.level, heading.text]);
      assert.deepEqual(found, expected);
      const markdownIt = loadMarkdownIt();
      if (markdownIt) {
        const levels = markdownIt.parse(body, {}).filter(token => token.type === 'heading_open' && token.level === 0).map(token => token.map![0]);
        const lines = markdownHeadings(body).map(heading => body.slice(0, heading.span.start).split('\n').length - 1);
        assert.deepEqual(lines, levels, 'the lines markdown-it finds headings on');
      }
    });
  }
});

describe('document links', () => {
  const CARD = `license: other
license_name: nvidia-open-model-license
license_link: "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/"
base_model:
  - kyutai/moshiko-pytorch-bf16
  - 'Qwen/Qwen2.5-Omni-7B'
new_version: nvidia/personaplex-7b-v2
datasets: [nvidia/AF-Chat, librispeech_asr]
sts:
  name: Moshi
  latency:
    - { ms: 200, kind: end-to-end, source: "https://kyutai.org/latency" }
  licensing:
    posture: permissive
    siblings:
      - { name: Hibiki, posture: permissive }
      - { name: Spirit LM, posture: non-commercial }
  consent:
    voice_source: hired actors
    consent_obtained: true
    policy_link: >-
      https://example.com/consent
`;

  test('every link covers exactly its value, with its target and a tooltip', () => {
    const { parsed, document } = parse(CARD);
    const links = documentLinks(parsed, document, index);
    const seen = links.map(link => [textOf(document, link.range), link.target]);
    assert.deepEqual(seen, [
      ['https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/', 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/'],
      ['kyutai/moshiko-pytorch-bf16', `${HUB}/kyutai/moshiko-pytorch-bf16`],
      ['Qwen/Qwen2.5-Omni-7B', `${HUB}/Qwen/Qwen2.5-Omni-7B`],
      ['nvidia/personaplex-7b-v2', `${HUB}/nvidia/personaplex-7b-v2`],
      ['nvidia/AF-Chat', `${HUB}/datasets/nvidia/AF-Chat`],
      ['librispeech_asr', `${HUB}/datasets/librispeech_asr`],
      ['Moshi', `${HUB}/kyutai/moshiko-pytorch-bf16`],
      ['https://kyutai.org/latency', 'https://kyutai.org/latency'],
      ['Hibiki', `${HUB}/kyutai/hibiki-2b-mlx-bf16`],
      ['https://example.com/consent', 'https://example.com/consent'],
    ]);
    for (const link of links) assert.ok(link.tooltip && link.tooltip.startsWith('Open '), link.tooltip);
    assert.match(links[0].tooltip!, /license/);
    assert.match(links[1].tooltip!, /base model/);
    assert.match(links[4].tooltip!, /dataset/);
    assert.match(links[9].tooltip!, /consent policy/);
  });

  test('a single base model, a bare known model name, and links inside a README\'s front matter', () => {
    const text = '---\nlicense: cc-by-4.0\nbase_model: moshi\ndatasets: nvidia/LongAudio\nlicense_link: http://example.org/license\n---\n# Body https://not.a.link\n';
    const { parsed, document } = parse(text, 'README.md');
    const links = documentLinks(parsed, document, index);
    assert.deepEqual(links.map(link => [textOf(document, link.range), link.target]), [
      ['moshi', `${HUB}/kyutai/moshiko-pytorch-bf16`],
      ['nvidia/LongAudio', `${HUB}/datasets/nvidia/LongAudio`],
      ['http://example.org/license', 'http://example.org/license'],
    ]);
  });

  test('no link for what is no web URL or Hub id', () => {
    const text = [
      'license_link: LICENSE',
      'base_model: [not a hub id!, ../etc/passwd, "a/b/c"]',
      'new_version: javascript:alert(1)',
      'datasets: ["", "spaces in it"]',
      'sts:',
      '  name: Some Unknown Model',
      '  consent:',
      '    policy_link: "javascript:alert(1)"',
      '  latency:',
      '    - { ms: 1, source: "file:///etc/passwd" }',
      '    - { ms: 2, source: "ftp://example.com/x" }',
      '    - { ms: 3, source: "https://example.com/a b" }',
      '    - { ms: 4, source: "see https://example.com" }',
      '  licensing:',
      '    posture: permissive',
      '    siblings: [{ name: GPT-4o voice, posture: closed-commercial }]',
      '',
    ].join('\n');
    const { parsed, document } = parse(text);
    assert.deepEqual(documentLinks(parsed, document, index), []);
    const javascript = parse('license_link: javascript:alert(1)\n');
    assert.deepEqual(documentLinks(javascript.parsed, javascript.document, index), []);
  });

  test('a value written with escapes or folded over lines gets no link (its text is not its value)', () => {
    const text = 'license_link: "https://example.com/\\u0041"\nbase_model: >\n  kyutai/\n  moshi\n';
    const { parsed, document } = parse(text);
    assert.deepEqual(documentLinks(parsed, document, index), []);
  });

  test('broken YAML and files without a card: no throw', () => {
    for (const [text, name] of [['license_link: [https://x.org', 'c.modelcard.yaml'], ['---\nbase_model: a/b\n', 'README.md'], ['# just markdown', 'README.md']]) {
      const { parsed, document } = parse(text, name);
      assert.ok(Array.isArray(documentLinks(parsed, document, index)));
    }
    for (let cut = 0; cut <= CARD.length; cut++) {
      const { parsed, document } = parse(CARD.slice(0, cut));
      for (const link of documentLinks(parsed, document, index)) {
        assert.ok(link.target?.startsWith('https://') || link.target?.startsWith('http://'));
        assert.ok(!/\s/.test(textOf(document, link.range)));
      }
    }
  });
});

describe('lineage: base_model references and card identities', () => {
  test('base_model references: a string, a list, quoted items, each with the span of its text', () => {
    for (const [text, values] of [
      ['base_model: kyutai/moshiko-pytorch-bf16\n', ['kyutai/moshiko-pytorch-bf16']],
      ['base_model:\n  - a/b\n  - "c/d"\n  - 3\nlicense: mit\n', ['a/b', 'c/d']],
      ["base_model: ['x/y', z]\n", ['x/y', 'z']],
      ['license: mit\n', []],
    ] as [string, string[]][]) {
      const { parsed } = parse(text);
      const references = baseModelReferences(parsed);
      assert.deepEqual(references.map(reference => reference.value), values);
      for (const reference of references) assert.equal(text.slice(reference.span.start, reference.span.end), reference.value);
    }
    const readme = '---\nbase_model: kyutai/moshiko-pytorch-bf16\n---\n';
    const { parsed } = parse(readme, 'README.md');
    const [reference] = baseModelReferences(parsed);
    assert.equal(readme.slice(reference.span.start, reference.span.end), 'kyutai/moshiko-pytorch-bf16');
    assert.equal(baseModelReferenceAt(parsed, reference.span.end)?.value, 'kyutai/moshiko-pytorch-bf16');
    assert.equal(baseModelReferenceAt(parsed, 2), undefined);
  });

  test('a card\'s names: sts.name, model-index names, its folder or file stem', () => {
    assert.deepEqual(cardIdentity({ sts: { name: 'PersonaPlex' } }, 'file:///ws/personaplex.modelcard.yaml').names, ['personaplex']);
    assert.deepEqual(cardIdentity({ sts: { name: 'Moshi' } }, 'file:///ws/moshiko-pytorch-bf16/README.md').names, ['moshi', 'moshiko-pytorch-bf16']);
    assert.deepEqual(cardIdentity({ 'model-index': [{ name: 'whisper_tiny' }] }, 'file:///ws/cards/MODEL_CARD.md').names, ['whisper-tiny', 'cards']);
    assert.deepEqual(cardIdentity(undefined, 'file:///ws/My%20Model/modelcard.yaml').names, ['my-model']);
    assert.deepEqual(cardIdentity({ sts: 'not a mapping' }, 'untitled:Untitled-1').names, []);
    assert.equal(placeName('file:///c%3A/README.md'), undefined);
    assert.equal(placeName('file:///README.md'), undefined);
    assert.equal(placeName('file://host/share/x.modelcard.md'), 'x');
    assert.equal(placeName('vscode-vfs://github/org/repo/models/hibiki/README.md'), 'hibiki');
  });

  test('matching base_model values against identities', () => {
    const moshiko = cardIdentity({ sts: { name: 'Moshi' } }, 'file:///ws/moshiko-pytorch-bf16/README.md');
    const personaplex = cardIdentity({ sts: { name: 'PersonaPlex' } }, 'file:///ws/cards/plex.modelcard.yaml');
    const expressive = cardIdentity({ sts: { name: 'Expressive Tune' } }, 'file:///ws/x.modelcard.yaml');
    const cases: [string, typeof moshiko, boolean][] = [
      ['kyutai/moshiko-pytorch-bf16', moshiko, true],
      ['Kyutai/Moshiko-PyTorch-BF16', moshiko, true],
      ['someone-else/moshiko-pytorch-bf16', moshiko, true],
      ['kyutai/moshi', moshiko, true],
      ['moshi', moshiko, true],
      ['kyutai/moshika-candle-q8', moshiko, false],
      ['nvidia/PersonaPlex', personaplex, true],
      ['nvidia/plex', personaplex, true],
      ['nvidia/personaplex-7b-v1', personaplex, false],
      ['me/expressive_tune', expressive, true],
      ['me/Expressive Tune', expressive, true],
      ['a/b/expressive-tune', expressive, false],
      ['/expressive-tune', expressive, false],
      ['', expressive, false],
      ['   ', moshiko, false],
    ];
    for (const [value, identity, expected] of cases) {
      assert.equal(matchesBaseModel(value, identity), expected, `${value} against ${identity.names.join(', ')}`);
    }
  });

  test('where a definition lands: sts.name, else the sts key, else the first key', () => {
    const at = (text: string, name?: string) => {
      const { parsed } = parse(text, name);
      const span = definitionSpan(parsed);
      return text.slice(span.start, span.end);
    };
    assert.equal(at('license: mit\nsts:\n  name: "PersonaPlex"\n'), 'PersonaPlex');
    assert.equal(at('license: mit\nsts:\n  family: near-sts\n'), 'sts');
    assert.equal(at('---\nlicense: mit\n---\n', 'README.md'), 'license');
    assert.equal(at('# no front matter', 'README.md'), '');
  });
});
