/**
 * Phrase normalisation and matching: finds knowledge-base evidence phrases in free text in one
 * left-to-right pass, ignoring case and the separators between words.
 *
 * A phrase and the text are compared on their letters and digits only: "multi-stream",
 * "multistream" and "multi stream" are the same key, as are "ASR → LLM → TTS", "ASR -> LLM -> TTS"
 * and "ASR/LLM/TTS" (arrows, slashes, hyphens, commas and line wraps are all separators). A match
 * must start at the start of a word and end at the end of one ("Mimi" never matches "mimic"), and
 * never runs across sentence punctuation or a blank line. At each word start the longest phrase
 * wins, and matches do not overlap ("no neural audio codec" hides the "neural audio codec" in it).
 */
import { compileKeyStartsWithFinder } from './keyStarts';
import { allAt, buildPhraseTable, longestAt } from './phraseTable';
import { isWordCharAt, lowerCode } from './wordChars';

export { isWordCharAt } from './wordChars';

/** A phrase as the knowledge base gives it, with whatever it is evidence for. */
export interface PhraseEntry<L> {
  readonly phrase: string;
  readonly label: L;
  readonly weight: number;
  /** The phrase's last word may be the start of a longer word ("stream" for "streaming"). */
  readonly prefix?: boolean;
}

/** One set of phrases to scan for, and how its matches relate. */
export interface PhraseSet<L> {
  readonly entries: readonly PhraseEntry<L>[];
  /**
   * Every phrase found at every word start, overlaps included (the concept terms), instead of the
   * longest one with nothing inside it counted again (evidence phrases, model names).
   */
  readonly overlapping?: boolean;
}

/** One place in the text where a phrase's key was found. */
export interface PhraseMatch<L> {
  /** The normalised key (letters and digits, lower case): the identity of a distinct phrase. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Every (label, weight) the key is evidence for, strongest weight per label. */
  readonly owners: readonly { readonly label: L; readonly weight: number }[];
}

export interface PhraseMatcher<L> {
  /** All non-overlapping leftmost-longest matches, in text order. Linear in the text length. */
  scan(text: string): PhraseMatch<L>[];
}

/** Several phrase sets read in one pass; each set's matches are exactly what its own scan gives. */
export interface PhraseSetsMatcher<L> {
  /** The matches of each set, in the order of the sets, that start in [from, to) (the whole text by default). */
  scan(text: string, from?: number, to?: number): PhraseMatch<L>[][];
}

/** A link target is not prose: evidence inside URLs is skipped. */
export const URL_AT = /(?:https?:\/\/|www\.)[^\s)\]>"'`]*/iy;

/** The comparison key of a phrase: its word characters, lower-cased, separators dropped. */
export function phraseKey(phrase: string): string {
  let key = '';
  for (let i = 0; i < phrase.length; i++) if (isWordCharAt(phrase, i)) key += String.fromCharCode(lowerCode(phrase.charCodeAt(i)));
  return key;
}

/** Whether a URL may start at word start `i` ("http…", "www."), before asking the regex. */
export function mayStartUrl(text: string, i: number): boolean {
  const first = text.charCodeAt(i) | 32;
  const second = text.charCodeAt(i + 1) | 32;
  return (first === 104 && second === 116) || (first === 119 && second === 119);
}

export function compilePhraseSets<L>(sets: readonly PhraseSet<L>[]): PhraseSetsMatcher<L> {
  if (sets.length > 31) throw new Error('at most 31 phrase sets');
  const tables = sets.map(set => buildPhraseTable(set.entries.map(e => ({ key: phraseKey(e.phrase), label: e.label, weight: e.weight, prefix: e.prefix }))));
  const overlapping = sets.map(set => set.overlapping === true);
  const everySet = 2 ** tables.length - 1;
  // The finder also stops where a URL may start ("ht…", "ww…"), so that URLs are still skipped.
  const { setsAt: setsStartingAt, finder } = compileKeyStartsWithFinder(tables, ['ht', 'ww']);

  return {
    scan(text, from = 0, to = text.length) {
      const matches: PhraseMatch<L>[][] = [];
      for (let s = 0; s < tables.length; s++) matches.push([]);
      // Per set, where it may match again: after its last match, or after a URL.
      const resume = new Int32Array(tables.length);
      const visit = (i: number) => {
        // The finder stops too often (inside words, at characters above ASCII that are none).
        if (!isWordCharAt(text, i) || isWordCharAt(text, i - 1)) return;
        // Here `i` is a word start: each set skips whole words, its matches and URLs.
        const first = lowerCode(text.charCodeAt(i));
        let urlEnd = -1;
        if (mayStartUrl(text, i)) {
          URL_AT.lastIndex = i;
          const url = URL_AT.exec(text);
          if (url) urlEnd = i + url[0].length;
        }
        const candidates = urlEnd < 0 ? setsStartingAt(text, i, first) : everySet;
        for (let s = 0; candidates !== 0 && s < tables.length; s++) {
          if ((candidates & (1 << s)) === 0 || resume[s] > i) continue;
          if (urlEnd >= 0) { resume[s] = urlEnd; continue; }
          if (overlapping[s]) { allAt(tables[s], text, i, first, matches[s]); continue; }
          const match = longestAt(tables[s], text, i, first);
          if (match) {
            matches[s].push(match);
            resume[s] = match.end;
          }
        }
      };
      visit(from);
      // Each match is the character before a possible word start. The scan is synchronous, so
      // the one finder's `lastIndex` is never shared.
      finder.lastIndex = from;
      while (finder.test(text) && finder.lastIndex < to) visit(finder.lastIndex);
      return matches;
    },
  };
}

export function compilePhrases<L>(entries: readonly PhraseEntry<L>[]): PhraseMatcher<L> {
  const matcher = compilePhraseSets([{ entries }]);
  return { scan: text => matcher.scan(text)[0] };
}
