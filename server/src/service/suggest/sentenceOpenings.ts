/**
 * How each sentence of a passage opens and is told, read on its own: whether it points back, opens
 * a history or a trial, announces designs by their count, labels a section about other work, asks
 * about an alternative, opens a list item, says "we" or "our". What a sentence owes the ones before
 * it is discourse.ts's to work out from these. Sentences end where passages are cut
 * (passageCache.ts), at line breaks that end one and after closing marks that follow sentence
 * punctuation ("**From v1 to v2.** …"); every reading here stops at its sentence, or reads what
 * comes before it only as far as its own line's start, so a passage reads as the whole text does.
 */
import { firstWordAt, pairsOf } from './clauseReading';
import { DISCOURSE_GRAMMAR } from './discourseGrammar';
import { opensWithSiblingName } from './namedOthers';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { opensWithKind } from './othersWork';
import { cutPassages } from './passageCache';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

const POINTING = new Set<string>(DISCOURSE_GRAMMAR.pointingBack.filter(entry => !entry.includes(' ')));
const POINTING_PAIRS = pairsOf(DISCOURSE_GRAMMAR.pointingBack);
const ORDINAL_PAIRS = pairsOf(DISCOURSE_GRAMMAR.ordinalPointers);
const NO_WORDS: ReadonlySet<string> = new Set();
const NOT_ORDINAL_NOUNS = new Set<string>(DISCOURSE_GRAMMAR.notOrdinalNouns);
const OWN_WORDS = new Set<string>(NEGATION_GRAMMAR.ownWords);
const EARLIER = new Set<string>(DISCOURSE_GRAMMAR.earlierWords);
const BUILDS = new Set<string>(DISCOURSE_GRAMMAR.builds);
const THAT_BUILD = new Set<string>(DISCOURSE_GRAMMAR.thatBuild);
const PAST = new Set<string>(DISCOURSE_GRAMMAR.pastWords);
const PRESENT = new Set<string>(DISCOURSE_GRAMMAR.presentWords);
const NOT_PAST = new Set<string>(DISCOURSE_GRAMMAR.notPast);
const DONE_TO = new Set<string>(DISCOURSE_GRAMMAR.doneTo);
const HISTORY_ADVERBS = new Set<string>(DISCOURSE_GRAMMAR.historyAdverbs);
const HISTORY_VERBS = new Set<string>(DISCOURSE_GRAMMAR.historyVerbs);
const HISTORY_VERBS_AFTER_DID = new Set<string>(DISCOURSE_GRAMMAR.historyVerbsAfterDid);
const TRIAL_VERBS = new Set<string>(DISCOURSE_GRAMMAR.trialVerbs);
const TRIAL_VERBS_AFTER_DID = new Set<string>(DISCOURSE_GRAMMAR.trialVerbsAfterDid);
const START_PHRASES = pairsOf(DISCOURSE_GRAMMAR.startPhrases);
const HISTORY_CLAUSES = new Set<string>(DISCOURSE_GRAMMAR.historyClauses);
const TRIED_BUILDS = new Set<string>(DISCOURSE_GRAMMAR.triedBuilds);
const NOW_WORDS = new Set<string>(DISCOURSE_GRAMMAR.nowWords);
const HISTORY_TIMES = new Set<string>(DISCOURSE_GRAMMAR.historyTimes);
const HISTORY_PERIODS = new Set<string>(DISCOURSE_GRAMMAR.historyPeriods);
const HISTORY_PERIOD_OPENERS = new Set<string>(DISCOURSE_GRAMMAR.historyPeriodOpeners);
const HISTORY_PERIOD_OWNERS = new Set<string>(DISCOURSE_GRAMMAR.historyPeriodOwners);
const LAST_TIMES = new Set<string>(DISCOURSE_GRAMMAR.lastTimes);
const NOT_RELEASES = new Set<string>(DISCOURSE_GRAMMAR.notReleases);
const COUNTERFACTUALS = new Set<string>(DISCOURSE_GRAMMAR.counterfactuals);
const WHY_NOT = new Set<string>(DISCOURSE_GRAMMAR.whyNot);
const ANNOUNCED_COUNTS = new Set<string>(DISCOURSE_GRAMMAR.announcedCounts);
const ANNOUNCED_NOUNS = new Set<string>(DISCOURSE_GRAMMAR.announcedNouns);
const BACKGROUND_LABELS = new Set<string>(DISCOURSE_GRAMMAR.backgroundLabels);
const KIND_NOUNS = new Set<string>(NEGATION_GRAMMAR.kindNouns);
const KIND_NOUN = new Set<string>(NEGATION_GRAMMAR.kindNoun);
const ALTERNATIVE_WORDS = new Set<string>(DISCOURSE_GRAMMAR.alternativeWords);
/** A list item's marker at a line's start: "- ", "* ", "1. " (or "1." alone, where a passage is cut after it). */
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,3}[.)])(?:[ \t]|$)/;
/** Sentence punctuation and the closing marks after it, before white space: "….** ", "…?\" ". */
const CLOSED_SENTENCE = /[.!?][*_`"'’”)\]]+(?=[ \t\n])/g;
/** A name of one or two capitalised words and a release number opening a sentence: "Linden 2", "Halyard 1.x", "Quarry-Voice v1", "Orchard Voice 1", "Wren-0"; or a version alone ("v0 was …"). */
const RELEASE = /^[vV]\d+(?:\.(?:\d+|x))*(?![\p{L}\p{N}.])|^[A-Z][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*(?:\s+[A-Z][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)?(?:\s+|-)v?\d+(?:\.(?:\d+|x))*(?![\p{L}\p{N}.])/u;

/** The most characters read for a run-in label before its colon. */
const LABEL_CHARS = 120;

/** Whether the words from `first` are one of `single` or a pair of `pairs`. */
function opensWithPointer(text: string, first: number, single: ReadonlySet<string>, pairs: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const word = firstWordAt(text, first);
  if (single.has(word)) return true;
  const second = pairs.get(word);
  if (!second) return false;
  let i = first + word.length;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return second.has(firstWordAt(text, i));
}

/** The start of the word after the one at `i`, past spaces. */
function nextWordStart(text: string, i: number): number {
  let j = i + firstWordAt(text, i).length;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return j;
}

/**
 * Whether the words from `first` name one of the designs announced by its place ("The second …",
 * "In the first, …"), not another thing counted ("The first stage encodes …").
 */
function opensWithOrdinal(text: string, first: number): boolean {
  const at = firstWordAt(text, first) === 'in' ? nextWordStart(text, first) : first;
  if (!opensWithPointer(text, at, NO_WORDS, ORDINAL_PAIRS)) return false;
  return !NOT_ORDINAL_NOUNS.has(firstWordAt(text, nextWordStart(text, nextWordStart(text, at))));
}

/** Whether the words from `first` point back ("They …", "In that design …", "In the first, …"). */
export const pointsBack = (text: string, first: number) => opensWithPointer(text, first, POINTING, POINTING_PAIRS) || opensWithOrdinal(text, first);

/**
 * 'trial': what was tried or considered, a history for the sentences after it only; 'announces':
 * other designs announced by their count, others' work for the sentences after it only.
 */
export type Opening = 'others' | 'announces' | 'back' | 'history' | 'trial' | 'background' | 'other';

export interface Sentence {
  readonly start: number;
  readonly opening: Opening;
  /** Whether it has the card's own words ("we", "our"), but for an opening that names the card's earlier work ("Our earlier model Oriel-Speak is …"). */
  readonly own: boolean;
  /** Whether it is told in the past. */
  readonly past: boolean;
  /** Whether a blank line comes before it. */
  readonly paragraph: boolean;
  /** Whether its first words turn to the card's model as it is now ("It now keeps …"). */
  readonly now: boolean;
  /** Whether it opens with one of the designs announced ("The second is …"). */
  readonly ordinal: boolean;
  /** Whether it is a short line without sentence punctuation, as a heading is ("Architecture"), and no label of a section about other work. */
  readonly heading: boolean;
  /** Where its first word starts. */
  readonly first: number;
  /**
   * Whether it opens a list item, or its subject is a kind of system ("Lane models quantise …"):
   * after designs announced ("We evaluate against two baselines:", "… fall into three camps."),
   * such a sentence describes one of them.
   */
  readonly describes: boolean;
  /**
   * Whether its subject is one of a kind ("A VAD-gated cascade uses …", "An interleaved
   * single-sequence model … places …"): right after designs announced, it describes one of them;
   * after a sentence about the card's model, it may be the card's own ("A single transformer decoder …").
   */
  readonly describesOne: boolean;
  /** Whether it opens a list item ("- **Pipeline.** …"). */
  readonly listItem: boolean;
  /** Whether it asks about an alternative ("Why not …?", "And the two-channel alternative?"), which the answer after it may describe. */
  readonly asksAboutAlternative: boolean;
  /**
   * Whether it counts designs it then goes through one by one, though it tells a history: a
   * counterfactual ("Had we aimed for dialogue, two routes were open to us.") or a sentence that
   * ends by opening a list ("The team weighed two other options:").
   */
  readonly countsWhatIf: boolean;
  /** Whether it goes on the line of the sentence before ("- **Pipeline.** A recognizer …"). */
  readonly continuesLine: boolean;
}

const isPast = (word: string) => PAST.has(word) || (word.length >= 4 && word.endsWith('ed') && !NOT_PAST.has(word));

/** The words of `text` from `start` to `end`, lower-cased, as the suggester's words are ("2.0" is one). */
function wordsOf(text: string, start: number, end: number): string[] {
  const words: string[] = [];
  for (let j = start; j < end;) {
    while (j < end && !isWordCharAt(text, j)) j++;
    if (j >= end) break;
    const word = firstWordAt(text, j);
    words.push(word);
    j += word.length;
  }
  return words;
}

/** How the sentence from `start` to `end` opens, how it is told, and whether it has the card's own words. */
function sentenceAt(text: string, start: number, end: number, paragraph: boolean, line: LinePlace): Sentence {
  const sentence = sentenceOpeningAt(text, start, end, paragraph, line);
  if (sentence.opening !== 'other') return sentence;
  // A history may open after a run-in label and a colon ("What changed since 1.x: Vesper 1 was …").
  // The colon is looked for only within the sentence, and a label's few words, so no sentence scans the text.
  let colon = start;
  while (colon < end - 1 && colon - start < LABEL_CHARS && text[colon] !== ':') colon++;
  if (text[colon] !== ':' || colon >= end - 1 || wordsOf(text, start, colon).length > DISCOURSE_GRAMMAR.runInLabelWords) return sentence;
  const rest = sentenceOpeningAt(text, colon + 1, end, paragraph, line);
  // So may an answer that points back after its speaker's label ("FERRAND: In that design, …", "A: That …"),
  // a name or two, not a clause ("Ply leaves the backbone untouched: it flattens …").
  const speaker = /^[\s*_>#-]*(?:[A-Z][\p{L}.'-]*\s*){1,2}$/u.test(text.slice(start, colon));
  return rest.opening === 'history' || (rest.opening === 'back' && speaker) ? { ...rest, start } : sentence;
}

/** Where a sentence stands on its line: whether it opens a list item, or goes on the line of the sentence before. */
interface LinePlace {
  readonly listItem: boolean;
  readonly continuesLine: boolean;
}

/** How the sentence from `start` to `end`, read from its first word, opens and is told. */
function sentenceOpeningAt(text: string, start: number, end: number, paragraph: boolean, { listItem, continuesLine }: LinePlace): Sentence {
  const words = wordsOf(text, start, end);
  // A participle before a noun of a build is an adjective, not the verb: "The old packed build, which alternated …".
  const tense = words.slice(0, DISCOURSE_GRAMMAR.tenseWords).findIndex((word, k) => PRESENT.has(word) || (isPast(word) && !BUILDS.has(words[k + 1])));
  const past = tense >= 0 && !PRESENT.has(words[tense]);
  // Marks and emoji may stand before its first word ("- ", "**", "> ", "🚀 ").
  let first = start;
  while (first < end && !isWordCharAt(text, first)) first++;
  const announces = announcesOthers(words);
  const background = labelsBackground(words);
  const opening: Opening = first >= end ? 'other'
    : background ? 'background'
    // A label that announces a history: "Some history."
    : words.length <= DISCOURSE_GRAMMAR.historyLabelWords && words.includes(DISCOURSE_GRAMMAR.historyLabel) ? 'history'
      // Designs announced as the subject may also open with a kind or be told in the past ("Two
      // alternative architectures were evaluated …"): their list goes on, sentence by sentence.
      : announces && ANNOUNCED_COUNTS.has(words[0]) ? 'announces'
      : past && (opensHistory(words, tense) || namesRelease(text.slice(first, end), words, tense)) ? 'history'
      : past && hasVerb(words, tense, TRIAL_VERBS, TRIAL_VERBS_AFTER_DID) ? 'trial'
      : announces ? 'announces'
      : opensWithKind(text, first) || asksWhyNot(words) ? 'others'
      // "Its sibling, Quenby Braid, is …" is about the sibling it names, not what "its" points at.
      : pointsBack(text, first) && !opensWithSiblingName(text, first) ? 'back' : 'other';
  const now = words.slice(0, DISCOURSE_GRAMMAR.tenseWords).some(word => NOW_WORDS.has(word));
  const ordinal = opening === 'back' && opensWithOrdinal(text, first);
  // "Our previous product …", "Our earlier model …" open others' work, though they say "our".
  const own = !(opening === 'others' && words[0] === 'our') && words.some(word => OWN_WORDS.has(word));
  const heading = !background && words.length > 0 && words.length <= DISCOURSE_GRAMMAR.headingWords && !/[.!?:;,)]\s*$/.test(text.slice(first, end));
  const describes = !own && (listItem || words.slice(0, DISCOURSE_GRAMMAR.kindSubjectWords).some(word => KIND_NOUNS.has(word)));
  const describesOne = !own && (words[0] === 'a' || words[0] === 'an') && words.slice(1, 1 + DISCOURSE_GRAMMAR.kindSubjectWords).some(word => KIND_NOUN.has(word));
  const asksAboutAlternative = /\?[*_"'”)\s]*$/.test(text.slice(first, end)) && (asksWhyNot(words) || words.some(word => ALTERNATIVE_WORDS.has(word)));
  const countsWhatIf = announces && (opensCounterfactual(words) || /:\s*$/.test(text.slice(first, end)));
  return { start, opening, own, past, paragraph, now, ordinal, heading, first, describes, describesOne, listItem, continuesLine, countsWhatIf, asksAboutAlternative };
}

/** Whether a sentence's words are a label of a section about other work ("2 Related Work", "Background and motivation."). */
function labelsBackground(words: readonly string[]): boolean {
  let from = 0;
  while (from < words.length && /^\d+(?:\.\d+)*$/.test(words[from])) from++;
  if (words.length - from > DISCOURSE_GRAMMAR.backgroundLabelWords) return false;
  return BACKGROUND_LABELS.has(words[from] ?? '') || BACKGROUND_LABELS.has(words.slice(from, from + 2).join(' '));
}

/** Whether a sentence's words (a "Q" label aside) open a question why an alternative was not taken ("Why not …?"). */
function asksWhyNot(words: readonly string[]): boolean {
  const from = words[0] === 'q' ? 1 : 0;
  // "don't" is read as the words "don" and "t".
  return WHY_NOT.has(words.slice(from, from + 2).join(' ')) || WHY_NOT.has(words.slice(from, from + 3).join(' '));
}

/** Whether a sentence's words open a counterfactual ("Had we instead trained …", "If we had …"). */
const opensCounterfactual = (words: readonly string[]) =>
  COUNTERFACTUALS.has(words.slice(0, 2).join(' ')) || COUNTERFACTUALS.has(words.slice(0, 3).join(' '))
  // "Had Marigold been built on …": an inverted "had" with any subject (not "Had to keep …").
  || (words[0] === 'had' && words.slice(2, 4).includes('been'));

/**
 * Whether a sentence's first words hold a count of other designs ("Two baselines appear in our
 * evaluation.", "Full-duplex speech models mostly follow one of two integrated recipes.").
 */
const announcesOthers = (words: readonly string[]) => words.slice(0, DISCOURSE_GRAMMAR.announcedCountWords).some((word, k) =>
  ANNOUNCED_COUNTS.has(word) && words.slice(k + 1, k + 1 + DISCOURSE_GRAMMAR.announcedWords).some(next => ANNOUNCED_NOUNS.has(next)));

/** Whether the first verb `words[verb]` is one of `verbs`, or "did" before one of `afterDid`. */
const hasVerb = (words: readonly string[], verb: number, verbs: ReadonlySet<string>, afterDid: ReadonlySet<string>) =>
  verbs.has(words[verb]) || (words[verb] === 'did' && afterDid.has(words[verb + 1] ?? ''));

/**
 * Whether a sentence told in the past (its first verb `words[verb]`) opens with an earlier build
 * of the card's model ("The first Thistle prototype was …", "Our first prototype … was built the
 * conventional way"), not with what was done to one ("The first version was trained on …").
 */
function opensHistory(words: readonly string[], verb: number): boolean {
  // A design not built, told in the counterfactual: "Had we instead trained …".
  if (opensCounterfactual(words)) return true;
  // A time in the past: "Last year we trained …", "Previously, …".
  if (HISTORY_ADVERBS.has(words[0]) || (words[0] === 'last' && LAST_TIMES.has(words[1])) || HISTORY_TIMES.has(`${words[0]} ${words[1]}`)) return true;
  // The first stretch of time: "For its first eight months the project was …", "In the first weeks, …".
  if (HISTORY_PERIOD_OPENERS.has(words[0]) && HISTORY_PERIOD_OWNERS.has(words[1]) && words[2] === 'first'
    && (HISTORY_PERIODS.has(words[3]) || HISTORY_PERIODS.has(words[4]))) return true;
  // What was built before: "We prototyped one.", "We first piloted two alternatives."
  if (hasVerb(words, verb, HISTORY_VERBS, HISTORY_VERBS_AFTER_DID)) return true;
  // What the model started as: "Linnet started as a fine-tune of …".
  if (START_PHRASES.get(words[verb])?.has(words[verb + 1]) === true) return true;
  // "When we started Halvard, …".
  if (HISTORY_CLAUSES.has(words.slice(0, 3).join(' '))) return true;
  // An alternative as the subject, its verb after it in the past: "The packed variant put …" (not
  // "The packed variant puts …", whose "packed" is no verb).
  const built = words.slice(0, DISCOURSE_GRAMMAR.earlierBuildWords + 1).findIndex(word => TRIED_BUILDS.has(word));
  if (built >= 0) {
    const told = words.slice(built + 1, DISCOURSE_GRAMMAR.tenseWords).find(word => PRESENT.has(word) || isPast(word));
    if (told !== undefined && !PRESENT.has(told)) return true;
  }
  if (DONE_TO.has(words[verb + 1] ?? '')) return false;
  const opening = words.slice(0, Math.min(verb, DISCOURSE_GRAMMAR.historyOpeningWords));
  if (opening.some((word, k) => EARLIER.has(word)
    && opening.slice(k + 1, k + 1 + DISCOURSE_GRAMMAR.earlierBuildWords).some(next => BUILDS.has(next)))) return true;
  // A build just named, pointed at after the verb: "We built that variant in 2025."
  return words.slice(verb + 1, verb + 1 + DISCOURSE_GRAMMAR.earlierBuildWords).some((word, k, after) => THAT_BUILD.has(word) && BUILDS.has(after[k + 1] ?? ''));
}

/**
 * Whether a sentence told in the past opens with a name and a release number and its verb right
 * after them ("Linden 2 was our research bet.", "Marlo 1.x generated its replies as a single token
 * sequence."): release notes telling what an earlier release was. Not what was done to one ("Foo 2
 * was trained on …"), nor a part of the text or of the training ("Stage 1 …"). `words` are the
 * sentence's, `verb` the place of its first verb among them.
 */
function namesRelease(sentence: string, words: readonly string[], verb: number): boolean {
  const release = RELEASE.exec(sentence);
  if (release === null || NOT_RELEASES.has(release[0].split(/[\s-]/)[0].toLowerCase())) return false;
  // "Version 0.x of Tessellate ran …": the release, "of" and the model's name before the verb.
  const named = wordsOf(release[0], 0, release[0].length).length;
  const verbAt = words[named] === 'of' ? named + 2 : named;
  return verb === verbAt && !DONE_TO.has(words[verb + 1] ?? '');
}

/** The sentences of a passage (or a whole text), in order. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let paragraph = false;
  // Whether the line the next sentence starts on is a list item: lines are passed once, in order.
  let lineStart = 0;
  let listLine = LIST_MARKER.test(text.slice(0, 8));
  /** Ends the sentence from `start` at `at`; white space alone is no sentence, and a blank line before it stays pending. */
  const end = (at: number) => {
    if (text.slice(start, at).trim() === '') return;
    // The line of its first character: a passage may open with the line break before a list item.
    let from = start;
    while (/\s/.test(text[from])) from++;
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < from; nl = text.indexOf('\n', lineStart)) {
      lineStart = nl + 1;
      listLine = LIST_MARKER.test(text.slice(lineStart, lineStart + 8));
    }
    // Read from what comes before its first character, so a passage that starts mid-line (with the
    // space after the sentence before) reads as the whole text does.
    const before = text.slice(start, from);
    const continuesLine = before.length > 0 && !before.includes('\n');
    sentences.push(sentenceAt(text, start, at, paragraph, { listItem: listLine && !continuesLine, continuesLine }));
    paragraph = false;
  };
  /**
   * Sentences that end before `to` inside a passage: at a line break that ends one, and after
   * closing marks that follow sentence punctuation ("**From v1 to v2.** Quarry-Voice v1 …"), which
   * cut no passage.
   */
  const lineSentences = (to: number) => {
    const ends: number[] = [];
    for (let i = text.indexOf('\n', start); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) if (sentenceStartsAfter(text, i)) ends.push(i);
    CLOSED_SENTENCE.lastIndex = start;
    for (let m = CLOSED_SENTENCE.exec(text); m !== null && m.index < to; m = CLOSED_SENTENCE.exec(text)) ends.push(m.index + m[0].length);
    for (const at of ends.sort((a, b) => a - b)) {
      if (at <= start) continue;
      end(at);
      start = at + (text[at] === '\n' ? 1 : 0);
    }
  };
  cutPassages(text, (at, next) => {
    lineSentences(at);
    end(at);
    start = next;
    paragraph ||= next - at === 2;
  }, true);
  lineSentences(text.length);
  end(text.length);
  return sentences;
}
