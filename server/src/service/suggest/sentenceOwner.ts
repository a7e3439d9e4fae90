/**
 * Whose design a sentence describes, learned: the reading beside the written ones (negation.ts,
 * othersWork.ts, discourse.ts). Those catch the ways of setting a design aside that a grammar
 * names; writers have more ("Option A was the … chain", "the proposal to bolt on …", "people
 * coming from … models"), and each blind round of descriptions brought new ones. This is a
 * logistic model over the words around a mention in its sentence, trained on the mentions the
 * written readings let through in the pinned descriptions: those of the text's own family, and
 * those of a family the text says is another system's (test/fixtures/suggest/paraphrases.json).
 * The more its sentence sounds like one about another system, the less a mention counts.
 *
 * Its features leave out the words of the concept lexicon, digits alone and names (a word with a
 * capital letter, but for the sentence's first), so it weighs how the sentence speaks ("we
 * evaluated", "would", "most", "looked at"), not which design it names or whose. It reads the
 * sentence only: a passage holds whole sentences, so the answer is the passage's to remember.
 * schemas/sentence-owner.json holds the weights and the words left out, as trained by
 * scripts/train-sentence-owner.js.
 */
import type { SentenceOwnerFile } from '../../knowledge/schema';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { endsSentence } from './wordPositions';

/** Words before a mention that count, nearest first kept; and words after it. */
const WORDS_BEFORE = 10;
const WORDS_AFTER = 6;
/** Of the words before, the last few count also as words next to the mention. */
const NEXT_WORDS = 3;
/** A lexicon word this long or longer leaves out every word it begins ("interleav" … "interleaving"). */
const MIN_STEM = 5;
/** Characters at which a sentence may end (`endsSentence` decides, as for concepts: wordPositions.ts). */
const STOPS = '.!?\n;|';

const TURNS = new Set<string>(NEGATION_GRAMMAR.clauseOpeners);

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

export interface SentenceOwner {
  /** The odds, as a probability, that the sentence around [start, end) describes another system than the card's. */
  othersShare(text: string, start: number, end: number): number;
  /**
   * How much of its weight the mention [start, end) keeps: all of it up to the file's threshold
   * of `othersShare`, then less in proportion, none at certainty. A soft cut, because a sentence
   * that only sounds like one about others ("We considered interleaving, but the model keeps two
   * parallel audio streams") must still count: the written readings know its clauses, this
   * reading does not.
   */
  countedShare(text: string, start: number, end: number): number;
}

/** The words of `part` that count as features: lower case, neither lexicon, digits alone nor names. */
function countingWords(part: string, opensSentence: boolean, leftOut: (word: string) => boolean): string[] {
  const words: string[] = [];
  let k = 0;
  for (const match of part.matchAll(WORD)) {
    // A possessive is its word ("user's" is "user"), however markup split it ("[Moshi](…)'s").
    if (part[match.index - 1] === "'") continue;
    const raw = match[0].endsWith("'s") ? match[0].slice(0, -2) : match[0];
    const first = opensSentence && k++ === 0;
    if (!first && raw !== raw.toLowerCase()) continue;
    const word = raw.toLowerCase();
    if (!leftOut(word)) words.push(word);
  }
  return words;
}

/** Where the sentence around [start, end) begins and ends. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !(STOPS.includes(text[from - 1]) && endsSentence(text, from - 1))) from--;
  let to = end;
  while (to < text.length && !(STOPS.includes(text[to]) && endsSentence(text, to))) to++;
  return [from, to];
}

/** The words a file says the features leave out, as a test. */
export function leftOutBy(lexiconWords: readonly string[]): (word: string) => boolean {
  const exact = new Set(lexiconWords);
  // One test for every stem, and nothing remembered: a server reads words without end.
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stems = lexiconWords.filter(word => word.length >= MIN_STEM).map(escape);
  const stemmed = new RegExp(`^(?:\\p{N}+$${stems.length > 0 ? `|${stems.join('|')}` : ''})`, 'u');
  return word => exact.has(word) || stemmed.test(word);
}

/**
 * The features of the mention [start, end): the words before it in its sentence, up to
 * WORDS_BEFORE of them (`b:`), the first (`f:`, or `f:<mention>` when there are none), the last
 * few (`bn:`) and their pairs (`bb:`); the words after it, up to WORDS_AFTER (`a:`); and `bias`.
 */
export function mentionFeatures(text: string, start: number, end: number, leftOut: (word: string) => boolean): string[] {
  const [from, to] = sentenceAround(text, start, end);
  const sentenceBefore = countingWords(text.slice(from, start), true, leftOut);
  // A clause that turns ("…, but the model keeps …") speaks for itself: what came before the turn does not count.
  let turn = sentenceBefore.length;
  while (turn > 0 && !TURNS.has(sentenceBefore[turn - 1])) turn--;
  const before = sentenceBefore.slice(turn).slice(-WORDS_BEFORE);
  const after = countingWords(text.slice(end, to), false, leftOut).slice(0, WORDS_AFTER);
  const features = new Set<string>(['bias', before.length > 0 ? `f:${before[0]}` : 'f:<mention>']);
  for (const word of before) features.add(`b:${word}`);
  for (const word of before.slice(-NEXT_WORDS)) features.add(`bn:${word}`);
  for (let k = 0; k + 1 < before.length; k++) features.add(`bb:${before[k]}_${before[k + 1]}`);
  for (const word of after) features.add(`a:${word}`);
  return [...features];
}

export function createSentenceOwner(file: SentenceOwnerFile): SentenceOwner {
  const leftOut = leftOutBy(file.lexicon_words);
  const weights = new Map(Object.entries(file.weights));
  const othersShare = (text: string, start: number, end: number) => {
    let z = 0;
    for (const feature of mentionFeatures(text, start, end, leftOut)) z += weights.get(feature) ?? 0;
    return 1 / (1 + Math.exp(-z));
  };
  return {
    othersShare,
    countedShare: (text, start, end) => (weights.size === 0 ? 1 : Math.min(1, (1 - othersShare(text, start, end)) / (1 - file.threshold))),
  };
}
