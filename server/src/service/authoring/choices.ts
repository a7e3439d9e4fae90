/**
 * The choices for a new card, checked against the knowledge base and completed from the base
 * model: the family and license it implies, the license a derivative must keep, the posture the
 * licenses allow. A choice that cannot be honoured is replaced by what the card can carry without
 * an error, and said in `problems`.
 */
import type { Family, KnownModel, License, PostureId, Subcategory } from '../../knowledge/schema';
import { closestMatch } from '../closest';
import type { KnowledgeIndex } from '../knowledgeIndex';
import { attributionLine, impliedPosture, inheritedTerms } from './licenseTerms';

/** The Hub's pattern for `base_model` (cardSchema.ts). */
const HUB_MODEL_ID = /^([\w.-]+\/)?[\w.-]+$/;

export interface BaseChoice {
  /** What `base_model` holds: the id given, or a known model's first Hub id (else its knowledge-base id). */
  readonly value: string;
  readonly model?: KnownModel;
  /** The known model's weights license, when the knowledge base records one. */
  readonly license?: License;
  /** True when `value` is the knowledge base's id, not a Hub id: the user should put the checkpoint's id. */
  readonly notHubId: boolean;
}

export interface ResolvedChoices {
  readonly name: string;
  readonly organization?: string;
  readonly base?: BaseChoice;
  readonly family?: Family;
  /** The license id as written in the card's `license` (`other` for a license the Hub has no id for). */
  readonly licenseId: string;
  /** The license's facts, when the knowledge base knows it (not for `unknown` or a bare `other`). */
  readonly license?: License;
  readonly posture: PostureId;
  readonly commercialUse?: boolean;
  readonly attribution?: string;
  readonly subcategories: readonly Subcategory[];
  readonly problems: string[];
}

export interface DefaultChoices {
  family?: string;
  license?: string;
  /** The conditions a derivative inherits from the base model's license, one line, with the source. */
  licenseDetail?: string;
}

/** The id a mistyped one most likely means: the nearest by edit distance, else the only id containing it. */
function nearestId(input: string, ids: readonly string[]): string | undefined {
  const typed = input.trim().toLowerCase();
  const containing = ids.filter(id => typed.length >= 3 && id.toLowerCase().includes(typed));
  return closestMatch(typed, ids) ?? (containing.length === 1 ? containing[0] : undefined);
}

/** "unknown family 'x' (did you mean 'y'?)". */
function unknown(what: string, input: string, ids: readonly string[]): string {
  const near = nearestId(input, ids);
  return `unknown ${what} '${input}'${near ? ` (did you mean '${near}'?)` : ''}`;
}

function resolveBase(index: KnowledgeIndex, id: string | undefined, problems: string[]): BaseChoice | undefined {
  const given = id?.trim();
  if (!given) return undefined;
  const model = index.modelNamed(given);
  const license = model?.weights_license ? index.licenseById.get(model.weights_license) : undefined;
  if (model) {
    const isHubId = HUB_MODEL_ID.test(given) && given.includes('/');
    const value = isHubId ? given : model.hub_ids[0] ?? model.id;
    return { value, model, license, notHubId: !isHubId && model.hub_ids.length === 0 };
  }
  if (!HUB_MODEL_ID.test(given)) {
    problems.push(`base model '${given}' is neither a known model nor a Hub id (owner/name): left out`);
    return undefined;
  }
  if (!given.includes('/')) {
    const near = closestMatch(given, index.knowledge.models.flatMap(m => [m.id, m.name, ...m.aliases]));
    if (near) {
      problems.push(`base model '${given}' is not a known model (did you mean '${near}'?): kept as a Hub id`);
    }
  }
  return { value: given, notHubId: false };
}

/** The family and license a derivative of `baseModel` starts from, and what its license passes on. */
export function baseDefaults(index: KnowledgeIndex, baseModel?: string): DefaultChoices {
  const base = resolveBase(index, baseModel, []);
  if (!base?.model) return {};
  const defaults: DefaultChoices = {};
  if (base.model.family) defaults.family = base.model.family;
  if (base.license) {
    defaults.license = base.license.id;
    defaults.licenseDetail = inheritedTerms(base.model, base.license);
  } else {
    defaults.licenseDetail = `The knowledge base records no weights license for ${base.model.name} (source: ${base.model.source.name}).`;
  }
  return defaults;
}

function resolveFamily(index: KnowledgeIndex, id: string | undefined, fallback: string | undefined, problems: string[]): Family | undefined {
  const families = index.knowledge.families;
  if (id !== undefined && id.trim() !== '') {
    const family = families.find(f => f.id === id.trim() || f.name.toLowerCase() === id.trim().toLowerCase());
    if (family) return family;
    problems.push(`${unknown('family', id, families.map(f => f.id))}: use one of ${families.map(f => f.id).join(', ')}`);
  }
  return fallback ? families.find(f => f.id === fallback) : undefined;
}

/** Why a derivative of `base` may not go out under `license`, or undefined when it may. */
function dropsBaseCondition(base: BaseChoice, license: License): string | undefined {
  const baseLicense = base.license;
  if (!baseLicense || !base.model || license.id === baseLicense.id) return undefined;
  if (baseLicense.derivatives_keep_terms === 'yes') return `derivatives of ${base.model.name} must stay under ${baseLicense.id}`;
  if (baseLicense.commercial_use === 'no' && license.commercial_use === 'yes') {
    return `${base.model.name} is under ${baseLicense.id}, which forbids commercial use, and ${license.id} allows it`;
  }
  return undefined;
}

function resolveLicense(index: KnowledgeIndex, id: string | undefined, base: BaseChoice | undefined, problems: string[]): { licenseId: string; license?: License } {
  const inherited = base?.license;
  let chosen = id?.trim() ? index.licenseNamed(id.trim()) : undefined;
  if (id?.trim() && !chosen) {
    const near = index.closestLicenseId(id.trim(), () => true);
    problems.push(`unknown license '${id}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  if (chosen && base) {
    const reason = dropsBaseCondition(base, chosen);
    if (reason) {
      problems.push(`license '${chosen.id}' not used: ${reason}${inherited ? `; the card keeps ${inherited.id}` : ''}`);
      chosen = undefined;
    }
  }
  const license = chosen ?? inherited;
  if (!license || license.id === 'unknown') return { licenseId: 'unknown' };
  if (license.id === 'other') return { licenseId: 'other' };
  return { licenseId: license.hub ? license.id : 'other', license };
}

function resolveSubcategories(index: KnowledgeIndex, ids: readonly string[] | undefined, problems: string[]): Subcategory[] {
  const all = index.knowledge.subcategories;
  const chosen: Subcategory[] = [];
  for (const id of ids ?? []) {
    const subcategory = all.find(s => s.id === id.trim());
    if (!subcategory) {
      problems.push(`${unknown('sub-category', id, all.map(s => s.id))}: use ${all.map(s => s.id).join(', ')}`);
    } else if (!chosen.includes(subcategory)) {
      chosen.push(subcategory);
    }
  }
  return chosen;
}

export function resolveChoices(index: KnowledgeIndex, choices: {
  name: string; baseModel?: string; family?: string; license?: string; subcategories?: string[]; organization?: string;
}): ResolvedChoices {
  const problems: string[] = [];
  // One line each: the name is also the README's heading.
  const given = choices.name.replace(/\s+/g, ' ').trim();
  const name = given === '' ? 'New model' : given;
  if (given === '') problems.push("no model name given: 'New model' stands in for it");
  const base = resolveBase(index, choices.baseModel, problems);
  const family = resolveFamily(index, choices.family, base?.model?.family ?? undefined, problems);
  const { licenseId, license } = resolveLicense(index, choices.license, base, problems);
  const { posture, commercialUse } = impliedPosture(license, base?.license);
  const attribution = base?.model && base.license?.credit === 'required' ? attributionLine(base.model, base.license) : undefined;
  if (base?.license?.derivatives_keep_terms === 'not-allowed' && base.model) {
    problems.push(`${base.model.name}'s license (${base.license.id}) allows no derivatives to be shared: this card cannot be released as its derivative`);
  }
  const organization = choices.organization?.replace(/\s+/g, ' ').trim() || undefined;
  return {
    name, organization, base, family, licenseId, license, posture, commercialUse, attribution,
    subcategories: resolveSubcategories(index, choices.subcategories, problems), problems,
  };
}
