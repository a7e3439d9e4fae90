/** Helpers the fix groups share: where things are in the card, and what can be inferred from it. */
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { License } from '../../knowledge/schema';
import type { KnowledgeIndex } from '../knowledgeIndex';
import { KeyPath, lookup } from '../yamlCard';
import { CardText, isEmptyValue, NodeHit } from './cardText';
import { Edit, fillEmptyPair, findPair, replaceNode, replaceScalar } from './edits';
import type { NewValue } from './newValues';
import type { Fix } from './types';

/** The mapping at a key path, if the card has one there. */
export function mapAt(ct: CardText, path: KeyPath): YAMLMap | undefined {
  if (!ct.card) return undefined;
  const node = path.length === 0 ? ct.card.document.contents : lookup(ct.card, path)?.node;
  return isMap(node) ? node : undefined;
}

/** The plain value at a key path. */
export function valueAt(ct: CardText, path: KeyPath): unknown {
  let value = ct.card?.value;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** A text value, or undefined when absent or blank. */
export function textAt(ct: CardText, path: KeyPath): string | undefined {
  const value = valueAt(ct, path);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Sets the value a diagnostic points at: its scalar (keeping the quoting style), its flow
 * collection, or, when the range is on a key with an empty value, that empty value.
 */
export function setHitValue(ct: CardText, hit: NodeHit | undefined, value: string | NewValue): Edit | undefined {
  if (!hit?.node || !ct.card) return undefined;
  const newValue: NewValue = typeof value === 'string' ? { scalar: value } : value;
  const node = hit.isKey ? hit.pair?.value : hit.node;
  if (hit.isKey && isEmptyValue(node)) return hit.pair ? fillEmptyPair(ct, hit.pair, newValue, isMap(hit.parent) ? hit.parent : undefined) : undefined;
  if (isScalar(node) && typeof value === 'string') return replaceScalar(ct, node, value);
  if (isScalar(node) || (isMap(node) || isSeq(node)) && node.flow) {
    return replaceNode(ct, node as Node, typeof value === 'string' ? { scalar: value } : value);
  }
  return undefined;
}

/** The text a Markdown card holds after its front matter (what the family suggester reads). */
export function bodyOf(ct: CardText): string {
  if (ct.kind !== 'markdown') return '';
  if (ct.located.kind === 'front-matter') return ct.text.slice(ct.located.close.end);
  if (ct.located.kind === 'no-front-matter') return ct.text;
  return '';
}

/** Names at least this long are matched in prose ("MIT" alone is too easily a word). */
const MIN_NAME_LENGTH = 6;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The licenses a text names, by the license's name or an alias, case-insensitively, as whole
 * words; in the order the text first names them.
 */
export function licensesNamedIn(text: string, licenses: readonly License[]): License[] {
  const found: { license: License; at: number }[] = [];
  for (const license of licenses) {
    let at = Infinity;
    for (const name of [license.name, ...license.aliases]) {
      if (name.length < MIN_NAME_LENGTH || !/[\s-]/.test(name)) continue;
      const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(name).replace(/[\s-]+/g, '[\\s-]+')}(?![A-Za-z0-9])`, 'i');
      const match = pattern.exec(text);
      if (match && match.index < at) at = match.index;
    }
    if (at < Infinity) found.push({ license, at });
  }
  return found.sort((a, b) => a.at - b.at).map(entry => entry.license);
}

/** Every license the card declares (weights and code), resolved against the knowledge base. */
export function declaredLicenses(ct: CardText, index: KnowledgeIndex): License[] {
  const declared: License[] = [];
  const licenseName = textAt(ct, ['license_name']);
  const weights = valueAt(ct, ['license']);
  for (const id of Array.isArray(weights) ? weights : [weights]) {
    if (typeof id !== 'string') continue;
    const license = index.resolveDeclaredLicense(id, licenseName);
    if (license) declared.push(license);
  }
  const code = valueAt(ct, ['sts', 'licensing', 'code']);
  if (typeof code === 'string') {
    const license = index.resolveDeclaredLicense(code, undefined);
    if (license) declared.push(license);
  }
  return declared;
}

/**
 * The posture the declared licenses imply, when they settle it: non-commercial when any forbids
 * commercial use, permissive when all allow it.
 */
export function impliedPosture(ct: CardText, index: KnowledgeIndex): 'permissive' | 'non-commercial' | undefined {
  const licenses = declaredLicenses(ct, index);
  if (licenses.some(license => license.commercial_use === 'no')) return 'non-commercial';
  if (licenses.length > 0 && licenses.every(license => license.commercial_use === 'yes')) return 'permissive';
  return undefined;
}

/**
 * Normalizes a fix's edits: sorted, touching deletions and insertions at one offset merged (in the
 * order given), so an LSP client gets non-overlapping edits.
 */
export function mergeEdits(edits: readonly (Edit | undefined)[]): Edit[] | undefined {
  if (edits.some(edit => edit === undefined)) return undefined;
  const sorted = (edits as Edit[]).map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(entry => entry.edit);
  const merged: Edit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && edit.start === last.end && (last.start === last.end || edit.start === edit.end || last.newText === '' || edit.newText === '')) {
      merged[merged.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    } else if (last && edit.start < last.end) {
      return undefined;
    } else {
      merged.push(edit);
    }
  }
  return merged;
}

/** A fix from edits, or nothing when one of them could not be made. */
export function fix(title: string, edits: readonly (Edit | undefined)[], safe: boolean, preferred?: boolean): Fix[] {
  const merged = mergeEdits(edits);
  if (!merged || merged.length === 0) return [];
  return [{ title, edits: merged, safe, preferred }];
}

/** The top-level pair named `key`, if any. */
export function topPair(ct: CardText, key: string) {
  const root = mapAt(ct, []);
  return root ? findPair(root, key) : undefined;
}
