/**
 * Sub-category suggestions (reasoning-realtime, translation-duplex, voice-cloning) from the
 * evidence phrases of subcategories.yaml. Sub-categories are not exclusive (a translation model
 * can also clone voices), so each is judged on its own score, with no competition between them.
 */
import type { Span } from '../findings';
import type { KnowledgeBase, SubcategoryId } from '../../knowledge/schema';
import { compilePhrases } from './phrases';
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
}

export function createSubcategorySuggester(knowledge: KnowledgeBase): SubcategorySuggester {
  const ids = knowledge.subcategories.map(s => s.id);
  const matcher = compilePhrases(knowledge.subcategories.flatMap(s =>
    s.evidence.map(e => ({ phrase: e.phrase, label: s.id, weight: e.weight }))));

  const rank = (text: string): SubcategorySuggestion[] =>
    scoreEvidence(text, matcher.scan(text), ids).map(({ label, score, evidence, spans }) =>
      ({ subcategory: label, confidence: score, evidence, spans }));

  return {
    rank,
    suggest: text => rank(text).filter(s => passes(s.confidence, SUBCATEGORY_MIN_CONFIDENCE)),
  };
}
