/**
 * Reads the card's zod schema for completion: which keys a mapping takes and which fixed values
 * a key takes, at a path of the card. The schema (cardSchema.ts) is the single source of truth;
 * nothing here lists a key or an enum value of its own.
 *
 * A path can reach several schema nodes at once: `license` is text or a list of text, so
 * `['license']` reaches the text and `['license', 0]` the list's item.
 */
import type { z } from 'zod';
import type { NodePath } from '../nodeAt';

type Node = z.core.$ZodType;

interface Def {
  readonly type: string;
  readonly innerType?: Node;
  readonly shape?: Readonly<Record<string, Node>>;
  readonly element?: Node;
  readonly options?: readonly Node[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly valueType?: Node;
  readonly in?: Node;
}

const defOf = (node: Node): Def => node._zod.def as unknown as Def;

/** The node without its optional/nullable/default wrappers, and a union as its members. */
function expand(node: Node, out: Node[] = []): Node[] {
  const def = defOf(node);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      if (def.innerType) expand(def.innerType, out);
      break;
    case 'pipe':
      if (def.in) expand(def.in, out);
      break;
    case 'union':
      for (const option of def.options ?? []) expand(option, out);
      break;
    default:
      out.push(node);
  }
  return out;
}

/** Every schema node (wrappers and unions expanded) that a value at `path` may be checked against. */
export function schemaNodesAt(schema: Node, path: NodePath): Node[] {
  let nodes = expand(schema);
  for (const segment of path) {
    const next: Node[] = [];
    for (const node of nodes) {
      const def = defOf(node);
      let child: Node | undefined;
      if (def.type === 'object' && typeof segment === 'string') child = Object.hasOwn(def.shape ?? {}, segment) ? def.shape![segment] : undefined;
      else if (def.type === 'record' && typeof segment === 'string') child = def.valueType;
      else if (def.type === 'array' && typeof segment === 'number') child = def.element;
      if (child) expand(child, next);
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** The keys of the mapping at `path`, in the schema's order (none when no object schema is there). */
export function keysAt(schema: Node, path: NodePath): string[] {
  const keys = new Set<string>();
  for (const node of schemaNodesAt(schema, path)) {
    const def = defOf(node);
    if (def.type === 'object') for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  }
  return [...keys];
}

/** Whether a mapping may stand at `path`. */
export function takesMapping(schema: Node, path: NodePath): boolean {
  return schemaNodesAt(schema, path).some(node => ['object', 'record'].includes(defOf(node).type));
}

/** Whether a scalar (text, number, boolean, enum value) may stand at `path`. */
export function takesScalar(schema: Node, path: NodePath): boolean {
  return schemaNodesAt(schema, path).some(node => !['object', 'record', 'array'].includes(defOf(node).type));
}

export type FixedValue = string | boolean;

/** The fixed values a scalar at `path` may take: enum members, literals, `true`/`false`. */
export function fixedValuesAt(schema: Node, path: NodePath): FixedValue[] {
  const values = new Set<FixedValue>();
  for (const node of schemaNodesAt(schema, path)) {
    const def = defOf(node);
    if (def.type === 'enum') for (const value of Object.values(def.entries ?? {})) values.add(String(value));
    else if (def.type === 'literal') for (const value of def.values ?? []) values.add(typeof value === 'boolean' ? value : String(value));
    else if (def.type === 'boolean') { values.add(true); values.add(false); }
  }
  return [...values];
}

/** A short, plain description of what a key holds, for a completion item's `detail`. */
export function describeSchema(schema: Node, path: NodePath): string {
  const parts = [...new Set(schemaNodesAt(schema, path).map(describeNode))];
  return parts.join(' or ');
}

function describeNode(node: Node): string {
  const def = defOf(node);
  switch (def.type) {
    case 'string': return 'text';
    case 'number': case 'int': return 'a number';
    case 'boolean': return 'true or false';
    case 'enum': {
      const values = Object.values(def.entries ?? {}).map(String);
      return values.length <= 5 ? values.join(' | ') : `one of ${values.length} values`;
    }
    case 'literal': return (def.values ?? []).map(String).join(' | ');
    case 'array': {
      const items = def.element ? [...new Set(expand(def.element).map(describeNode))].join(' or ') : 'items';
      return `a list of ${items.startsWith('a ') ? items.slice(2) : items}`;
    }
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return keys.length <= 5 ? `{ ${keys.join(', ')} }` : 'a mapping';
    }
    case 'record': return 'a mapping';
    default: return 'a value';
  }
}
