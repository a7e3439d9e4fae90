/**
 * The parse of each open document, shared by diagnostics, hover, completion and code actions:
 * one `yaml` parse per document version. Keyed by URI and checked against the version and the
 * text itself, so ad-hoc documents that reuse a URI and version (tests, the CLI) are never stale.
 * A new version whose YAML is the last version's, at the same offset (a keystroke in a README's
 * body), keeps the last parse: a parsed card depends on nothing else.
 */
import { cardKindOf, LocatedCard, locateCard } from './cardLocator';
import type { Position } from 'vscode-languageserver-types';
import type { CardDocument, CardKind, ServiceSettings } from './types';
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
    // Unless its card is kept below, the former version's tree is garbage from here on, so the
    // collections during this parse need not copy or keep it.
    this.entries.delete(document.uri);
    const kind = cardKindOf(document.uri);
    const located = locateCard(text, kind);
    const card = located.kind === 'yaml' || located.kind === 'front-matter'
      ? sameCard(cached, text, located.yamlStart, located.yamlEnd) ?? parseCard(text, located.yamlStart, located.yamlEnd)
      : undefined;
    const parsed: ParsedDocument = { version: document.version, text, kind, located, card };
    this.entries.set(document.uri, parsed);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

/** The last version's parsed card when its YAML is `text`'s between `yamlStart` and `yamlEnd`. */
function sameCard(last: ParsedDocument | undefined, text: string, yamlStart: number, yamlEnd: number): ParsedCard | undefined {
  const card = last?.card;
  if (!card || card.base !== yamlStart || last.located.kind === 'no-front-matter' || last.located.kind === 'unclosed-front-matter') return undefined;
  if (last.located.yamlEnd !== yamlEnd) return undefined;
  return text.startsWith(last.text.slice(yamlStart, yamlEnd), yamlStart) ? card : undefined;
}

export interface CardAtPosition {
  readonly text: string;
  readonly card: ParsedCard;
  readonly offset: number;
  /** Where the Markdown body starts (the end of the file for a standalone card). */
  readonly bodyStart: number;
}

/**
 * The card under a position, for hover and completion: undefined in a Markdown body, on the
 * `---` markers, outside any card, or when front-matter checks are off for a Markdown file.
 */
export function cardAtPosition(documents: ParsedDocuments, document: CardDocument, position: Position, settings?: ServiceSettings): CardAtPosition | undefined {
  const parsed = documents.get(document);
  if (!parsed.card || (parsed.kind === 'markdown' && settings?.frontMatter === false)) return undefined;
  const { located } = parsed;
  if (located.kind !== 'yaml' && located.kind !== 'front-matter') return undefined;
  const offset = document.offsetAt(position);
  // The front matter ends where its closing `---` line starts; a standalone card at its end.
  const inside = located.kind === 'front-matter'
    ? offset >= located.yamlStart && offset < located.yamlEnd
    : offset >= located.yamlStart && offset <= located.yamlEnd;
  const bodyStart = located.kind === 'front-matter' ? located.close.end : parsed.text.length;
  return inside ? { text: parsed.text, card: parsed.card, offset, bodyStart } : undefined;
}
