/**
 * Validates the card against its zod schema and turns every issue into a finding on the exact key
 * or value at fault: `schema.invalid`, `schema.missing` (on the parent's key) and
 * `schema.unknown-key` (with the closest known key as `data.suggestion`).
 */
import type { z } from 'zod';
import { closestMatch } from './closest';
import type { DiagnosticCode } from './codes';
import type { Finding, Span } from './findings';
import { compileIssueFinder } from './schemaIssues';
import { anchorSpan, KeyPath, keySpan, ParsedCard, valueSpan } from './yamlCard';

type Issue = z.core.$ZodIssue;

export function describePath(path: KeyPath): string {
  return path.map((segment, index) => typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`).join('');
}

function valueAt(root: unknown, path: KeyPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `${value}`;
    case 'object': return 'a mapping';
    default: return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  object: 'a mapping (key: value pairs)', array: 'a list', record: 'a mapping (key: value pairs)',
};

/** A short list is spelled out; a long one (the Hub's pipeline tags) is summed up with the nearest value. */
function describeAllowed(allowed: readonly string[], actual: unknown): string {
  if (allowed.length <= 8) return `one of ${allowed.join(', ')}`;
  const nearest = typeof actual === 'string' ? closestMatch(actual, allowed) : undefined;
  return `one of ${allowed.length} allowed values${nearest ? ` (the nearest is '${nearest}')` : ''}`;
}

/** The keys an object schema defines at a path, for "did you mean" on an unknown key. */
export function knownKeysAt(schema: z.ZodType, path: KeyPath): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    for (;;) {
      const def: { type: string; innerType?: z.core.$ZodType } = node!._zod.def as never;
      if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) node = def.innerType;
      else return;
    }
  };
  for (const segment of path) {
    unwrap();
    const def = node._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === 'object' && typeof segment === 'string') node = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') node = def.element;
    else return [];
    if (!node) return [];
  }
  unwrap();
  const def = node._zod.def as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Per key path (`pipeline_tag`): values people write that mean an allowed value. */
export type ValueAliases = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The compiled issue finder of each schema: built once per knowledge base, not per card. */
const issueFinders = new WeakMap<z.ZodType, (value: unknown) => Issue[]>();

/** The codes a schema's issues are reported under: the card's own, or a configuration file's. */
export interface SchemaCodes {
  readonly invalid: DiagnosticCode;
  readonly missing: DiagnosticCode;
  readonly unknownKey: DiagnosticCode;
  /** What the file is, in messages about its top level ("the card"). */
  readonly subject: string;
}

const CARD_CODES: SchemaCodes = { invalid: 'schema.invalid', missing: 'schema.missing', unknownKey: 'schema.unknown-key', subject: 'the card' };

export function checkSchema(card: ParsedCard, value: unknown, schema: z.ZodType, fallback: Span, aliases: ValueAliases = {}): Finding[] {
  let issuesOf = issueFinders.get(schema);
  if (!issuesOf) issueFinders.set(schema, issuesOf = compileIssueFinder(schema));
  return issuesOf(value).flatMap(issue => findingsFor(card, value, schema, issue, fallback, aliases, CARD_CODES));
}

/**
 * The same findings for a file that is not a card (a configuration, a knowledge extension), from
 * zod's own issues, under that file's codes. `root` is where `schema` applies in the file.
 */
export function checkOtherSchema(card: ParsedCard, value: unknown, schema: z.ZodType, fallback: Span, codes: SchemaCodes, root: KeyPath = []): Finding[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap(issue => findingsFor(card, value, schema, { ...issue, path: [...root, ...issue.path] } as Issue, fallback, {}, codes, root));
}

function findingsFor(card: ParsedCard, root: unknown, schema: z.ZodType, issue: Issue, fallback: Span, aliases: ValueAliases, codes: SchemaCodes, base: KeyPath = []): Finding[] {
  const path = issue.path as KeyPath;
  const label = path.length ? describePath(path) : codes.subject.charAt(0).toUpperCase() + codes.subject.slice(1);
  const actual = valueAt(root, path.slice(base.length));
  const at = (span: Span | undefined) => span ?? fallback;

  if (actual === undefined && issue.code !== 'unrecognized_keys' && path.length > 0) {
    const parent = path.slice(0, -1);
    const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map(String).join(', ')}`
      : issue.code === 'invalid_type' ? EXPECTED[issue.expected] ?? issue.expected : issue.message;
    return [{
      code: codes.missing,
      ...at(anchorSpan(card, parent)),
      message: `Missing '${String(path[path.length - 1])}' under ${parent.length ? describePath(parent) : codes.subject}: ${expected}.`,
      data: { key: path[path.length - 1], parent: describePath(parent) },
    }];
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path.slice(base.length));
      return issue.keys.map((key): Finding => {
        const suggestion = closestMatch(key, known) ?? null;
        const where = path.length ? describePath(path) : codes.subject;
        const hint = suggestion ? `: did you mean '${suggestion}'?` : `. Known keys: ${known.join(', ')}.`;
        return {
          code: codes.unknownKey,
          ...at(keySpan(card, [...path, key])),
          message: `Unknown key '${key}' under ${where}${hint}`,
          data: { key, suggestion },
        };
      });
    }
    case 'invalid_type': {
      return [{
        code: codes.invalid,
        ...at(valueSpan(card, path)),
        message: `${label} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(actual)}.`,
      }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const alias = typeof actual === 'string' ? aliases[describePath(path)]?.[actual.trim().toLowerCase()] : undefined;
      return [{
        code: codes.invalid,
        ...at(valueSpan(card, path)),
        message: alias
          ? `${label} '${String(actual)}' is not a Hub value; the Hub calls this task '${alias}'.`
          : `${label} should be ${describeAllowed(allowed, actual)}, not ${kindOf(actual)}.`,
        data: alias ? { allowed, suggestion: alias } : { allowed },
      }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small'
        ? (issue.inclusive ? 'at least' : 'more than')
        : (issue.inclusive ? 'at most' : 'less than');
      return [{ code: codes.invalid, ...at(valueSpan(card, path)), message: `${label} should be ${relation} ${String(bound)}, not ${kindOf(actual)}.` }];
    }
    default:
      // Formats, unions and refinements carry a message written in this product's words
      // (see cardSchema.ts); it names what the value should be.
      return [{ code: codes.invalid, ...at(valueSpan(card, path)), message: `${label} should be ${issue.message}, not ${kindOf(actual)}.` }];
  }
}
