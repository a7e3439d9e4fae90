/**
 * What a sentence owes the sentence before it. One that opens by pointing back ("They tokenize
 * speech and pack it with text …", "In that design a single decoder …", "It was easy to inspect")
 * goes on about what the one before was about. After a sentence about other systems (one that
 * opens with a kind of system or with others' work: "Many popular open speech models take a
 * different path."), it is about them too, up to the card's own words, and so are the pointing
 * sentences after it, until a sentence opens otherwise, says "we" or "our", or a paragraph ends.
 *
 * Sentences end where passages are cut (passageCache.ts) and at line breaks that end one, so a
 * passage is read on its own: what it needs from the passage before is only whether that one
 * left off about others, and what it leaves the next is true, false or "as it was given" (`Chain`).
 */
import { firstWordAt, pairsOf } from './clauseReading';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { inSentenceOpeningWith, opensWithKind } from './othersWork';
import { cutPassages } from './passageCache';
import { sentenceStartsAfter } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

/** Whether what was said last is about other systems: yes, no, or whatever the passage before left ('in'). */
export type Chain = boolean | 'in';

const POINTING = new Set<string>(NEGATION_GRAMMAR.pointingBack.filter(entry => !entry.includes(' ')));
const POINTING_PAIRS = pairsOf(NEGATION_GRAMMAR.pointingBack);
const OWN_WORDS = new Set<string>(NEGATION_GRAMMAR.ownWords);

/** Whether the words from `first` point back ("They …", "In that design …"). */
function pointsBack(text: string, first: number): boolean {
  const word = firstWordAt(text, first);
  if (POINTING.has(word)) return true;
  const second = POINTING_PAIRS.get(word);
  if (!second) return false;
  let i = first + word.length;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return second.has(firstWordAt(text, i));
}

type Opening = 'others' | 'back' | 'other';

interface Sentence {
  readonly start: number;
  /** How it opens; a sentence that says "we" or "our" counts as 'other' for what comes after it. */
  readonly opening: Opening;
  readonly own: boolean;
  /** Whether a blank line comes before it. */
  readonly paragraph: boolean;
}

/** How the sentence from `start` to `end` opens, and whether it has the card's own words. */
function sentenceAt(text: string, start: number, end: number, paragraph: boolean): Sentence {
  // Marks and emoji may stand before its first word ("- ", "**", "> ", "🚀 ").
  let i = start;
  while (i < end && !isWordCharAt(text, i)) i++;
  const opening: Opening = i >= end ? 'other' : opensWithKind(text, i) ? 'others' : pointsBack(text, i) ? 'back' : 'other';
  let own = false;
  for (let j = i; j < end && !own;) {
    while (j < end && !isWordCharAt(text, j)) j++;
    const word = firstWordAt(text, j);
    own = OWN_WORDS.has(word);
    j += Math.max(1, word.length);
  }
  return { start, opening, own, paragraph };
}

/** The sentences of a passage (or a whole text), in order. */
function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let paragraph = false;
  /** Ends the sentence from `start` at `at`; white space alone is no sentence, and a blank line before it stays pending. */
  const end = (at: number) => {
    if (text.slice(start, at).trim() === '') return;
    sentences.push(sentenceAt(text, start, at, paragraph));
    paragraph = false;
  };
  /** Sentences that end at a line break before `to`. */
  const lineSentences = (to: number) => {
    for (let i = text.indexOf('\n', start); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      if (!sentenceStartsAfter(text, i)) continue;
      end(i);
      start = i + 1;
    }
  };
  cutPassages(text, (at, next) => {
    lineSentences(at);
    end(at);
    start = next;
    paragraph ||= next - at === 2;
  });
  lineSentences(text.length);
  end(text.length);
  return sentences;
}

/** What is known after `sentence`, given what was known before it. */
function after(sentence: Sentence, before: Chain): Chain {
  if (sentence.own) return false;
  const known = sentence.paragraph ? false : before;
  return sentence.opening === 'others' ? true : sentence.opening === 'back' ? known : false;
}

export interface PassageDiscourse {
  /**
   * For a mention at `start`: whether its sentence points back at others' systems, with no own
   * words before it: true, false, or 'in' when that depends on the passage before.
   */
  aboutOthers(start: number): Chain;
  /** What the passage leaves the next one. */
  readonly out: Chain;
}

/** The sentences of a passage, read once, for the mentions found in it. */
export function readDiscourse(text: string): PassageDiscourse {
  const sentences = sentencesOf(text);
  let out: Chain | undefined;
  return {
    aboutOthers(start) {
      let chain: Chain = 'in';
      for (let k = 0; k < sentences.length; k++) {
        const sentence = sentences[k];
        if (k + 1 < sentences.length && sentences[k + 1].start <= start) {
          chain = after(sentence, chain);
          continue;
        }
        const before = sentence.paragraph ? false : chain;
        if (sentence.opening !== 'back' || before === false) return false;
        return inSentenceOpeningWith(text, start, pointsBack, false) ? before : false;
      }
      return false;
    },
    get out() {
      return out ??= sentences.reduce<Chain>((chain, sentence) => after(sentence, chain), 'in');
    },
  };
}
