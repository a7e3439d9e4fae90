/**
 * The outline of a card: the YAML's keys (the front matter's, or a standalone card's) as a tree of
 * document symbols, and for a Markdown card the body's headings as a nested outline. Pure: a
 * parsed document in, LSP `DocumentSymbol`s out. Everything is built in offsets; they become
 * line/column only in `toLsp`, at the edge.
 *
 * The YAML tree is read from the `yaml` library's document, not from the plain value, so a
 * front matter with syntax errors still gives whatever the parser recovered. It is walked
 * breadth first, without recursion, up to a limit of symbols (as the JSON language service does),
 * so a huge card keeps its top levels and never overflows the stack.
 *
 * Headings come from a line scanner over the body (markdownHeadings.ts), not a Markdown library.
 */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import type { Span } from '../findings';
import type { ParsedDocument } from '../parsedDocuments';
import { positionsOf } from '../positions';
import type { CardDocument } from '../types';
import { lineEndAfter, markdownHeadings, trimEnd } from './markdownHeadings';

export { markdownHeadings } from './markdownHeadings';
export type { MarkdownHeading } from './markdownHeadings';

export interface SymbolOptions {
  /**
   * Outline a Markdown card's headings (default true). A client whose editor already outlines
   * Markdown (VS Code's built-in Markdown extension does) may turn it off so headings do not
   * appear twice.
   */
  readonly headings?: boolean;
  /** Outline a Markdown card's front matter (default true; the `frontMatter` setting). */
  readonly frontMatter?: boolean;
  /** Most YAML symbols returned (default `SYMBOL_LIMIT`); the shallowest are kept. */
  readonly limit?: number;
}

/** Like `json.maxItemsComputed`: enough for any real card, bounded for a pathological one. */
export const SYMBOL_LIMIT = 5000;

/** A document symbol in offsets. */
export interface OffsetSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  /** The whole entry: key and value, an item with its dash, a heading with its section. */
  readonly span: Span;
  /** The key, or the heading's text: what the editor selects and reveals. */
  readonly selection: Span;
  readonly children: OffsetSymbol[];
}

/**
 * The outline of a card. A Markdown card without front matter gives its headings only; one whose
 * front matter is never closed gives nothing (the whole file would be read as YAML). Never throws.
 */
export function documentSymbols(parsed: ParsedDocument, document: CardDocument, options?: SymbolOptions): DocumentSymbol[] {
  let symbols: OffsetSymbol[];
  try {
    symbols = offsetSymbols(parsed, options);
  } catch {
    return [];
  }
  const offsets: number[] = [];
  const collect = (list: readonly OffsetSymbol[]) => {
    for (const symbol of list) {
      offsets.push(symbol.span.start, symbol.span.end, symbol.selection.start, symbol.selection.end);
      collect(symbol.children);
    }
  };
  collect(symbols);
  const positionAt = positionsOf(document, offsets);
  const range = (span: Span): Range => ({ start: positionAt(span.start), end: positionAt(span.end) });
  const toLsp = (symbol: OffsetSymbol): DocumentSymbol => {
    const lsp: DocumentSymbol = {
      name: symbol.name,
      kind: symbol.kind,
      range: range(symbol.span),
      selectionRange: range(symbol.selection),
      children: symbol.children.map(toLsp),
    };
    if (symbol.detail) lsp.detail = symbol.detail;
    return lsp;
  };
  return symbols.map(toLsp);
}

/** The same outline in offsets (what the tests read). */
export function offsetSymbols(parsed: ParsedDocument, options?: SymbolOptions): OffsetSymbol[] {
  const { located, card, text } = parsed;
  const symbols: OffsetSymbol[] = [];
  const yamlShown = located.kind === 'yaml' || (located.kind === 'front-matter' && options?.frontMatter !== false);
  if (card && yamlShown) {
    symbols.push(...yamlSymbols(text, card.document.contents as Node | null, card.base, located.yamlStart, located.yamlEnd, options?.limit ?? SYMBOL_LIMIT));
  }
  if (options?.headings !== false && parsed.kind === 'markdown') {
    if (located.kind === 'front-matter') symbols.push(...headingSymbols(text, lineEndAfter(text, located.close.end), text.length));
    else if (located.kind === 'no-front-matter') symbols.push(...headingSymbols(text, 0, text.length));
  }
  return symbols.map(symbol => fit(symbol));
}

// ---------------------------------------------------------------------------------------------
// YAML

interface Pending {
  readonly node: Node;
  readonly path: readonly (string | number)[];
  readonly into: OffsetSymbol[];
}

function yamlSymbols(text: string, root: Node | null, base: number, yamlStart: number, yamlEnd: number, limit: number): OffsetSymbol[] {
  const clamp = (offset: number) => Math.min(Math.max(base + offset, yamlStart), yamlEnd);
  const spanOf = (node: unknown): Span | undefined => {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return undefined;
    const start = clamp(range[0]);
    return { start, end: trimEnd(text, start, Math.max(clamp(range[1]), start)) };
  };
  const top: OffsetSymbol[] = [];
  if (!root || (!isMap(root) && !isSeq(root))) return top;
  let count = 0;
  // Breadth first: every symbol of one depth before any of the next, so the limit cuts the deepest.
  const queue: Pending[] = [{ node: root, path: [], into: top }];
  for (let next = 0; next < queue.length && count < limit; next++) {
    const { node, path, into } = queue[next];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (count >= limit) break;
        const made = pairSymbol(text, pair as Pair<unknown, unknown>, spanOf);
        if (!made) continue;
        into.push(made.symbol);
        count++;
        if (isMap(pair.value) || isSeq(pair.value)) queue.push({ node: pair.value as Node, path: [...path, made.key], into: made.symbol.children });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (count >= limit) return;
        const made = itemSymbol(text, node, item, index, path, spanOf);
        if (!made) return;
        into.push(made);
        count++;
        const value = isPair(item) ? item.value : item;
        if (isMap(value) || isSeq(value)) queue.push({ node: value as Node, path: [...path, index], into: made.children });
      });
    }
  }
  return top;
}

type SpanOf = (node: unknown) => Span | undefined;

function pairSymbol(text: string, pair: Pair<unknown, unknown>, spanOf: SpanOf): { symbol: OffsetSymbol; key: string } | undefined {
  const keySpan = spanOf(pair.key);
  const valueSpan = spanOf(pair.value);
  const selection = keySpan ?? (valueSpan && { start: valueSpan.start, end: valueSpan.start });
  if (!selection) return undefined;
  const key = isScalar(pair.key) ? String(pair.key.value ?? '') : keySpan ? text.slice(keySpan.start, keySpan.end) : '';
  const start = Math.min(selection.start, valueSpan?.start ?? selection.start);
  const end = Math.max(selection.end, valueSpan?.end ?? selection.end);
  // `key:` with nothing after it: the entry runs to its colon.
  const colon = !valueSpan || valueSpan.end <= selection.end ? colonAfter(text, end) : end;
  return {
    key,
    symbol: {
      name: displayName(key, pair.key === null ? '(no key)' : '""'),
      detail: scalarDetail(pair.value),
      kind: valueKind(pair.value, SymbolKind.Module),
      span: { start, end: Math.max(trimEnd(text, start, colon), selection.end) },
      selection,
      children: [],
    },
  };
}

function itemSymbol(text: string, seq: Node, item: unknown, index: number, seqPath: readonly (string | number)[], spanOf: SpanOf): OffsetSymbol | undefined {
  const value = isPair(item) ? item : item as Node;
  const itemSpan = isPair(item) ? joinSpans(spanOf(item.key), spanOf(item.value)) : spanOf(item);
  if (!itemSpan) return undefined;
  // A block sequence's item starts at its dash.
  const start = (seq as { flow?: boolean }).flow ? itemSpan.start : dashBefore(text, itemSpan.start);
  const named = itemName(value, index, patternOf(seqPath), spanOf);
  return {
    name: named.name,
    detail: named.detail,
    kind: isPair(item) ? SymbolKind.Object : valueKind(item, SymbolKind.Object),
    span: { start, end: Math.max(trimEnd(text, start, itemSpan.end), start) },
    selection: named.selection ?? firstLine(text, itemSpan),
    children: [],
  };
}

interface ItemName {
  readonly name: string;
  readonly detail?: string;
  /** The field the name was read from, when it was. */
  readonly selection?: Span;
}

/** Fields whose value names a mapping in a list, in order of preference. */
const NAME_FIELDS = ['name', 'id', 'title', 'type', 'model', 'label', 'key'];

/**
 * A list item's name: its own text for a scalar; for a mapping, what the card format says names
 * it (a latency's figure and kind, a sibling's name, a benchmark result's task and dataset, a
 * metric's type and value), else a naming field, else its first `key: value`, else its position.
 */
function itemName(item: unknown, index: number, seqPattern: string, spanOf: SpanOf): ItemName {
  const fallback = `item ${index + 1}`;
  if (isScalar(item) || isAlias(item)) {
    const preview = scalarPreview(item);
    return { name: preview || fallback };
  }
  if (isPair(item)) return { name: displayName(isScalar(item.key) ? String(item.key.value ?? '') : '', fallback) };
  if (!isMap(item)) return { name: fallback };
  const field = (key: string): { text: string; span?: Span } | undefined => {
    const pair = item.items.find(candidate => isScalar(candidate.key) && String(candidate.key.value) === key);
    if (!pair) return undefined;
    const value = pair.value;
    const textOf = isScalar(value) ? scalarPreview(value) : isMap(value) ? nestedName(value) : '';
    return textOf ? { text: textOf, span: joinSpans(spanOf(pair.key), spanOf(value)) } : undefined;
  };
  switch (seqPattern) {
    case 'sts.latency': {
      const ms = field('ms');
      const kind = field('kind');
      if (ms) return { name: `${ms.text} ms${kind ? ` ${kind.text}` : ''}`, detail: field('source')?.text, selection: ms.span };
      break;
    }
    case 'sts.licensing.siblings': {
      const name = field('name');
      if (name) return { name: name.text, detail: field('posture')?.text, selection: name.span };
      break;
    }
    case 'model-index[].results': {
      const task = field('task');
      const dataset = field('dataset');
      if (task || dataset) return { name: [task?.text, dataset?.text].filter(Boolean).join(' · '), selection: (task ?? dataset)!.span };
      break;
    }
    case 'model-index[].results[].metrics': {
      const type = field('name') ?? field('type');
      const value = field('value');
      if (type) return { name: value ? `${type.text}: ${value.text}` : type.text, selection: type.span };
      break;
    }
  }
  for (const key of NAME_FIELDS) {
    const found = field(key);
    if (found) return { name: found.text, selection: found.span };
  }
  for (const pair of item.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const preview = scalarPreview(pair.value);
    if (preview) return { name: `${String(pair.key.value)}: ${preview}`, selection: joinSpans(spanOf(pair.key), spanOf(pair.value)) };
  }
  return { name: fallback };
}

/** A nested mapping's name (`task: { type, name }`): its name, else its type. */
function nestedName(map: Node): string {
  if (!isMap(map)) return '';
  for (const key of ['name', 'type']) {
    const pair = map.items.find(candidate => isScalar(candidate.key) && String(candidate.key.value) === key);
    if (pair && isScalar(pair.value)) {
      const preview = scalarPreview(pair.value);
      if (preview) return preview;
    }
  }
  return '';
}

/** JSON's outline kinds: a mapping is a module (an object in a list), a list an array, a scalar by its type. */
function valueKind(value: unknown, mapKind: SymbolKind): SymbolKind {
  if (isMap(value)) return mapKind;
  if (isSeq(value)) return SymbolKind.Array;
  if (isAlias(value)) return SymbolKind.Variable;
  if (isScalar(value)) {
    switch (typeof value.value) {
      case 'string': return value.value === '' && value.range?.[0] === value.range?.[1] ? SymbolKind.Null : SymbolKind.String;
      case 'number': case 'bigint': return SymbolKind.Number;
      case 'boolean': return SymbolKind.Boolean;
      default: return value.value === null || value.value === undefined ? SymbolKind.Null : SymbolKind.Variable;
    }
  }
  return SymbolKind.Null;
}

const DETAIL_LENGTH = 60;

function scalarDetail(value: unknown): string | undefined {
  if (isAlias(value)) return `*${value.source}`;
  if (isSeq(value)) return `${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
  if (!isScalar(value)) return undefined;
  return scalarPreview(value) || undefined;
}

/** A scalar's value on one line, shortened. */
function scalarPreview(node: unknown): string {
  if (isAlias(node)) return `*${node.source}`;
  if (!isScalar(node) || node.value === null || node.value === undefined) return '';
  const line = String(node.value).replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_LENGTH ? `${line.slice(0, DETAIL_LENGTH - 1)}…` : line;
}

/** A key as a symbol name: one line, never empty (editors reject an empty name). */
function displayName(key: string, empty: string): string {
  const line = key.replace(/\s+/g, ' ').trim();
  if (line === '') return empty;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function patternOf(path: readonly (string | number)[]): string {
  let pattern = '';
  for (const segment of path) pattern += typeof segment === 'number' ? '[]' : (pattern === '' ? segment : `.${segment}`);
  return pattern;
}

function joinSpans(a: Span | undefined, b: Span | undefined): Span | undefined {
  if (!a) return b;
  if (!b) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The `-` of a block sequence item, looking back over spaces (and further dashes of `- - x`). */
function dashBefore(text: string, start: number): number {
  let at = start;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return text[at - 1] === '-' ? at - 1 : start;
}

/** Just after the `:` that follows `end` on the same line, or `end`. */
function colonAfter(text: string, end: number): number {
  let at = end;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === ':' ? at + 1 : end;
}

function firstLine(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lineEnd = slice.search(/\r|\n/);
  return lineEnd === -1 ? span : { start: span.start, end: trimEnd(text, span.start, span.start + lineEnd) };
}

/**
 * Keeps every selection inside its range (editors reject a symbol whose selection is outside),
 * and every range inside its parent's (what a parser recovering from errors may not give).
 */
function fit(symbol: OffsetSymbol, parent?: Span): OffsetSymbol {
  const inside = (offset: number) => (parent ? Math.min(Math.max(offset, parent.start), parent.end) : offset);
  const start = inside(symbol.span.start);
  const span = { start, end: Math.max(inside(symbol.span.end), start) };
  let selection = {
    start: Math.min(Math.max(symbol.selection.start, span.start), span.end),
    end: Math.min(Math.max(symbol.selection.end, span.start), span.end),
  };
  if (selection.end < selection.start) selection = { start: selection.start, end: selection.start };
  return { ...symbol, span, selection, children: symbol.children.map(child => fit(child, span)) };
}


/** The headings as a nested outline: a heading holds the deeper ones that follow it, up to the next of its level or above. */
function headingSymbols(text: string, from: number, to: number): OffsetSymbol[] {
  const headings = markdownHeadings(text, from, to);
  const top: OffsetSymbol[] = [];
  const stack: { level: number; ownEnd: number; symbol: OffsetSymbol & { span: { start: number; end: number } } }[] = [];
  const close = (until: number, level: number) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= level) {
      const open = stack.pop()!;
      open.symbol.span.end = Math.max(trimEnd(text, open.symbol.span.start, until), open.ownEnd);
    }
  };
  for (const heading of headings.slice(0, SYMBOL_LIMIT)) {
    close(heading.span.start, heading.level);
    const symbol = {
      name: heading.text,
      detail: '#'.repeat(heading.level),
      kind: SymbolKind.String,
      span: { start: heading.span.start, end: heading.span.end },
      selection: heading.textSpan,
      children: [] as OffsetSymbol[],
    };
    (stack.length > 0 ? stack[stack.length - 1].symbol.children : top).push(symbol);
    stack.push({ level: heading.level, ownEnd: heading.span.end, symbol });
  }
  close(to, 0);
  return top;
}
