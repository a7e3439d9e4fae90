/**
 * The headings of a Markdown card's body, from a line scanner rather than a Markdown library: the
 * only tokenizer in node_modules (markdown-it) arrives as a dependency of the packaging tool
 * (@vscode/vsce), is not a dependency of this project and has no types; an outline needs only the
 * block structure that decides what is a heading (ATX and Setext headings, fenced and indented
 * code, HTML blocks, GFM tables), which the scanner follows by the CommonMark rules. The tests
 * check it against markdown-it on the real cards and on generated documents.
 */
import type { Span } from '../findings';

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
export function lineEndAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return Math.min(at + 1, text.length);
}

/** `end` moved back over trailing whitespace, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
