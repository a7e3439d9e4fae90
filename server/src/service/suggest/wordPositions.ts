/**
 * Where matches sit in the prose: the sentence each is in, and, for the few sentences that may
 * hold a concept, the words they span, so that concepts can ask "in one sentence, within 12 words".
 *
 * A sentence ends at . ! ? ; followed by a space or a line end (so not inside "12.5" or a URL's
 * "arxiv.org"), at a table cell's "|", at a blank line, and before a line that starts a Markdown
 * list item, heading, quote or table row; a heading line ends its own sentence. A single line
 * break inside a paragraph does not. URLs count as no words.
 */
import { mayStartUrl, URL_AT } from './phrases';
import { alnumTable, isWordCharAt } from './wordChars';

export interface WordPosition {
  /** The number of the match's first word (counted from the sentence's first match). */
  readonly firstWord: number;
  /** The number of its last word ("language model" spans two). */
  readonly lastWord: number;
}

/** Characters that may end a sentence, found by the engine's compiled matcher; the rest is checked here. */
const MAY_END = /[.!?;|\n]/g;

const isSpace = (code: number) => code === 32 || code === 9 || code === 13 || code === 10;

/** Whether the character at `i` (one MAY_END found) ends a sentence. */
export function endsSentence(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 124) return true;
  if (code !== 10) return i + 1 >= text.length || isSpace(text.charCodeAt(i + 1));
  // A line break: a blank line or a block opening next, or a heading line ending here.
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  if (j >= text.length) return true;
  const next = text[j];
  if (next === '\n' || next === '\r' || next === '#' || next === '>' || next === '|') return true;
  if ((next === '-' || next === '*' || next === '+') && (text[j + 1] === ' ' || text[j + 1] === '\t')) return true;
  let k = j;
  while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k > j && (text[k] === '.' || text[k] === ')') && (text[k + 1] === ' ' || text[k + 1] === '\t')) return true;
  let lineStart = text.lastIndexOf('\n', i - 1) + 1;
  while (text.charCodeAt(lineStart) === 32 || text.charCodeAt(lineStart) === 9) lineStart++;
  return text[lineStart] === '#';
}

/** The sentence number of each match (matches sorted by start). */
export function sentenceIds(text: string, matches: readonly { start: number }[]): Int32Array {
  const ids = new Int32Array(matches.length);
  if (matches.length === 0) return ids;
  let sentence = 0;
  MAY_END.lastIndex = matches[0].start;
  let end = nextEnd(text);
  for (let m = 0; m < matches.length; m++) {
    while (end < matches[m].start) {
      sentence++;
      end = nextEnd(text);
    }
    ids[m] = sentence;
  }
  return ids;
}

/** The next sentence end from MAY_END's position, or past the text. */
function nextEnd(text: string): number {
  while (MAY_END.test(text)) {
    const at = MAY_END.lastIndex - 1;
    if (endsSentence(text, at)) return at;
  }
  return text.length + 1;
}

/** Word numbers of the matches [from, to), which are in one sentence. */
export function wordNumbers(text: string, matches: readonly { start: number; end: number }[], from: number, to: number): WordPosition[] {
  const positions: WordPosition[] = [];
  let word = -1;
  let i = matches[from].start;
  let lastStart = -1;
  for (let m = from; m < to; m++) {
    const match = matches[m];
    // Several matches at one start: the same word number.
    if (match.start !== lastStart) {
      let inWord = true;
      for (; i < match.start; i++) {
        // The common case (ASCII letters, digits, spaces) without a call.
        const code = text.charCodeAt(i);
        const isWord = code < 128 && code !== 46 ? alnumTable[code] === 1 : isWordCharAt(text, i);
        if (isWord && !inWord) {
          if (mayStartUrl(text, i)) {
            URL_AT.lastIndex = i;
            if (URL_AT.exec(text)) {
              i = Math.min(URL_AT.lastIndex, match.start) - 1;
              continue;
            }
          }
          word++;
        }
        inWord = isWord;
      }
      // `i` is the match's start, a word start.
      word++;
      i++;
      lastStart = match.start;
    }
    positions.push({ firstWord: word, lastWord: word + wordStartsIn(text, match.start + 1, match.end) });
  }
  return positions;
}

function wordStartsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (isWordCharAt(text, i) && !isWordCharAt(text, i - 1)) count++;
  return count;
}
