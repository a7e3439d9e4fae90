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

/** "Apache License 2.0 text, section 4. Redistribution, https://…": where the facts were read. */
export function sourceOf(license: License): string {
  const { name, section, url } = license.source;
  const where = section === undefined ? '' : /^\d/.test(section) ? `, section ${section}` : `, ${section}`;
  return `${name}${where}${url ? `, ${url}` : ''}`;
}

/** One line: what a derivative of `model` inherits from its weights license, with the source. */
export function inheritedTerms(model: KnownModel, license: License): string {
  if (license.id === 'unknown') return `The license of ${model.name} is not confirmed (unknown): nothing about its terms is recorded. Source: ${model.source.name}.`;
  const facts = [COMMERCIAL[license.commercial_use], CREDIT[license.credit], DERIVATIVES[license.derivatives_keep_terms]];
  return `${model.name} is under ${license.name} (${license.id}): ${facts.join('; ')}. Source: ${sourceOf(license)}.`;
}

const ALLOWS: Record<License['commercial_use'], string> = {
  yes: 'allowed',
  no: 'not allowed',
  conditional: 'allowed only under its conditions',
  unknown: 'not recorded in the knowledge base',
};

const CREDITS: Record<License['credit'], string> = { required: 'required', 'not-required': 'not required', unknown: 'not recorded in the knowledge base' };

const DERIVES: Record<License['derivatives_keep_terms'], string> = {
  yes: 'must stay under this license',
  no: 'may carry other terms',
  'not-allowed': 'may not be shared',
  unknown: 'terms not recorded in the knowledge base',
};

/**
 * The License section's bullet lines for a license: each fact with the license's own note. A
 * note that names a known model (where the license was seen) is left out: it says nothing about
 * the terms, and the family suggester would read the name as this card's lineage.
 */
export function termLines(license: License, namesAModel: (text: string) => boolean): string[] {
  const line = (label: string, fact: string, note?: string) => `- **${label}:** ${fact}.${note && !namesAModel(note) ? ` ${note}` : ''}`;
  const lines = [
    line('Commercial use', ALLOWS[license.commercial_use], license.commercial_note),
    line('Credit', CREDITS[license.credit], license.credit_note),
    line('Derivatives', DERIVES[license.derivatives_keep_terms], license.derivatives_note),
  ];
  if (license.article_note && !namesAModel(license.article_note)) lines.push(`- **Note:** ${license.article_note}`);
  return lines;
}

/** Whether a text names one of the known models (by id, name or alias, as whole words; case, spaces and hyphens ignored). */
export function modelNameFinder(models: readonly KnownModel[]): (text: string) => boolean {
  const normalize = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, ' ');
  const escape = (name: string) => normalize(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = models.flatMap(m => [m.id, m.name, ...m.aliases]).filter(name => name.trim().length > 1).map(escape);
  if (names.length === 0) return () => false;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${names.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
  return text => pattern.test(normalize(text));
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
