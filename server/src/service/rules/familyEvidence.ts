/**
 * Where a family suggestion comes from: a known model the card names (by `sts.name`, or by the
 * Markdown title: "# Model Card for Moshi"), which the knowledge base places for certain; else
 * the suggester's reading of the prose.
 */
import type { KnownModel } from '../../knowledge/schema';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { FamilySuggester } from '../suggest';

export interface FamilyEvidence {
  readonly family: string;
  readonly confidence: number;
  readonly evidence: string[];
}

const TITLE = /^#{1,3}[ \t]+(.+?)[ \t#]*$/m;

/** The known model a Markdown title names exactly (names and aliases; nothing looser). */
export function knownModelOfTitle(index: KnowledgeIndex, markdown: string): KnownModel | undefined {
  const title = TITLE.exec(markdown)?.[1];
  if (!title) return undefined;
  const bare = title.replace(/^model card (for|of)\s+/i, '').replace(/\s+model card$/i, '').trim();
  return index.modelNamed(bare);
}

export function fromKnownModel(model: KnownModel | undefined): FamilyEvidence | undefined {
  return model?.family ? { family: model.family, confidence: 1, evidence: [model.name] } : undefined;
}

/** A suggestion for a card with no `sts` block, from its Markdown alone. */
export function suggestFromMarkdown(index: KnowledgeIndex, suggester: FamilySuggester, markdown: string): FamilyEvidence | null {
  return fromKnownModel(knownModelOfTitle(index, markdown)) ?? toEvidence(suggester.suggest(markdown));
}

export function toEvidence(suggestion: FamilyEvidence | null): FamilyEvidence | null {
  return suggestion && {
    family: suggestion.family,
    confidence: Math.round(suggestion.confidence * 100) / 100,
    evidence: [...new Set(suggestion.evidence)],
  };
}
