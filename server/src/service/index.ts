/**
 * The model-card language service: text in, diagnostics out. No LSP connection and no `vscode`
 * import; the server and the command line are thin layers over this.
 */
import type { CodeAction, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import type { KnowledgeBase } from '../knowledge/schema';
import { buildCardSchema, CardSchema } from './cardSchema';
import { cardKindOf } from './cardLocator';
import { createCompletionProvider } from './completion';
import { createCodeActionProvider } from './fixes/codeActions';
import { createHoverProvider } from './hover';
import { ParsedDocuments } from './parsedDocuments';
import { Finding, Span, toDiagnostics } from './findings';
import { KnowledgeIndex } from './knowledgeIndex';
import { createRuleContext, Prose, Rule } from './rules/context';
import { baseModelConditions } from './rules/baseModelLineage';
import { hubLicenseIds, licenseMissing } from './rules/licenseIds';
import { commercialUseAgainstLicenses, postureAgainstLicenses } from './rules/licensePosture';
import { familyMismatch, familyMissing, subcategoriesSuggested } from './rules/family';
import { suggestFromMarkdown } from './rules/familyEvidence';
import { consentForVoiceCloning, latencyKinds } from './rules/stsDetails';
import { createFamilySuggester } from './suggest';
import { stsMissing, stsMissingFinding } from './rules/stsBlock';
import { checkSchema } from './schemaCheck';
import { applySuppressions } from './suppressions';
import type { CardDocument, CardKind, ServiceSettings } from './types';
import { sizeAboveLimit } from './sizeLimit';
import { keySpan, ParsedCard } from './yamlCard';
import { documentSymbols } from './navigation/symbols';
import { documentLinks } from './navigation/links';
import { BaseModelReference, baseModelReferences, CardIdentity, cardIdentity, definitionSpan, matchesBaseModel } from './navigation/lineage';
import { summarizeCard, CardSummary } from './landscape/cardSummary';
import { buildLandscape, LandscapeCard, LandscapeOptions } from './landscape/landscape';
import type { Landscape } from './landscape/types';

export { CARD_FILE_GLOBS, cardKindOf, cardNameKind, hasFrontMatter, isReportedCard, locateCard } from './cardLocator';
export { CODES, DIAGNOSTIC_SOURCE, isDiagnosticCode } from './codes';
export { FIX_ALL_KIND, QUICK_FIX_KIND } from './fixes/codeActions';
export type { DiagnosticCode } from './codes';
export { severityName, toDiagnostics } from './findings';
export type { Finding, Span } from './findings';
export type { CardDocument, CardKind, ServiceSettings, SeverityName, SeverityOverride } from './types';
export { DEFAULT_MAX_FILE_SIZE_KB } from './types';
export type { CardSummary } from './landscape/cardSummary';
export type { LandscapeCard, LandscapeOptions } from './landscape/landscape';
export type * from './landscape/types';
export { UNSTATED_POSTURE } from './landscape/types';
export { matchesBaseModel };
export type { BaseModelReference, CardIdentity };

const RULES: readonly Rule[] = [
  stsMissing, licenseMissing, hubLicenseIds,
  postureAgainstLicenses, commercialUseAgainstLicenses, baseModelConditions,
  consentForVoiceCloning, latencyKinds,
  familyMissing, familyMismatch, subcategoriesSuggested,
];

export interface ModelCardService {
  /** Every diagnostic for the document, with the user's severities applied and `off` codes dropped. */
  validate(document: CardDocument, settings?: ServiceSettings): Diagnostic[];
  /** The same, as offset findings (before severities): what fixes and tests work with. */
  findings(document: CardDocument, settings?: ServiceSettings): Finding[];
  /** What the key or value under the cursor means: card-format docs and knowledge-base facts. */
  hover(document: CardDocument, position: Position, settings?: ServiceSettings): Hover | null;
  /** Keys, enum values, license ids and known models at the cursor. */
  complete(document: CardDocument, position: Position, settings?: ServiceSettings): CompletionList;
  /**
   * Quick fixes for the diagnostics in a range (read from each diagnostic's `data`), and the
   * "Fix all safe problems" source action; `only` filters by CodeActionKind as LSP does.
   */
  codeActions(document: CardDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /** The edits of every fix that is safe without a choice, as `--fix` and fix-on-save apply them. */
  fixAll(document: CardDocument, settings?: ServiceSettings): TextEdit[];
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** The outline: the card's keys (the `sts` block nested) and a Markdown card's headings. */
  symbols(document: CardDocument, settings?: ServiceSettings, options?: { headings?: boolean }): DocumentSymbol[];
  /** Links: `license_link`, Hub ids of base models and datasets, known models' Hub pages, URLs under `sts`. */
  links(document: CardDocument, settings?: ServiceSettings): DocumentLink[];
  /** The lineage of a card for go to definition and find references across the workspace's cards. */
  lineage(document: CardDocument, settings?: ServiceSettings): CardLineage | undefined;
  /** What the landscape needs of a card: its placement, licenses, lineage and conflicts (undefined when it is no card). */
  summarize(document: CardDocument, settings?: ServiceSettings, findings?: readonly Finding[]): CardSummary | undefined;
  /** The map of the field: the known models and these cards, by family and posture, with lineage. */
  landscape(cards: readonly LandscapeCard[], options?: LandscapeOptions): Landscape;
}

/** A card's place in the lineage: the names other cards may use for it, its `base_model` entries, where it is defined. */
export interface CardLineage {
  readonly identity: CardIdentity;
  readonly baseModels: readonly BaseModelReference[];
  /** Where "go to definition" lands: `sts.name`'s value, else the `sts` key, else the first key. */
  readonly definition: Span;
}

export interface ServiceOptions {
  readonly knowledge: KnowledgeBase;
  /** Entries a project's knowledge extensions added or replaced: `license:<id>` or `model:<id>` → the file. */
  readonly origins?: ReadonlyMap<string, string>;
}

export function createModelCardService(options: ServiceOptions): ModelCardService {
  const index = new KnowledgeIndex(options.knowledge);
  const schema: CardSchema = buildCardSchema(options.knowledge.hub);
  const suggester = createFamilySuggester(options.knowledge);
  const valueAliases = { pipeline_tag: options.knowledge.hub.pipeline_tags.aliases ?? {} };
  const documents = new ParsedDocuments();
  const hoverProvider = createHoverProvider(index, documents, suggester, options.origins);
  const completionProvider = createCompletionProvider(index, documents, schema);

  // Fixes are tried on a scratch parse cache, so trial texts never evict the open documents' entries.
  const trialDocuments = new ParsedDocuments();
  const findings = (document: CardDocument, settings?: ServiceSettings) => findingsIn(documents, document, settings);
  const codeActionProvider = createCodeActionProvider({
    knowledge: options.knowledge,
    index,
    findings: (document, settings) => findingsIn(trialDocuments, document, settings),
    documents: trialDocuments,
  });

  function findingsIn(cache: ParsedDocuments, document: CardDocument, settings?: ServiceSettings): Finding[] {
    const text = document.getText();
    const kind = cardKindOf(document.uri);
    if (kind === 'markdown' && settings?.frontMatter === false) return [];
    const tooLarge = sizeAboveLimit(text, settings);
    if (tooLarge) return [tooLarge];
    const { located, card } = cache.get(document);
    switch (located.kind) {
      case 'no-front-matter':
        return [stsMissingFinding(firstLineSpan(text, 0), false, suggestFromMarkdown(index, suggester, text, 0))];
      case 'unclosed-front-matter':
        return [{
          code: 'yaml.syntax',
          ...located.open,
          message: "The front matter opened by this '---' is never closed: end it with a line holding only '---'.",
        }];
    }
    if (!card) return [];
    const cardSpan = located.kind === 'front-matter' ? located.open : rootSpan(card, text);
    const bodyStart = located.kind === 'front-matter' ? located.close.end : text.length;
    const all = [...card.syntaxFindings, ...checkCard(kind, card, cardSpan, { suggester, body: text.slice(bodyStart), bodyStart, fileText: text })];
    return applySuppressions(all, text, located.yamlStart, located.yamlEnd);
  }

  /** Schema and rules, once the YAML has given a value (syntax errors alone otherwise). */
  function checkCard(kind: CardKind, card: ParsedCard, cardSpan: Span, prose: Prose): Finding[] {
    if (card.value === undefined && card.syntaxFindings.length > 0) return [];
    // An empty card is an empty mapping, not a type error.
    const value = card.value ?? {};
    const schemaFindings = checkSchema(card, value, schema, cardSpan, valueAliases);
    if (typeof value !== 'object' || Array.isArray(value)) return schemaFindings;
    const context = createRuleContext(kind, card, value, index, cardSpan, prose);
    return [...schemaFindings, ...RULES.flatMap(rule => rule(context))];
  }

  // A card above the size limit is not parsed for anything: the editor stays responsive.
  const small = (document: CardDocument, settings?: ServiceSettings) => !sizeAboveLimit(document.getText(), settings);
  return {
    findings,
    validate: (document, settings) => toDiagnostics(document, findings(document, settings), settings),
    hover: (document, position, settings) => small(document, settings) ? hoverProvider.hover(document, position, settings) : null,
    complete: (document, position, settings) => small(document, settings)
      ? completionProvider.complete(document, position, settings)
      : { isIncomplete: false, items: [] },
    // Code actions get no settings: the default limit applies.
    codeActions: (document, range, diagnostics, only) => small(document)
      ? codeActionProvider.codeActions(document, range, diagnostics, { only })
      : [],
    fixAll: (document, settings) => small(document, settings) ? codeActionProvider.fixAll(document, settings) : [],
    symbols(document, settings, symbolOptions) {
      if (!small(document, settings)) return [];
      return documentSymbols(documents.get(document), document, { frontMatter: settings?.frontMatter, headings: symbolOptions?.headings });
    },
    links(document, settings) {
      if (!small(document, settings) || (cardKindOf(document.uri) === 'markdown' && settings?.frontMatter === false)) return [];
      return documentLinks(documents.get(document), document, index);
    },
    lineage(document, settings) {
      if (!small(document, settings)) return undefined;
      const parsed = documents.get(document);
      if (!parsed.card) return undefined;
      return {
        identity: cardIdentity(parsed.card.value, document.uri),
        baseModels: baseModelReferences(parsed),
        definition: definitionSpan(parsed),
      };
    },
    summarize(document, settings, known) {
      // The caller's findings of this very version, when it has them: the rules run once.
      const cardFindings = known ?? findings(document, settings);
      if (!small(document, settings)) return undefined;
      const { located, card, text } = documents.get(document);
      if (located.kind === 'unclosed-front-matter' || (located.kind !== 'no-front-matter' && !card)) return undefined;
      const bodyStart = located.kind === 'front-matter' ? located.close.end : located.kind === 'no-front-matter' ? 0 : text.length;
      const stsKey = card ? keySpan(card, ['sts']) : undefined;
      return summarizeCard(index, {
        uri: document.uri, value: card?.value, findings: cardFindings, body: text.slice(bodyStart), stsOffset: stsKey?.start, settings,
      });
    },
    landscape: (cards, landscapeOptions) => buildLandscape(index, cards, landscapeOptions),
    forget: uri => documents.forget(uri),
  };
}

/** The first key of a standalone card, or its first non-blank line. */
function rootSpan(card: ParsedCard, text: string): Span {
  const contents = card.document.contents;
  if (isMap(contents) && contents.items[0]?.key && (contents.items[0].key as { range?: number[] }).range) {
    const range = (contents.items[0].key as { range: number[] }).range;
    return { start: card.base + range[0], end: card.base + range[1] };
  }
  const firstContent = text.search(/\S/);
  return firstLineSpan(text, firstContent === -1 ? 0 : firstContent);
}

function firstLineSpan(text: string, from: number): Span {
  const end = text.slice(from).search(/\r|\n/);
  return { start: from, end: end === -1 ? text.length : from + end };
}
