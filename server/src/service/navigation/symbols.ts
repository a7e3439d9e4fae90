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
 * Headings come from a line scanner over the body (`markdownHeadings`), not a Markdown library:
 * the only tokenizer in node_modules (markdown-it) arrives as a dependency of the packaging tool
 * (@vscode/vsce), is not a dependency of this project and has no types; an outline needs only
 * the block structure that decides what is a heading (ATX and Setext headings, fenced and
 * indented code, HTML blocks, GFM tables), which the scanner follows by the CommonMark rules. The
 * tests check it against markdown-it on the real cards and on generated documents.
 */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import type { Span } from '../findings';
import type { ParsedDocument } from '../parsedDocuments';
import { positionsOf } from '../positions';
import type { CardDocument } from '../types';

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

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
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

// ---------------------------------------------------------------------------------------------
// Markdown headings

export interface MarkdownHeading {
  /** 1 to 6. */
  readonly level: number;
  /** The heading's text with inline markup simplified (links to their text, emphasis and code marks dropped). */
  readonly text: string;
  /** The heading as written: the `#` line, or a Setext heading's paragraph and underline. */
  readonly span: Span;
  /** The heading's text in the source (no `#` marks, no underline). */
  readonly textSpan: Span;
}

/** The block-level HTML tags of CommonMark (HTML blocks of type 6), which end at a blank line. */
const HTML_BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu',
  'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);

/** HTML blocks of types 1 to 5, each with the text that ends it (on the same line or a later one). */
const HTML_BLOCKS_UNTIL: readonly [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
/** A complete opening or closing tag alone on its line: an HTML block of type 7. */
const HTML_TAG_LINE = new RegExp(String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`);

const FENCE_OPEN = /^(`{3,})[^`]*$|^(~{3,}).*$/;
const ATX = /^(#{1,6})(?:[ \t]+(.*?))?$/;
const SETEXT_UNDERLINE = /^(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A link reference definition on one line: `[label]: destination "title"`. */
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
/** A block quote or a list item: a container, whose headings the outline leaves out. */
const CONTAINER = /^(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

interface Line {
  readonly start: number;
  /** The end of the line's text (before its line break). */
  readonly end: number;
}

interface Paragraph {
  /** Opened by a block quote or list item line: its underline is no Setext heading. */
  readonly container: boolean;
  /** A table's rows: an underline is no Setext heading either. */
  readonly table?: boolean;
  readonly lines: Line[];
}

/** A GFM table's delimiter row under a header row with as many cells (`| a | b |` over `|---|:-:|`). */
function isTableDelimiter(row: string, header: string): boolean {
  if (!row.includes('|') || !/^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(row)) return false;
  return tableCells(row) === tableCells(header);
}

function tableCells(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).length;
}

/**
 * The headings of a Markdown text between two offsets, in order: ATX (`## Title`) and Setext
 * (a paragraph underlined with `===` or `---`) at the document level, by the CommonMark rules
 * (and GFM's, for tables) that decide what is one. Nothing inside fenced code (closed or running
 * to the end), indented code or an HTML block is a heading, and no underline of a table or a link
 * reference definition makes one. Headings on a block quote's or list item's own line (`> # x`,
 * `- # x`) are left out; a `#` line indented under a list item counts, as it would for a reader
 * skimming the file (CommonMark puts it inside the item).
 */
export function markdownHeadings(text: string, from = 0, to = text.length): MarkdownHeading[] {
  const headings: MarkdownHeading[] = [];
  let fence: { char: string; length: number } | undefined;
  let htmlUntil: RegExp | 'blank' | undefined;
  let paragraph: Paragraph | undefined;

  for (const line of linesOf(text, from, to)) {
    const raw = text.slice(line.start, line.end);
    const blank = raw.trim() === '';
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (htmlUntil) {
      if (htmlUntil === 'blank' ? blank : htmlUntil.test(raw)) htmlUntil = undefined;
      if (htmlUntil === undefined) paragraph = undefined;
      continue;
    }
    if (blank) {
      paragraph = undefined;
      continue;
    }
    const { columns, characters } = indentation(raw);
    if (columns >= 4) {
      // Indented code (it ends a table), or a paragraph's continuation.
      if (paragraph?.table) paragraph = undefined;
      else paragraph?.lines.push(line);
      continue;
    }
    const rest = raw.slice(characters);
    const restStart = line.start + characters;

    const fenceOpen = FENCE_OPEN.exec(rest);
    if (fenceOpen) {
      const marks = fenceOpen[1] ?? fenceOpen[2];
      fence = { char: marks[0], length: marks.length };
      paragraph = undefined;
      continue;
    }
    const atx = ATX.exec(rest);
    if (atx) {
      paragraph = undefined;
      const heading = atxHeading(text, atx, restStart, line);
      if (heading) headings.push(heading);
      continue;
    }
    if (paragraph && !paragraph.container && !paragraph.table && SETEXT_UNDERLINE.test(rest)) {
      const heading = setextHeading(text, paragraph.lines, rest[0] === '=' ? 1 : 2, line);
      if (heading) headings.push(heading);
      paragraph = undefined;
      continue;
    }
    if (THEMATIC_BREAK.test(rest)) {
      paragraph = undefined;
      continue;
    }
    const html = htmlBlockStart(rest, paragraph !== undefined);
    if (html) {
      paragraph = undefined;
      // Types 1 to 5 may end on their first line.
      htmlUntil = html === 'blank' || !html.test(rest.slice(1)) ? html : undefined;
      continue;
    }
    // A link reference definition (it cannot interrupt a paragraph) opens none.
    if (!paragraph && REFERENCE_DEFINITION.test(rest)) continue;
    if (CONTAINER.test(rest) && !(paragraph && emptyOrNumberedItem(rest))) {
      // A quoted heading, rule or fence holds no paragraph that a later line could continue.
      const quoted = rest.replace(/^(?:>[ \t]?)+[ \t]*/, '');
      const blockInQuote = rest.startsWith('>') && (quoted === '' || ATX.test(quoted) || THEMATIC_BREAK.test(quoted) || FENCE_OPEN.test(quoted));
      paragraph = blockInQuote ? undefined : { container: true, lines: [line] };
      continue;
    }
    if (paragraph) {
      // A GFM table: a paragraph's last line and a delimiter row under it; its rows are no heading's text.
      const last = paragraph.lines[paragraph.lines.length - 1];
      if (!paragraph.container && !paragraph.table && isTableDelimiter(rest, text.slice(last.start, last.end))) {
        paragraph = { container: false, table: true, lines: [last, line] };
      } else {
        paragraph.lines.push(line);
      }
    } else {
      paragraph = { container: false, lines: [line] };
    }
  }
  return headings;
}

/** A list item that cannot interrupt a paragraph: an empty one, or a numbered one not starting at 1. */
function emptyOrNumberedItem(rest: string): boolean {
  if (rest.startsWith('>')) return false;
  if (/^[-+*][ \t]*$/.test(rest) || /^\d{1,9}[.)][ \t]*$/.test(rest)) return true;
  const number = /^(\d{1,9})[.)]/.exec(rest);
  return !!number && Number(number[1]) !== 1;
}

function htmlBlockStart(rest: string, interruptsParagraph: boolean): RegExp | 'blank' | undefined {
  if (rest[0] !== '<') return undefined;
  for (const [start, until] of HTML_BLOCKS_UNTIL) if (start.test(rest)) return until;
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s|\/?>|$)/.exec(rest);
  if (tag && HTML_BLOCK_TAGS.has(tag[1].toLowerCase())) return 'blank';
  if (!interruptsParagraph && HTML_TAG_LINE.test(rest)) return 'blank';
  return undefined;
}

function atxHeading(text: string, atx: RegExpExecArray, restStart: number, line: Line): MarkdownHeading | undefined {
  const level = atx[1].length;
  let content = atx[2] ?? '';
  // The optional closing sequence: `## Title ##` (a heading of only `#`s is empty).
  content = /^#+[ \t]*$/.test(content) ? '' : content.replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t]+$/, '');
  if (content === '') return undefined;
  const contentStart = restStart + atx[0].indexOf(content, atx[1].length);
  const name = inlineText(content);
  return {
    level,
    text: name,
    span: { start: restStart, end: trimEnd(text, restStart, line.end) },
    textSpan: { start: contentStart, end: contentStart + content.length },
  };
}

function setextHeading(text: string, lines: readonly Line[], level: number, underline: Line): MarkdownHeading | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const start = first.start + indentation(text.slice(first.start, first.end)).characters;
  const end = trimEnd(text, start, last.end);
  const content = lines.map(line => text.slice(line.start, line.end).trim()).join(' ');
  const name = inlineText(content);
  if (name === '') return undefined;
  return {
    level,
    text: name,
    span: { start, end: trimEnd(text, underline.start, underline.end) },
    textSpan: { start, end },
  };
}

/** A heading's inline Markdown as plain text, roughly as a reader sees it. */
function inlineText(markdown: string): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? markdown.replace(/\s+/g, ' ').trim() : plain;
}

/** Leading spaces and tabs: how many columns (tabs to the next multiple of 4) and characters. */
function indentation(line: string): { columns: number; characters: number } {
  let columns = 0;
  let characters = 0;
  for (; characters < line.length; characters++) {
    if (line[characters] === ' ') columns++;
    else if (line[characters] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, characters };
}

function* linesOf(text: string, from: number, to: number): Generator<Line> {
  let start = from;
  while (start < to) {
    let end = start;
    while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
    yield { start, end };
    if (end >= to) return;
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
}

/** Just past the line break that ends the line holding `offset` (the end of the text without one). */
function lineEndAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return Math.min(at + 1, text.length);
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
