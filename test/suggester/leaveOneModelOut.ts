/**
 * The leave-one-model-out measurement of the family suggester, shared by
 * `npm run measure:suggester` (which writes docs/suggester-measurement.md) and the tests that pin
 * its results case by case.
 *
 * What is fitted is the confidence threshold; the lexicon is data written beforehand. For each
 * model of the corpus: every text is scored with a knowledge base that does not know the model
 * (nor its variants), so its own name is no evidence; the threshold is fitted on the other
 * models' texts only; then the model's texts are judged with that threshold.
 *
 * Each text is read twice: as it is (a README body with no `sts` block, where the suggester must
 * find in the words that the model is one you talk with) and as the architecture of a card that
 * has an `sts` block (where the card says so). The threshold is fitted on the first reading,
 * which the corpus texts are; the second is judged with the same threshold.
 */
import type { FamilyId, KnowledgeBase } from '../../server/src/knowledge/schema';
import { createFamilySuggester } from '../../server/src/service/suggest';
import type { FamilySuggestion } from '../../server/src/service/suggest';
import { passes } from '../../server/src/service/suggest/scoring';
import { Corpus, CorpusText, textOf } from './corpus';

/** Thresholds tried: below 0.3 a suggestion would rest on one weak hint (concepts.yaml's scale). */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 14 }, (_, k) => Math.round((0.3 + k * 0.05) * 100) / 100);

export interface ScoredText {
  readonly text: CorpusText;
  readonly label: FamilyId | null;
  readonly sealed: boolean;
  /** Every family with evidence, as the suggester ranks them when the model is unknown. */
  readonly ranked: readonly FamilySuggestion[];
  /** The same, the text read as the architecture of a card with an `sts` block. */
  readonly rankedInCard: readonly FamilySuggestion[];
}

export interface JudgedText extends ScoredText {
  /** The threshold fitted without this model's texts. */
  readonly threshold: number;
  /** The suggestion at that threshold, or null. */
  readonly suggestion: FamilySuggestion | null;
  /** hit | abstain | wrong:<family> | null (a correct null for a text with no family). */
  readonly outcome: string;
  /** The outcome for the text read as the architecture of a card with an `sts` block. */
  readonly outcomeInCard: string;
}

/** Each text ranked by a suggester whose knowledge base does not know the text's model. */
export function scoreCorpus(knowledge: KnowledgeBase, corpus: Corpus): ScoredText[] {
  const suggesters = new Map<string, ReturnType<typeof createFamilySuggester>>();
  return corpus.texts.map(text => {
    const model = corpus.models[text.model];
    if (!model) throw new Error(`corpus.json: text ${text.id} names unknown model ${text.model}`);
    let suggester = suggesters.get(text.model);
    if (!suggester) {
      const hidden = new Set(model.holdout);
      suggester = createFamilySuggester({ ...knowledge, models: knowledge.models.filter(m => !hidden.has(m.id)) });
      suggesters.set(text.model, suggester);
    }
    const words = textOf(text);
    return { text, label: model.label, sealed: model.sealed, ranked: suggester.rank(words), rankedInCard: suggester.rank(words, { inScope: true }) };
  });
}

/** The suggestion a ranking makes at a threshold, tested as the product tests it. */
const suggestionAt = (ranked: readonly FamilySuggestion[], threshold: number): FamilySuggestion | null =>
  ranked[0] && passes(ranked[0].confidence, threshold) ? ranked[0] : null;

const isWrong = (scored: ScoredText, threshold: number) => {
  const suggestion = suggestionAt(scored.ranked, threshold);
  return suggestion !== null && suggestion.family !== scored.label;
};

/**
 * How a threshold is fitted on training texts:
 * - `precision`: the smallest threshold of the grid at which the suggestions made are right at
 *   least PRECISION_TARGET of the time, the meaning issue 11 gives the confidence;
 * - `zero-wrong`: the smallest at which no suggestion is wrong (the rule until a text whose words
 *   contradict its label drove it to 0.85, where the issue's own examples get no suggestion).
 * Either gives the largest threshold of the grid when none qualifies.
 */
export type FitRule = 'precision' | 'zero-wrong';
export const PRECISION_TARGET = 0.95;

export function fitThreshold(training: readonly ScoredText[], rule: FitRule = 'precision'): number {
  const qualifies = (threshold: number) => {
    const suggested = training.filter(scored => suggestionAt(scored.ranked, threshold) !== null);
    const wrong = suggested.filter(scored => isWrong(scored, threshold)).length;
    return rule === 'zero-wrong' ? wrong === 0 : suggested.length > 0 && (suggested.length - wrong) / suggested.length >= PRECISION_TARGET;
  };
  return THRESHOLD_GRID.find(qualifies) ?? THRESHOLD_GRID[THRESHOLD_GRID.length - 1];
}

export function outcomeOf(label: FamilyId | null, suggestion: FamilySuggestion | null): string {
  if (label === null) return suggestion ? `wrong:${suggestion.family}` : 'null';
  if (!suggestion) return 'abstain';
  return suggestion.family === label ? 'hit' : `wrong:${suggestion.family}`;
}

/** Every text judged with the threshold fitted on the other models' texts. */
export function leaveOneModelOut(scored: readonly ScoredText[], rule: FitRule = 'precision'): JudgedText[] {
  const thresholds = new Map<string, number>();
  return scored.map(entry => {
    const model = entry.text.model;
    let threshold = thresholds.get(model);
    if (threshold === undefined) {
      threshold = fitThreshold(scored.filter(other => other.text.model !== model), rule);
      thresholds.set(model, threshold);
    }
    const suggestion = suggestionAt(entry.ranked, threshold);
    return { ...entry, threshold, suggestion, outcome: outcomeOf(entry.label, suggestion), outcomeInCard: outcomeOf(entry.label, suggestionAt(entry.rankedInCard, threshold)) };
  });
}

export interface Figures {
  readonly texts: number;
  readonly models: number;
  readonly labelled: number;
  /** The top-ranked family is the label, whatever its confidence. */
  readonly firstChoice: number;
  /** Labelled texts in which any family has evidence at all (a first choice exists). */
  readonly withEvidence: number;
  /** A suggestion at the threshold that is the label. */
  readonly hits: number;
  readonly abstentions: number;
  /** Suggestions at the threshold that are not the label, null-labelled texts included. */
  readonly wrong: number;
  readonly nullTexts: number;
  readonly correctNull: number;
}

/** The figures of one reading: the text as it is, or as the architecture of a card with an `sts` block. */
export function figuresOf(judged: readonly JudgedText[], inCard = false): Figures {
  const labelled = judged.filter(j => j.label !== null);
  const outcomes = judged.map(j => (inCard ? j.outcomeInCard : j.outcome));
  return {
    texts: judged.length,
    models: new Set(judged.map(j => j.text.model)).size,
    labelled: labelled.length,
    firstChoice: labelled.filter(j => (inCard ? j.rankedInCard : j.ranked)[0]?.family === j.label).length,
    withEvidence: labelled.filter(j => (inCard ? j.rankedInCard : j.ranked).length > 0).length,
    hits: outcomes.filter(o => o === 'hit').length,
    abstentions: outcomes.filter(o => o === 'abstain').length,
    wrong: outcomes.filter(o => o.startsWith('wrong:')).length,
    nullTexts: judged.length - labelled.length,
    correctNull: outcomes.filter(o => o === 'null').length,
  };
}

export interface JudgedModel {
  readonly model: string;
  readonly label: FamilyId | null;
  readonly threshold: number;
  readonly ranked: readonly FamilySuggestion[];
  readonly outcome: string;
}

/**
 * Each model's texts joined into one card body, as a README holds its introduction, architecture
 * and abstract together: judged with the model's own fold threshold and knowledge base.
 */
export function judgeWholeCards(knowledge: KnowledgeBase, corpus: Corpus, judged: readonly JudgedText[]): JudgedModel[] {
  return Object.entries(corpus.models).map(([model, entry]) => {
    const texts = judged.filter(j => j.text.model === model);
    const hidden = new Set(entry.holdout);
    const suggester = createFamilySuggester({ ...knowledge, models: knowledge.models.filter(m => !hidden.has(m.id)) });
    const ranked = suggester.rank(texts.map(j => textOf(j.text)).join('\n\n'));
    const threshold = texts[0].threshold;
    const suggestion = suggestionAt(ranked, threshold);
    return { model, label: entry.label, threshold, ranked, outcome: outcomeOf(entry.label, suggestion) };
  });
}

/**
 * Every text judged with the whole knowledge base, its own model included, at the shipped
 * threshold: what the product does with a text of one of the article's models (its name is
 * evidence then). The knowledge base took those models' families from the article, so this is
 * no measure of unseen models; it shows what naming a known model gives, and that it gives
 * nothing wrong.
 */
export function judgeWithModelsKnown(knowledge: KnowledgeBase, corpus: Corpus): JudgedText[] {
  const suggester = createFamilySuggester(knowledge);
  const threshold = knowledge.suggester.threshold;
  return corpus.texts.map(text => {
    const model = corpus.models[text.model];
    const words = textOf(text);
    const ranked = suggester.rank(words);
    const rankedInCard = suggester.rank(words, { inScope: true });
    const suggestion = suggestionAt(ranked, threshold);
    return {
      text, label: model.label, sealed: model.sealed, ranked, rankedInCard, threshold, suggestion,
      outcome: outcomeOf(model.label, suggestion), outcomeInCard: outcomeOf(model.label, suggestionAt(rankedInCard, threshold)),
    };
  });
}
