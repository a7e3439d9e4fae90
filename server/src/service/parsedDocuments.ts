/**
 * The parse of each open document, shared by diagnostics, hover, completion and code actions:
 * one `yaml` parse per document version. Keyed by URI and checked against the version and the
 * text itself, so ad-hoc documents that reuse a URI and version (tests, the CLI) are never stale.
 */
import { cardKindOf, LocatedCard, locateCard } from './cardLocator';
import type { CardDocument, CardKind } from './types';
import { parseCard, ParsedCard } from './yamlCard';

export interface ParsedDocument {
  readonly version: number;
  readonly text: string;
  readonly kind: CardKind;
  readonly located: LocatedCard;
  /** The parsed YAML, when the file has a card (a standalone file, or a closed front matter). */
  readonly card?: ParsedCard;
}

/** Open documents are few; the cache only has to hold those being edited and hovered. */
const CAPACITY = 64;

export class ParsedDocuments {
  private readonly entries = new Map<string, ParsedDocument>();

  get(document: CardDocument): ParsedDocument {
    const text = document.getText();
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.text === text) return cached;
    const kind = cardKindOf(document.uri);
    const located = locateCard(text, kind);
    const card = located.kind === 'yaml' || located.kind === 'front-matter'
      ? parseCard(text, located.yamlStart, located.yamlEnd)
      : undefined;
    const parsed: ParsedDocument = { version: document.version, text, kind, located, card };
    this.entries.delete(document.uri);
    this.entries.set(document.uri, parsed);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
