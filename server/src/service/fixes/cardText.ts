/**
 * A card file as the fixes see it: its text, where its YAML is, the formatting conventions new
 * text must follow (line ends, indentation), and where lines, columns and nodes are in it.
 * Offsets are file offsets: inside Markdown front matter the YAML starts at `card.base`, and every
 * node range is shifted by it.
 */
import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { cardKindOf, LocatedCard, locateCard } from '../cardLocator';
import type { ParsedDocument } from '../parsedDocuments';
import type { CardKind } from '../types';
import { KeyPath, parseCard, ParsedCard } from '../yamlCard';

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

/** Parses `text` afresh (for callers without a parse cache). */
export function readCardText(uri: string, text: string): CardText {
  const kind = cardKindOf(uri);
  const located = locateCard(text, kind);
  const card = located.kind === 'yaml' || located.kind === 'front-matter'
    ? parseCard(text, located.yamlStart, located.yamlEnd)
    : undefined;
  return cardTextOf(uri, { version: 0, text, kind, located, card });
}

/** The CardText of a parse already made (a `ParsedDocuments` entry): nothing is parsed again. */
export function cardTextOf(uri: string, parsed: ParsedDocument): CardText {
  const { text, kind, located, card } = parsed;
  let yamlStart = 0;
  let yamlEnd = text.length;
  if (located.kind === 'yaml' || located.kind === 'front-matter') {
    yamlStart = located.yamlStart;
    yamlEnd = located.yamlEnd;
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

export function isLineBreak(char: string | undefined): boolean {
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
export function startsItsLine(text: string, offset: number): boolean {
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

export type Ranged = Node & { range: [number, number, number] };

export function hasRange(node: unknown): node is Ranged {
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

/** Whether a node sits inside a flow collection (where `,`, `[]`, `{}` end a plain scalar). */
export function inFlow(ct: CardText, target: Node): boolean {
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
export function unitFor(ct: CardText, map: YAMLMap | undefined): number {
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
