/**
 * Negation scope: is a phrase found in the text said NOT to apply ("unlike cascaded pipelines",
 * "without a separate codec", "not a cascade", "non-cascaded")? The cue words are grammar, not
 * knowledge, so they live in negationGrammar.ts; evidence phrases come from the knowledge base.
 *
 * A match is negated when a cue appears among the few words just before it, in the same clause:
 * the look-back stops at sentence or clause punctuation, at a line break that ends a sentence (not
 * at one that wraps it), and at a contrast word ("but", "whereas") that starts a new clause. A
 * phrase that itself begins with a cue ("no codec", "without a neural audio codec") is evidence in
 * its own right: only words before it can negate it. A clause about other systems sets a mention
 * aside (`isSetAside`); what the words after a mention deny is in `predicateAfter.ts`.
 */
import {
  clauseWords, crossAt, CUE_PAIRS, CUES, FILLERS, firstWordAt, isApostrophe, nearest, NOT_NEGATING, OPENERS, pairsOf, pastAsideOrList, RELATIVE, stopsAt, wordListTest,
} from './clauseReading';
import { inComparisonTableAside } from './comparisonTable';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { inRelativeOfKind, isBackground, inSentenceAboutKind, likenedToOthersAfter, namesOthersWork } from './othersWork';
import { isPlanned } from './plans';
import { inQuestion, inReportedQuestion } from './questions';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

const LIST_JOINS = new Set<string>(NEGATION_GRAMMAR.listJoins);
const REMEDIES = new Set<string>(NEGATION_GRAMMAR.remedies);
const FAULTS = new Set<string>(NEGATION_GRAMMAR.faults);
const MEANS = new Set<string>(NEGATION_GRAMMAR.means);
/** Whether a word before a criticism takes its fault away: a remedy ("reducing") or a negation ("without", "doesn't"). */
const takesFaultAway = (word: string) => REMEDIES.has(word) || CUES.has(word) || NEGATION_GRAMMAR.contraction.test(word);

/** Generous bound on the words looked at, fillers included, so the look-back is O(1) per match. */
const MAX_WORDS = NEGATION_GRAMMAR.windowWords * 3;

/** The words just before `start` in its clause, nearest first, lower-cased, at most the window; a cross mark reads as "no". */
function wordsBefore(text: string, start: number): string[] {
  const words: string[] = [];
  let counted = 0;
  let i = start - 1;
  while (counted < NEGATION_GRAMMAR.windowWords && words.length < MAX_WORDS) {
    const after = i;
    while (i >= 0 && !isWordCharAt(text, i)) {
      if (stopsAt(text, i)) return words;
      if (crossAt(text, i)) {
        words.push('no');
        counted++;
      }
      i--;
    }
    if (i < 0) break;
    // A hyphenated compound is one word of the window: "no chunk-by-chunk state head" is "no" three words back.
    const compound = words.length > 0 && after === i + 1 && text[after] === '-';
    const end = i + 1;
    // A word, with inner apostrophes kept so that "doesn't" stays one word.
    while (i >= 0 && (isWordCharAt(text, i) || (isApostrophe(text[i]) && isWordCharAt(text, i - 1) && isWordCharAt(text, i + 1)))) i--;
    const word = text.slice(i + 1, end).toLowerCase();
    if (OPENERS.has(word)) break;
    words.push(word);
    if (!FILLERS.has(word) && !compound) counted++;
  }
  return words;
}

/** True when a negation cue governs the phrase starting at `start`, or a negated verb of building or using has it in its object. */
export function isNegated(text: string, start: number): boolean {
  return cueGoverns(text, start) || underNegatedVerb(text, start) || afterNegatingPrefix(text, start);
}

/** Prefixes that, joined by a hyphen to the phrase's first word, say it is not so: "half-duplex pipeline", "semi-duplex". */
const NEGATING_PREFIX = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${NEGATION_GRAMMAR.negatingPrefixes.join('|')})[-\u2010\u2011]$`, 'iu');

/** Whether the phrase at `start` is joined to a negating prefix ("half-" before "duplex pipeline"). */
function afterNegatingPrefix(text: string, start: number): boolean {
  return NEGATING_PREFIX.test(text.slice(Math.max(0, start - 12), start));
}

const NEGATED_VERBS = new Set<string>(NEGATION_GRAMMAR.negatedVerbs);
const INSTEAD = new Set<string>(NEGATION_GRAMMAR.insteadWords);

/**
 * Whether "not", "never" or "n't" and a verb of `negatedVerbs` come before `start` in its clause,
 * at most `negatedVerbWords` words back, with no word of `insteadWords` between ("We did not train
 * a joint model with parallel audio streams"; not "… does not use ASR and instead keeps two
 * streams"). Read as clause words, "doesn't" is "doesn" and "t".
 */
function underNegatedVerb(text: string, start: number): boolean {
  const before = clauseWords(text, start, -1);
  const most = Math.min(before.length, NEGATION_GRAMMAR.negatedVerbWords + 1);
  for (let k = 1; k < most; k++) {
    if (INSTEAD.has(before[k - 1])) return false;
    const word = before[k];
    // "not add", and "not to add" ("We chose not to add a turn-state head").
    const verb = before[k - 1] === 'to' && k >= 2 ? before[k - 2] : before[k - 1];
    if ((word === 'not' || word === 'never' || word === 't') && NEGATED_VERBS.has(verb)) return true;
  }
  return negatedVerbBeforeComma(text, start);
}

/**
 * Whether the clause that holds `start` follows a comma that closes a negated verb, its object
 * said after an aside ("We also evaluated, but did not build, a two-track design …").
 */
function negatedVerbBeforeComma(text: string, start: number): boolean {
  let i = start - 1;
  for (let words = 0; i >= 0 && words <= NEGATION_GRAMMAR.negatedVerbWords; i--) {
    if (stopsAt(text, i)) break;
    if (isWordCharAt(text, i) && !isWordCharAt(text, i + 1)) words++;
  }
  if (i < 0 || text[i] !== ',') return false;
  const [verb, negation] = clauseWords(text, i, -1);
  return NEGATED_VERBS.has(verb ?? '') && (negation === 'not' || negation === 'never' || negation === 't');
}

/** Whether a negation cue is among the few words before `start` in its clause (the look-back of `isNegated`, without negated verbs). */
export function cueGoverns(text: string, start: number): boolean {
  const words = wordsBefore(text, start);
  // A phrase with its own cue after a list's join is the list's next negated item, not a
  // double negation: "no separate turn detector and no speech tokenizer".
  const ownCue = CUES.has(firstWordAt(text, start));
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (ownCue && LIST_JOINS.has(word)) return false;
    // words[k - 1] is the word after words[k] in the text.
    const following = k > 0 ? words[k - 1] : undefined;
    if (following !== undefined && NOT_NEGATING.get(word)?.has(following)) continue;
    if (CUES.has(word) || NEGATION_GRAMMAR.contraction.test(word)) return true;
    if (following !== undefined && CUE_PAIRS.get(word)?.has(following)) return true;
  }
  return false;
}

const isContrast = wordListTest(NEGATION_GRAMMAR.contrast);
const RELATIVE_PAIRS = pairsOf(NEGATION_GRAMMAR.relativeOpeners);
/** Soft stops a relative clause may continue across; any other stop ends the contrast clause. */
const SOFT_STOPS = new Set([',', '(', ')', '—', '[', ']']);
const SENTENCE_CONTRAST = new Set<string>(NEGATION_GRAMMAR.sentenceContrast);
const HYPOTHETICAL = new Set<string>(NEGATION_GRAMMAR.hypothetical);

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
  const opensWithContrast = (words: readonly string[]) => words.some((word, k) => isContrast(word, k > 0 ? words[k - 1] : undefined));
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
        // An aside in parentheses or a list's comma ends no clause ("Rather than chaining a
        // transcriber, an LLM and a synthesizer with a turn predictor …").
        const next = pastAsideOrList(text, i, -1);
        if (next >= 0 && next < i) {
          i = next;
          continue;
        }
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
const REJECTIONS = new Set<string>(NEGATION_GRAMMAR.rejections);
const PREVALENT = new Set<string>(NEGATION_GRAMMAR.prevalent);

/**
 * True when the clause that holds `end` is followed, in the same sentence, by a clause opening
 * with a turn ("…, but it resulted in …"): read ahead to the clause's end, then its next word.
 */
function turnsAfter(text: string, end: number): boolean {
  let i = end;
  // A comma may stand right before the turn; a semicolon before it may open a short clause first
  // ("We tried packing …; nicer prosody, but …"). Any other stop ends the sentence or the aside, but
  // for the close of an aside that says what was tried ("We tried lanes (user and agent tracks) but …").
  let semicolon = false;
  let comma = false;
  for (let read = 0; read <= NEGATION_GRAMMAR.triedWordsAfter; read++) {
    while (i < text.length && !isWordCharAt(text, i)) {
      // An aside in parentheses before the turn is passed over whole ("… head to the LLM (the predictor approach) and shelved it").
      const close = text[i] === '(' ? nearest(text, ')', i, 1) : -1;
      if (close > i && !text.slice(i, close).includes('\n')) {
        i = close + 1;
        continue;
      }
      if (stopsAt(text, i) && text[i] !== ')') {
        if (text[i] === ';' && !semicolon && !comma) semicolon = true;
        else if (text[i] === ',' && !comma) comma = true;
        else return false;
      }
      i++;
    }
    if (i >= text.length) return false;
    const start = i;
    while (i < text.length && isWordCharAt(text, i)) i++;
    const word = text.slice(start, i).toLowerCase();
    if (TURNS.has(word)) return true;
    if (word === 'and' && REJECTIONS.has(clauseWords(text, i, 1)[0])) return true;
    if (comma || OPENERS.has(word)) return false;
  }
  return false;
}

/** Whether `word` (followed by `next`) finds fault: "slow", "suffer", "add latency". */
const isCriticism = wordListTest(NEGATION_GRAMMAR.criticism);

/**
 * Whether a criticism among the clause words `before` a mention (nearest first) is about it: not
 * past a word of means ("… limitations by keeping two streams"), and, unless it names a fault
 * ("limitations of cascaded systems"), not taken away by a remedy or a negation before it.
 */
function criticisedBefore(text: string, start: number, before: readonly string[]): boolean {
  return before.some((word, k) => isCriticism(word, k > 0 ? before[k - 1] : firstWordAt(text, start))
    && !before.slice(0, k).some(w => MEANS.has(w))
    && (FAULTS.has(word) || !before.slice(k + 1, k + 1 + NEGATION_GRAMMAR.remedyWordsBefore).some(takesFaultAway)));
}

/** Whether a criticism among the clause words `after` a mention finds fault with it ("… cascades are slow"), no remedy or negation before it. */
function criticisedAfter(after: readonly string[]): boolean {
  return after.some((word, k) => isCriticism(word, after[k + 1])
    && !after.slice(Math.max(0, k - NEGATION_GRAMMAR.remedyWordsBefore), k).some(takesFaultAway));
}

/**
 * True when the text from `start` to `end` is said of other systems, or not asserted of the
 * card's model: a background word or others' work in its clause (othersWork.ts), a criticism,
 * a clause of contrast, a sentence or clause about a kind of system, a question, a comparison
 * table's label or its cells about another design, a question reported ("… asked whether …"),
 * what is not needed, the conditional ("… would have removed …"), an alternative
 * tried and dropped ("We tried X, but …"), or
 * the usual way the sentence turns from ("… are the norm, but …").
 */
export function isSetAside(text: string, start: number, end: number): boolean {
  const before = clauseWords(text, start, -1);
  const after = clauseWords(text, end, 1);
  return before.some((_, k) => isBackground(before, k) || namesOthersWork(text, start, before, k))
    || likenedToOthersAfter(after)
    || criticisedBefore(text, start, before)
    || criticisedAfter(after)
    || inContrastClause(text, start)
    || inSentenceAboutKind(text, start)
    || inQuestion(text, end)
    || inReportedQuestion(text, start)
    || inRelativeOfKind(before)
    || inComparisonTableAside(text, start)
    || notNeeded(before)
    || replacedOrLeft(before, after)
    || before.some(word => HYPOTHETICAL.has(word))
    || after.slice(0, NEGATION_GRAMMAR.hypotheticalWordsAfter).some(word => HYPOTHETICAL.has(word))
    || isPlanned(text, start, before, after)
    || triedAndTurned(text, before, end)
    || inTurnAgainstTried(text, start)
    || ((before.some(word => PREVALENT.has(word)) || after.some(word => PREVALENT.has(word))) && turnsAfter(text, end));
}

const NEED_PAIRS = pairsOf(NEGATION_GRAMMAR.need);
const REPLACING = new Set<string>(NEGATION_GRAMMAR.replacing);
const REPLACED_BY = new Set<string>(NEGATION_GRAMMAR.replacedBy);
const LEAVING = new Set<string>(NEGATION_GRAMMAR.leaving);

/**
 * Whether the clause words `before` and `after` a mention (nearest first) say it was replaced
 * ("replace X with Y", "swapped X for Y") or left ("switched from X to Y"): a verb of replacing, or
 * "from" after a verb of leaving, before it, what took its place after it ("with", "by", "for",
 * "to"), and no negation before the verb
 * ("we did not replace X with Y" keeps X).
 */
function replacedOrLeft(before: readonly string[], after: readonly string[]): boolean {
  const k = before.findIndex(word => REPLACING.has(word) || word === 'from');
  if (k < 0 || before.slice(0, k).some(word => REPLACED_BY.has(word) || word === 'to')) return false;
  const verb = REPLACING.has(before[k]) ? k : k + 1;
  if (before[k] === 'from' && !LEAVING.has(before[verb] ?? '')) return false;
  const negated = before.slice(verb + 1, verb + 3).some(word => CUES.has(word) || NEGATION_GRAMMAR.contraction.test(word) || word === 't');
  return !negated && after.some(word => REPLACED_BY.has(word) || word === 'to');
}

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

/** The most characters read back from a mention for an alternative tried and the turn against it. */
const TURN_CHARS = 300;
/**
 * A sentence's words up to a mention: one of `tried`, later a turn and a word pointing back,
 * and the clause they open going on, unbroken, to the mention.
 */
const TURNED_AGAINST_TRIED = new RegExp(String.raw`\b(?:${NEGATION_GRAMMAR.tried.join('|')})\b[^.!?;:]*\b(?:${NEGATION_GRAMMAR.turns.join('|')})\s+(?:${NEGATION_GRAMMAR.turnPointers.join('|')})\b[^.!?;:,()]*$`, 'i');

/**
 * Whether the mention at `start` is in the clause that turns against an alternative tried and
 * points back at it: "We looked at the two-lane design but it doubles the token rate and needs
 * two-channel recordings" describes the design looked at, not the card's.
 */
function inTurnAgainstTried(text: string, start: number): boolean {
  // Back to the sentence's start at most: a line break that ends a sentence (a heading's, a list
  // item's) ends the look, as a passage break would.
  let from = Math.max(0, start - TURN_CHARS);
  for (let i = start - 1; i >= from; i--) {
    if (text[i] === '\n' && sentenceStartsAfter(text, i)) {
      from = i + 1;
      break;
    }
  }
  return TURNED_AGAINST_TRIED.test(text.slice(from, start));
}

