/**
 * Reading a clause: the words on either side of a mention, up to where its clause ends. Shared by
 * the rules of `negation.ts` (what comes before a mention) and `predicateAfter.ts` (what comes
 * after it), with the word sets both read. A clause ends at clause punctuation, at a line break
 * that ends a sentence (not at one that wraps it) and at a word that opens another clause; an
 * aside in parentheses and a list's comma do not end it. Nothing here crosses a passage break
 * (`passageCache.ts`), so a passage reads as the whole text does.
 */
import { NEGATION_GRAMMAR } from './negationGrammar';
import { holdsPassageBreak } from './passageCache';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

/** The two-word entries of a list, by first word: looked up without building "word following". */
export function pairsOf(list: readonly string[]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const entry of list) {
    const words = entry.split(' ');
    if (words.length !== 2) continue;
    let seconds = pairs.get(words[0]);
    if (!seconds) pairs.set(words[0], seconds = new Set());
    seconds.add(words[1]);
  }
  return pairs;
}

/**
 * A test of a list of words and word pairs ("slow", "add latency"): whether `word`, or `word`
 * with the word `next` after it in the text, is one of its entries.
 */
export function wordListTest(list: readonly string[]): (word: string, next: string | undefined) => boolean {
  const singles = new Set<string>(list.filter(entry => !entry.includes(' ')));
  const pairs = pairsOf(list);
  return (word, next) => singles.has(word) || (next !== undefined && pairs.get(word)?.has(next) === true);
}

export const CUES = new Set<string>(NEGATION_GRAMMAR.cues);
export const CUE_PAIRS = pairsOf(NEGATION_GRAMMAR.cues);
export const NOT_NEGATING = pairsOf(NEGATION_GRAMMAR.notNegating);
export const OPENERS = new Set<string>(NEGATION_GRAMMAR.clauseOpeners);
export const FILLERS = new Set<string>(NEGATION_GRAMMAR.fillers);
export const RELATIVE = new Set<string>(NEGATION_GRAMMAR.relativeOpeners.filter(entry => !entry.includes(' ')));
const STOPS = new Set<string>(NEGATION_GRAMMAR.clauseStops);

/** Whether the character at `i` ends a clause: a stop, or a line break that ends a sentence. */
export function stopsAt(text: string, i: number): boolean {
  const char = text[i];
  // "\r\n" is one break: its "\n" decides.
  if (char === '\r') return text[i + 1] !== '\n' && sentenceStartsAfter(text, i);
  if (char === '\n') return sentenceStartsAfter(text, i);
  return STOPS.has(char);
}

export const isApostrophe = (ch: string | undefined) => ch === "'" || ch === '’';
/** The first code unit of each cross mark: the mark starts at a unit of this set (checked whole in crossAt). */
const CROSS_STARTS = new Set(NEGATION_GRAMMAR.crossMarks.map(mark => mark.charCodeAt(0)));

/** Whether a cross mark ("❌", "✗" …) starts at `i`. */
export function crossAt(text: string, i: number): boolean {
  return CROSS_STARTS.has(text.charCodeAt(i)) && NEGATION_GRAMMAR.crossMarks.some(mark => text.startsWith(mark, i));
}

/** The most characters an aside in parentheses may hold and still be read past. */
const ASIDE_CHARS = 160;
const LIST_JOINS = new Set<string>(NEGATION_GRAMMAR.listJoins);
const PRONOUNS = new Set<string>(NEGATION_GRAMMAR.clausePronouns);
const ELABORATIONS = new Set<string>(NEGATION_GRAMMAR.elaborations);

/** The words of the clause on one side of `from` (before it when `step` is -1), nearest first, lower-cased. */
export function clauseWords(text: string, from: number, step: 1 | -1): string[] {
  const words: string[] = [];
  const most = step < 0 ? NEGATION_GRAMMAR.clauseWordsBefore : NEGATION_GRAMMAR.clauseWordsAfter;
  let i = step < 0 ? from - 1 : from;
  while (words.length < most) {
    while (i >= 0 && i < text.length && !isWordCharAt(text, i)) {
      if (stopsAt(text, i)) {
        // An aside in parentheses or a list's comma does not end the clause: in "Cascade approaches
        // (ASR → LLM → TTS) accumulate errors" the predicate comes after both.
        const next = pastAsideOrList(text, i, step);
        if (next < 0) return words;
        i = next;
        continue;
      }
      i += step;
    }
    if (i < 0 || i >= text.length) return words;
    const edge = i;
    while (isWordCharAt(text, i)) i += step;
    const word = (step < 0 ? text.slice(i + 1, edge + 1) : text.slice(edge, i)).toLowerCase();
    if (OPENERS.has(word)) return words;
    words.push(word);
  }
  return words;
}

/**
 * Where reading (ahead when `step` is 1, back when -1) goes on past the stop at `i`, or -1 when the
 * stop ends the clause. An aside in parentheses is part of its clause: reading meets it whole
 * and skips it, or reads out of it when the reading began inside ("(ASR → LLM → TTS) accumulate
 * errors"). A comma that joins a list's items ("ASR, LLM and TTS pipelines …", see
 * `listGoesOnAfter`) or comes before an elaboration is no clause end either. Neither crosses a
 * passage break, so a passage reads as the whole text does.
 */
export function pastAsideOrList(text: string, i: number, step: 1 | -1): number {
  const char = text[i];
  if (char === ',') return listGoesOnAfter(text, i) ? i + step : -1;
  if (char !== '(' && char !== ')') return -1;
  const open = char === '(' ? i : nearest(text, '(', i, -1);
  const close = char === ')' ? i : nearest(text, ')', i, 1);
  if (open < 0 || close < 0) return -1;
  const aside = text.slice(open, close + 1);
  if (aside.includes('(', 1) || aside.lastIndexOf(')', aside.length - 2) >= 0 || holdsPassageBreak(aside)) return -1;
  return step > 0 ? close + 1 : open - 1;
}

/** The nearest `char` from `i` on the side of `step`, at most ASIDE_CHARS away, or -1: bounded, so no reading scans the text. */
export function nearest(text: string, char: string, i: number, step: 1 | -1): number {
  for (let j = i + step, read = 0; j >= 0 && j < text.length && read < ASIDE_CHARS; j += step, read++) if (text[j] === char) return j;
  return -1;
}

/**
 * Whether the comma at `i` joins a list's items: after it come one item word (fillers such as
 * "an" aside) and then "and" or "or", as in "ASR, LLM and TTS" or "a transcriber, an LLM and a
 * synthesizer". A longer stretch is read as a clause of its own ("…, we flatten text and speech",
 * "…, interleaves text and speech tokens"), as is one that opens with a pronoun or an opener. A
 * comma before an elaboration ("…, either … or …", "…, such as …") goes on with its clause too.
 */
function listGoesOnAfter(text: string, i: number): boolean {
  let j = i + 1;
  let items = 0;
  for (let read = 0; read < 4; read++) {
    while (j < text.length && !isWordCharAt(text, j)) {
      if (stopsAt(text, j)) return false;
      j++;
    }
    const start = j;
    while (isWordCharAt(text, j)) j++;
    if (j === start) return false;
    const word = text.slice(start, j).toLowerCase();
    if (FILLERS.has(word) && !LIST_JOINS.has(word)) continue;
    if (items === 0 && ELABORATIONS.has(word)) return true;
    if (items === 1) return LIST_JOINS.has(word);
    if (OPENERS.has(word) || LIST_JOINS.has(word) || RELATIVE.has(word) || PRONOUNS.has(word)) return false;
    items = 1;
  }
  return false;
}

/** The word that starts at `start`, lower-cased. */
export function firstWordAt(text: string, start: number): string {
  let end = start;
  while (isWordCharAt(text, end)) end++;
  return text.slice(start, end).toLowerCase();
}
