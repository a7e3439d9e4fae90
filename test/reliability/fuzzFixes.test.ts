/**
 * The quick-fix property of test/service/fixProperty.test.ts, over the fuzzed corpus. The corpus:
 * every fixture card (test/fixtures/**, examples/) and a few seed cards for the fixable codes no
 * fixture has; with LF, CRLF or lone-CR line ends; standalone YAML cards also as a README.md's
 * front matter; mutated by the service fuzzer's own generator (cardMutations.ts: byte flips,
 * deleted and duplicated lines, tabs, indentation shifts, truncation, inserted punctuation).
 *
 * For every diagnostic of a card, every quick fix the service offers, applied as the editor applies
 * it (TextDocument.applyEdits on the LSP ranges), leaves a text that
 *   (a) parses no worse: no more yaml.syntax findings than before (a card that parsed still parses),
 *   (b) no longer has the targeted diagnostic (same code at the same key path: `findingKey`, as the
 *       fixes and fixProperty decide it),
 *   (c) has no error the card did not have (by code and key path),
 *   (d) is unchanged outside the edits: the text before the first edit and after the last is the same;
 * `fixAll` keeps (a), (c) and (d) and reaches a fixpoint: fixAll of its result is empty, so
 * applying it twice is applying it once. Every diagnostic and edit range lies inside the document.
 *
 * `npm test` runs FUZZ_FIXES_RUNS (default 1000) cases with seed FUZZ_SEED (default fixed);
 * `npm run fuzz` runs many more with a fresh seed. A failure prints the seed, the shrunk
 * counterexample and its path (replay: FUZZ_SEED=<seed> FUZZ_PATH=<path>), and the failed check's
 * message, which holds the card text and the action's title.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { findingKey } from '../../server/src/service/fixes/codeActions';
import { readCardText } from '../../server/src/service/fixes/cardText';
import { effectiveSeverity } from '../../server/src/service/findings';
import { documentOf, ROOT, service } from '../helpers';
import { cardFiles, FixtureCard, mutateAll, mutations, readFixtures } from './cardMutations';
import { assertRangesValid } from './ranges';

const RUNS = Number(process.env.FUZZ_FIXES_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260417);
/** fast-check's path of a counterexample, to replay just that case. */
const REPLAY = process.env.FUZZ_PATH;

/** Every card under test/fixtures and examples/ (a README.md there is a card too: it matches the card globs). */
const FIXTURES: readonly FixtureCard[] = readFixtures([
  ...cardFiles(path.join(ROOT, 'test', 'fixtures')),
  ...cardFiles(path.join(ROOT, 'examples')),
].sort());

/**
 * Extra seeds for the fixable codes that no fixture card has (and shapes the fixtures lack: flow
 * mappings, four-space indentation, no final line end). Mutated like the fixtures.
 */
const SEEDS: readonly FixtureCard[] = [
  { file: 'seed/name-as-id.modelcard.yaml', text: 'license: nvidia-open-model-license\nlanguage: [en]\nsts:\n  name: Name Demo\n  family: near-sts\n' },
  { file: 'seed/sibling-missing.modelcard.yaml', text: 'license: apache-2.0\nlanguage:\n- en\nsts:\n  name: Sesame CSM-1B\n  licensing:\n    posture: split-with-sibling\n' },
  { file: 'seed/sibling-flow.modelcard.yaml', text: 'license: apache-2.0\nsts:\n  name: Split Demo\n  licensing: { posture: split-with-sibling, siblings: [] }\n' },
  { file: 'seed/closed-open.modelcard.yaml', text: 'license: apache-2.0\nlicense_link: https://www.apache.org/licenses/LICENSE-2.0\nsts:\n  name: Closed Demo\n  licensing:\n    posture: closed-commercial\n' },
  { file: 'seed/family-mismatch.modelcard.yaml', text: 'license: apache-2.0\nsts:\n  name: Sesame CSM-1B\n  family: codec-free\n  duplex: full\n' },
  { file: 'seed/family-missing/README.md', text: '---\nlicense: cc-by-4.0\nsts:\n  name: Moshi\n  duplex: full\n  licensing:\n    posture: permissive\n---\n\n# Moshi\n\nFull-duplex speech dialogue.\n' },
  { file: 'seed/flow.modelcard.yaml', text: 'license: Apache-2.0\nsts: { name: Flow Demo, famly: cascade, licensing: { code: mit } }\n' },
  { file: 'seed/four-spaces.modelcard.yaml', text: '# Four spaces, comments.\nlicense: cc-by-nc-4.0  # weights\nsts:\n    name: Four Space Demo  # name\n    subcategories:\n        - voice-cloning\n    licensing:\n        posture: permissive\n        commercial_use: true # yes\n    latency:\n        - ms: 5' },
];
const CORPUS: readonly FixtureCard[] = [...FIXTURES, ...SEEDS];
const BY_FILE = new Map(CORPUS.map(card => [card.file, card]));
/** Cards with YAML to fix (standalone or front matter), and Markdown bodies (only sts.missing to fix). */
const WITH_YAML = FIXTURES.filter(card => /\.ya?ml$/.test(card.file) || card.text.startsWith('---')).map(card => card.file);
const BODIES = FIXTURES.filter(card => !WITH_YAML.includes(card.file)).map(card => card.file);

const EOLS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
type EolName = keyof typeof EOLS;

function withEol(text: string, eol: EolName): string {
  return eol === 'LF' ? text : text.replace(/\r\n|\r|\n/g, EOLS[eol]);
}

/** A standalone card as the front matter of a README.md (other cards as they are). */
function asFrontMatter(card: FixtureCard): { name: string; text: string } {
  if (!/\.ya?ml$/.test(card.file)) return { name: path.basename(card.file), text: card.text };
  const yaml = card.text.endsWith('\n') ? card.text : `${card.text}\n`;
  return { name: 'README.md', text: `---\n${yaml}---\n\n# Demo card\n\nProse for readers.\n` };
}

/** The card a case starts from: a corpus card, maybe moved into front matter, with the chosen line ends. */
function startingCard(file: string, frontMatter: boolean, eol: EolName): { name: string; text: string } {
  const card = BY_FILE.get(file)!;
  const { name, text } = frontMatter ? asFrontMatter(card) : { name: path.basename(card.file), text: card.text };
  return { name, text: withEol(text, eol) };
}

interface Tally {
  readonly keys: ReadonlySet<string>;
  /** Error findings per key. */
  readonly errors: ReadonlyMap<string, number>;
  readonly syntax: number;
}

function tally(name: string, text: string): Tally {
  const document = documentOf(text, name);
  const ct = readCardText(document.uri, text);
  const keys = new Set<string>();
  const errors = new Map<string, number>();
  let syntax = 0;
  for (const finding of service.findings(document)) {
    const key = findingKey(ct, finding);
    keys.add(key);
    if (finding.code === 'yaml.syntax') syntax++;
    if (effectiveSeverity(finding, undefined) === 'error') errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return { keys, errors, syntax };
}

function lineEndsOf(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

/** The text around the edits, for a failure message. */
function excerpt(text: string, from: number, to: number): string {
  return JSON.stringify(text.slice(Math.max(0, from - 120), Math.min(text.length, to + 120)));
}

interface Stats {
  cards: number;
  actions: number;
  fixAllCards: number;
  readonly codes: Set<string>;
}

function newStats(): Stats {
  return { cards: 0, actions: 0, fixAllCards: 0, codes: new Set() };
}

/**
 * Applies `edits` as the editor does and checks (a), (c), (d), the ranges and the line ends;
 * returns the new text. `where` starts every failure message.
 */
function applyChecked(document: TextDocument, before: Tally, edits: readonly TextEdit[], where: string): string {
  const text = document.getText();
  const name = path.basename(document.uri);
  for (const edit of edits) assertRangesValid(text, [{ range: edit.range, message: '' }], `${where}: edit ${JSON.stringify(edit)}`);
  let fixed: string;
  try {
    fixed = TextDocument.applyEdits(document, [...edits]);
  } catch (error) {
    assert.fail(`${where}: the edits do not apply (${(error as Error).message}): ${JSON.stringify(edits)}`);
  }
  const offsets = edits.flatMap(edit => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)]);
  const first = Math.min(...offsets);
  const last = Math.max(...offsets);
  const context = `\nedits: ${JSON.stringify(edits)}\nresult near the edits: ${excerpt(fixed, first, last + fixed.length - text.length)}`;
  assert.equal(fixed.slice(0, first), text.slice(0, first), `${where}: a byte before the first edit changed${context}`);
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${where}: a byte after the last edit changed${context}`);
  const fileEols = lineEndsOf(text);
  for (const edit of edits) {
    for (const eol of lineEndsOf(edit.newText)) assert.ok(fileEols.size === 0 || fileEols.has(eol), `${where}: new line end ${JSON.stringify(eol)} the file does not use${context}`);
  }
  const after = tally(name, fixed);
  assert.ok(after.syntax <= before.syntax, `${where}: parses worse (${before.syntax} → ${after.syntax} yaml.syntax)${context}`);
  for (const [key, count] of after.errors) {
    assert.ok(count <= (before.errors.get(key) ?? 0), `${where}: new error ${key}${context}`);
  }
  return fixed;
}

/** Every property, for one card; throws an AssertionError naming the card text and the action. */
function checkFixes(name: string, text: string, stats: Stats): void {
  stats.cards++;
  const card = `card ${name} ${JSON.stringify(text)}`;
  const document = documentOf(text, name);
  const ct = readCardText(document.uri, text);
  const before = tally(name, text);
  const diagnostics: Diagnostic[] = service.validate(document);
  assertRangesValid(text, diagnostics, card);

  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code);
    const targetKey = findingKey(ct, { code, start: document.offsetAt(diagnostic.range.start) });
    for (const action of service.codeActions(document, diagnostic.range, [diagnostic], ['quickfix'])) {
      stats.actions++;
      stats.codes.add(code);
      const where = `${card}\n${code} at ${JSON.stringify(diagnostic.range)} → "${action.title}"`;
      assert.ok(action.diagnostics?.includes(diagnostic), `${where}: the action does not name its diagnostic`);
      const edits = action.edit?.changes?.[document.uri] ?? [];
      assert.ok(edits.length > 0, `${where}: no edits`);
      assert.deepEqual(Object.keys(action.edit!.changes!), [document.uri], `${where}: edits another file`);
      const fixed = applyChecked(document, before, edits, where);
      assert.notEqual(fixed, text, `${where}: changes nothing`);
      const after = tally(name, fixed);
      assert.ok(!after.keys.has(targetKey), `${where}: ${targetKey} is still there\nresult: ${JSON.stringify(fixed)}`);
    }
  }

  const where = `${card}\nfixAll`;
  const edits = service.fixAll(document);
  if (edits.length === 0) return;
  stats.fixAllCards++;
  const fixed = applyChecked(document, before, edits, where);
  const again = service.fixAll(documentOf(fixed, name));
  assert.deepEqual(again, [], `${where}: not at a fixpoint: a second fixAll edits ${JSON.stringify(again)}\nresult: ${JSON.stringify(fixed)}`);
}

const fixture = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WITH_YAML) },
  { weight: 2, arbitrary: fc.constantFrom(...SEEDS.map(card => card.file)) },
  { weight: 1, arbitrary: fc.constantFrom(...BODIES) },
);

/** Every code with a quick fix: the unmutated corpus must get an action for each. */
const FIXABLE = [
  'consent.missing', 'family.mismatch', 'family.missing', 'latency.unlabeled', 'license.attribution-missing',
  'license.closed-with-open-weights', 'license.commercial-conflict', 'license.known-id-as-name', 'license.missing',
  'license.name-as-id', 'license.other-incomplete', 'license.posture-conflict', 'license.sibling-missing',
  'license.unknown-id', 'schema.invalid', 'schema.missing', 'schema.unknown-key', 'sts.missing',
];
const eolName = fc.constantFrom<EolName>('LF', 'CRLF', 'CR');

describe(`fuzzing the quick fixes: ${FIXTURES.length} fixture cards and ${SEEDS.length} seeds, ${RUNS} mutated cards (seed ${SEED})`, () => {
  test('the fixtures and seeds themselves, with LF, CRLF and lone-CR line ends, standalone and as front matter', () => {
    assert.ok(WITH_YAML.length >= 15 && BODIES.length >= 20, `found ${WITH_YAML.length} cards with YAML and ${BODIES.length} bodies`);
    const stats = newStats();
    for (const card of CORPUS) {
      for (const eol of Object.keys(EOLS) as EolName[]) {
        for (const frontMatter of /\.ya?ml$/.test(card.file) ? [false, true] : [false]) {
          const { name, text } = startingCard(card.file, frontMatter, eol);
          checkFixes(name, text, stats);
        }
      }
    }
    assert.deepEqual(FIXABLE.filter(code => !stats.codes.has(code)), [], 'codes without an action in the unmutated corpus');
    assert.ok(stats.fixAllCards > 0, 'fixAll changed no card');
    console.log(`fuzz (fixes): ${stats.cards} unmutated cards, ${stats.actions} actions, fixAll changed ${stats.fixAllCards}`);
  });

  test(`${RUNS} cards with 1 to 6 random mutations: every fix keeps the card whole`, () => {
    const stats = newStats();
    fc.assert(
      fc.property(fixture, fc.boolean(), eolName, mutations, (file, frontMatter, eol, applied) => {
        const { name, text } = startingCard(file, frontMatter, eol);
        checkFixes(name, mutateAll(text, applied), stats);
      }),
      // The report holds the failing check's message: the card text and the action's title.
      { numRuns: RUNS, seed: SEED, path: REPLAY, includeErrorInReport: true },
    );
    if (REPLAY === undefined) {
      // Nothing shrank (the property held), so every case counted is one of the RUNS.
      assert.equal(stats.cards, RUNS);
      // The corpus must reach the fixes: a generator that stopped producing fixable cards would pass vacuously.
      if (RUNS >= 100) assert.ok(stats.actions >= RUNS / 4, `only ${stats.actions} actions in ${RUNS} cards`);
    }
    console.log(`fuzz (fixes): ${stats.cards} mutated cards from ${CORPUS.length} cards, seed ${SEED}: ${stats.actions} quick fixes checked, fixAll changed ${stats.fixAllCards} cards; codes fixed: ${[...stats.codes].sort().join(', ')}`);
  });
});
