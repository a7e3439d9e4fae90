/**
 * The pure half of go-to-definition and find-references across cards: which base models a card
 * names (with where), which names another card may use for this one, and whether a `base_model`
 * value points at a card. The server keeps an index of the workspace's cards over these.
 *
 * A `base_model` value is a Hub id, `owner/name` (or a bare name). It points at a workspace card
 * when its name part, or the whole bare value, normalizes (knowledgeIndex.normalizeName: case,
 * spaces and underscores) to one of the card's names:
 * - its `sts.name` ("PersonaPlex" for `nvidia/personaplex`);
 * - its `model-index[].name` entries (the Hub's own record of the model's name);
 * - its place: the folder of a `README.md`, `MODEL_CARD.md` or `modelcard.yaml`
 *   (`…/moshiko-pytorch-bf16/README.md` for `kyutai/moshiko-pytorch-bf16`), else the file's stem
 *   (`personaplex.modelcard.yaml`).
 * The owner part is not compared: a workspace holds a card under a folder of its name, seldom
 * under its owner's.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Span } from '../findings';
import { normalizeName } from '../knowledgeIndex';
import type { ParsedDocument } from '../parsedDocuments';
import { keySpan, lookup } from '../yamlCard';
import { exactValue } from './links';

export interface BaseModelReference {
  /** The value as written (trimmed), e.g. `kyutai/moshiko-pytorch-bf16`. */
  readonly value: string;
  /** Exactly the value's text (no quotes), in file offsets. */
  readonly span: Span;
}

/** Each `base_model` entry (text, or each text item of a list) with its span, in document order. */
export function baseModelReferences(parsed: ParsedDocument): BaseModelReference[] {
  const { card, text } = parsed;
  if (!card) return [];
  try {
    const node = lookup(card, ['base_model'])?.node;
    const items = isSeq(node) ? node.items : [node];
    return items.flatMap(item => {
      const exact = exactValue(text, card, item);
      return exact ? [{ value: exact.value, span: exact.span }] : [];
    });
  } catch {
    return [];
  }
}

/** The `base_model` reference under an offset (a cursor at its end counts), if any. */
export function baseModelReferenceAt(parsed: ParsedDocument, offset: number): BaseModelReference | undefined {
  return baseModelReferences(parsed).find(reference => reference.span.start <= offset && offset <= reference.span.end);
}

export interface CardIdentity {
  /** Normalized (normalizeName) names another card's `base_model` may use for this card; no duplicates. */
  readonly names: string[];
}

/**
 * The names a card goes by, from its value (the parsed card, or undefined when it has none) and
 * its URI.
 */
export function cardIdentity(value: unknown, uri: string): CardIdentity {
  const names = new Set<string>();
  const add = (name: unknown) => {
    if (typeof name !== 'string') return;
    const normalized = normalizeName(name);
    if (normalized !== '' && !normalized.includes('/')) names.add(normalized);
  };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const card = value as Record<string, unknown>;
    const sts = card.sts;
    if (sts && typeof sts === 'object' && !Array.isArray(sts)) add((sts as Record<string, unknown>).name);
    const modelIndex = card['model-index'];
    if (Array.isArray(modelIndex)) {
      for (const entry of modelIndex) if (entry && typeof entry === 'object') add((entry as Record<string, unknown>).name);
    }
  }
  add(placeName(uri));
  return { names: [...names] };
}

/** Whether a `base_model` value points at the card with this identity. */
export function matchesBaseModel(value: string, identity: CardIdentity): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || identity.names.length === 0) return false;
  const parts = trimmed.split('/');
  // A Hub id has one slash at most; anything else is no id of a card.
  if (parts.length > 2 || parts.some(part => part.trim() === '')) return false;
  const name = normalizeName(parts[parts.length - 1]);
  return identity.names.includes(name);
}

/** File names that say nothing of the model: the folder names it. */
const GENERIC_CARD_FILE = /^(readme\.md|model_card\.md|modelcard\.ya?ml)$/i;

/** The folder of a generic card file, else the file's stem (`x.modelcard.yaml` → `x`); undefined for untitled documents. */
export function placeName(uri: string): string | undefined {
  const scheme = /^([A-Za-z][\w+.-]*):/.exec(uri);
  if (scheme && scheme[1].toLowerCase() === 'untitled') return undefined;
  let path = uri.slice(scheme ? scheme[0].length : 0).replace(/[?#].*$/, '');
  // `//authority/path`: the authority (a host, often empty) is no folder.
  if (path.startsWith('//')) {
    const slash = path.indexOf('/', 2);
    path = slash === -1 ? '' : path.slice(slash);
  }
  const segments = path.split(/[/\\]/).filter(segment => segment !== '').map(segment => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const file = segments[segments.length - 1];
  if (!file) return undefined;
  if (GENERIC_CARD_FILE.test(file)) {
    const folder = segments[segments.length - 2];
    // A Windows drive (`c:`) is no folder name.
    return folder && !/^[A-Za-z]:$/.test(folder) ? folder : undefined;
  }
  const stem = file.replace(/\.modelcard\.(ya?ml|md)$/i, '').replace(/\.(ya?ml|md|markdown)$/i, '');
  return stem === '' ? undefined : stem;
}

/**
 * Where a go-to-definition that lands on this card goes: its `sts.name` value, else its `sts`
 * key, else its first key, else the start of its YAML (the start of the file without a card).
 */
export function definitionSpan(parsed: ParsedDocument): Span {
  const { card, text } = parsed;
  if (!card) return { start: 0, end: 0 };
  try {
    const name = exactValue(text, card, lookup(card, ['sts', 'name'])?.node);
    if (name) return name.span;
    const sts = keySpan(card, ['sts']);
    if (sts) return sts;
    const root = card.document.contents;
    const first = isMap(root) ? root.items[0]?.key : undefined;
    if (isScalar(first) && first.range) return { start: card.base + first.range[0], end: card.base + first.range[1] };
  } catch {
    // The start of the card will do.
  }
  return { start: card.base, end: card.base };
}
