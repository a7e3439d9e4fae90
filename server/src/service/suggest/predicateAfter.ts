/**
 * What the words after a mention say of it, in its clause: that it is cast as a baseline ("… as a
 * baseline"), not supported or offered ("… are not supported"), or not used at all ("parallel
 * streams are not used here", "the cascade is avoided", "ASR-free", "ASR/TTS: not required").
 * The word lists are in negationGrammar.ts; the clause is read as `clauseReading.ts` reads it.
 */
import { clauseWords, crossAt, FILLERS, isApostrophe, NOT_NEGATING, OPENERS, RELATIVE, stopsAt } from './clauseReading';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { holdsPassageBreak } from './passageCache';
import { isWordCharAt } from './wordChars';

const UNSUPPORTED = new Set<string>(NEGATION_GRAMMAR.unsupported);
const PREDICATE_STOPS = new Set<string>([...NEGATION_GRAMMAR.coordinators, ...OPENERS, ...RELATIVE]);
const COMPARISON_ROLES = new Set<string>(NEGATION_GRAMMAR.comparisonRoles);
const ROLE_FILLERS = new Set<string>([...NEGATION_GRAMMAR.fillers, ...NEGATION_GRAMMAR.roleFillers]);
const OURS = new Set<string>(NEGATION_GRAMMAR.ours);

/**
 * True when the clause after `end` casts what was named as a baseline: "… Moshi as a baseline",
 * "… GLM-4-Voice for comparison" (up to two fillers after "as").
 */
export function isComparedAfter(text: string, end: number): boolean {
  const words = clauseWords(text, end, 1);
  return words.some((word, k) => ((word === 'as' || word === 'for') &&
    [1, 2, 3].some(n => COMPARISON_ROLES.has(words[k + n]) && words.slice(k + 1, k + n).every(w => ROLE_FILLERS.has(w))))
    // "Moshi inference is slower than ours": set against the card's own model.
    || (word === 'than' && OURS.has(words[k + 1])));
}

/**
 * True when the clause after `end` says, with a negation, that what was named is not supported or
 * offered: "Moshi GGUF files are not (yet) supported", "Moshi-based models aren't available".
 * Only such words: a negated property ("a Moshi-based model that does not need a TTS") is still
 * said of a model of that lineage.
 */
export function isUnsupportedAfter(text: string, end: number): boolean {
  return negatedPredicateAfter(text, end, NEGATION_GRAMMAR.unsupportedWordsAfter, UNSUPPORTED);
}

const NOT_USED = new Set<string>(NEGATION_GRAMMAR.notUsed);
const LEFT_OUT = new Set<string>(NEGATION_GRAMMAR.leftOut);

/**
 * True when the clause after a concept's `end` denies it: a negated use ("parallel streams are not
 * used here", "no ASR stage is needed") or a leaving out ("the cascade is avoided"). A relative
 * clause or a coordinated one says something else ("two streams that do not need a TTS").
 */
export function isDeniedAfter(text: string, end: number): boolean {
  return absenceSuffixAt(text, end) || negatedPredicateAfter(text, end, NEGATION_GRAMMAR.deniedWordsAfter, NOT_USED, LEFT_OUT);
}

const ABSENCE_SUFFIXES = new Set<string>(NEGATION_GRAMMAR.absenceSuffixes);

/** Whether "-free" (an absence suffix) is joined to the mention ending at `end`: "ASR-free", "TTS-free". */
function absenceSuffixAt(text: string, end: number): boolean {
  if (text[end] !== '-') return false;
  let i = end + 1;
  while (isWordCharAt(text, i)) i++;
  return i > end + 1 && ABSENCE_SUFFIXES.has(text.slice(end + 1, i).toLowerCase());
}

/**
 * Whether a word of `negatable` follows a negation, or a word of `denying` (or a cross mark)
 * follows none, within `most` words after `end` in its clause and before any coordinated or
 * relative clause. With `denying`, the mention may be a key whose value follows: a colon right
 * after it ("ASR/TTS: not required") or the bar of a two-cell table row ("| Separate ASR and TTS
 * | ✗ |") is crossed, and a value that is only "no" or "none" denies it too.
 */
function negatedPredicateAfter(text: string, end: number, most: number, negatable: ReadonlySet<string>, denying?: ReadonlySet<string>): boolean {
  let negated = false;
  let previous = '';
  let i = end;
  let valueStart = -1;
  for (let read = 0; read < most; read++) {
    while (i < text.length && !isWordCharAt(text, i)) {
      if (denying && !negated && crossAt(text, i)) return true;
      if (stopsAt(text, i)) {
        if (!(denying && read === 0 && valueStart < 0 && isKeyEnd(text, end, i))) return false;
        valueStart = i + 1;
      }
      i++;
    }
    if (i >= text.length) return false;
    const start = i;
    while (i < text.length && (isWordCharAt(text, i) || (isApostrophe(text[i]) && isWordCharAt(text, i - 1) && isWordCharAt(text, i + 1)))) i++;
    const word = text.slice(start, i).toLowerCase();
    if (PREDICATE_STOPS.has(word)) return false;
    if (read === 0 && valueStart >= 0 && ABSENT_VALUES.has(word) && valueEndsAt(text, i)) return true;
    if (word === 'not' || word === 'never' || word === 'cannot' || NEGATION_GRAMMAR.contraction.test(word)) negated = true;
    else if (negated && NOT_NEGATING.get(previous)?.has(word)) negated = false;
    else if (negated && negatable.has(word)) return true;
    else if (!negated && denying?.has(word)) return true;
    previous = word;
  }
  return false;
}

const ABSENT_VALUES = new Set<string>(NEGATION_GRAMMAR.absentValues);

/**
 * Whether the stop at `stop`, with only spaces between it and a mention ending at `end`, ends a
 * key: a colon, or the bar after the first cell of a two-cell table row.
 */
function isKeyEnd(text: string, end: number, stop: number): boolean {
  if (text.slice(end, stop).trim() !== '') return false;
  if (text[stop] === ':') return true;
  if (text[stop] !== '|') return false;
  const lineStart = text.lastIndexOf('\n', stop - 1) + 1;
  let lineEnd = text.indexOf('\n', stop);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, stop).trim();
  const after = text.slice(stop + 1, lineEnd).trimEnd();
  // "| key | value |": the bar opens the line and ends the row, with one bar between. A row cut
  // into passages ("| Codec. Separate ASR and TTS | ✗ |") is not read as one, whole or by passage.
  return before.startsWith('|') && !before.slice(1).includes('|') && after.endsWith('|') && after.indexOf('|') === after.length - 1
    && !holdsPassageBreak(text.slice(lineStart, lineEnd + 1), true);
}

/** Whether a value ends at `i`: only spaces before the line's end, a stop, or a cell's bar. */
function valueEndsAt(text: string, i: number): boolean {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '|' || text[i] === '.' || text[i] === ';';
}
