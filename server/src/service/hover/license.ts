/** Hovers for license ids: the facts a user needs before shipping under the license. */
import type { License } from '../../knowledge/schema';
import { bullets, code, link, paragraphs, sourceLine, text } from './markdown';

const CREDIT: Record<License['credit'], string> = {
  'required': 'required',
  'not-required': 'not required',
  'unknown': 'unknown',
};

const DERIVATIVES: Record<License['derivatives_keep_terms'], string> = {
  'yes': 'yes',
  'no': 'no',
  'not-allowed': 'derivatives not allowed',
  'unknown': 'unknown',
};

function fact(label: string, value: string, note: string | undefined): string {
  return `**${label}:** ${value}${note ? `. ${text(note)}` : ''}`;
}

/** The license's facts: commercial use, credit, derivatives, its landscape note, its links. */
export function licenseMarkdown(license: License): string {
  const facts = [
    fact('Commercial use', license.commercial_use, license.commercial_note),
    fact('Credit', CREDIT[license.credit], license.credit_note),
    fact('Derivatives keep its terms', DERIVATIVES[license.derivatives_keep_terms], license.derivatives_note),
  ];
  if (!license.hub) {
    facts.push(`**Hub id:** no; a card names it with \`license: other\` and ${code(`license_name: ${license.id}`)}`);
  }
  const links = [license.url ? link('License text', license.url) : undefined, sourceLine(license.source, false)]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
  return paragraphs(
    `**${text(license.name)}** · ${code(license.id)}`,
    bullets(facts),
    license.article_note ? `> **Note on the landscape article:** ${text(license.article_note)}` : undefined,
    links,
  );
}

/**
 * `license: other`: what it means, then the license that `license_name` names, when this
 * knowledge base knows it. `licenseName` is the card's `license_name` as written.
 */
export function otherLicenseMarkdown(other: License | undefined, licenseName: string | undefined, named: License | undefined): string {
  const title = `**${text(other?.name ?? 'Other')}** · \`other\``;
  const meaning = 'The weights are under a license the Hub does not list: `license_name` names it and `license_link` points to its text.';
  let resolution: string;
  if (licenseName === undefined) resolution = 'This card has no `license_name` yet.';
  else if (named) resolution = `${code(`license_name: ${licenseName}`)} is the ${text(named.name)}:`;
  else resolution = `${code(`license_name: ${licenseName}`)} is not a license this checker knows; read the text at \`license_link\`.`;
  return paragraphs(
    title,
    meaning,
    resolution,
    named ? `---\n\n${licenseMarkdown(named)}` : (other ? sourceLine(other.source) : undefined),
  );
}
