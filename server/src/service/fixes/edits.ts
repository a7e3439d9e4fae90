/**
 * A minimal-edit toolkit over the positions of the `yaml` AST: every edit touches only the bytes it
 * must, so comments, key order, the file's indentation unit and its line ends (LF, CRLF or a lone
 * CR) all survive. Offsets are file offsets: inside Markdown front matter the YAML starts at
 * `card.base`, and every node range is shifted by it.
 */
import { isMap, isPair, isScalar, isSeq, Node, Pair, parse, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { cardKindOf, LocatedCard, locateCard } from '../cardLocator';
import type { CardKind } from '../types';
import { KeyPath, parseCard, ParsedCard } from '../yamlCard';

/** A replacement of `[start, end)` of the file by `newText`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A file, where its card is, and the formatting conventions new text must follow. */
export interface CardText {
  readonly uri: string;
  readonly text: string;
  readonly kind: CardKind;
  readonly located: LocatedCard;
  /** Undefined when the file holds no YAML to edit (Markdown without closed front matter). */
  readonly card?: ParsedCard;
  /** The line end new lines use: the card's own (CRLF, a lone CR or LF). */
  readonly eol: string;
  /** How many spaces a nested mapping is indented by (2 when nothing says otherwise). */
  readonly indentUnit: number;
  /** How far a block sequence's `-` sits right of its key (0 for Hub-style `key:\n- item`). */
  readonly sequenceIndent: number;
  /** Where the YAML ends in the file (the closing `---` line of front matter). */
  readonly yamlStart: number;
  readonly yamlEnd: number;
}

export function readCardText(uri: string, text: string): CardText {
  const kind = cardKindOf(uri);
  const located = locateCard(text, kind);
  let card: ParsedCard | undefined;
  let yamlStart = 0;
  let yamlEnd = text.length;
  if (located.kind === 'yaml' || located.kind === 'front-matter') {
    yamlStart = located.yamlStart;
    yamlEnd = located.yamlEnd;
    card = parseCard(text, yamlStart, yamlEnd);
  }
  const eol = detectEol(text.slice(yamlStart, yamlEnd)) ?? detectEol(text) ?? '\n';
  const measured = card ? measureIndentation(card, text) : { unit: undefined, sequence: undefined };
  const indentUnit = measured.unit ?? 2;
  return { uri, text, kind, located, card, eol, indentUnit, sequenceIndent: measured.sequence ?? indentUnit, yamlStart, yamlEnd };
}

/** The first line end of the text, as written. */
export function detectEol(text: string): string | undefined {
  const match = /\r\n|\r|\n/.exec(text);
  return match?.[0];
}

// ---------------------------------------------------------------------------------------------
// Lines and columns

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

export function lineStartOf(text: string, offset: number): number {
  let position = offset;
  while (position > 0 && !isLineBreak(text[position - 1])) position--;
  return position;
}

export function lineEndOf(text: string, offset: number): number {
  let position = offset;
  while (position < text.length && !isLineBreak(text[position])) position++;
  return position;
}

/** The start of the next line, or undefined when the line holding `offset` is the last one. */
export function nextLineStart(text: string, offset: number): number | undefined {
  const end = lineEndOf(text, offset);
  if (end >= text.length) return undefined;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** True when only spaces (or tabs) precede `offset` on its line. */
function startsItsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

// ---------------------------------------------------------------------------------------------
// Node positions in the file

export function startOf(card: ParsedCard, node: Node): number {
  return card.base + node.range![0];
}

/** The end of a node's value, before any trailing comment (a block collection's ends after its last line). */
export function endOf(card: ParsedCard, node: Node): number {
  return card.base + node.range![1];
}

type Ranged = Node & { range: [number, number, number] };

function hasRange(node: unknown): node is Ranged {
  return !!node && typeof node === 'object' && Array.isArray((node as Node).range);
}

/** True when a pair's value is absent or an empty plain scalar (`key:` with nothing after it). */
export function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && (node.value === null || node.value === '') && !!node.range && node.range[0] === node.range[1];
}

/** The end of what a pair holds: its value's end, or its key's when the value is empty. */
export function pairContentEnd(card: ParsedCard, pair: Pair): number {
  const value = pair.value;
  if (hasRange(value) && !isEmptyValue(value)) return endOf(card, value);
  return endOf(card, pair.key as Node);
}

/**
 * Where a new line goes after content ending at `offset`: the start of the line after the one
 * holding the content's last character (so a trailing comment stays on its line). `atEnd` when
 * that line is the file's last and has no line end.
 */
export function lineAfter(ct: CardText, offset: number): { position: number; atEnd: boolean } {
  let last = offset;
  while (last > 0 && /[ \t\r\n]/.test(ct.text[last - 1])) last--;
  const next = nextLineStart(ct.text, Math.max(last - 1, 0));
  if (next === undefined || next > ct.yamlEnd) return { position: Math.min(lineEndOf(ct.text, last), ct.yamlEnd), atEnd: true };
  return { position: next, atEnd: false };
}

// ---------------------------------------------------------------------------------------------
// Indentation

function measureIndentation(card: ParsedCard, text: string): { unit?: number; sequence?: number } {
  const units = new Map<number, number>();
  const sequences = new Map<number, number>();
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!node.flow && hasRange(key) && hasRange(value) && startsItsLine(text, startOf(card, key))) {
          const keyColumn = columnOf(text, startOf(card, key));
          if (isMap(value) && !value.flow && value.items[0] && hasRange(value.items[0].key)) {
            const childStart = startOf(card, value.items[0].key as Node);
            const difference = columnOf(text, childStart) - keyColumn;
            if (difference > 0 && startsItsLine(text, childStart)) units.set(difference, (units.get(difference) ?? 0) + 1);
          } else if (isSeq(value) && !value.flow && value.items.length > 0) {
            const dash = startOf(card, value);
            const difference = columnOf(text, dash) - keyColumn;
            if (difference >= 0 && startsItsLine(text, dash)) sequences.set(difference, (sequences.get(difference) ?? 0) + 1);
          }
        }
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(card.document.contents);
  const mostCommon = (counts: Map<number, number>) => {
    let best: number | undefined;
    for (const [value, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && value < best)) best = value;
    return best;
  };
  return { unit: mostCommon(units), sequence: mostCommon(sequences) };
}

/** The indentation unit a mapping's own nested blocks use, else the file's. */
function unitFor(ct: CardText, map: YAMLMap | undefined): number {
  if (map && !map.flow && ct.card) {
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (hasRange(key) && isMap(value) && !value.flow && value.items[0] && hasRange(value.items[0].key)) {
        const difference = columnOf(ct.text, startOf(ct.card, value.items[0].key as Node)) - columnOf(ct.text, startOf(ct.card, key));
        if (difference > 0) return difference;
      }
    }
  }
  return ct.indentUnit;
}

// ---------------------------------------------------------------------------------------------
// New values

/** What a fix inserts: a scalar's YAML text, or a mapping or sequence (block unless `flow`). */
export type NewValue =
  | { readonly scalar: string }
  | { readonly map: readonly (readonly [string, NewValue])[]; readonly flow?: boolean }
  | { readonly seq: readonly NewValue[]; readonly flow?: boolean };

const PLAIN_CANDIDATE = /^[A-Za-z0-9_][A-Za-z0-9_ .\/+()~:@%=?&#-]*$/;

/** `value` as a YAML scalar: plain when it reads back as the same text, else double-quoted. */
export function scalarText(value: string, flow = false): string {
  if (PLAIN_CANDIDATE.test(value) && !value.endsWith(' ') && !/:( |$)| #/.test(value)) {
    try {
      const read = flow ? (parse(`{k: ${value}}`) as { k?: unknown })?.k : (parse(`k: ${value}`) as { k?: unknown })?.k;
      if (read === value) return value;
    } catch {
      // not plain-safe: quote it
    }
  }
  return JSON.stringify(value);
}

/** A text value: plain when that is safe. */
export function text(value: string): NewValue {
  return { scalar: scalarText(value, true) };
}

/** A text value, always double-quoted (free text such as an attribution). */
export function quoted(value: string): NewValue {
  return { scalar: JSON.stringify(value) };
}

/** A literal YAML scalar such as `false`, `200` or `""`. */
export function raw(scalar: string): NewValue {
  return { scalar };
}

export function map(entries: readonly (readonly [string, NewValue])[], flow = false): NewValue {
  return { map: entries, flow };
}

export function seq(items: readonly NewValue[], flow = false): NewValue {
  return { seq: items, flow };
}

function renderFlow(value: NewValue): string {
  if ('scalar' in value) return value.scalar;
  if ('map' in value) {
    return value.map.length === 0 ? '{}' : `{ ${value.map.map(([key, item]) => `${scalarText(key, true)}: ${renderFlow(item)}`).join(', ')} }`;
  }
  return `[${value.seq.map(renderFlow).join(', ')}]`;
}

function isBlock(value: NewValue): boolean {
  if ('scalar' in value || value.flow) return false;
  return 'map' in value ? value.map.length > 0 : value.seq.length > 0;
}

/** `key: value` at `indent` spaces, as lines joined by the file's line end, without a final one. */
function renderBlockPair(ct: CardText, key: string, value: NewValue, indent: number, unit: number): string {
  const head = `${' '.repeat(indent)}${scalarText(key)}:`;
  return isBlock(value) ? `${head}${renderBlockChildren(ct, value, indent, unit)}` : `${head} ${renderFlow(value)}`;
}

/** The lines of a block value under a key at `indent`, each after a line end. */
function renderBlockChildren(ct: CardText, value: NewValue, indent: number, unit: number): string {
  if ('map' in value) return value.map.map(([key, child]) => `${ct.eol}${renderBlockPair(ct, key, child, indent + unit, unit)}`).join('');
  if ('seq' in value) {
    const dashPad = ' '.repeat(indent + ct.sequenceIndent);
    return value.seq.map(item => `${ct.eol}${dashPad}- ${renderFlow(item)}`).join('');
  }
  return ` ${value.scalar}`;
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Replaces a scalar's value, keeping its quoting style where the new value allows it. */
export function replaceScalar(ct: CardText, node: Scalar, value: string): Edit {
  const card = ct.card!;
  const start = startOf(card, node);
  let end = endOf(card, node);
  let newText: string;
  switch (node.type) {
    case 'QUOTE_DOUBLE': newText = JSON.stringify(value); break;
    case 'QUOTE_SINGLE': newText = `'${value.replace(/'/g, "''")}'`; break;
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': {
      // A block scalar's range runs through its last line end: keep that line end.
      while (end > start && isLineBreak(ct.text[end - 1])) end--;
      newText = scalarText(value, inFlow(ct, node));
      break;
    }
    default: newText = scalarText(value, inFlow(ct, node));
  }
  return { start, end, newText };
}

/** Whether a node sits inside a flow collection (where `,`, `[]`, `{}` end a plain scalar). */
function inFlow(ct: CardText, target: Node): boolean {
  let found = false;
  const visit = (node: unknown, flow: boolean): void => {
    if (found) return;
    if (node === target) {
      found = flow;
      return;
    }
    if (isMap(node)) for (const pair of node.items) { visit(pair.key, flow || !!node.flow); visit(pair.value, flow || !!node.flow); }
    else if (isSeq(node)) for (const item of node.items) visit(item, flow || !!node.flow);
    else if (isPair(node)) { visit(node.key, flow); visit(node.value, flow); }
  };
  visit(ct.card?.document.contents, false);
  return found;
}

/** Replaces any value node (a scalar or a flow collection) by new YAML. */
export function replaceNode(ct: CardText, node: Node, value: NewValue): Edit | undefined {
  const card = ct.card!;
  if (isScalar(node)) {
    if ('scalar' in value) return { start: startOf(card, node), end: endOf(card, node), newText: value.scalar };
  } else if (!(isMap(node) || isSeq(node)) || !node.flow) {
    return undefined;
  }
  return { start: startOf(card, node), end: endOf(card, node), newText: renderFlow(value) };
}

/** Renames a key in place (the value, comments and position stay). */
export function renameKey(ct: CardText, pair: Pair, newKey: string): Edit | undefined {
  const key = pair.key;
  if (!isScalar(key) || !hasRange(key)) return undefined;
  return { start: startOf(ct.card!, key), end: endOf(ct.card!, key), newText: scalarText(newKey, inFlow(ct, key)) };
}

export function findPair(mapNode: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return mapNode.items.find(item => isScalar(item.key) && String(item.key.value) === key) as Pair<Node, Node | null> | undefined;
}

export interface Placement {
  /** Insert after the last of these keys that the mapping holds... */
  readonly after?: readonly string[];
  /** ...or, when none is there, first (else last). */
  readonly first?: boolean;
}

/**
 * Inserts `key: value` into a mapping: a block mapping gets a new line at its own indentation, a
 * flow mapping a `, key: value` (an empty `{}` becomes `{ key: value }`).
 */
export function insertPair(ct: CardText, mapNode: YAMLMap, key: string, value: NewValue, placement: Placement = {}): Edit | undefined {
  const card = ct.card!;
  const items = mapNode.items.filter(item => hasRange(item.key));
  let anchor: Pair | undefined;
  for (const name of placement.after ?? []) {
    const pair = findPair(mapNode, name);
    if (pair && hasRange(pair.key) && (!anchor || startOf(card, pair.key as Node) > startOf(card, anchor.key as Node))) anchor = pair;
  }
  const atFirst = !anchor && placement.first === true;
  if (!anchor && !atFirst) anchor = items[items.length - 1];

  if (mapNode.flow) {
    if (items.length === 0) {
      if (!hasRange(mapNode)) return undefined;
      return { start: startOf(card, mapNode), end: endOf(card, mapNode), newText: renderFlow(map([[key, value]])) };
    }
    const rendered = `${scalarText(key, true)}: ${renderFlow(value)}`;
    if (atFirst) {
      const start = startOf(card, items[0].key as Node);
      return { start, end: start, newText: `${rendered}, ` };
    }
    const at = pairContentEnd(card, anchor!);
    return { start: at, end: at, newText: `, ${rendered}` };
  }

  if (items.length === 0) return undefined;
  const firstKey = startOf(card, items[0].key as Node);
  const indent = columnOf(ct.text, firstKey);
  const unit = unitFor(ct, mapNode);
  const rendered = renderBlockPair(ct, key, value, indent, unit);
  if (atFirst) {
    if (!startsItsLine(ct.text, firstKey)) return insertPair(ct, mapNode, key, value, {});
    const start = lineStartOf(ct.text, firstKey);
    return { start, end: start, newText: `${rendered}${ct.eol}` };
  }
  const { position, atEnd } = lineAfter(ct, pairContentEnd(card, anchor!));
  return atEnd
    ? { start: position, end: position, newText: `${ct.eol}${rendered}` }
    : { start: position, end: position, newText: `${rendered}${ct.eol}` };
}

/**
 * Gives an empty pair (`key:` with nothing after it, or `key: null`) a value: a scalar or flow
 * value after the colon, a block value on the lines below, indented one unit under the key.
 */
export function fillEmptyPair(ct: CardText, pair: Pair, value: NewValue, parent?: YAMLMap): Edit | undefined {
  const card = ct.card!;
  const key = pair.key as Node;
  if (!hasRange(key)) return undefined;
  const valueNode = pair.value;
  if (hasRange(valueNode) && !isEmptyValue(valueNode)) {
    // An explicit `null` or `~`: replace it in place, in flow style.
    return isScalar(valueNode) && valueNode.value === null ? replaceNode(ct, valueNode, 'scalar' in value ? value : { scalar: renderFlow(value) }) : undefined;
  }
  const flowParent = parent?.flow === true;
  const keyEnd = endOf(card, key);
  const colon = ct.text.indexOf(':', keyEnd);
  if (colon === -1 || colon > lineEndOf(ct.text, keyEnd)) return undefined;
  if (!isBlock(value) || flowParent) {
    return { start: colon + 1, end: colon + 1, newText: ` ${renderFlow(value)}` };
  }
  const indent = columnOf(ct.text, startOf(card, key));
  const unit = unitFor(ct, parent);
  // The children go below the key's line (after a trailing comment, if any).
  const lineEnd = lineEndOf(ct.text, colon);
  return { start: lineEnd, end: lineEnd, newText: renderBlockChildren(ct, value, indent, unit) };
}

/** Sets `key` in a mapping: fills it when empty, replaces a scalar, or inserts it. */
export function setPair(ct: CardText, mapNode: YAMLMap, key: string, value: NewValue, placement: Placement = {}): Edit | undefined {
  const pair = findPair(mapNode, key);
  if (!pair) return insertPair(ct, mapNode, key, value, placement);
  if (isEmptyValue(pair.value)) return fillEmptyPair(ct, pair, value, mapNode);
  if (isScalar(pair.value) || (isMap(pair.value) || isSeq(pair.value)) && pair.value.flow) return replaceNode(ct, pair.value as Node, value);
  return undefined;
}

/**
 * Sets the value at a key path, creating the mappings on the way as needed: `['sts', 'licensing',
 * 'attribution']` under an `sts` without `licensing` inserts `licensing:` holding `attribution`.
 * `placements` gives where each created key goes in its parent (by depth).
 */
export function setAtPath(ct: CardText, path: readonly string[], value: NewValue, placements: readonly Placement[] = []): Edit | undefined {
  const card = ct.card;
  if (!card || path.length === 0) return undefined;
  let node: unknown = card.document.contents;
  if (!isMap(node)) return undefined;
  let parent: YAMLMap = node;
  for (let depth = 0; depth < path.length; depth++) {
    const remainder = path.slice(depth + 1);
    const nested = remainder.reduceRight<NewValue>((inner, key) => map([[key, inner]]), value);
    const pair = findPair(parent, path[depth]);
    if (!pair) return insertPair(ct, parent, path[depth], nested, placements[depth]);
    if (remainder.length === 0) return setPair(ct, parent, path[depth], value, placements[depth]);
    if (isEmptyValue(pair.value) || isScalar(pair.value) && pair.value.value === null) return fillEmptyPair(ct, pair, nested, parent);
    node = pair.value;
    if (!isMap(node)) return undefined;
    parent = node;
  }
  return undefined;
}

/**
 * Inserts keys at the top of the card: right after the opening `---` of front matter, or on the
 * line of a standalone card's first key (after any leading comment).
 */
export function insertAtTop(ct: CardText, entries: readonly (readonly [string, NewValue])[]): Edit | undefined {
  const card = ct.card;
  if (!card || entries.length === 0) return undefined;
  const root = card.document.contents;
  if (isMap(root) && root.flow) {
    const edits = entries.map(([key, value]) => insertPair(ct, root, key, value, { first: true }));
    if (edits.some(edit => !edit || edit.start !== edits[0]!.start || edit.end !== edit.start)) return undefined;
    return { start: edits[0]!.start, end: edits[0]!.end, newText: edits.map(edit => edit!.newText).join('') };
  }
  const hasItems = isMap(root) && root.items.some(item => hasRange(item.key));
  if (root !== null && root !== undefined && !hasItems && !(isScalar(root) && root.value === null)) return undefined;
  const indent = hasItems ? columnOf(ct.text, startOf(card, (root as YAMLMap).items[0].key as Node)) : 0;
  const unit = unitFor(ct, hasItems ? root as YAMLMap : undefined);
  const rendered = entries.map(([key, value]) => renderBlockPair(ct, key, value, indent, unit)).join(ct.eol);
  if (ct.located.kind === 'front-matter') return { start: ct.yamlStart, end: ct.yamlStart, newText: `${rendered}${ct.eol}` };
  if (hasItems) {
    const firstKey = startOf(card, (root as YAMLMap).items[0].key as Node);
    if (!startsItsLine(ct.text, firstKey)) return undefined;
    const start = lineStartOf(ct.text, firstKey);
    return { start, end: start, newText: `${rendered}${ct.eol}` };
  }
  return appendToEmptyCard(ct, rendered);
}

/** Top-level keys as block YAML lines, each ending in the file's line end (for a new front matter). */
export function renderTopLevel(ct: CardText, entries: readonly (readonly [string, NewValue])[]): string {
  return entries.map(([key, value]) => `${renderBlockPair(ct, key, value, 0, ct.indentUnit)}${ct.eol}`).join('');
}

/** Inserts a top-level key at the end of the card (before the closing `---` of front matter). */
export function insertAtEnd(ct: CardText, key: string, value: NewValue): Edit | undefined {
  const card = ct.card;
  if (!card) return undefined;
  const root = card.document.contents;
  if (isMap(root) && (root.flow || root.items.length > 0)) return insertPair(ct, root, key, value);
  if (root !== null && root !== undefined && !(isScalar(root) && root.value === null)) return undefined;
  return appendToEmptyCard(ct, renderBlockPair(ct, key, value, 0, ct.indentUnit));
}

function appendToEmptyCard(ct: CardText, rendered: string): Edit {
  const end = ct.yamlEnd;
  const needsBreak = end > ct.yamlStart && !isLineBreak(ct.text[end - 1]);
  if (ct.located.kind === 'front-matter' || !needsBreak) {
    return { start: end, end, newText: `${rendered}${ct.eol}` };
  }
  return { start: end, end, newText: `${ct.eol}${rendered}${ct.eol}` };
}

/**
 * Deletes a pair: its whole line(s) in a block mapping (what its key's line holds, through the
 * end of its value; comments on the lines around stay), or `key: value` and one comma in a flow
 * mapping.
 */
export function deletePair(ct: CardText, mapNode: YAMLMap, pair: Pair): Edit | undefined {
  const card = ct.card!;
  const key = pair.key;
  if (!hasRange(key)) return undefined;
  const keyStart = startOf(card, key);
  const end = pairContentEnd(card, pair);
  if (mapNode.flow) {
    const index = mapNode.items.indexOf(pair as Pair<unknown, unknown>);
    const next = mapNode.items[index + 1];
    if (next && hasRange(next.key)) return { start: keyStart, end: startOf(card, next.key as Node), newText: '' };
    const previous = mapNode.items[index - 1];
    if (previous) return { start: pairContentEnd(card, previous), end, newText: '' };
    return { start: keyStart, end, newText: '' };
  }
  if (!startsItsLine(ct.text, keyStart)) return undefined;
  const start = lineStartOf(ct.text, keyStart);
  const { position, atEnd } = lineAfter(ct, end);
  if (!atEnd) return { start, end: position, newText: '' };
  // The last line of the file: take the line end before it instead.
  let from = start;
  if (from > ct.yamlStart && ct.text[from - 1] === '\n') from--;
  if (from > ct.yamlStart && ct.text[from - 1] === '\r') from--;
  return { start: from, end: position, newText: '' };
}

// ---------------------------------------------------------------------------------------------
// Finding what a diagnostic points at

export interface NodeHit {
  /** Key path of the node, as zod and the rules spell it. */
  readonly path: KeyPath;
  /** The node whose key or value the span starts at (undefined outside the YAML). */
  readonly node?: Node;
  /** The pair holding it, when it is a key or a map value. */
  readonly pair?: Pair<Node, Node | null>;
  readonly parent?: YAMLMap | YAMLSeq;
  /** True when the span is on a key rather than a value. */
  readonly isKey: boolean;
}

/** The deepest key or value that starts at (or contains) `offset`. */
export function hitAt(card: ParsedCard, offset: number): NodeHit {
  const relative = offset - card.base;
  const contains = (node: unknown): boolean => hasRange(node) && node.range[0] <= relative && (relative < node.range[1] || relative === node.range[0]);
  let hit: NodeHit = { path: [], node: hasRange(card.document.contents) ? card.document.contents : undefined, isKey: false };
  if (!contains(card.document.contents)) return { path: [], isKey: false };
  let node: unknown = card.document.contents;
  for (;;) {
    let next: NodeHit | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyName = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (contains(pair.key)) return { path: [...hit.path, keyName], node: pair.key as Node, pair: pair as Pair<Node, Node | null>, parent: node, isKey: true };
        if (contains(pair.value)) {
          next = { path: [...hit.path, keyName], node: pair.value as Node, pair: pair as Pair<Node, Node | null>, parent: node, isKey: false };
          break;
        }
      }
    } else if (isSeq(node)) {
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index];
        if (isPair(item)) continue;
        if (contains(item)) {
          next = { path: [...hit.path, index], node: item as Node, parent: node, isKey: false };
          break;
        }
      }
    }
    if (!next) return hit;
    hit = next;
    node = next.node;
  }
}

/** Edits sorted and applied to a text (they must not overlap). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** True when two edits overlap or touch (two insertions at one offset count: their order would be a guess). */
export function editsConflict(a: readonly Edit[], b: readonly Edit[]): boolean {
  return a.some(x => b.some(y => x.start <= y.end && y.start <= x.end));
}
