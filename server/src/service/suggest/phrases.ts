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

/** A phrase as the knowledge base gives it, with whatever it is evidence for. */
export interface PhraseEntry<L> {
  readonly phrase: string;
  readonly label: L;
  readonly weight: number;
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

interface TrieNode<L> {
  readonly next: Map<string, TrieNode<L>>;
  terminal?: { key: string; owners: { label: L; weight: number }[] };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Characters that end a sentence or clause: a phrase never spans them. */
const SENTENCE_STOP = new Set(['.', '!', '?', ';', ':']);
/** A link target is not prose: evidence inside URLs is skipped. */
const URL_AT = /(?:https?:\/\/|www\.)[^\s)\]>"'`]*/iy;

function isAlnum(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Part of a word: a letter or digit, or the point of a decimal number ("12.5"). */
export function isWordCharAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (ch === '.') return isDigit(text[i - 1]) && isDigit(text[i + 1]);
  return isAlnum(ch);
}

function lower(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  if (code < 128) return ch;
  const folded = ch.toLowerCase();
  return folded.length === 1 ? folded : ch;
}

/** The comparison key of a phrase: its word characters, lower-cased, separators dropped. */
export function phraseKey(phrase: string): string {
  let key = '';
  for (let i = 0; i < phrase.length; i++) if (isWordCharAt(phrase, i)) key += lower(phrase[i]);
  return key;
}

/**
 * Where the separator run starting at `i` ends, or -1 when it holds something a phrase cannot
 * cross (sentence punctuation, a blank line) or reaches the end of the text.
 */
function skipSeparators(text: string, i: number): number {
  let newlines = 0;
  for (; i < text.length; i++) {
    if (isWordCharAt(text, i)) return i;
    const ch = text[i];
    if (SENTENCE_STOP.has(ch)) return -1;
    if (ch === '\n' && ++newlines > 1) return -1;
  }
  return -1;
}

export function compilePhrases<L>(entries: readonly PhraseEntry<L>[]): PhraseMatcher<L> {
  const root: TrieNode<L> = { next: new Map() };
  for (const entry of entries) {
    const key = phraseKey(entry.phrase);
    if (key.length === 0) continue;
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, child = { next: new Map() });
      node = child;
    }
    node.terminal ??= { key, owners: [] };
    const owner = node.terminal.owners.find(o => o.label === entry.label);
    if (owner) owner.weight = Math.max(owner.weight, entry.weight);
    else node.terminal.owners.push({ label: entry.label, weight: entry.weight });
  }

  /** The longest phrase starting at word start `start`, if any. */
  const longestAt = (text: string, start: number): PhraseMatch<L> | undefined => {
    let node = root;
    let best: PhraseMatch<L> | undefined;
    let i = start;
    while (i < text.length && node.next.size > 0) {
      if (!isWordCharAt(text, i)) {
        const resume = skipSeparators(text, i);
        if (resume < 0) break;
        i = resume;
        continue;
      }
      const child = node.next.get(lower(text[i]));
      if (!child) break;
      node = child;
      i++;
      if (node.terminal && !isWordCharAt(text, i)) {
        best = { key: node.terminal.key, start, end: i, owners: node.terminal.owners };
      }
    }
    return best;
  };

  return {
    scan(text) {
      const matches: PhraseMatch<L>[] = [];
      let i = 0;
      while (i < text.length) {
        if (!isWordCharAt(text, i)) { i++; continue; }
        // Here `i` is always a word start: words are either matched whole or skipped whole.
        URL_AT.lastIndex = i;
        const url = text[i] === 'h' || text[i] === 'w' || text[i] === 'H' || text[i] === 'W' ? URL_AT.exec(text) : null;
        if (url) { i += url[0].length; continue; }
        const match = longestAt(text, i);
        if (match) {
          matches.push(match);
          i = match.end;
        } else {
          while (i < text.length && isWordCharAt(text, i)) i++;
        }
      }
      return matches;
    },
  };
}
