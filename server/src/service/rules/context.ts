/**
 * What every rule gets: the parsed card, its plain value, the knowledge lookups, and span helpers
 * that fall back to the card's anchor (the opening `---` or the first key) so no finding is lost.
 */
import type { Finding, Span } from '../findings';
import type { CardKind } from '../types';
import type { KnowledgeIndex } from '../knowledgeIndex';
import { anchorSpan, KeyPath, keySpan, ParsedCard, valueSpan } from '../yamlCard';

export interface RuleContext {
  readonly kind: CardKind;
  readonly card: ParsedCard;
  readonly index: KnowledgeIndex;
  /** The raw value at a path; rules never assume the schema passed. */
  get(path: KeyPath): unknown;
  keySpan(path: KeyPath): Span;
  valueSpan(path: KeyPath): Span;
  /** The nearest existing key on the path, for something missing under it. */
  anchorSpan(path: KeyPath): Span;
  /** Where a finding about the card as a whole goes. */
  readonly cardSpan: Span;
}

export type Rule = (context: RuleContext) => Finding[];

export function createRuleContext(kind: CardKind, card: ParsedCard, value: unknown, index: KnowledgeIndex, cardSpan: Span): RuleContext {
  return {
    kind,
    card,
    index,
    cardSpan,
    get(path) {
      let current = value;
      for (const segment of path) {
        if (current === null || typeof current !== 'object') return undefined;
        current = (current as Record<PropertyKey, unknown>)[segment];
      }
      return current;
    },
    keySpan: path => keySpan(card, path) ?? anchorSpan(card, path) ?? cardSpan,
    valueSpan: path => valueSpan(card, path) ?? anchorSpan(card, path) ?? cardSpan,
    anchorSpan: path => anchorSpan(card, path) ?? cardSpan,
  };
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
