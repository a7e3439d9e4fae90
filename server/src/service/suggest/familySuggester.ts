/**
 * Family suggestions: which architectural family (or near-STS) a card's text describes, from the
 * evidence phrases of families.yaml. Everything that depends only on the knowledge base (the
 * phrase trie) is built once here; each call is one linear scan of the text.
 */
import type { Span } from '../findings';
import type { FamilyId, KnowledgeBase } from '../../knowledge/schema';
import { compilePhrases } from './phrases';
import { passes, scoreEvidence } from './scoring';
import { createSubcategorySuggester, SubcategorySuggestion } from './subcategorySuggester';

/** Min. confidence (score × share) to suggest a family: one strong hint (KB weight ≥ 0.5) with no rival passes, weak hints (≤ 0.4) never do; best hit rate with the fewest wrong suggestions on the corpus (docs/suggester-measurement.md). */
export const FAMILY_MIN_CONFIDENCE = 0.5;

export interface FamilySuggestion {
  readonly family: FamilyId;
  /** The family's evidence score tempered by the competition: score × score / Σ scores, 0..1. */
  readonly confidence: number;
  /** The evidence phrases as they appear in the text, one per occurrence. */
  readonly evidence: string[];
  /** Offsets of each evidence entry in the text given (same order). */
  readonly spans: Span[];
}

export interface FamilySuggester {
  /** The most likely family, or null when the evidence is too weak or too split to say. */
  suggest(text: string): FamilySuggestion | null;
  /** Every family with any evidence, most confident first, unthresholded (for measurement). */
  rank(text: string): FamilySuggestion[];
  /** Every sub-category whose evidence passes its threshold. */
  suggestSubcategories(text: string): SubcategorySuggestion[];
}

export function createFamilySuggester(knowledge: KnowledgeBase): FamilySuggester {
  const ids = knowledge.families.map(f => f.id);
  const matcher = compilePhrases(knowledge.families.flatMap(f =>
    f.evidence.map(e => ({ phrase: e.phrase, label: f.id, weight: e.weight }))));
  const subcategories = createSubcategorySuggester(knowledge);

  const rank = (text: string): FamilySuggestion[] => {
    const scored = scoreEvidence(text, matcher.scan(text), ids);
    const total = scored.reduce((sum, s) => sum + s.score, 0);
    return scored.map(({ label, score, evidence, spans }) =>
      ({ family: label, confidence: score * (score / total), evidence, spans }));
  };

  return {
    rank,
    suggest(text) {
      const best = rank(text)[0];
      return best && passes(best.confidence, FAMILY_MIN_CONFIDENCE) ? best : null;
    },
    suggestSubcategories: subcategories.suggest,
  };
}
