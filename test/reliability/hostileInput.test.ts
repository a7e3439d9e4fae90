/**
 * Limits and hostile input through the service: alias bombs, deep nesting, megabyte lines, a
 * 20 MB card, byte-order marks, CR/CRLF line ends, tabs, NUL bytes, replacement characters, empty
 * files and YAML tags. Each answers quickly with valid ranges and a clear diagnostic, never a throw.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_NESTING_DEPTH } from '../../server/src/service/yamlCard';
import type { ServiceSettings } from '../../server/src/service';
import { documentOf, service } from '../helpers';
import { assertRangesValid, linesOf } from './ranges';

interface Run {
  readonly diagnostics: Diagnostic[];
  readonly ms: number;
}

/** Validates, hovers, completes and fixes `text`; asserts valid ranges and that nothing throws. */
function run(text: string, name = 'card.modelcard.yaml', settings?: ServiceSettings): Run {
  const document = documentOf(text, name);
  const started = Date.now();
  const diagnostics = service.validate(document, settings);
  const ms = Date.now() - started;
  assertRangesValid(text, diagnostics, name);
  const lines = linesOf(text);
  for (const line of [0, lines.length - 1]) {
    const position = { line, character: Math.min(lines[line].length, 40) };
    service.hover(document, position, settings);
    service.complete(document, position, settings);
  }
  service.fixAll(document, settings);
  service.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics);
  return { diagnostics, ms };
}

const codesOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map(d => String(d.code)).sort();
const text = (document: string, d: Diagnostic) => {
  const doc = documentOf(document);
  return document.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
};

/** Nine levels of nine aliases each: 9^9 (387 million) "lol"s if expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i];
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
].join('\n') + '\n';

describe('alias bomb', () => {
  for (const [name, card] of [['card.modelcard.yaml', BILLION_LAUGHS], ['README.md', `---\n${BILLION_LAUGHS}---\n# Model\n`]] as const) {
    test(`billion laughs in ${name}: one yaml.syntax diagnostic, in bounded time and memory`, () => {
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const { diagnostics, ms } = run(card, name);
      const grown = process.memoryUsage().heapUsed - heapBefore;
      assert.deepEqual(codesOf(diagnostics), ['yaml.syntax']);
      assert.match(diagnostics[0].message, /resource exhaustion/i);
      assert.ok(ms < 500, `${ms} ms`);
      assert.ok(grown < 64 * 1024 * 1024, `heap grew ${Math.round(grown / 1e6)} MB`);
    });
  }

  test('a few aliases are fine (the limit counts expansions, not anchors)', () => {
    const { diagnostics } = run('license: &l apache-2.0\nsts:\n  family: dual-stream-codec\n  licensing:\n    code: *l\n');
    assert.ok(!diagnostics.some(d => d.code === 'yaml.syntax'), JSON.stringify(diagnostics));
  });
});

describe('deep nesting', () => {
  test(`${MAX_NESTING_DEPTH + 1} levels: one card.too-large on the deepest collection, rules skipped`, () => {
    const card = `license: not-a-license\ndeep: ${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}\n`;
    const { diagnostics } = run(card);
    assert.deepEqual(codesOf(diagnostics), ['card.too-large']);
    assert.equal(diagnostics[0].range.start.character, 'deep: '.length + MAX_NESTING_DEPTH - 1);
    assert.deepEqual(diagnostics[0].data, { depth: MAX_NESTING_DEPTH + 1, maxDepth: MAX_NESTING_DEPTH });
  });

  test(`${MAX_NESTING_DEPTH} levels are checked as usual`, () => {
    const card = `license: not-a-license\ndeep: ${'['.repeat(MAX_NESTING_DEPTH - 1)}${']'.repeat(MAX_NESTING_DEPTH - 1)}\n`;
    assert.ok(codesOf(run(card).diagnostics).includes('license.unknown-id'));
  });

  for (const depth of [300, 10_000, 100_000]) {
    test(`${depth} nested flow sequences: no stack overflow, at most one diagnostic`, () => {
      const card = `license: mit\ndeep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const { diagnostics, ms } = run(card);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      // The parser gives up past a few hundred levels (a stack overflow it catches), reported once.
      assert.ok(['card.too-large', 'yaml.syntax'].includes(String(diagnostics[0].code)));
      if (diagnostics[0].code === 'yaml.syntax') assert.match(diagnostics[0].message, /nest too deeply/);
      assert.ok(ms < 2000, `${ms} ms`);
    });
  }

  test('5,000 nested block mappings and flow mappings: no crash, one diagnostic', () => {
    const block = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v\n';
    const flow = `a: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
    for (const card of [block, flow]) assert.equal(run(card).diagnostics.length, 1);
  });
});

describe('size', () => {
  const manyKeys = (count: number) => `license: mit\n${Array.from({ length: count }, (_, i) => `k${i}: ${'v'.repeat(40)}`).join('\n')}\n`;

  test('a 20 MB card: one card.too-large information diagnostic on line 1, at once; no hover, completion or fixes', () => {
    const card = manyKeys(440_000);
    assert.ok(card.length > 20e6, `${card.length}`);
    const document = documentOf(card);
    const { diagnostics, ms } = run(card);
    assert.deepEqual(codesOf(diagnostics), ['card.too-large']);
    assert.equal(diagnostics[0].severity, 3);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.ok(ms < 200, `${ms} ms`);
    assert.equal(service.hover(document, { line: 1, character: 1 }), null);
    assert.deepEqual(service.complete(document, { line: 1, character: 1 }).items, []);
    assert.deepEqual(service.fixAll(document), []);
  });

  test('the same as README front matter', () => {
    const { diagnostics } = run(`---\n${manyKeys(440_000)}---\n# Model\n`, 'README.md');
    assert.deepEqual(codesOf(diagnostics), ['card.too-large']);
  });

  test('the limit is a setting; 0 turns it off', () => {
    const card = `license: apache-2.0\nnote: "${'é'.repeat(600)}"\n`;
    assert.deepEqual(codesOf(run(card, undefined, { maxFileSizeKb: 1 }).diagnostics), ['card.too-large']);
    // 600 × 'é' is 1200 bytes in UTF-8: the limit counts bytes, not characters.
    assert.ok(!codesOf(run(card, undefined, { maxFileSizeKb: 2 }).diagnostics).includes('card.too-large'));
    assert.ok(!codesOf(run(card, undefined, { maxFileSizeKb: 0 }).diagnostics).includes('card.too-large'));
  });

  test('a 2 MB card of 40,000 keys (just under the limit) is checked in a few seconds, not half a minute', () => {
    // `yaml`'s own duplicate-key check is quadratic (27 s here); the service's is linear.
    const card = manyKeys(40_000);
    assert.ok(card.length < 2048 * 1024);
    const { ms } = run(card);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  test('duplicate keys are still found, at the repeated key', () => {
    const card = 'license: mit\nlanguage: [en]\nlicense: apache-2.0\nsts: {family: x, family: y}\n';
    const syntax = run(card).diagnostics.filter(d => d.code === 'yaml.syntax');
    assert.deepEqual(syntax.map(d => [d.range.start.line, d.range.start.character]), [[2, 0], [3, 17]]);
  });

  test('a 3 MB line: card.too-large under the default limit, checked in time without one', () => {
    const card = `license: mit\nnote: "${'a'.repeat(3e6)}"\n`;
    assert.deepEqual(codesOf(run(card).diagnostics), ['card.too-large']);
    const { diagnostics, ms } = run(card, undefined, { maxFileSizeKb: 0 });
    assert.ok(!diagnostics.some(d => d.code === 'yaml.syntax' || d.code === 'card.too-large'));
    assert.ok(ms < 3000, `${ms} ms`);
  });
});

describe('encodings, line ends and odd characters', () => {
  const card = 'license: mitt\nsts:\n  family: dual-stream-codec\n';

  test('a byte-order mark: positions count it, the card still parses', () => {
    for (const [name, source] of [['card.modelcard.yaml', `\uFEFF${card}`], ['README.md', `\uFEFF---\n${card}---\n`]] as const) {
      const { diagnostics } = run(source, name);
      const unknown = diagnostics.filter(d => d.code === 'license.unknown-id');
      assert.equal(unknown.length, 1, `${name}: ${JSON.stringify(diagnostics)}`);
      const document = documentOf(source, name);
      assert.equal(source.slice(document.offsetAt(unknown[0].range.start), document.offsetAt(unknown[0].range.end)), 'mitt');
      assert.ok(!diagnostics.some(d => d.code === 'yaml.syntax'));
    }
  });

  for (const [label, eol] of [['CRLF', '\r\n'], ['lone CR', '\r'], ['mixed', '\r\n']] as const) {
    test(`${label} line ends: the same diagnostics at the same line and character as with LF`, () => {
      const lf = `${card}latency: x\nbad: [\n`;
      let eolCount = 0;
      let converted = lf.replace(/\n/g, eol);
      if (label === 'mixed') converted = lf.replace(/\n/g, () => (eolCount++ % 2 ? '\r' : '\r\n'));
      for (const [name, wrap] of [['card.modelcard.yaml', (s: string) => s], ['README.md', (s: string) => `---${eol}${s}---${eol}# x${eol}`]] as const) {
        const expected = run(wrap(lf).replace(/\r\n|\r/g, '\n'), name).diagnostics;
        const actual = run(wrap(converted), name).diagnostics;
        assert.deepEqual(actual.map(d => [d.code, d.range]), expected.map(d => [d.code, d.range]), `${label} in ${name}`);
      }
    });
  }

  test('a tab as indentation: yaml.syntax on the tab', () => {
    const source = 'license: mit\nsts:\n\tfamily: dual-stream-codec\n';
    const syntax = run(source).diagnostics.filter(d => d.code === 'yaml.syntax');
    assert.ok(syntax.some(d => d.range.start.line === 2 && d.range.start.character === 0 && /tab/i.test(d.message)), JSON.stringify(syntax));
  });

  test('tabs inside values and after keys are fine', () => {
    const { diagnostics } = run('license:\tapache-2.0\nsts:\n  family: dual-stream-codec\t# comment\n');
    assert.ok(!diagnostics.some(d => d.code === 'yaml.syntax'), JSON.stringify(diagnostics));
  });

  test('NUL bytes, U+FFFD (invalid UTF-8 as decoded) and lone surrogates: reported on the value, positions valid', () => {
    for (const odd of ['\0', '\uFFFD', '\uD800', '\u0085', '\u2028']) {
      const source = `license: mi${odd}t\nsts:\n  family: dual-${odd}stream\n`;
      const { diagnostics } = run(source);
      assert.ok(diagnostics.length > 0, JSON.stringify(odd));
    }
  });

  test('an empty file, a blank file, a file that is only `---`', () => {
    for (const source of ['', '\n', '   ', '---', '---\n', '---\n---\n', '---\r\n---', '...', '---\n...\n']) {
      for (const name of ['card.modelcard.yaml', 'README.md', 'MODEL_CARD.md']) {
        const { diagnostics } = run(source, name);
        assert.ok(diagnostics.length <= 3, `${JSON.stringify(source)} as ${name}: ${codesOf(diagnostics)}`);
      }
    }
  });
});

describe('YAML tags are never resolved', () => {
  test('!!python/object and custom tags: a yaml.syntax warning on the tag, the value stays plain data', () => {
    const cases = [
      ['license: !!python/object:os.system ["echo pwned"]\n', '!!python/object:os.system'],
      ['license: !!python/object/apply:subprocess.call [[ls]]\n', '!!python/object/apply:subprocess.call'],
      ['license: !custom apache-2.0\n', '!custom'],
      ['license: !<tag:example.com,2000:x> mit\n', '!<tag:example.com,2000:x>'],
      ['%TAG !e! tag:example.com,2000:\n---\nlicense: !e!evil mit\n', '!e!evil'],
    ];
    for (const [source, tag] of cases) {
      const { diagnostics } = run(source);
      const warnings = diagnostics.filter(d => d.code === 'yaml.syntax');
      assert.ok(warnings.length >= 1, `${source}: ${JSON.stringify(diagnostics)}`);
      assert.equal(warnings[0].severity, 2, 'a warning');
      assert.match(warnings[0].message, /Unresolved tag/);
      assert.ok(text(source, warnings[0]).startsWith(tag), `on the tag: ${JSON.stringify(text(source, warnings[0]))}`);
    }
  });
});
