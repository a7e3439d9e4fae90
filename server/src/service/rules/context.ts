/**
 * What every rule gets: the parsed card, its plain value, the knowledge lookups, and span helpers
 * that fall back to the card's anchor (the opening `---` or the first key) so no finding is lost.
 */
import type { Finding, Span } from '../findings';
import type { CardKind } from '../types';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { FamilySuggester, SubcategorySuggestion } from '../suggest';
import { FamilyEvidence, fromBaseModel, fromKnownModel, knownModelOfTitle, LocatedEvidence, suggestFromProse, toEvidence } from './familyEvidence';
import { readCardProse } from './proseText';
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
  /** The family the card's prose (sts.architecture and the Markdown body) points to; computed once. */
  familySuggestion(): LocatedEvidence | null;
  /** The same with what the prose says of these known models set aside. */
  familySuggestionSettingAside(models: readonly string[]): LocatedEvidence | null;
  /** Where a span of that prose (as the suggester's spans give it) is in the file. */
  proseSpan(span: Span): Span;
  /** For a card without `sts`: the known model its title names, else its base model's, else the body's prose. */
  markdownSuggestion(): FamilyEvidence | null;
  /** The family of the first known model `base_model` names: a derivative keeps its base's architecture. */
  baseModelSuggestion(): LocatedEvidence | undefined;
  subcategorySuggestions(): SubcategorySuggestion[];
}

export type Rule = (context: RuleContext) => Finding[];

export interface Prose {
  readonly suggester: FamilySuggester;
  /** The Markdown body after the front matter ('' for a standalone card). */
  readonly body: string;
  /** Where the body starts in the file. */
  readonly bodyStart: number;
  /** The whole file, for locating evidence in `sts.architecture`. */
  readonly fileText: string;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let result: T;
  return () => {
    if (!done) { result = compute(); done = true; }
    return result;
  };
}

export function createRuleContext(kind: CardKind, card: ParsedCard, value: unknown, index: KnowledgeIndex, cardSpan: Span, prose: Prose): RuleContext {
  // One scan of the prose serves both the family and the sub-category suggestions.
  const read = once(() => readCardProse(prose.suggester, card, value, prose.fileText, prose.bodyStart));
  const reading = () => read().reading;
  const proseSpan = (span: Span) => read().prose.documentSpan(span);
  const baseModelSuggestion = once(() => fromBaseModel(index, value, path => valueSpan(card, path)));
  return {
    familySuggestion: once(() => toEvidence(reading().family(), proseSpan)),
    familySuggestionSettingAside: models => toEvidence(reading().familySettingAside(models), proseSpan),
    proseSpan,
    markdownSuggestion: once(() => fromKnownModel(knownModelOfTitle(index, prose.body)) ?? baseModelSuggestion()
      ?? suggestFromProse(prose.suggester, prose.body, prose.bodyStart)),
    baseModelSuggestion: () => baseModelSuggestion(),
    subcategorySuggestions: once(() => reading().subcategories()),
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
