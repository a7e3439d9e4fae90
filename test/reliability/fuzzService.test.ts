/**
 * Property-based fuzzing of the service (fast-check, recorded seed): random mutations of every
 * fixture card (byte flips, deleted and duplicated lines, inserted tabs, indentation shifts,
 * truncation, inserted YAML punctuation; the generator is cardMutations.ts, shared with
 * fuzzFixes.test.ts). Properties: validate, hover, completion, code actions and fix-all never
 * throw; every diagnostic range is inside the mutated document.
 *
 * `npm test` runs FUZZ_RUNS (default 2000) cases with seed FUZZ_SEED (default fixed, so CI is
 * reproducible); `npm run fuzz` runs many more with a fresh seed. A failure prints the seed and
 * the shrunk counterexample; rerun with FUZZ_SEED=<seed> to replay it.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { documentOf, service } from '../helpers';
import { mutateAll, mutations, SERVICE_FIXTURES } from './cardMutations';
import { assertRangesValid, linesOf } from './ranges';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

const FIXTURES = SERVICE_FIXTURES;

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
      fc.property(fc.integer({ min: 0, max: FIXTURES.length - 1 }), mutations, (index, applied) => {
        ran++;
        const fixture = FIXTURES[index];
        const text = mutateAll(fixture.text, applied);
        exercise(text, path.basename(fixture.file));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz (service): ${ran} mutated cards from ${FIXTURES.length} fixtures, seed ${SEED}`);
  });
});
