/**
 * A question asserts nothing about the model: a sentence that asks ("Why not a cascade?") and a
 * question a sentence reports ("Some readers asked whether …"). `negation.ts` sets aside what
 * they hold; the word lists are in negationGrammar.ts.
 */
import { NEGATION_GRAMMAR } from './negationGrammar';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

/** The most characters read ahead for the end of a sentence, to see whether it asks. */
const QUESTION_CHARS = 400;

/**
 * Whether the sentence that holds `end` is a question ("**Q: Does it listen and talk on separate
 * channels?**", "Why not a cascade?"): it asserts nothing about the model. Its end is the first
 * ".", "!" or "?" before white space or the text's end, closing marks aside (not one in a URL),
 * or a line break that ends it, read ahead at most QUESTION_CHARS, within the passage as in the
 * whole text.
 */
export function inQuestion(text: string, end: number): boolean {
  const most = Math.min(text.length, end + QUESTION_CHARS);
  for (let i = end; i < most; i++) {
    const char = text[i];
    if (char === '.' || char === '!' || char === '?') {
      // Closing marks may follow it ("…streams?**", "…?)").
      let after = i + 1;
      while (after < most && '*_`"\'’”)]'.includes(text[after])) after++;
      if (after >= text.length || /\s/.test(text[after])) return char === '?';
    }
    if ((char === '\n' || char === '\r') && sentenceStartsAfter(text, i)) return false;
  }
  return false;
}

const ASKING = new Set<string>(NEGATION_GRAMMAR.asking);

/**
 * Whether `start` is in a question its sentence reports ("Some readers asked whether we evaluated
 * the codec-free route, where a decoder works on continuous speech embeddings"): "whether" or
 * "if" right after a verb of asking, read back within the sentence, past commas, at most
 * `reportedQuestionWords` words; a sentence's end stops the reading, within the passage as in the
 * whole text.
 */
export function inReportedQuestion(text: string, start: number): boolean {
  let i = start;
  let next: string | undefined;
  for (let read = 0; read < NEGATION_GRAMMAR.reportedQuestionWords; read++) {
    let j = i - 1;
    while (j >= 0 && !isWordCharAt(text, j)) {
      if ('.!?'.includes(text[j]) || ((text[j] === '\n' || text[j] === '\r') && sentenceStartsAfter(text, j))) return false;
      j--;
    }
    if (j < 0) return false;
    const end = j + 1;
    while (j >= 0 && isWordCharAt(text, j)) j--;
    const word = text.slice(j + 1, end).toLowerCase();
    if ((next === 'whether' || next === 'if') && ASKING.has(word)) return true;
    next = word;
    i = j + 1;
  }
  return false;
}
