/**
 * A plan is not the card's design: "We plan to add a turn-taking predictor", "A duplex state head
 * is on the roadmap", "In the next version, the model keeps two parallel streams". A roadmap
 * section ("## Roadmap", "Future work: …") is discourse.ts's, by its label (discourseGrammar.ts).
 * The word lists are in negationGrammar.ts; the clause is read as `clauseReading.ts` reads it.
 */
import { clauseWords, wordListTest } from './clauseReading';
import { NEGATION_GRAMMAR } from './negationGrammar';
import { inSentenceOpeningWith } from './othersWork';

const isPlan = wordListTest(NEGATION_GRAMMAR.plans);
const PLANNED = new Set<string>(NEGATION_GRAMMAR.planned);

/**
 * Whether what the mention [start, end) names is planned, not built: a plan among the clause words
 * `before` it (nearest first, so a pair's second word comes first), "is", "are" or "remains" after it
 * and then a word of `planned` (in the clause words `after` it), or a sentence whose first few words
 * hold a plan that the rest falls under.
 */
export function isPlanned(text: string, start: number, before: readonly string[], after: readonly string[]): boolean {
  return before.some((word, k) => isPlan(word, undefined) || (k > 0 && isPlan(word, before[k - 1])))
    || saidPlannedAfter(after)
    || inSentenceOpeningWith(text, start, opensWithPlan, false);
}

const PLANNED_LINKS = new Set<string>(NEGATION_GRAMMAR.plannedLinks);

/**
 * Whether the clause words `after` a mention say it is planned: a link ("is", "remains") right after
 * it, or after one more noun ("the predictor option remains on the roadmap"), then a word of `planned`.
 */
function saidPlannedAfter(after: readonly string[]): boolean {
  const link = PLANNED_LINKS.has(after[0]) ? 0 : PLANNED_LINKS.has(after[1]) ? 1 : -1;
  return link >= 0 && after.slice(link + 1, link + 1 + NEGATION_GRAMMAR.plannedWordsAfter).some(word => PLANNED.has(word));
}

/** Whether the first clause of the sentence at `first` holds a plan in its first few words ("In the next version, …", "Future work: …"). */
function opensWithPlan(text: string, first: number): boolean {
  const words = clauseWords(text, first, 1).slice(0, NEGATION_GRAMMAR.planOpeningWords);
  return words.some((word, k) => isPlan(word, words[k + 1]));
}
