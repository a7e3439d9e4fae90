/**
 * The fuzzers' shared card generator: the fixture cards, and the random mutations made to them
 * (byte flips, deleted and duplicated lines, inserted tabs, indentation shifts, truncation,
 * inserted YAML punctuation). Used by fuzzService.test.ts and fuzzFixes.test.ts; changing an
 * arbitrary here changes what every recorded seed replays.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../helpers';

export interface FixtureCard {
  /** Relative to the repository root. */
  readonly file: string;
  readonly text: string;
}

/** The Markdown and YAML files under `dir`, recursively (not the real cards' SOURCES.md). */
export function cardFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cardFiles(full);
    return /\.(ya?ml|md)$/.test(entry.name) && entry.name !== 'SOURCES.md' ? [full] : [];
  });
}

export function readFixtures(files: readonly string[]): FixtureCard[] {
  return files.map(file => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

/** The cards the service fuzzer mutates, in its order (the order is part of what a seed replays). */
export const SERVICE_FIXTURES: readonly FixtureCard[] = readFixtures([
  ...cardFiles(path.join(ROOT, 'test', 'fixtures', 'real-cards')),
  ...cardFiles(path.join(ROOT, 'examples')),
  ...cardFiles(path.join(ROOT, 'test', 'fixtures', 'cli')),
]);

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'delete-line' | 'duplicate-line' | 'tab' | 'indent' | 'dedent'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

/** 1 to 6 mutations, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 6 });

export function mutate(text: string, m: Mutation): string {
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

/** `text` with the mutations applied in order. */
export function mutateAll(text: string, all: readonly Mutation[]): string {
  return all.reduce(mutate, text);
}
