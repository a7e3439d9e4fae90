/**
 * License facts of the knowledge base put into words for a new card: what a license allows, what a
 * derivative inherits from its base model's license, and where those facts were read. The facts
 * and notes are the knowledge base's; only the connecting words are written here.
 */
import type { KnownModel, License, PostureId } from '../../knowledge/schema';

const COMMERCIAL: Record<License['commercial_use'], string> = {
  yes: 'commercial use allowed',
  no: 'no commercial use',
  conditional: 'commercial use only under its conditions',
  unknown: 'commercial use not recorded',
};

const CREDIT: Record<License['credit'], string> = {
  required: 'credit required',
  'not-required': 'no credit required',
  unknown: 'credit terms not recorded',
};

const DERIVATIVES: Record<License['derivatives_keep_terms'], string> = {
  yes: 'a derivative must stay under the same license',
  no: 'a derivative may carry other terms',
  'not-allowed': 'no derivatives may be shared',
  unknown: 'derivative terms not recorded',
};

/** "Apache License 2.0 text, section 4. Redistribution (https://…)": where the facts were read. */
export function sourceOf(license: License): string {
  const { name, section, url } = license.source;
  return `${name}${section ? `, section ${section.replace(/^section\s+/i, '')}` : ''}${url ? ` (${url})` : ''}`;
}

/** One line: what a derivative of `model` inherits from its weights license, with the source. */
export function inheritedTerms(model: KnownModel, license: License): string {
  const facts = [COMMERCIAL[license.commercial_use], CREDIT[license.credit], DERIVATIVES[license.derivatives_keep_terms]];
  return `${model.name} is under ${license.name} (${license.id}): ${facts.join('; ')}. Source: ${sourceOf(license)}.`;
}

/** The License section's bullet lines for a license: each fact with the license's own note. */
export function termLines(license: License): string[] {
  const line = (label: string, fact: string, note?: string) => `- **${label}:** ${fact[0].toUpperCase()}${fact.slice(1)}.${note ? ` ${note}` : ''}`;
  const lines = [
    line('Commercial use', COMMERCIAL[license.commercial_use], license.commercial_note),
    line('Credit', CREDIT[license.credit], license.credit_note),
    line('Derivatives', DERIVATIVES[license.derivatives_keep_terms], license.derivatives_note),
  ];
  if (license.article_note) lines.push(`- **Note:** ${license.article_note}`);
  return lines;
}

/** The line the rules propose for `licensing.attribution` (see rules/baseModelLineage.ts). */
export function attributionLine(model: KnownModel, license: License): string {
  return `Built on ${model.name} by ${model.lab} (${license.name}).`;
}

/**
 * The posture and `commercial_use` a card's licenses imply: non-commercial when its own license or
 * its base's forbids commercial use, or when nothing is known (no license grants it then);
 * permissive when the license allows it, plainly or under conditions. `commercialUse` is left out
 * where the flag would promise more than the facts say.
 */
export function impliedPosture(license: License | undefined, base: License | undefined): { posture: PostureId; commercialUse?: boolean } {
  if (license?.commercial_use === 'no' || base?.commercial_use === 'no') return { posture: 'non-commercial', commercialUse: false };
  if (license?.commercial_use === 'yes') return { posture: 'permissive', commercialUse: true };
  if (license?.commercial_use === 'conditional') return { posture: 'permissive' };
  return { posture: 'non-commercial' };
}
