/**
 * Negation scope: is a phrase found in the text said NOT to apply ("unlike cascaded pipelines",
 * "without a separate codec", "not a cascade", "non-cascaded")? The cue words are grammar, not
 * knowledge, so they live in negationGrammar.ts; evidence phrases come from the knowledge base.
 *
 * A match is negated when a cue appears among the few words just before it, in the same clause:
 * the look-back stops at sentence or clause punctuation, at a line break that ends a sentence (not
 * at one that wraps it), and at a contrast word ("but", "whereas") that starts a new clause. A
 * phrase that itself begins with a cue ("no codec", "without a neural audio codec") is evidence in
 * its own right: only words before it can negate it.
 */
import { NEGATION_GRAMMAR } from './negationGrammar';
import { holdsPassageBreak } from './passageCache';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

const CUES = new Set<string>(NEGATION_GRAMMAR.cues);
const BACKGROUND = new Set<string>(NEGATION_GRAMMAR.background.filter(entry => !entry.includes(' ')));
const CRITICISM = new Set<string>(NEGATION_GRAMMAR.criticism.filter(entry => !entry.includes(' ')));

/** The two-word entries of a list, by first word: looked up without building "word following". */
function pairsOf(list: readonly string[]): Map<string, Set<string>> {
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
const CUE_PAIRS = pairsOf(NEGATION_GRAMMAR.cues);
const RELATIVE = new Set<string>(NEGATION_GRAMMAR.relativeOpeners.filter(entry => !entry.includes(' ')));
const BACKGROUND_PAIRS = pairsOf(NEGATION_GRAMMAR.background);
const CRITICISM_PAIRS = pairsOf(NEGATION_GRAMMAR.criticism);
const REMEDIES = new Set<string>(NEGATION_GRAMMAR.remedies);
const FAULTS = new Set<string>(NEGATION_GRAMMAR.faults);
const MEANS = new Set<string>(NEGATION_GRAMMAR.means);
/** Whether a word before a criticism takes its fault away: a remedy ("reducing") or a negation ("without", "doesn't"). */
const takesFaultAway = (word: string) => REMEDIES.has(word) || CUES.has(word) || NEGATION_GRAMMAR.contraction.test(word);
const NOT_NEGATING = pairsOf(NEGATION_GRAMMAR.notNegating);
const OPENERS = new Set<string>(NEGATION_GRAMMAR.clauseOpeners);
const FILLERS = new Set<string>(NEGATION_GRAMMAR.fillers);
const STOPS = new Set<string>(NEGATION_GRAMMAR.clauseStops);

/** Whether the character at `i` ends a clause: a stop, or a line break that ends a sentence. */
function stopsAt(text: string, i: number): boolean {
  const char = text[i];
  // "\r\n" is one break: its "\n" decides.
  if (char === '\r') return text[i + 1] !== '\n' && sentenceStartsAfter(text, i);
  if (char === '\n') return sentenceStartsAfter(text, i);
  return STOPS.has(char);
}
/** Generous bound on the words looked at, fillers included, so the look-back is O(1) per match. */
const MAX_WORDS = NEGATION_GRAMMAR.windowWords * 3;

const isApostrophe = (ch: string | undefined) => ch === "'" || ch === '’';

/** The first code unit of each cross mark: the mark starts at a unit of this set (checked whole in crossAt). */
const CROSS_STARTS = new Set(NEGATION_GRAMMAR.crossMarks.map(mark => mark.charCodeAt(0)));

/** Whether a cross mark ("❌", "✗" …) starts at `i`. */
function crossAt(text: string, i: number): boolean {
  return CROSS_STARTS.has(text.charCodeAt(i)) && NEGATION_GRAMMAR.crossMarks.some(mark => text.startsWith(mark, i));
}

/** The words just before `start` in its clause, nearest first, lower-cased, at most the window; a cross mark reads as "no". */
function wordsBefore(text: string, start: number): string[] {
  const words: string[] = [];
  let counted = 0;
  let i = start - 1;
  while (counted < NEGATION_GRAMMAR.windowWords && words.length < MAX_WORDS) {
    while (i >= 0 && !isWordCharAt(text, i)) {
      if (stopsAt(text, i)) return words;
      if (crossAt(text, i)) {
        words.push('no');
        counted++;
      }
      i--;
    }
    if (i < 0) break;
    const end = i + 1;
    // A word, with inner apostrophes kept so that "doesn't" stays one word.
    while (i >= 0 && (isWordCharAt(text, i) || (isApostrophe(text[i]) && isWordCharAt(text, i - 1) && isWordCharAt(text, i + 1)))) i--;
    const word = text.slice(i + 1, end).toLowerCase();
    if (OPENERS.has(word)) break;
    words.push(word);
    if (!FILLERS.has(word)) counted++;
  }
  return words;
}

/** True when a negation cue governs the phrase starting at `start`. */
export function isNegated(text: string, start: number): boolean {
  const words = wordsBefore(text, start);
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    // words[k - 1] is the word after words[k] in the text.
    const following = k > 0 ? words[k - 1] : undefined;
    if (following !== undefined && NOT_NEGATING.get(word)?.has(following)) continue;
    if (CUES.has(word) || NEGATION_GRAMMAR.contraction.test(word)) return true;
    if (following !== undefined && CUE_PAIRS.get(word)?.has(following)) return true;
  }
  return false;
}

/** The most characters an aside in parentheses may hold and still be read past. */
const ASIDE_CHARS = 160;
const LIST_JOINS = new Set(['and', 'or']);

/** The words of the clause on one side of `from` (before it when `step` is -1), nearest first, lower-cased. */
function clauseWords(text: string, from: number, step: 1 | -1): string[] {
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
 * errors"). A comma that joins a list's items ("ASR, LLM and TTS pipelines …": "and" or "or"
 * among the next words after the first, before any stop) is no clause end either. Neither
 * crosses a passage break, so a passage reads as the whole text does.
 */
function pastAsideOrList(text: string, i: number, step: 1 | -1): number {
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
function nearest(text: string, char: string, i: number, step: 1 | -1): number {
  for (let j = i + step, read = 0; j >= 0 && j < text.length && read < ASIDE_CHARS; j += step, read++) if (text[j] === char) return j;
  return -1;
}

/** Whether the comma at `i` joins a list's items: the next words, the first no opener, hold "and" or "or" before any stop. */
function listGoesOnAfter(text: string, i: number): boolean {
  let j = i + 1;
  for (let k = 0; k < 4; k++) {
    while (j < text.length && !isWordCharAt(text, j)) {
      if (stopsAt(text, j)) return false;
      j++;
    }
    const start = j;
    while (isWordCharAt(text, j)) j++;
    if (j === start) return false;
    const word = text.slice(start, j).toLowerCase();
    if (k === 0 && (OPENERS.has(word) || LIST_JOINS.has(word) || RELATIVE.has(word))) return false;
    if (k > 0 && LIST_JOINS.has(word)) return true;
  }
  return false;
}

const CONTRAST = new Set<string>(NEGATION_GRAMMAR.contrast.filter(entry => !entry.includes(' ')));
const CONTRAST_PAIRS = pairsOf(NEGATION_GRAMMAR.contrast);
const RELATIVE_PAIRS = pairsOf(NEGATION_GRAMMAR.relativeOpeners);
/** Soft stops a relative clause may continue across; any other stop ends the contrast clause. */
const SOFT_STOPS = new Set([',', '(', ')', '—', '[', ']']);
const SENTENCE_CONTRAST = new Set<string>(NEGATION_GRAMMAR.sentenceContrast);

/**
 * True when `start` is inside a clause of contrast: read back to the start of its clause, and
 * on through the clause before when this one is relative ("…such as Moshi, which models the user
 * as a parallel stream"), looking for a contrast opener.
 */
export function inContrastClause(text: string, start: number): boolean {
  let clause: string[] = [];
  // Where in `clause` a clause opener was read ("It outperforms Moshi while interleaving …"):
  // the words before it are another clause, whose contrast does not reach the match.
  let opener = -1;
  let read = 0;
  let i = start - 1;
  const opensWithContrast = (words: readonly string[]) => words.some((word, k) =>
    CONTRAST.has(word) || (k > 0 && CONTRAST_PAIRS.get(word)?.has(words[k - 1])));
  const contrastInClause = () => opensWithContrast(opener < 0 ? clause : clause.slice(0, opener));
  // A clause read back to the start of its sentence: does its first word make it one of contrast?
  const opensSentenceWithContrast = (words: readonly string[]) => SENTENCE_CONTRAST.has(words[words.length - 1]);
  const isRelative = (words: readonly string[]) => {
    const first = words[words.length - 1];
    return first !== undefined && (RELATIVE.has(first) || (words.length > 1 && RELATIVE_PAIRS.get(first)?.has(words[words.length - 2]) === true));
  };
  while (read < NEGATION_GRAMMAR.contrastWordsBefore) {
    while (i >= 0 && !isWordCharAt(text, i)) {
      if (stopsAt(text, i)) {
        // The clause read so far is complete: is it contrast, or relative to the one before?
        if (contrastInClause()) return true;
        if (!SOFT_STOPS.has(text[i]) && sentenceStartsAfter(text, i)) return opensSentenceWithContrast(clause);
        if (!SOFT_STOPS.has(text[i]) || !isRelative(clause)) return false;
        // An opener inside a relative clause ("Moshi, which predicts text while …") ends nothing.
        clause = [];
        opener = -1;
      }
      i--;
    }
    if (i < 0) return contrastInClause() || opensSentenceWithContrast(clause);
    const end = i + 1;
    while (i >= 0 && isWordCharAt(text, i)) i--;
    const word = text.slice(i + 1, end).toLowerCase();
    if (opener < 0 && OPENERS.has(word)) opener = clause.length;
    clause.push(word);
    read++;
  }
  return contrastInClause();
}

const TRIED = new Set<string>(NEGATION_GRAMMAR.tried);
const TURNS = new Set<string>(NEGATION_GRAMMAR.turns);
const PREVALENT = new Set<string>(NEGATION_GRAMMAR.prevalent);

/** The word that starts at `start`, lower-cased. */
function firstWordAt(text: string, start: number): string {
  let end = start;
  while (isWordCharAt(text, end)) end++;
  return text.slice(start, end).toLowerCase();
}

/**
 * True when the clause that holds `end` is followed, in the same sentence, by a clause opening
 * with a turn ("…, but it resulted in …"): read ahead to the clause's end, then its next word.
 */
function turnsAfter(text: string, end: number): boolean {
  let i = end;
  let stopped = false;
  for (let read = 0; read <= NEGATION_GRAMMAR.triedWordsAfter; read++) {
    while (i < text.length && !isWordCharAt(text, i)) {
      // Only a comma may stand between the clause and its turn: any other stop ends the sentence or the aside.
      if (stopsAt(text, i)) {
        if (stopped || text[i] !== ',') return false;
        stopped = true;
      }
      i++;
    }
    if (i >= text.length) return false;
    const start = i;
    while (i < text.length && isWordCharAt(text, i)) i++;
    const word = text.slice(start, i).toLowerCase();
    if (TURNS.has(word)) return true;
    if (stopped || OPENERS.has(word)) return false;
  }
  return false;
}

/**
 * True when the text from `start` to `end` sits in a clause about other systems: a background word
 * before it, or a criticism word before or after it, in the same clause; a clause of contrast; an
 * alternative the authors tried and dropped ("We tried X, but …"); or the usual way, which the
 * sentence then turns from ("… are the norm, but …").
 */
export function isSetAside(text: string, start: number, end: number): boolean {
  const before = clauseWords(text, start, -1);
  const after = clauseWords(text, end, 1);
  // `before` is nearest first: before[k - 1] is the word after before[k] in the text, and the
  // match's own first word is after before[0] ("standard cascaded …" sets "cascaded" aside).
  const nextOf = (k: number) => k > 0 ? before[k - 1] : firstWordAt(text, start);
  return before.some((word, k) => BACKGROUND.has(word) || BACKGROUND_PAIRS.get(word)?.has(nextOf(k))
      || ((CRITICISM.has(word) || CRITICISM_PAIRS.get(word)?.has(nextOf(k)) === true) && !before.slice(0, k).some(w => MEANS.has(w))
        && (FAULTS.has(word) || !before.slice(k + 1, k + 1 + NEGATION_GRAMMAR.remedyWordsBefore).some(takesFaultAway))))
    || after.some((word, k) => (CRITICISM.has(word) || CRITICISM_PAIRS.get(word)?.has(after[k + 1]) === true)
      && !after.slice(Math.max(0, k - NEGATION_GRAMMAR.remedyWordsBefore), k).some(takesFaultAway))
    || inContrastClause(text, start)
    || notNeeded(before)
    || triedAndTurned(text, before, end)
    || ((before.some(word => PREVALENT.has(word)) || after.some(word => PREVALENT.has(word))) && turnsAfter(text, end));
}

const NEED_PAIRS = pairsOf(NEGATION_GRAMMAR.need);

/**
 * Whether the clause words `before` a mention (nearest first) hold a negated need ("no need for",
 * "without the need for") with no word of `means` after it: the mention is what is not needed.
 */
function notNeeded(before: readonly string[]): boolean {
  for (let k = 1; k < before.length; k++) {
    if (MEANS.has(before[k - 1])) return false;
    if (!NEED_PAIRS.get(before[k])?.has(before[k - 1])) continue;
    // The cue before "need", with fillers ("without the need for") skipped.
    let j = k + 1;
    while (j < before.length && FILLERS.has(before[j])) j++;
    if (j < before.length && (CUES.has(before[j]) || NEGATION_GRAMMAR.contraction.test(before[j]))) return true;
  }
  return false;
}

/** True when the text from `start` to `end` names an alternative the authors tried and dropped ("We considered fine-tuning Moshi, but …"). */
export function isTriedAndDropped(text: string, start: number, end: number): boolean {
  return triedAndTurned(text, clauseWords(text, start, -1), end);
}

/** Whether the clause words `before` a mention say it was tried, and its sentence then turns against it after `end`. */
function triedAndTurned(text: string, before: readonly string[], end: number): boolean {
  return before.some(word => TRIED.has(word)) && turnsAfter(text, end);
}

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
    && !holdsPassageBreak(text.slice(lineStart, lineEnd + 1));
}

/** Whether a value ends at `i`: only spaces before the line's end, a stop, or a cell's bar. */
function valueEndsAt(text: string, i: number): boolean {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '|' || text[i] === '.' || text[i] === ';';
}
