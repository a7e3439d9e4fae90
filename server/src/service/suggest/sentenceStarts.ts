/**
 * Where a sentence begins, in prose that may be Markdown: the one answer the negation scope (a
 * clause of contrast ends with its sentence) and lineage (a name opening its sentence presents
 * it) both need. A line break alone is no sentence end, because authors wrap long sentences.
 */

/** Sentence-ending punctuation, and a table cell's bar, which ends a sentence as in wordPositions.ts. */
const SENTENCE_ENDS = '.!?|';
/** Marks that may stand between a sentence's start and its first word: "- ", "**", "> ", "[". */
const OPENING_MARKS = ' \t*_#>-+`"\'[(';

/** A pictograph ("🔥", "🚀", "✨") or a part of one (a variation selector, a joiner, a skin tone, a flag's letter). */
const EMOJI = /^(?:\p{Extended_Pictographic}|[\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}])$/u;

/** How many UTF-16 units the emoji (or part of one) that ends at `i` takes: 2, 1, or 0 for none. */
function emojiEndingAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) return EMOJI.test(text.slice(i - 1, i + 1)) ? 2 : 0;
  return EMOJI.test(text[i]) ? 1 : 0;
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

/**
 * Whether the line holding `i` is a Markdown heading ("## Overview"). Read back to the line's
 * start, which the suggester's passages allow only because they never split a heading line.
 */
function isHeadingLine(text: string, i: number): boolean {
  let start = i;
  while (start > 0 && !isLineBreak(text[start - 1])) start--;
  while (text[start] === ' ' || text[start] === '\t') start++;
  return text[start] === '#';
}

/**
 * Whether a sentence begins after the stop at `i`: after a sentence end or a table cell's bar, or after a line break
 * that does not wrap a sentence (a blank line, a heading or table row, a sentence end or a colon
 * before it; a list item, heading or quote after it).
 */
export function sentenceStartsAfter(text: string, i: number): boolean {
  const stop = text[i];
  if (SENTENCE_ENDS.includes(stop)) return true;
  if (!isLineBreak(stop)) return false;
  let before = i - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  // A table row ends with its last cell's bar ("| a | b |").
  if (before < 0 || '.!?:|\n'.includes(text[before]) || isHeadingLine(text, before)) return true;
  let after = i + 1;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  return '-*+#>'.includes(text[after] ?? '') || /\d/.test(text[after] ?? '');
}

/**
 * Whether the word at `start` opens its sentence, Markdown marks and emoji aside: "Moshi is …",
 * "**Moshi** is …", "- Moshi is …", "🔥 Moshi is …", "| Moshi is …" (a table cell), a text's
 * first word. A sentence end glued to the word ("e.g.Moshi") does not count.
 */
export function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  for (let emoji = 0; i >= 0; i -= Math.max(1, emoji)) {
    emoji = emojiEndingAt(text, i);
    if (emoji === 0 && !OPENING_MARKS.includes(text[i])) break;
  }
  if (i < 0) return true;
  if (isLineBreak(text[i])) return sentenceStartsAfter(text, i);
  return SENTENCE_ENDS.includes(text[i]) && i < start - 1;
}
