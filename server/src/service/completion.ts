/**
 * Completion for model cards: the keys of the card format (top-level Hub keys, `sts` and its
 * nested mappings, minus the keys already there) and the values of a key: the schema's enums and
 * booleans, license ids and names, known models' Hub ids. Pure: text and a position in, an LSP
 * `CompletionList` out. Keys and enum values come from the card's zod schema; the item lists are
 * built once per provider (see completion/catalog.ts).
 */
import { CompletionItem, CompletionList, InsertTextFormat, Position, Range } from 'vscode-languageserver-types';
import type { z } from 'zod';
import { buildCardSchema } from './cardSchema';
import { CompletionCatalog, ItemTemplate } from './completion/catalog';
import { Site, siteAt } from './completion/site';
import { snippetCompletions, snippetContextAt } from './completion/snippets';
import type { KnowledgeIndex } from './knowledgeIndex';
import type { CardDocument, ServiceSettings } from './types';
import { cardAtPosition, ParsedDocuments } from './parsedDocuments';

export interface CompletionProvider {
  /**
   * The completions at a position: empty outside the card (a Markdown body, the `---` markers,
   * a Markdown file without front matter), where nothing is known (free text, numbers), when
   * front matter checks are off for a Markdown card, and for YAML it cannot make sense of.
   * Never throws.
   */
  complete(document: CardDocument, position: Position, settings?: ServiceSettings): CompletionList;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** One catalog per knowledge index and schema, however many providers are made over them. */
const catalogs = new WeakMap<KnowledgeIndex, WeakMap<object, CompletionCatalog>>();

function catalogFor(index: KnowledgeIndex, schema: z.core.$ZodType): CompletionCatalog {
  let bySchema = catalogs.get(index);
  if (!bySchema) catalogs.set(index, bySchema = new WeakMap());
  let catalog = bySchema.get(schema);
  if (!catalog) bySchema.set(schema, catalog = new CompletionCatalog(index, schema));
  return catalog;
}

/**
 * @param index the knowledge base's lookups (licenses, models, taxonomy)
 * @param documents the service's shared parse cache
 * @param schema the card schema; by default built from the knowledge base's Hub vocabulary,
 *   as the service builds it
 */
export function createCompletionProvider(index: KnowledgeIndex, documents: ParsedDocuments, schema: z.core.$ZodType = buildCardSchema(index.knowledge.hub)): CompletionProvider {
  const catalog = catalogFor(index, schema);

  return {
    complete(document, position, settings) {
      try {
        const at = cardAtPosition(documents, document, position, settings);
        if (!at) return EMPTY;
        const { card, text, offset } = at;
        const site = siteAt(card, text, offset, schema);
        // Blocks (the `sts` block, a licensing block for `license: other`, a base model relation)
        // where a top-level key may go.
        const snippetSite = snippetContextAt(card, text, offset, schema);
        const snippets = snippetSite ? snippetCompletions(snippetSite, index.knowledge, o => document.positionAt(o), schema) : [];
        if (!site) return snippets.length > 0 ? { isIncomplete: false, items: snippets } : EMPTY;
        const range: Range = { start: document.positionAt(site.range.start), end: document.positionAt(site.range.end) };
        return { isIncomplete: false, items: [...itemsFor(site, range), ...snippets] };
      } catch {
        // Completion runs on half-typed text: a document the parser chokes on has none.
        return EMPTY;
      }
    },
  };

  function itemsFor(site: Site, range: Range): CompletionItem[] {
    const lead = site.spaceBefore ? ' ' : '';
    if (site.kind === 'key') {
      const tail = site.colonFollows ? '' : ': ';
      return catalog.keys(site.mapPath)
        .filter(template => !site.present.has(template.label))
        .map(template => toItem(template, range, `${lead}${template.text}${tail}`));
    }
    return catalog.values(site.path)
      .filter(template => !site.siblings.has(template.text))
      .map(template => toItem(template, range, `${lead}${template.text}`));
  }
}

function toItem(template: ItemTemplate, range: Range, newText: string): CompletionItem {
  const item: CompletionItem = {
    label: template.label,
    kind: template.kind,
    sortText: template.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText },
  };
  if (template.detail) item.detail = template.detail;
  if (template.documentation) item.documentation = { kind: 'markdown', value: template.documentation };
  if (template.filterText) item.filterText = template.filterText;
  return item;
}
