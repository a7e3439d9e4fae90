/**
 * The schema check without zod over valid parts (issue 5): compileIssueFinder must give exactly
 * `schema.safeParse(value)`'s issues, in order, messages and paths included. Compared on every
 * fixture card, on generated cards, on random mutations of their values (wrong types, odd
 * numbers, unknown, missing and inherited keys, `__proto__`), and on a schema with constructs
 * the finder leaves to zod. Also the edit distance behind "did you mean", against the former one.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildCardSchema } from '../../server/src/service/cardSchema';
import { closestMatch, editDistance } from '../../server/src/service/closest';
import { compileIssueFinder } from '../../server/src/service/schemaIssues';
import { knowledge, ROOT } from '../helpers';
import { cardFiles } from '../reliability/cardMutations';

const schema = buildCardSchema(knowledge.hub);
const findIssues = compileIssueFinder(schema);
const zodIssues = (s: z.ZodType, value: unknown) => {
  const result = s.safeParse(value);
  return result.success ? [] : result.error.issues;
};

/** The YAML of each fixture card (front matter or whole file), as plain data. */
function fixtureValues(): unknown[] {
  const files = [...cardFiles(path.join(ROOT, 'test', 'fixtures')), ...cardFiles(path.join(ROOT, 'examples'))];
  return files.flatMap(file => {
    const text = fs.readFileSync(file, 'utf8');
    const yaml = file.endsWith('.md') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
    try {
      const value: unknown = yaml === undefined ? undefined : parse(yaml, { logLevel: 'silent' });
      return value && typeof value === 'object' ? [value] : [];
    } catch {
      return [];
    }
  });
}
const bases = fixtureValues();

const KEYS = ['license', 'sts', 'family', 'latency', 'ms', 'kind', 'licensing', 'posture', 'siblings', 'name', 'codec',
  'frame_rate_hz', 'model-index', 'results', 'metrics', 'value', 'type', 'task', 'dataset', 'extra_gated_fields', 'options',
  'consent', 'language', 'released', 'parameters', 'hours', 'sources', '__proto__', 'toString', '0', '12'];
const SCALARS: unknown[] = [null, true, false, 0, -0, 1, -3, 0.5, 7.25, 1899, 1900, 2200, 2201, 2 ** 60, NaN, Infinity, -Infinity,
  '', 'en', 'english', 'pt-BR', 'select', 'permissive', 'full', 'end-to-end', '2025-06', '2025-13', 'apache-2.0', 'a/b', 'x y',
  'dual-stream-codec', 'voice-cloning', 'text', 'checkbox', 'image-to-text'];

/** Sets a key as an own property, even `__proto__`. */
const own = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });

/** mulberry32: the choices of one mutation, from a seed fast-check draws (and shrinks). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random change to `base` (now and then a whole random value), driven by `seed`. */
function mutated(base: unknown, seed: number): unknown {
  const pick = random(seed);
  const any = (depth: number): unknown => {
    const r = pick();
    if (r < 0.5 || depth > 3) return SCALARS[Math.floor(pick() * SCALARS.length)];
    if (r < 0.75) return Array.from({ length: Math.floor(pick() * 4) }, () => any(depth + 1));
    const o: Record<string, unknown> = {};
    for (let n = Math.floor(pick() * 4); n > 0; n--) own(o, KEYS[Math.floor(pick() * KEYS.length)], any(depth + 1));
    return o;
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (pick() < 0.04) return any(depth);
    if (Array.isArray(value)) return value.map(item => walk(item, depth + 1));
    if (value && typeof value === 'object') {
      const o: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (pick() < 0.04) continue;
        own(o, pick() < 0.03 ? KEYS[Math.floor(pick() * KEYS.length)] : key, walk(item, depth + 1));
      }
      if (pick() < 0.04) own(o, KEYS[Math.floor(pick() * KEYS.length)], any(depth));
      // An object whose prototype is not Object.prototype: inherited keys count for zod too.
      return pick() < 0.01 ? Object.setPrototypeOf(o, { '0': 'inherited', name: 1 }) : o;
    }
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return pick() < 0.1 ? any(3) : value;
    return value;
  };
  return walk(base, 0);
}

describe('schema issues without zod over valid parts (issue 5)', () => {
  test('the fixture cards: the same issues as safeParse', () => {
    assert.ok(bases.length >= 15, `${bases.length} fixture values`);
    for (const value of bases) assert.deepEqual(findIssues(value), zodIssues(schema, value));
  });

  test('mutated card values: the same issues, in the same order, as safeParse', () => {
    let withIssues = 0;
    fc.assert(fc.property(fc.nat(bases.length - 1), fc.nat(), (index, seed) => {
        const value = mutated(bases[index], seed);
        const expected = zodIssues(schema, value);
        if (expected.length > 0) withIssues++;
        assert.deepEqual(findIssues(value), expected);
      }), { numRuns: 4000, seed: 20250605 });
    assert.ok(withIssues > 1000, `${withIssues} values with issues`);
  });

  test('not objects at all, and empty ones', () => {
    for (const value of [undefined, null, 0, 'card', [], [{}], {}, Object.create(null)]) assert.deepEqual(findIssues(value), zodIssues(schema, value));
  });

  test('constructs the finder does not read are left to zod, with the same result', () => {
    const other = z.looseObject({
      record: z.record(z.string(), z.number()).optional(),
      nullable: z.string().nullable().optional(),
      defaulted: z.number().default(3),
      email: z.email().optional(),
      strict: z.strictObject({ required: z.string(), optional: z.boolean().optional() }).optional(),
      list: z.array(z.number()).min(2).optional(),
      custom: z.string().refine(text => text.startsWith('x'), { error: 'an x' }).optional(),
      literal: z.literal(['a', 1]).optional(),
      union: z.union([z.number().int().max(10), z.enum(['big'])]).optional(),
    });
    const finder = compileIssueFinder(other);
    const values: unknown[] = [
      {}, { defaulted: 1 }, { record: { a: 1, b: 'x' } }, { nullable: null }, { email: 'no' }, { email: 'a@b.co' },
      { strict: {} }, { strict: { required: 'x', extra: 1, more: 2 } }, { strict: { required: 1 } }, { list: [1] }, { list: [1, 'a'] },
      { custom: 'y' }, { custom: 'xa' }, { literal: 1 }, { literal: 2 }, { union: 11 }, { union: 'big' }, { union: 3.5 }, [], null,
    ];
    for (const value of values) assert.deepEqual(finder(value), zodIssues(other, value), JSON.stringify(value));
  });

  test('editDistance and closestMatch agree with the former implementation', () => {
    const refDistance = (a: string, b: string) => {
      if (a === b) return 0;
      let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
      for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
      return previous[b.length];
    };
    const refClosest = (input: string, candidates: string[]) => {
      const needle = input.toLowerCase();
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const candidate of candidates) {
        const distance = refDistance(needle, candidate.toLowerCase());
        if (distance < bestDistance) { best = candidate; bestDistance = distance; }
      }
      if (best === undefined) return undefined;
      return bestDistance <= Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3)) ? best : undefined;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '_', 'é', 'İ', 'ß', '𝐀'), maxLength: 12 });
    fc.assert(fc.property(word, word, (a, b) => assert.equal(editDistance(a, b), refDistance(a, b))), { numRuns: 2000, seed: 1 });
    fc.assert(fc.property(word, fc.array(word, { maxLength: 8 }), (input, candidates) =>
      assert.equal(closestMatch(input, candidates), refClosest(input, candidates))), { numRuns: 2000, seed: 2 });
  });
});
