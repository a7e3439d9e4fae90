/**
 * Where a family suggestion comes from: a known model the card names (by `sts.name`, or by the
 * Markdown title: "# Model Card for Moshi"), which the knowledge base places for certain; else
 * the suggester's reading of the prose, with the words that decided it and where they are.
 */
import type { KnownModel } from '../../knowledge/schema';
import type { Finding, Span } from '../findings';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { FamilySuggester, FamilySuggestion } from '../suggest';
import type { KeyPath } from '../yamlCard';
import { evidenceText } from '../evidenceText';

/** A suggestion as `data.suggestion` holds it (the contract's shape). */
export interface FamilyEvidence {
  readonly family: string;
  readonly confidence: number;
  readonly evidence: string[];
}

/** A suggestion read from prose: also where each piece of evidence is in the file, and why it counts. */
export interface LocatedEvidence extends FamilyEvidence {
  readonly located: readonly (Span & { readonly text: string; readonly reason: string })[];
}

/** How many pieces of evidence a diagnostic points at, at most. */
const MAX_RELATED = 8;

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

/**
 * The family of the first known model (with a family) that `base_model` names, with the value as
 * evidence: a fine-tune, adapter, quantisation or merge keeps its base's architecture.
 */
export function fromBaseModel(index: KnowledgeIndex, card: unknown, spanOf: (path: KeyPath) => Span | undefined): LocatedEvidence | undefined {
  const value = card !== null && typeof card === 'object' ? (card as { base_model?: unknown }).base_model : undefined;
  const entries: [unknown, KeyPath][] = Array.isArray(value) ? value.map((id, k) => [id, ['base_model', k]]) : [[value, ['base_model']]];
  for (const [id, path] of entries) {
    const model = typeof id === 'string' ? index.modelNamed(id) : undefined;
    const span = model?.family ? spanOf(path) : undefined;
    if (model?.family && span) {
      return {
        family: model.family,
        confidence: index.knowledge.suggester.lineage.weight,
        evidence: [`base_model: ${id as string}`],
        located: [{ ...span, text: id as string, reason: `lineage:${model.id}` }],
      };
    }
  }
  return undefined;
}

/** A suggestion for a card with no `sts` block, from its Markdown (at `markdownStart` in the file) alone. */
export function suggestFromMarkdown(index: KnowledgeIndex, suggester: FamilySuggester, markdown: string, markdownStart: number): FamilyEvidence | null {
  return fromKnownModel(knownModelOfTitle(index, markdown)) ?? suggestFromProse(suggester, markdown, markdownStart);
}

/** The suggester's reading of Markdown (at `markdownStart` in the file) that says nothing of being STS. */
export function suggestFromProse(suggester: FamilySuggester, markdown: string, markdownStart: number): LocatedEvidence | null {
  return toEvidence(suggester.suggest(markdown), span => ({ start: markdownStart + span.start, end: markdownStart + span.end }));
}

/** The suggester's answer with its evidence located in the file (`toDocument` maps the prose's offsets). */
export function toEvidence(suggestion: FamilySuggestion | null, toDocument: (span: Span) => Span): LocatedEvidence | null {
  if (!suggestion) return null;
  // Located only when a diagnostic shows it: most validations raise none (a declared family that agrees).
  let located: LocatedEvidence['located'] | undefined;
  return {
    family: suggestion.family,
    confidence: Math.round(suggestion.confidence * 100) / 100,
    // The words as written, a line break inside them read as the space it stands for.
    evidence: [...new Set(suggestion.evidence.map(words => words.replace(/\s+/g, ' ')))],
    get located() {
      return located ??= suggestion.spans.map((span, k) => ({ ...toDocument(span), text: suggestion.evidence[k], reason: suggestion.reasons[k] }));
    },
  };
}

/** `data.suggestion`: the contract's three fields, nothing else. */
export function evidenceData(suggestion: FamilyEvidence | null | undefined): FamilyEvidence | null {
  return suggestion ? { family: suggestion.family, confidence: suggestion.confidence, evidence: suggestion.evidence } : null;
}

/** Related information pointing at the words that decided a suggestion read from prose. */
export function evidenceRelated(suggestion: FamilyEvidence | null | undefined): Finding['related'] {
  if (!suggestion || !('located' in suggestion)) return undefined;
  return (suggestion as LocatedEvidence).located.slice(0, MAX_RELATED).map(at => ({
    start: at.start,
    end: at.end,
    message: `Evidence for ${suggestion.family}: "${evidenceText(at.text)}" (${describeReason(at.reason)}).`,
  }));
}

function describeReason(reason: string): string {
  if (reason.startsWith('lineage:')) return `derived from the known model ${reason.slice('lineage:'.length)}`;
  if (reason.startsWith('presents:')) return `presents the known model ${reason.slice('presents:'.length)}`;
  return `concept ${reason}`;
}
