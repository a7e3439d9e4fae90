/**
 * Property-based fuzzing of the service (fast-check, recorded seed): random mutations of every
 * fixture card (byte flips, deleted and duplicated lines, inserted tabs, indentation shifts,
 * truncation, inserted YAML punctuation). Properties: validate, hover, completion, code actions
 * and fix-all never throw; every diagnostic range is inside the mutated document.
 *
 * `npm test` runs FUZZ_RUNS (default 2000) cases with seed FUZZ_SEED (default fixed, so CI is
 * reproducible); `npm run fuzz` runs many more with a fresh seed. A failure prints the seed and
 * the shrunk counterexample; rerun with FUZZ_SEED=<seed> to replay it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { documentOf, ROOT, service } from '../helpers';
import { assertRangesValid, linesOf } from './ranges';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

function cardFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cardFiles(full);
    return /\.(ya?ml|md)$/.test(entry.name) && entry.name !== 'SOURCES.md' ? [full] : [];
  });
}

const FIXTURES = [
  ...cardFiles(path.join(ROOT, 'test', 'fixtures', 'real-cards')),
  ...cardFiles(path.join(ROOT, 'examples')),
  ...cardFiles(path.join(ROOT, 'test', 'fixtures', 'cli')),
].map(file => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'delete-line' | 'duplicate-line' | 'tab' | 'indent' | 'dedent'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'tab' as const, 'indent' as const, 'dedent' as const), at: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(
      fc.constantFrom('---\n', ':', ': ', '- ', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '!!python/object ', '\r', '\r\n', '\t', '\0', '\uFEFF', '|\n', '? ', 'license: ', 'sts:\n  family: '),
      fc.string({ maxLength: 8 }),
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  if (text.length === 0) return m.kind === 'insert' ? m.text : text;
  const offset = Math.floor(m.at * text.length);
  const lineStarts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map(match => match.index! + match[0].length)].filter(start => start <= text.length);
  const line = Math.floor(m.at * lineStarts.length);
  const start = lineStarts[line];
  const end = lineStarts[line + 1] ?? text.length;
  switch (m.kind) {
    case 'flip': return text.slice(0, offset) + String.fromCharCode(text.charCodeAt(offset) ^ (1 << m.bit)) + text.slice(offset + 1);
    case 'delete-line': return text.slice(0, start) + text.slice(end);
    case 'duplicate-line': return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    case 'tab': return text.slice(0, start) + '\t' + text.slice(start);
    case 'indent': return text.slice(0, start) + '  ' + text.slice(start);
    case 'dedent': return text.slice(0, start) + text.slice(start).replace(/^ {1,2}/, '');
    case 'truncate': return text.slice(0, offset);
    case 'insert': return text.slice(0, offset) + m.text + text.slice(offset);
  }
}

/** Every entry of the service on the text; throws on the first broken property. */
function exercise(text: string, name: string): void {
  const document = documentOf(text, name);
  const diagnostics = service.validate(document);
  assertRangesValid(text, diagnostics, name);
  const lines = linesOf(text);
  const line = Math.min(lines.length - 1, diagnostics[0]?.range.start.line ?? lines.length >> 1);
  const at = { line, character: Math.min(lines[line].length, diagnostics[0]?.range.start.character ?? 2) };
  service.hover(document, at);
  service.complete(document, at);
  for (const action of service.codeActions(document, { start: at, end: at }, diagnostics)) {
    for (const edits of Object.values(action.edit?.changes ?? {})) {
      for (const edit of edits) assertRangesValid(text, [{ range: edit.range, message: '' }], `${name}: an edit of "${action.title}"`);
    }
  }
  for (const edit of service.fixAll(document)) assertRangesValid(text, [{ range: edit.range, message: '' }], `${name}: a fix-all edit`);
}

describe(`fuzzing the service: ${FIXTURES.length} fixture cards, ${RUNS} mutated cards (seed ${SEED})`, () => {
  test('the fixtures themselves', () => {
    assert.ok(FIXTURES.length >= 15, `found ${FIXTURES.length} fixtures`);
    for (const fixture of FIXTURES) exercise(fixture.text, path.basename(fixture.file));
  });

  test(`${RUNS} cards with 1 to 6 random mutations: no throw, every range valid`, () => {
    let ran = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        ran++;
        const fixture = FIXTURES[index];
        const text = mutations.reduce(mutate, fixture.text);
        exercise(text, path.basename(fixture.file));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz (service): ${ran} mutated cards from ${FIXTURES.length} fixtures, seed ${SEED}`);
  });
});
