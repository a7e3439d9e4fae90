/**
 * Where the cursor is, for completion: typing a key of some mapping, or a value at some path,
 * and which text the chosen item replaces. Half-typed YAML is the normal case here, so besides
 * `nodeAtOffset` (scalars and empty values) this reads a blank line's indentation and the inside
 * of a flow collection after a comma.
 */
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { z } from 'zod';
import type { Span } from '../findings';
import { NodePath, nodeAtOffset } from '../nodeAt';
import { lookup, ParsedCard } from '../yamlCard';
import { takesMapping, takesScalar } from './schemaWalk';

export interface KeySite {
  readonly kind: 'key';
  /** The mapping the key goes into, e.g. `['sts', 'licensing']`; `[]` for the card's top level. */
  readonly mapPath: NodePath;
  /** The text the item replaces: the key typed so far, or zero-width at the cursor. */
  readonly range: Span;
  /** Keys the mapping already has (the one being typed is not among them). */
  readonly present: ReadonlySet<string>;
  /** A `:` already follows the replaced text, so the item inserts the bare key. */
  readonly colonFollows: boolean;
  /** The text before the insertion point is `:`, `-` or `,` with no space: insert one first. */
  readonly spaceBefore: boolean;
}

export interface ValueSite {
  readonly kind: 'value';
  /** The value's path, e.g. `['sts', 'family']` or `['sts', 'subcategories', 1]`. */
  readonly path: NodePath;
  readonly range: Span;
  /** For a list item, the values of the list's other items (offered again would be duplicates). */
  readonly siblings: ReadonlySet<string>;
  readonly spaceBefore: boolean;
}

export type Site = KeySite | ValueSite;

type Schema = z.core.$ZodType;

/** Where the cursor is in the card, or undefined when nothing can be completed there. */
export function siteAt(card: ParsedCard, text: string, offset: number, schema: Schema): Site | undefined {
  const hit = nodeAtOffset(card, offset);
  if (hit) {
    if (hit.on === 'key') {
      if (hit.path.length === 0) return undefined;
      const mapPath = hit.path.slice(0, -1);
      const present = keysOf(card, mapPath, String(hit.value));
      let span = hit.span;
      if (spansLines(text, span)) {
        // A key typed on a new line above another key: the parser joins the two lines into one
        // (invalid) multi-line key. The key being typed is the cursor's line; the other lines
        // are keys the mapping already has.
        const lines = lineSegments(text, span);
        const current = lines.find(line => line.start <= offset && offset <= line.end);
        if (!current || current.start === current.end) return undefined;
        for (const line of lines) if (line !== current) present.add(text.slice(line.start, line.end));
        span = current;
      }
      return {
        kind: 'key',
        mapPath,
        range: unquoted(text, span, offset),
        present,
        colonFollows: /^[ \t]*:/.test(text.slice(span.end, span.end + 80)),
        spaceBefore: false,
      };
    }
    if (hit.empty) {
      const spaceBefore = needsSpace(text, offset);
      const last = hit.path[hit.path.length - 1];
      // `- |` in a list of mappings (latency, siblings): the item's first key.
      if (typeof last === 'number' && !takesScalar(schema, hit.path) && takesMapping(schema, hit.path)) {
        return { kind: 'key', mapPath: hit.path, range: hit.span, present: new Set(), colonFollows: false, spaceBefore };
      }
      return { kind: 'value', path: hit.path, range: hit.span, siblings: siblingsOf(card, hit.path), spaceBefore };
    }
    if (spansLines(text, hit.span)) return undefined;
    // A word alone on its line where a mapping belongs (`sts:` then `  fam|`, or `- ms|` in
    // latency): the parser reads a scalar, the user is typing the mapping's first key.
    const linePrefix = text.slice(lineStartOf(text, hit.span.start, card.base), hit.span.start);
    if (/^[ \t]*(?:-[ \t]+)*$/.test(linePrefix) && !isQuote(text[hit.span.start])
      && takesMapping(schema, hit.path) && (hit.path.length === 0 || !takesScalar(schema, hit.path))) {
      return {
        kind: 'key',
        mapPath: hit.path,
        range: hit.span,
        present: new Set(),
        colonFollows: false,
        spaceBefore: false,
      };
    }
    return { kind: 'value', path: hit.path, range: unquoted(text, hit.span, offset), siblings: siblingsOf(card, hit.path), spaceBefore: false };
  }
  return flowSite(card, text, offset) ?? blockSite(card, text, offset, schema);
}

/** Inside a flow collection right after `[`, `{` or `,`: the next item or key. */
function flowSite(card: ParsedCard, text: string, offset: number): Site | undefined {
  const relative = offset - card.base;
  const found = innermostFlow(card.document.contents as Node | null, [], relative);
  if (!found) return undefined;
  const before = text.slice(card.base + found.node.range![0], offset).replace(/[ \t\r\n]+$/, '');
  const after = text.slice(offset).replace(/^[ \t\r\n]+/, '');
  if (!/[[{,]$/.test(before) || !/^([,\]}]|$)/.test(after)) return undefined;
  const range = { start: offset, end: offset };
  const spaceBefore = text[offset - 1] === ',';
  if (isSeq(found.node)) {
    const index = found.node.items.filter(item => ((item as Node).range?.[0] ?? Infinity) < relative).length;
    const path = [...found.path, index];
    return { kind: 'value', path, range, siblings: siblingsOf(card, path), spaceBefore };
  }
  return { kind: 'key', mapPath: found.path, range, present: keysOf(card, found.path), colonFollows: false, spaceBefore };
}

function innermostFlow(node: Node | null | undefined, path: NodePath, relative: number): { node: Node; path: NodePath } | undefined {
  if (!node || (!isMap(node) && !isSeq(node))) return undefined;
  const range = node.range;
  const inside = !!range && relative > range[0] && relative < range[1];
  if (node.flow && !inside) return undefined;
  if (!node.flow && range && (relative < range[0] || relative > range[2])) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const found = innermostFlow(pair.value as Node | null, [...path, String(pair.key.value)], relative);
      if (found) return found;
    }
  } else {
    for (const [index, item] of node.items.entries()) {
      const found = innermostFlow(isPair(item) ? (item.value as Node | null) : (item as Node), [...path, index], relative);
      if (found) return found;
    }
  }
  return node.flow ? { node, path } : undefined;
}

/**
 * A blank line (spaces up to the cursor, nothing after it): the mapping whose keys sit at the
 * cursor's column, found from the lines above: a key at that column is a sibling; a `key:` with
 * nothing after it, less indented, opens the mapping.
 */
function blockSite(card: ParsedCard, text: string, offset: number, schema: Schema): Site | undefined {
  const lineStart = lineStartOf(text, offset, card.base);
  const prefix = text.slice(lineStart, offset);
  if (!/^ *$/.test(prefix)) return undefined;
  const rest = /^[^\r\n]*/.exec(text.slice(offset))![0];
  if (rest.trim() !== '') return undefined;
  const column = prefix.length;
  const range = { start: offset, end: offset };
  const keySite = (mapPath: NodePath): KeySite | undefined => takesMapping(schema, mapPath)
    ? { kind: 'key', mapPath, range, present: keysOf(card, mapPath), colonFollows: false, spaceBefore: false }
    : undefined;

  let end = lineStart;
  while (end > card.base) {
    const lineEnd = text[end - 1] === '\n' && text[end - 2] === '\r' ? end - 2 : end - 1;
    const start = lineStartOf(text, lineEnd, card.base);
    end = start;
    const line = text.slice(start, lineEnd);
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const shape = /^( *)((?:-[ \t]+)*)/.exec(line)!;
    const indent = shape[1].length;
    const keyColumn = indent + shape[2].length;
    if (keyColumn === column) {
      const hit = nodeAtOffset(card, start + keyColumn);
      return hit?.on === 'key' ? keySite(hit.path.slice(0, -1)) : undefined;
    }
    if (indent < column) {
      if (keyColumn > column) return undefined;
      const hit = nodeAtOffset(card, start + keyColumn);
      if (hit?.on !== 'key' || hit.span.end > lineEnd) return undefined;
      // Only `key:` with nothing (or a comment) after it opens a block mapping below.
      const afterKey = text.slice(hit.span.end, lineEnd);
      return /^[ \t]*:[ \t]*(#.*)?$/.test(afterKey) ? keySite(hit.path) : undefined;
    }
  }
  if (column !== 0) return undefined;
  const root = card.document.contents;
  return root === null || isMap(root) || (isScalar(root) && (root.value === null || root.value === '')) ? keySite([]) : undefined;
}

function lineStartOf(text: string, offset: number, floor: number): number {
  let index = offset;
  while (index > floor && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}

/** The trimmed text of each line of a span. */
function lineSegments(text: string, span: Span): Span[] {
  const segments: Span[] = [];
  const pattern = /[^\r\n]+/g;
  const slice = text.slice(span.start, span.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const leading = match[0].length - match[0].trimStart().length;
    const start = span.start + match.index + leading;
    segments.push({ start, end: start + match[0].trim().length });
  }
  return segments;
}

function spansLines(text: string, span: Span): boolean {
  return /[\r\n]/.test(text.slice(span.start, span.end));
}

function isQuote(character: string | undefined): boolean {
  return character === '"' || character === "'";
}

/** A quoted scalar's text between its quotes (when the cursor is there), else the span itself. */
function unquoted(text: string, span: Span, offset: number): Span {
  const quote = text[span.start];
  if (!isQuote(quote) || offset <= span.start) return span;
  const closed = span.end - span.start >= 2 && text[span.end - 1] === quote;
  const inner = { start: span.start + 1, end: closed ? span.end - 1 : span.end };
  return offset <= inner.end ? inner : span;
}

function needsSpace(text: string, offset: number): boolean {
  const previous = text[offset - 1];
  return previous === ':' || previous === '-' || previous === ',';
}

/** The keys of the mapping at a path, but for one occurrence of the key being typed. */
function keysOf(card: ParsedCard, mapPath: NodePath, typing?: string): Set<string> {
  const node = lookup(card, mapPath)?.node;
  const keys = new Set<string>();
  if (!isMap(node)) return keys;
  let skipped = false;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (!skipped && key === typing) { skipped = true; continue; }
    keys.add(key);
  }
  return keys;
}

function siblingsOf(card: ParsedCard, path: NodePath): Set<string> {
  const values = new Set<string>();
  const index = path[path.length - 1];
  if (typeof index !== 'number') return values;
  const node = lookup(card, path.slice(0, -1))?.node;
  if (!isSeq(node)) return values;
  node.items.forEach((item, at) => {
    if (at !== index && isScalar(item) && item.value !== null && item.value !== '') values.add(String(item.value));
  });
  return values;
}
