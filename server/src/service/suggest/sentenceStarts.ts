/**
 * Where a sentence begins, in prose that may be Markdown: the one answer the negation scope (a
 * clause of contrast ends with its sentence) and lineage (a name opening its sentence presents
 * it) both need. A line break alone is no sentence end, because authors wrap long sentences.
 */

/** Sentence-ending punctuation. */
const SENTENCE_ENDS = '.!?';
/** Marks that may stand between a sentence's start and its first word: "- ", "**", "> ", "[". */
const OPENING_MARKS = ' \t*_#>-+`"\'[(';

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
 * Whether a sentence begins after the stop at `i`: after a sentence end, or after a line break
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
 * Whether the word at `start` opens its sentence, Markdown marks aside: "Moshi is …",
 * "**Moshi** is …", "- Moshi is …", a text's first word. A sentence end glued to the word
 * ("e.g.Moshi") does not count.
 */
export function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && OPENING_MARKS.includes(text[i])) i--;
  if (i < 0) return true;
  if (isLineBreak(text[i])) return sentenceStartsAfter(text, i);
  return SENTENCE_ENDS.includes(text[i]) && i < start - 1;
}
