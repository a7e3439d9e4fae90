/**
 * Where matches sit in the prose: the sentence each is in and its word numbers, so that concepts
 * can ask "in one sentence, within 12 words". Read in one pass over the text between the first
 * and the last match; URLs count as no words and end no sentence.
 *
 * A sentence ends at . ! ? ; followed by a space or a line end (so not inside "12.5" or a URL's
 * "arxiv.org"), at a table cell's "|",
 * at a blank line, and before a line that starts a Markdown list item, heading, quote or table
 * row; a heading line ends its own sentence. A single line break inside a paragraph does not.
 */
import { mayStartUrl, URL_AT } from './phrases';
import { isWordCharAt } from './wordChars';

export interface WordPosition {
  readonly sentence: number;
  /** The number of the match's first word in the text (from the scan's first match). */
  readonly firstWord: number;
  /** The number of its last word ("language model" spans two). */
  readonly lastWord: number;
}

const isBlank = (code: number) => code === 32 || code === 9 || code === 13;

/** Whether the line starting at `i` opens a new block: blank, list item, heading, quote, table row. */
function opensBlock(text: string, i: number): { opens: boolean; heading: boolean } {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (i >= text.length) return { opens: true, heading: false };
  const ch = text[i];
  if (ch === '#') return { opens: true, heading: true };
  if (ch === '\n' || ch === '>' || ch === '|') return { opens: true, heading: false };
  if ((ch === '-' || ch === '*' || ch === '+') && isBlank(text.charCodeAt(i + 1))) return { opens: true, heading: false };
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && isBlank(text.charCodeAt(j + 1))) return { opens: true, heading: false };
  return { opens: false, heading: false };
}

/** Positions of matches sorted by start (several may share a start). */
export function wordPositions(text: string, matches: readonly { start: number; end: number }[]): WordPosition[] {
  const positions: WordPosition[] = [];
  if (matches.length === 0) return positions;
  let sentence = 0;
  let word = -1;
  let inHeading = text[matches[0].start] === '#';
  let i = matches[0].start;
  let lastStart = -1;
  for (const match of matches) {
    // Several matches at one start: the same word number, the same sentence.
    if (match.start !== lastStart) {
      for (; i < match.start; i++) {
        const code = text.charCodeAt(i);
        if (isWordCharAt(text, i)) {
          if (isWordCharAt(text, i - 1)) continue;
          // A URL is not words of the sentence: "the architecture of [Moshi](https://…) to model".
          if (mayStartUrl(text, i)) {
            URL_AT.lastIndex = i;
            if (URL_AT.exec(text)) {
              i = Math.min(URL_AT.lastIndex, match.start) - 1;
              continue;
            }
          }
          word++;
        } else if (code === 10) {
          const next = opensBlock(text, i + 1);
          if (next.opens || inHeading) sentence++;
          inHeading = next.heading;
        } else if (code === 33 || code === 63 || code === 59 || code === 124 || code === 46) {
          // "arxiv.org", "v1.2", "e.g.X": a point (or mark) not followed by a space ends nothing.
          if (code === 124 || !(text.charCodeAt(i + 1) > 32)) sentence++;
        }
      }
      // `i` is the match's start, a word start.
      word++;
      i++;
      lastStart = match.start;
    }
    positions.push({ sentence, firstWord: word, lastWord: word + wordStartsIn(text, match.start + 1, match.end) });
  }
  return positions;
}

function wordStartsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (isWordCharAt(text, i) && !isWordCharAt(text, i - 1)) count++;
  return count;
}
