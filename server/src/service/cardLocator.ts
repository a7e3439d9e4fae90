/**
 * Finds the YAML of a card inside a file: the whole file for a standalone card, or the front
 * matter of a Markdown card by the Hub's rule (optional leading blank space, a `---` line, the
 * shortest text up to the next line that is `---` plus optional spaces or tabs; LF, CRLF or CR).
 */
import type { Span } from './findings';
import type { CardKind } from './types';

export type LocatedCard =
  | { readonly kind: 'yaml'; readonly yamlStart: number; readonly yamlEnd: number }
  | {
      readonly kind: 'front-matter';
      readonly yamlStart: number;
      readonly yamlEnd: number;
      /** The opening and closing `---` markers, for diagnostics about the card as a whole. */
      readonly open: Span;
      readonly close: Span;
    }
  | { readonly kind: 'no-front-matter' }
  | { readonly kind: 'unclosed-front-matter'; readonly open: Span };

export function cardKindOf(uri: string): CardKind {
  return /\.(md|markdown)$/i.test(uri) ? 'markdown' : 'yaml';
}

export function locateCard(text: string, kind: CardKind): LocatedCard {
  if (kind === 'yaml') return { kind: 'yaml', yamlStart: 0, yamlEnd: text.length };

  const opening = /^\s*?(---)(\r\n|\r|\n)/.exec(text);
  if (!opening) return { kind: 'no-front-matter' };
  const openStart = opening.index + opening[0].length - opening[2].length - 3;
  const open = { start: openStart, end: openStart + 3 };
  const yamlStart = opening.index + opening[0].length;

  const lineStart = closingMarker(text, yamlStart);
  return lineStart < 0
    ? { kind: 'unclosed-front-matter', open }
    : { kind: 'front-matter', yamlStart, yamlEnd: lineStart, open, close: { start: lineStart, end: lineStart + 3 } };
}

/**
 * The start of the first line from `from` on that is `---` plus optional spaces or tabs, or -1.
 * Only the places of `---` are looked at, not every line.
 */
export function closingMarker(text: string, from: number): number {
  for (let at = text.indexOf('---', from); at >= 0; at = text.indexOf('---', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (at !== from && before !== 10 && before !== 13) continue;
    let end = at + 3;
    while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
    const after = text.charCodeAt(end);
    if (end === text.length || after === 10 || after === 13) return at;
  }
  return -1;
}

/** True when a Markdown file has a front matter block: what makes it a card. */
export function hasFrontMatter(text: string): boolean {
  return locateCard(text, 'markdown').kind === 'front-matter';
}

/**
 * Whether the editor should report on this file at all. A `README.md` is a card only when it has
 * front matter (most READMEs are not model cards); any other Markdown file the user selected as a
 * card is reported on, so a `MODEL_CARD.md` without front matter hears that it has none.
 */
export function isReportedCard(uri: string, text: string): boolean {
  if (cardKindOf(uri) === 'yaml') return true;
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name.toLowerCase() !== 'readme.md' || hasFrontMatter(text);
}

const YAML_CARD = /(^|\.)modelcard\.ya?ml$/;
const MARKDOWN_CARD = /^(README\.md|MODEL_CARD\.md|.+\.modelcard\.md)$/;

/** 'yaml' for a standalone card's file name, 'markdown' for a Markdown card's, undefined for any other name. */
export function cardNameKind(fileName: string): 'yaml' | 'markdown' | undefined {
  if (YAML_CARD.test(fileName)) return 'yaml';
  if (MARKDOWN_CARD.test(fileName)) return 'markdown';
  return undefined;
}

/** The file names of section 1 of the card format, as globs (Markdown ones need front matter). */
export const CARD_FILE_GLOBS = {
  yaml: ['**/*.modelcard.yaml', '**/*.modelcard.yml', '**/modelcard.yaml', '**/modelcard.yml'],
  markdown: ['**/README.md', '**/MODEL_CARD.md', '**/*.modelcard.md'],
} as const;
