/**
 * The zod issues of a card, as `schema.safeParse(value)` gives them, without running zod over
 * the parts of the card that are valid. zod builds a copy of the whole value and a result per
 * property, which made it the costliest step after the YAML parse; most of a card is valid.
 *
 * The schema is compiled once into plain predicates that say "valid" only when zod would report
 * nothing, and otherwise "not sure" (any construct or check not understood here is "not sure").
 * Objects and arrays are walked here in zod's own order; every other node that is not surely
 * valid is handed to zod itself, so each issue is zod's, with its path prefixed.
 */
import { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The parts of a zod schema read here (zod 4's `_zod` internals, as knownKeysAt reads them too). */
interface ZodNode {
  readonly _zod: {
    readonly def: Record<string, unknown> & { readonly type: string; readonly checks?: readonly ZodNode[] };
    readonly optin?: string;
    readonly optout?: string;
    run(payload: { value: unknown; issues: unknown[] }, context: { async: false }): { issues: unknown[] } | Promise<unknown>;
  };
}

interface Checker {
  /** True only when zod would report no issue for the value. */
  valid(value: unknown): boolean;
  /** Exactly zod's issues for the value, their paths prefixed with `path` (asked when `valid` is false, or at the root). */
  issues(value: unknown, path: Path): Issue[];
}

const NOT_SURE = () => false;

/** A raw issue finished as `safeParse` finishes it (message, path), with `path` prefixed. */
function finish(raw: unknown, context: { async: false }, path: Path): Issue {
  const issue = z.core.util.finalizeIssue(raw as never, context, z.core.config()) as Issue;
  return { ...issue, path: [...path, ...issue.path] } as Issue;
}

/**
 * zod's issues for a node, as `node.safeParse(value)` gives them; run the way `safeParse` runs
 * it, without building the ZodError (and its stack trace) only to read its issues.
 */
function delegate(node: ZodNode, value: unknown, path: Path): Issue[] {
  const context = { async: false } as const;
  const result = node._zod.run({ value, issues: [] }, context);
  // What safeParse throws for a schema with async parts (the card schema has none).
  if (result instanceof Promise) throw new z.core.$ZodAsyncError();
  return result.issues.map(raw => finish(raw, context, path));
}

/** zod's notion of an object: not null, not an array. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One predicate for all the checks of a node, or undefined when one is not understood. */
function checksPredicate(node: ZodNode): ((value: never) => boolean) | undefined {
  const predicates: ((value: never) => boolean)[] = [];
  for (const check of node._zod.def.checks ?? []) {
    const def = check._zod.def as Record<string, unknown>;
    if (def.when) return undefined;
    const bound = def.value as number;
    switch (def.check) {
      case 'greater_than': predicates.push(def.inclusive ? (v: number) => v >= bound : (v: number) => v > bound); break;
      case 'less_than': predicates.push(def.inclusive ? (v: number) => v <= bound : (v: number) => v < bound); break;
      case 'number_format':
        if (def.format !== 'safeint') return undefined;
        predicates.push((v: number) => Number.isSafeInteger(v));
        break;
      case 'string_format': {
        const pattern = def.pattern as RegExp | undefined;
        if (def.format !== 'regex' || !pattern) return undefined;
        predicates.push((v: string) => { pattern.lastIndex = 0; return pattern.test(v); });
        break;
      }
      case 'custom': {
        const fn = def.fn as (v: unknown) => unknown;
        predicates.push((v: unknown) => { const result = fn(v); return !(result instanceof Promise) && !!result; });
        break;
      }
      default:
        return undefined;
    }
  }
  if (predicates.length <= 1) return predicates[0] ?? (() => true);
  return value => {
    for (const predicate of predicates) if (!predicate(value)) return false;
    return true;
  };
}

/** The predicate of a node that is neither an object, an array nor optional. */
function leafValid(node: ZodNode, compile: (node: ZodNode) => Checker): (value: unknown) => boolean {
  const def = node._zod.def;
  const checks = def.coerce ? undefined : checksPredicate(node);
  if (!checks) return NOT_SURE;
  const unchecked = !def.checks?.length;
  switch (def.type) {
    case 'string': return unchecked ? value => typeof value === 'string' : value => typeof value === 'string' && checks(value as never);
    case 'number': return value => typeof value === 'number' && Number.isFinite(value) && checks(value as never);
    case 'boolean': return value => typeof value === 'boolean' && checks(value as never);
    case 'unknown': return value => checks(value as never);
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return unchecked ? value => values.has(value) : NOT_SURE;
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return unchecked ? value => values.has(value) : NOT_SURE;
    }
    case 'union': {
      const options = (def.options as ZodNode[]).map(option => compile(option));
      return unchecked ? value => options.some(option => option.valid(value)) : NOT_SURE;
    }
    default:
      return NOT_SURE;
  }
}

function compileObject(node: ZodNode, compile: (node: ZodNode) => Checker): Checker {
  const def = node._zod.def as unknown as { shape: Record<string, ZodNode>; catchall?: ZodNode; checks?: readonly ZodNode[] };
  const keys = Object.keys(def.shape);
  const catchall = def.catchall?._zod.def;
  const strict = catchall?.type === 'never';
  // Unknown keys are fine for no catchall (stripped) and for a bare z.unknown() (kept).
  // A key Object.prototype has (`toString`) would be found by zod's `in` on every object.
  const understood = !def.checks?.length && !keys.some(key => key in Object.prototype)
    && (!catchall || strict || (catchall.type === 'unknown' && !catchall.checks?.length));
  if (!understood) return { valid: NOT_SURE, issues: (value, path) => delegate(node, value, path) };
  const known = new Set(keys);
  const fields = keys.map(key => {
    const { optin, optout } = def.shape[key]._zod;
    // As zod's object: an absent key is fine when its schema is optional both ways; else unsure.
    return { key, checker: compile(def.shape[key]), absentIsFine: optin !== undefined && optout === 'optional' };
  });
  const unknownKeys = (value: Record<string, unknown>) => {
    const found: string[] = [];
    if (strict) for (const key in value) if (!known.has(key)) found.push(key);
    return found;
  };

  const byKey = new Map(fields.map(field => [field.key, field]));
  const required = fields.filter(field => !field.absentIsFine).length;

  // Walks the value's keys (for...in with value[key] is what the engine makes fast), not the
  // schema's; on a plain object that finds the same keys as zod's `key in value`.
  const valid = (value: unknown) => {
    if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
    let present = 0;
    for (const key in value) {
      const field = byKey.get(key);
      if (field === undefined) {
        if (strict) return false;
      } else {
        if (!field.checker.valid(value[key])) return false;
        if (!field.absentIsFine) present++;
      }
    }
    return present === required;
  };

  const issues = (value: unknown, path: Path): Issue[] => {
    if (!isObject(value) || fields.some(field => !(field.key in value) && !field.absentIsFine)) return delegate(node, value, path);
    const found: Issue[] = [];
    for (const { key, checker } of fields) {
      if (key in value && !checker.valid(value[key])) found.push(...checker.issues(value[key], [...path, key]));
    }
    const extra = unknownKeys(value);
    // After the keys, as zod's strict object reports them (same raw issue, finished by zod).
    if (extra.length > 0) {
      found.push(finish({ code: 'unrecognized_keys', keys: extra, input: value, inst: node, continue: true }, { async: false }, path));
    }
    return found;
  };
  return { valid, issues };
}

function compileNode(node: ZodNode, compile: (node: ZodNode) => Checker): Checker {
  const def = node._zod.def;
  if (def.type === 'optional') {
    const inner = def.innerType as ZodNode;
    if (def.checks?.length || inner._zod.optin === 'defaulted') return { valid: NOT_SURE, issues: (value, path) => delegate(node, value, path) };
    const checker = compile(inner);
    return {
      valid: value => value === undefined || checker.valid(value),
      issues: (value, path) => value === undefined || checker.valid(value) ? [] : checker.issues(value, path),
    };
  }
  if (def.type === 'object') return compileObject(node, compile);
  if (def.type === 'array' && !def.checks?.length) {
    const element = compile(def.element as ZodNode);
    return {
      valid: value => {
        if (!Array.isArray(value)) return false;
        for (const item of value) if (!element.valid(item)) return false;
        return true;
      },
      issues: (value, path) => Array.isArray(value)
        ? value.flatMap((item, index) => element.valid(item) ? [] : element.issues(item, [...path, index]))
        : delegate(node, value, path),
    };
  }
  // Asked only for a value that is not surely valid.
  return { valid: leafValid(node, compile), issues: (value, path) => delegate(node, value, path) };
}

/** Compiles a schema once; the function then gives `schema.safeParse(value)`'s issues ([] when valid). */
export function compileIssueFinder(schema: z.ZodType): (value: unknown) => Issue[] {
  const compiled = new Map<ZodNode, Checker>();
  const compile = (node: ZodNode): Checker => {
    let checker = compiled.get(node);
    if (!checker) {
      // A placeholder first, in case a schema refers to itself.
      compiled.set(node, { valid: value => checker!.valid(value), issues: (value, path) => checker!.issues(value, path) });
      checker = compileNode(node, compile);
      compiled.set(node, checker);
    }
    return checker;
  };
  const root = compile(schema as unknown as ZodNode);
  return value => root.issues(value, []);
}
