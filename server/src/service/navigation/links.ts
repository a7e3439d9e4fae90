/**
 * Document links of a card: values that name something with a web page. Pure: a parsed document
 * in, LSP `DocumentLink`s out; nothing is fetched. Each link covers exactly the value's text (not
 * its quotes, not a block scalar's header), so the editor underlines what the user wrote.
 *
 * - `license_link`: an http(s) URL (a path in the model repository is no link here, as in the hover);
 * - `base_model` (text or a list) and `new_version`: a Hub model id → its Hub page;
 * - `sts.name` and `sts.licensing.siblings[].name`: a known model → its first Hub id's page;
 * - `datasets` (text or a list): a Hub dataset id → its Hub page;
 * - under `sts`, any value that is an http(s) URL (`sts.consent.policy_link`, a latency `source`).
 *
 * Only http and https URLs are ever targets: a card can never make the editor open `file:`,
 * `command:` or `javascript:` links.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { Span } from '../findings';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { ParsedDocument } from '../parsedDocuments';
import { positionsOf } from '../positions';
import type { CardDocument } from '../types';
import { lookup, ParsedCard } from '../yamlCard';

export const HUB = 'https://huggingface.co';

/** A link in offsets. */
export interface OffsetLink {
  readonly span: Span;
  readonly target: string;
  readonly tooltip: string;
}

/** The card's links in document order, or none when it has no card. Never throws. */
export function documentLinks(parsed: ParsedDocument, document: CardDocument, index: KnowledgeIndex): DocumentLink[] {
  const links = offsetLinks(parsed, index);
  const positionAt = positionsOf(document, links.flatMap(link => [link.span.start, link.span.end]));
  return links.map(link => ({
    range: { start: positionAt(link.span.start), end: positionAt(link.span.end) },
    target: link.target,
    tooltip: link.tooltip,
  }));
}

/** The same links in offsets (what the tests read). */
export function offsetLinks(parsed: ParsedDocument, index: KnowledgeIndex): OffsetLink[] {
  const { card, text } = parsed;
  if (!card) return [];
  try {
    return collectLinks(card, text, index);
  } catch {
    return [];
  }
}

function collectLinks(card: ParsedCard, text: string, index: KnowledgeIndex): OffsetLink[] {
  const links: OffsetLink[] = [];
  const add = (node: unknown, make: (value: string) => Omit<OffsetLink, 'span'> | undefined) => {
    const exact = exactValue(text, card, node);
    if (!exact) return;
    const link = make(exact.value);
    if (link) links.push({ span: exact.span, ...link });
  };
  const each = (path: readonly string[], make: (value: string) => Omit<OffsetLink, 'span'> | undefined) => {
    const node = lookup(card, path)?.node;
    if (isSeq(node)) for (const item of node.items) add(item, make);
    else add(node, make);
  };

  add(lookup(card, ['license_link'])?.node, value => {
    const url = webUrl(value);
    return url ? { target: url, tooltip: `Open the license text (${url})` } : undefined;
  });
  each(['base_model'], value => modelLink(value, index, 'the base model'));
  add(lookup(card, ['new_version'])?.node, value => modelLink(value, index, 'the newer version'));
  each(['datasets'], value => isHubId(value)
    ? { target: `${HUB}/datasets/${value}`, tooltip: `Open the dataset ${value} on the Hugging Face Hub` }
    : undefined);

  const knownModel = (value: string) => {
    const model = index.modelNamed(value);
    const hubId = model?.hub_ids[0];
    return model && hubId ? { target: `${HUB}/${hubId}`, tooltip: `Open ${model.name} on the Hugging Face Hub (${hubId})` } : undefined;
  };
  add(lookup(card, ['sts', 'name'])?.node, knownModel);
  const siblings = lookup(card, ['sts', 'licensing', 'siblings'])?.node;
  if (isSeq(siblings)) {
    for (const sibling of siblings.items) {
      if (!isMap(sibling)) continue;
      add(sibling.items.find(pair => isScalar(pair.key) && pair.key.value === 'name')?.value, knownModel);
    }
  }

  // Any web URL under `sts`: the consent policy, a latency figure's source, whatever comes next.
  const linked = new Set(links.map(link => link.span.start));
  walkScalars(lookup(card, ['sts'])?.node, (node, key) => {
    const exact = exactValue(text, card, node);
    if (!exact || linked.has(exact.span.start)) return;
    const url = webUrl(exact.value);
    if (!url) return;
    const what = key === 'policy_link' ? 'the consent policy' : key === 'source' ? 'the source' : 'the link';
    links.push({ span: exact.span, target: url, tooltip: `Open ${what} (${url})` });
  });

  links.sort((a, b) => a.span.start - b.span.start);
  return links.filter((link, at) => at === 0 || link.span.start !== links[at - 1].span.start);
}

/** A Hub model id's page; a bare name that is a known model goes to the model's own Hub id. */
function modelLink(value: string, index: KnowledgeIndex, what: string): Omit<OffsetLink, 'span'> | undefined {
  if (!isHubId(value)) return undefined;
  if (!value.includes('/')) {
    const model = index.modelNamed(value);
    const hubId = model?.hub_ids[0];
    if (model && hubId) return { target: `${HUB}/${hubId}`, tooltip: `Open ${what} ${model.name} on the Hugging Face Hub (${hubId})` };
  }
  return { target: `${HUB}/${value}`, tooltip: `Open ${what} ${value} on the Hugging Face Hub` };
}

/** A Hub repository id: `owner/name`, or the bare name of the oldest repositories (`gpt2`). */
const HUB_ID = /^(?:[A-Za-z0-9][\w.-]*\/)?[A-Za-z0-9][\w.-]*$/;

export function isHubId(value: string): boolean {
  return HUB_ID.test(value) && !value.includes('..') && value.length <= 200;
}

/** The normalised URL when `value` is an absolute http(s) URL without spaces, else undefined. */
export function webUrl(value: string): string | undefined {
  if (/\s/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A text scalar's value (trimmed) and where exactly that text is in the file: a plain scalar's
 * range, a quoted one's inside, or the value found inside a block scalar. Undefined for anything
 * else, and when the value is not written as-is (escapes, a value folded over lines), since a
 * link or a reference must cover text equal to its value.
 */
export function exactValue(text: string, card: ParsedCard, node: unknown): { value: string; span: Span } | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value.trim();
  if (value === '') return undefined;
  const start = card.base + node.range[0];
  const end = card.base + node.range[1];
  const raw = text.slice(start, end);
  let from = start;
  let inner = raw;
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && raw.length >= 2) {
    from = start + 1;
    inner = raw.slice(1, raw.endsWith(raw[0]) ? -1 : undefined);
  }
  const at = inner.indexOf(value);
  if (at === -1) return undefined;
  // A quoted value must be the quotes' whole content, but for spaces around it.
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && inner.trim() !== value) return undefined;
  return { value, span: { start: from + at, end: from + at + value.length } };
}

/** Every scalar under a node, with the key it is the value of (a list item: its list's key). */
function walkScalars(root: unknown, visit: (node: Node, key: string | undefined) => void): void {
  const stack: { node: unknown; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (isScalar(node)) visit(node, key);
    else if (isMap(node)) {
      for (const pair of node.items) stack.push({ node: pair.value, key: isScalar(pair.key) ? String(pair.key.value) : undefined });
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, key });
    }
  }
}
