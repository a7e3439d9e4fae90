/**
 * Hover for model cards: what a key of the card format means, and for a value that is a
 * knowledge id (family, posture, sub-category, license, known model) the facts the knowledge
 * base holds about it. Pure: text and a position in, an LSP `Hover` out.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { HoverContent } from './hover/content';
import { patternOf } from './hover/keyDocs';
import { isLinkKey, linkValueMarkdown } from './hover/linkValue';
import type { KnowledgeIndex } from './knowledgeIndex';
import { NodeAt, nodeAtOffset } from './nodeAt';
import type { CardDocument, ServiceSettings } from './types';
import { CardAtPosition, cardAtPosition, ParsedDocuments } from './parsedDocuments';
import { paragraphs } from './hover/markdown';
import { readCardProse } from './rules/proseText';
import type { FamilySuggester } from './suggest';
import { lookup, ParsedCard } from './yamlCard';

export interface HoverProvider {
  /**
   * The hover at a position, or null: outside the card (a Markdown body, the `---` markers),
   * on punctuation, on an empty value, on a value with nothing to say (free text, an unknown
   * id, an unknown base model), or when front matter checks are off for a Markdown card.
   * Never throws.
   */
  hover(document: CardDocument, position: Position, settings?: ServiceSettings): Hover | null;
}

/** Where the hover also tells what the suggester reads in the card's prose. */
const PROSE_READING_KEYS = new Set(['sts.family', 'sts.architecture']);

export function createHoverProvider(index: KnowledgeIndex, documents: ParsedDocuments, suggester: FamilySuggester, origins?: ReadonlyMap<string, string>): HoverProvider {
  const content = new HoverContent(index, origins);

  const proseReading = (document: CardDocument, at: CardAtPosition): string => {
    const { prose, reading } = readCardProse(suggester, at.card, at.card.value, at.text, at.bodyStart);
    return content.proseReading({
      ranked: reading.ranked(),
      threshold: suggester.threshold,
      documentSpan: span => prose.documentSpan(span),
      lineOf: offset => document.positionAt(offset).line + 1,
    });
  };

  const markdownFor = (card: ParsedCard, node: NodeAt, reading: () => string): string | undefined => {
    const pattern = patternOf(node.path);
    if (PROSE_READING_KEYS.has(pattern) && (node.on === 'key' || pattern === 'sts.architecture')) {
      return paragraphs(node.on === 'key' ? content.key(pattern) : undefined, reading());
    }
    if (node.on === 'key') return content.key(pattern);
    if (typeof node.value !== 'string') return undefined;
    const value = node.value.trim();
    if (isLinkKey(pattern)) return linkValueMarkdown(pattern, value);
    switch (pattern) {
      case 'sts.family': {
        // An unknown family has a schema diagnostic; the hover stays for ids it can explain.
        const family = content.family(value);
        return family && paragraphs(family, reading());
      }
      case 'sts.licensing.posture':
      case 'sts.licensing.siblings[].posture':
        return content.posture(value);
      case 'sts.subcategories[]':
        return content.subcategory(value);
      case 'license':
      case 'license[]':
        return value === 'other' ? content.otherLicense(scalarText(card, ['license_name'])) : content.license(value);
      case 'sts.licensing.code':
        return content.license(value);
      case 'license_name':
        return content.licenseNamed(value);
      case 'base_model':
      case 'base_model[]':
      case 'sts.name':
      case 'sts.licensing.siblings[].name':
        return content.model(value);
      default:
        return content.value(pattern, value);
    }
  };

  return {
    hover(document, position, settings) {
      try {
        const at = cardAtPosition(documents, document, position, settings);
        if (!at) return null;
        const { card, offset } = at;
        const node = nodeAtOffset(card, offset);
        if (!node || node.empty) return null;
        const value = markdownFor(card, node, () => proseReading(document, at));
        if (value === undefined) return null;
        return {
          contents: { kind: 'markdown', value },
          range: { start: document.positionAt(node.span.start), end: document.positionAt(node.span.end) },
        };
      } catch {
        // A hover is never worth an error: a document the parser chokes on simply has none.
        return null;
      }
    },
  };
}

/** A top-level text value of the card (`license_name`), read from the YAML even when it has errors. */
function scalarText(card: ParsedCard, path: readonly string[]): string | undefined {
  const node = lookup(card, path)?.node;
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const text = String(node.value).trim();
  return text === '' ? undefined : text;
}
