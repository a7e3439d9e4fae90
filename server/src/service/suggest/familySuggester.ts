/**
 * Family suggestions: which architectural family (or near-STS) a card's text describes, from the
 * evidence phrases of families.yaml. Everything that depends only on the knowledge base (the
 * phrase tries) is built once here; each call is one linear scan of the text.
 */
import type { Span } from '../findings';
import type { FamilyId, KnowledgeBase, SubcategoryId } from '../../knowledge/schema';
import { compilePhrases, compilePhraseSets, PhraseMatch } from './phrases';
import { passes, scoreEvidence } from './scoring';
import { createSubcategorySuggester, subcategoryPhrases, SubcategorySuggestion } from './subcategorySuggester';

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

/** What one text says, read in a single scan; each answer is worked out when first asked. */
export interface ProseReading {
  /** The same as `suggest(text)`. */
  family(): FamilySuggestion | null;
  /** The same as `suggestSubcategories(text)`. */
  subcategories(): SubcategorySuggestion[];
}

export interface FamilySuggester {
  /** The most likely family, or null when the evidence is too weak or too split to say. */
  suggest(text: string): FamilySuggestion | null;
  /** Every family with any evidence, most confident first, unthresholded (for measurement). */
  rank(text: string): FamilySuggestion[];
  /** Every sub-category whose evidence passes its threshold. */
  suggestSubcategories(text: string): SubcategorySuggestion[];
  /** Family and sub-categories from one pass over the text: what a validation asks for. */
  read(text: string): ProseReading;
}

export function createFamilySuggester(knowledge: KnowledgeBase): FamilySuggester {
  const ids = knowledge.families.map(f => f.id);
  const familyPhrases = knowledge.families.flatMap(f =>
    f.evidence.map(e => ({ phrase: e.phrase, label: f.id, weight: e.weight })));
  const matcher = compilePhrases(familyPhrases);
  const subcategories = createSubcategorySuggester(knowledge);
  const both = compilePhraseSets<FamilyId | SubcategoryId>([familyPhrases, subcategoryPhrases(knowledge)]);

  const rankMatches = (text: string, matches: readonly PhraseMatch<FamilyId>[]): FamilySuggestion[] => {
    const scored = scoreEvidence(text, matches, ids);
    const total = scored.reduce((sum, s) => sum + s.score, 0);
    return scored.map(({ label, score, evidence, spans }) =>
      ({ family: label, confidence: score * (score / total), evidence, spans }));
  };
  const best = (ranked: FamilySuggestion[]): FamilySuggestion | null =>
    ranked[0] && passes(ranked[0].confidence, FAMILY_MIN_CONFIDENCE) ? ranked[0] : null;

  return {
    rank: text => rankMatches(text, matcher.scan(text)),
    suggest: text => best(rankMatches(text, matcher.scan(text))),
    suggestSubcategories: subcategories.suggest,
    read(text) {
      // Each set's matches carry only that set's labels.
      const [familyMatches, subcategoryMatches] = both.scan(text) as [PhraseMatch<FamilyId>[], PhraseMatch<SubcategoryId>[]];
      return {
        family: () => best(rankMatches(text, familyMatches)),
        subcategories: () => subcategories.suggestFromMatches(text, subcategoryMatches),
      };
    },
  };
}
