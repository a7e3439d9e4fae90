/**
 * The licenses a card declares, resolved against the knowledge base once per validation and
 * shared by the posture, commercial-use and lineage rules.
 */
import type { License } from '../../knowledge/schema';
import type { KeyPath } from '../yamlCard';
import { asText, RuleContext } from './context';

export interface DeclaredLicense {
  /** `weights` for the top-level `license`, `code` for `sts.licensing.code`. */
  readonly role: 'weights' | 'code';
  readonly license: License;
  /** Where the card names it: the `license` value (or `license_name` under `other`), or `licensing.code`. */
  readonly path: KeyPath;
}

export function declaredLicenses(context: RuleContext): DeclaredLicense[] {
  const declared: DeclaredLicense[] = [];
  const licenseName = asText(context.get(['license_name']));
  const weights = context.get(['license']);
  const weightIds: [unknown, KeyPath][] = Array.isArray(weights)
    ? weights.map((id, index) => [id, ['license', index]])
    : [[weights, ['license']]];
  for (const [id, path] of weightIds) {
    if (typeof id !== 'string') continue;
    const license = context.index.resolveDeclaredLicense(id, licenseName);
    if (license) declared.push({ role: 'weights', license, path: id === 'other' ? ['license_name'] : path });
  }
  const code = context.get(['sts', 'licensing', 'code']);
  if (typeof code === 'string') {
    const license = context.index.resolveDeclaredLicense(code, undefined);
    if (license) declared.push({ role: 'code', license, path: ['sts', 'licensing', 'code'] });
  }
  return declared;
}

/** "cc-by-nc-4.0 (source: CC BY-NC 4.0 deed)": a license id with where its facts were read. */
export function cite(license: License): string {
  return `${license.id} (source: ${license.source.name})`;
}

export function describeRole(declared: DeclaredLicense): string {
  return declared.role === 'weights' ? `the weights license ${declared.license.id}` : `the code license ${declared.license.id}`;
}

/** "The code license cc-by-nc-4.0 is declared here.": the related-information line for a license. */
export function declaredHere(declared: DeclaredLicense): string {
  const role = describeRole(declared);
  return `${role[0].toUpperCase()}${role.slice(1)} is declared here.`;
}
