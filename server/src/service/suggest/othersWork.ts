/**
 * Words about other systems than the card's: a background adjective and its noun ("most existing
 * models", "recent end-to-end speech models"), others' work after "as" ("…, as several omni
 * models do"), a sentence or clause that opens with a kind of system or with others' work
 * ("Cascaded systems chain …", "Prior work such as …", "…, while flattened models …"), and a
 * kind's relative clause ("… single-sequence models that alternate …"). `negation.ts` sets such
 * mentions aside; the word lists are in negationGrammar.ts.
 */
import { firstWordAt, OPENERS, pairsOf } from './clauseReading';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { opensSentence, sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

const BACKGROUND_WORDS = new Set<string>(NEGATION_GRAMMAR.background.filter(entry => !entry.includes(' ')));
const OUR_NOW = new Set<string>(NEGATION_GRAMMAR.ourNow);
const BACKGROUND_PAIRS = pairsOf(NEGATION_GRAMMAR.background);

const NOT_MODIFIERS = new Set<string>(NEGATION_GRAMMAR.notModifiers);
const OURS = new Set<string>(NEGATION_GRAMMAR.ours);

/**
 * Whether the clause word `before[k]` says the mention is others' or past work on its own
 * ("traditional", "existing"), and not the card's build as it is now ("our current layout").
 */
export function isBackground(before: readonly string[], k: number): boolean {
  return OURS.has(before[k + 1]) ? backgroundAfterOur(before[k]) : BACKGROUND_WORDS.has(before[k]);
}

/** Whether `word`, after "our", is background: "our previous", not "our current". */
function backgroundAfterOur(word: string): boolean {
  return BACKGROUND_WORDS.has(word) && !OUR_NOW.has(word);
}

/** Whether the words `wordAt(1)`, `wordAt(2)` … reach one of `nouns` past at most `backgroundModifiers` modifiers. */
function reachesNoun(nouns: ReadonlySet<string>, wordAt: (j: number) => string | undefined): boolean {
  for (let j = 1; j <= 1 + NEGATION_GRAMMAR.backgroundModifiers; j++) {
    const word = wordAt(j);
    if (word === undefined || NOT_MODIFIERS.has(word)) return false;
    if (nouns.has(word)) return true;
  }
  return false;
}

/**
 * Whether the clause word `before[k]` is a background adjective ("most", "many recent") of a word
 * for others' work that follows it, at once or past a few modifiers ("most full-duplex speech
 * models"), and not the card's own ("our recent models").
 */
export function namesOthersWork(text: string, start: number, before: readonly string[], k: number): boolean {
  const nouns = BACKGROUND_PAIRS.get(before[k]);
  if (!nouns || OURS.has(before[k + 1])) return false;
  // The j-th word after before[k]: a clause word, or the match's own first word.
  return reachesNoun(nouns, j => (k - j >= 0 ? before[k - j] : k - j === -1 ? firstWordAt(text, start) : undefined));
}

/**
 * Whether the clause words `after` a mention, from `k` on, are others' work: a background
 * adjective, past modifiers, to its noun.
 */
function namesOthersAfter(after: readonly string[], k: number): boolean {
  const nouns = BACKGROUND_PAIRS.get(after[k]);
  return nouns !== undefined && reachesNoun(nouns, j => after[k + j]);
}

const COPULAS = new Set(['is', 'are', 'was', 'were']);

/**
 * Whether the clause words `after` a mention liken it to others' work: "as" before it ("…
 * alternating text and audio tokens, as several omni models do"), or "is what" ("packing text and
 * speech tokens into one sequence is what most labs do now").
 */
export function likenedToOthersAfter(after: readonly string[]): boolean {
  return after.some((word, k) => (word === 'as' || (word === 'what' && COPULAS.has(after[k - 1]))) && namesOthersAfter(after, k + 1));
}

const KIND_NOUNS = new Set<string>(NEGATION_GRAMMAR.kindNouns);
const KIND_NOUN = new Set<string>(NEGATION_GRAMMAR.kindNoun);
const QUANTIFIERS = new Set<string>(NEGATION_GRAMMAR.quantifiers);
const COLLECTIONS = new Set<string>(NEGATION_GRAMMAR.collections);
const EXISTENTIAL = new Set<string>(NEGATION_GRAMMAR.existential);
const EXISTENTIAL_NOUNS = new Set<string>(NEGATION_GRAMMAR.existentialNouns);
const EXISTENTIAL_LINKS = new Set<string>(NEGATION_GRAMMAR.existentialLinks);
const LEADING_PREPOSITIONS = new Set<string>(NEGATION_GRAMMAR.leadingPrepositions);
const KIND_MODIFIERS = new Set<string>(NEGATION_GRAMMAR.kindModifiers);
/** Words that, between a sentence's start and a mention, bring the card's own model in ("…, and we …", "…: the model instead …"). */
const OWN_WORDS = new Set<string>(NEGATION_GRAMMAR.ownWords);
const OUR_PEOPLE = new Set<string>(NEGATION_GRAMMAR.ourPeople);
/** Words that, after "the" or "this", name the card's own model or work ("…: the model keeps two streams"). */
const OWN_NOUNS = new Set<string>(NEGATION_GRAMMAR.ownNouns);

/**
 * Whether `start` is in a sentence that opens with a noun phrase for a kind of system ("Cascaded
 * systems chain a recognizer, a text model and a synthesizer …"), with no clause opener, no name
 * after ";" or ":" and no word for the card's own ("we", "our", "the model") between that opening
 * and `start`; or
 * in a clause after an opener, ";" or ":" that opens with one ("…, while flattened models …").
 */
export function inSentenceAboutKind(text: string, start: number): boolean {
  return inSentenceOpeningWith(text, start, opensWithKind);
}

/**
 * Whether `start` is in a sentence (or a clause after an opener, ";" or ":") whose opening words
 * satisfy `opens`, read back as `inSentenceAboutKind` reads: not past the card's own words, nor,
 * unless `theModel` is false, past "the model" (in a sentence that points back at others, "the
 * model's audio" is theirs).
 */
export function inSentenceOpeningWith(text: string, start: number, opens: (text: string, first: number) => boolean, theModel = true): boolean {
  // The mention may open the sentence itself ("Cascaded systems chain …").
  if (opensSentence(text, start)) return opens(text, start);
  let i = start - 1;
  let first = -1;
  // Where the word read last (the one after `i` in the text) starts, and that word.
  let after = start;
  let next = firstWordAt(text, start);
  let crossedComma = false;
  for (let read = 0; read <= NEGATION_GRAMMAR.kindSentenceWords; read++) {
    while (i >= 0 && !isWordCharAt(text, i)) {
      if (text[i] === ',') crossedComma = true;
      // A clause after a semicolon or a colon may open with the kind itself ("…: cascades lose prosody …"),
      // and so may one after a dash that ends a run-in label ("Abstract — Most dialogue models …").
      if ((text[i] === ';' || text[i] === ':' || text[i] === '—' || text[i] === '–') && opens(text, after)) return true;
      // A colon or a semicolon goes on describing the kind ("Most voice assistants are built as a
      // relay: a recognizer …", "…; the tokens are then laid out …"), unless a name follows it
      // ("…: Tandemra keeps two streams"); the card's own words stop the reading anyway.
      if ((text[i] === ':' || text[i] === ';') && /\p{Lu}/u.test(text[after] ?? '')) return false;
      i--;
    }
    if (i < 0) break;
    const end = i + 1;
    while (i >= 0 && isWordCharAt(text, i)) i--;
    const word = text.slice(i + 1, end).toLowerCase();
    // The sentence's first word is judged with its phrase ("Our previous product, …" is others').
    if (opensSentence(text, i + 1)) {
      first = i + 1;
      break;
    }
    // A clause opener starts a clause of its own, which may open with the kind ("…, while flattened models can only react …");
    // past a comma, the mention is in another clause ("Although cascaded systems lose …, they provide modularity").
    if (OPENERS.has(word)) {
      if (!crossedComma && opens(text, after)) return true;
      // A clause whose verb comes first shares the subject before it: read on back to it.
      if (!(SHARED_SUBJECT_OPENERS.has(word) && opensWithPredicate(text, after, next))) return false;
    }
    if (OWN_WORDS.has(word) && !(word === 'our' && OUR_PEOPLE.has(next))) return false;
    if (theModel && (word === 'the' || word === 'this') && OWN_NOUNS.has(next)) return false;
    after = i + 1;
    next = word;
  }
  return first >= 0 && opens(text, first);
}

const SHARED_SUBJECT_OPENERS = new Set<string>(NEGATION_GRAMMAR.sharedSubjectOpeners);
const SUBJECT_STARTS = new Set<string>(NEGATION_GRAMMAR.subjectStarts);

/** Whether the clause whose first word `word` starts at `at` opens with its verb: no subject word, name or number first. */
function opensWithPredicate(text: string, at: number, word: string): boolean {
  return word !== '' && !SUBJECT_STARTS.has(word) && !OWN_WORDS.has(word) && /[a-z]/.test(text[at] ?? '');
}

/** Relative openers after which a clause describes the noun before them. */
const RELATIVE_OF = new Set<string>(NEGATION_GRAMMAR.relativeOf);
/** Words that say only a number or a size before a kind noun: "two models that …" may be the card's. */
const NOT_DESIGN = new Set<string>(NEGATION_GRAMMAR.notDesign);
const OUR_EARLIER = new Set<string>(NEGATION_GRAMMAR.ourEarlier);

/**
 * Whether the clause words `before` a mention (nearest first) put it in a relative clause of a
 * kind of system ("… single-sequence models that alternate text and speech chunks …", "look at
 * systems that model …"): a plural kind noun right before "that" or "which", not after a count or
 * a size ("two models that …" may be the card's), with no word for the card's own before them
 * ("our dual-stream models that …" is the card's).
 */
export function inRelativeOfKind(before: readonly string[]): boolean {
  const r = before.findIndex(word => RELATIVE_OF.has(word));
  if (r < 0 || !KIND_NOUNS.has(before[r + 1]) || NOT_DESIGN.has(before[r + 2])) return false;
  return !before.slice(r + 2, r + 8).some(word => OWN_WORDS.has(word) || OURS.has(word));
}

/** The word after the one that ends at `i`, past spaces, lower-cased. */
function wordAfter(text: string, i: number): string {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return firstWordAt(text, i);
}

/** A comparison table's column or row named by its place: "The middle column", "the two right columns", "Both other rows". */
const TABLE_REFERENCE = new RegExp(`^(?:(?:the|both)\\s+)?(?:(?:${NEGATION_GRAMMAR.tablePositions.join('|')})[\\s-]+){1,2}(?:columns?|rows?)\\b`, 'i');
/** The most characters such a reference takes. */
const TABLE_REFERENCE_CHARS = 48;

/**
 * Whether the words from `first` on are a noun phrase for a kind of system: modifiers of
 * `kindModifiers`, then a noun of `kindNouns`; or one for others' work ("Prior work such as …",
 * "Existing spoken dialogue systems …", "A common recipe for voice bots …"): a background word,
 * or a background adjective and a noun it pairs with, past modifiers, after an article at most.
 */
export function opensWithKind(text: string, first: number): boolean {
  if (TABLE_REFERENCE.test(text.slice(first, first + TABLE_REFERENCE_CHARS))) return true;
  let i = first;
  let adjective: ReadonlySet<string> | undefined;
  let article = false;
  // After "every" or "each", one of a kind: "Nearly every speech-language model …".
  let every = false;
  // After "There is" or "There are", a group of systems: "There is a line of work where …".
  let existential = false;
  // Words of any kind read after "There is a", before its noun.
  let skipped = 0;
  for (let read = 0; read < 10; read++) {
    while (i < text.length && !isWordCharAt(text, i)) {
      // Only a hyphen, emphasis marks or white space may stand between the phrase's words ("Dual-stream
      // models", "**Flattened models**"): a line break that wraps the sentence, not one that ends it.
      if (!'-*_`'.includes(text[i]) && !/\s/.test(text[i])) return false;
      if ((text[i] === '\n' || text[i] === '\r') && sentenceStartsAfter(text, i)) return false;
      i++;
    }
    const start = i;
    while (isWordCharAt(text, i)) i++;
    if (i === start) return false;
    const word = text.slice(start, i).toLowerCase();
    if (KIND_NOUNS.has(word) || adjective?.has(word) || (every && KIND_NOUN.has(word))) return true;
    if ((adjective !== undefined || existential) && COLLECTIONS.has(word)) return wordAfter(text, i) === 'of';
    if ((read === 0 || (existential && !article)) && (word === 'a' || word === 'the' || (read === 0 && word === 'one') || (existential && word === 'an'))) {
      article = true;
      continue;
    }
    if (read === 0 && word === 'there' && EXISTENTIAL.has(wordAfter(text, i))) {
      existential = true;
      continue;
    }
    if (existential && !article && EXISTENTIAL.has(word)) continue;
    // "In those assistants, …", "For such systems, …".
    if (read === 0 && LEADING_PREPOSITIONS.has(word) && (wordAfter(text, i) === 'those' || wordAfter(text, i) === 'such' || BACKGROUND_PAIRS.has(wordAfter(text, i)))) continue;
    if (existential && EXISTENTIAL_NOUNS.has(word)) return EXISTENTIAL_LINKS.has(wordAfter(text, i));
    if (existential && article && !KIND_MODIFIERS.has(word) && !BACKGROUND_PAIRS.has(word) && skipped < NEGATION_GRAMMAR.existentialWords) {
      skipped++;
      continue;
    }
    // The card's own earlier work is others' too: "Our previous product, Aurel-Cascade, used …".
    if (read === 0 && word === 'our' && (backgroundAfterOur(wordAfter(text, i)) || OUR_EARLIER.has(wordAfter(text, i)))) return true;
    // A quantity of them: "Plenty of recent work …", "Much of the recent excitement …", "Most of the …".
    if (QUANTIFIERS.has(word) || ((word === 'of' || word === 'the') && read > 0)) {
      every ||= word === 'every' || word === 'each';
      continue;
    }
    // After an article, only an adjective with its noun: "A classic ASR/LLM/TTS cascade, made duplex
    // by …" may be the card's own, "A common recipe for voice bots is …" is others' practice.
    if (adjective === undefined && !article && BACKGROUND_WORDS.has(word)) return true;
    if (BACKGROUND_PAIRS.has(word)) {
      // One adjective or several ("Some newer voice models …").
      adjective ??= BACKGROUND_PAIRS.get(word);
      continue;
    }
    if (!KIND_MODIFIERS.has(word)) return false;
  }
  return false;
}

