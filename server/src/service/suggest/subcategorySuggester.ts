/**
 * Sub-category suggestions (reasoning-realtime, translation-duplex, voice-cloning) from the
 * evidence phrases of subcategories.yaml. Sub-categories are not exclusive (a translation model
 * can also clone voices), so each is judged on its own score, with no competition between them.
 */
import type { Span } from '../findings';
import type { KnowledgeBase, SubcategoryId } from '../../knowledge/schema';
import { compilePhrases, PhraseEntry, PhraseMatch } from './phrases';
import { passes, scoreEvidence } from './scoring';

/** Min. noisy-or score to suggest a sub-category: a lone phrase weighted ≥ 0.8, or two weaker ones, pass; the corpus allowed (0.6, 0.9] (docs/suggester-measurement.md). */
export const SUBCATEGORY_MIN_CONFIDENCE = 0.75;

export interface SubcategorySuggestion {
  readonly subcategory: SubcategoryId;
  readonly confidence: number;
  readonly evidence: string[];
  readonly spans: Span[];
}

export interface SubcategorySuggester {
  /** Every sub-category whose evidence passes the threshold, most confident first. */
  suggest(text: string): SubcategorySuggestion[];
  /** Every sub-category with any evidence, unthresholded (for measurement and explanations). */
  rank(text: string): SubcategorySuggestion[];
  /** `suggest`, from the matches of `subcategoryPhrases` already found in the text. */
  suggestFromMatches(text: string, matches: readonly PhraseMatch<SubcategoryId>[]): SubcategorySuggestion[];
}

/** The evidence phrases of every sub-category, as the phrase matcher takes them. */
export function subcategoryPhrases(knowledge: KnowledgeBase): PhraseEntry<SubcategoryId>[] {
  return knowledge.subcategories.flatMap(s => s.evidence.map(e => ({ phrase: e.phrase, label: s.id, weight: e.weight })));
}

export function createSubcategorySuggester(knowledge: KnowledgeBase): SubcategorySuggester {
  const ids = knowledge.subcategories.map(s => s.id);
  const matcher = compilePhrases(subcategoryPhrases(knowledge));

  const rankMatches = (text: string, matches: readonly PhraseMatch<SubcategoryId>[]): SubcategorySuggestion[] =>
    scoreEvidence(text, matches, ids).map(({ label, score, evidence, spans }) =>
      ({ subcategory: label, confidence: score, evidence, spans }));
  const suggestFromMatches = (text: string, matches: readonly PhraseMatch<SubcategoryId>[]) =>
    rankMatches(text, matches).filter(s => passes(s.confidence, SUBCATEGORY_MIN_CONFIDENCE));

  return {
    rank: text => rankMatches(text, matcher.scan(text)),
    suggest: text => suggestFromMatches(text, matcher.scan(text)),
    suggestFromMatches,
  };
}
