/**
 * Lookups over the knowledge base, built once per service: licenses by id and alias, and the
 * closest license id for a value that is not one.
 */
import type { KnowledgeBase, KnownModel, License } from '../knowledge/schema';
import { closestMatch } from './closest';

/** Lower case, spaces and underscores as hyphens: "CC BY-NC 4.0" and "cc-by-nc-4.0" meet, as do "Qwen2.5 Omni" and "qwen2.5-omni". */
export function normalizeName(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

const VERSION_SUFFIX = /^[-.]?(\d+(?:\.\d+)*)$/;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export class KnowledgeIndex {
  readonly licenseById = new Map<string, License>();
  private readonly licenseByNormalizedName = new Map<string, License>();
  private readonly modelByHubId = new Map<string, KnownModel>();
  private readonly modelByName = new Map<string, KnownModel>();

  constructor(readonly knowledge: KnowledgeBase) {
    for (const model of knowledge.models) {
      for (const hubId of model.hub_ids) this.modelByHubId.set(hubId.toLowerCase(), model);
      for (const name of [model.id, model.name, ...model.aliases]) {
        const key = normalizeName(name);
        if (!this.modelByName.has(key)) this.modelByName.set(key, model);
      }
    }
    for (const license of knowledge.licenses) this.licenseById.set(license.id, license);
    for (const license of knowledge.licenses) {
      for (const name of [license.id, license.name, ...license.aliases]) {
        const key = normalizeName(name);
        if (!this.licenseByNormalizedName.has(key)) this.licenseByNormalizedName.set(key, license);
      }
    }
  }

  isHubLicenseId(value: string): boolean {
    return this.licenseById.get(value)?.hub === true;
  }

  /** A license name used under `license: other` (NVIDIA Open Model License and the like). */
  isKnownLicenseName(value: string): boolean {
    return this.licenseById.get(value)?.hub === false;
  }

  /** The license a hand-written value most likely means, by id, name or alias, ignoring case. */
  licenseNamed(value: string): License | undefined {
    return this.licenseById.get(value) ?? this.licenseByNormalizedName.get(normalizeName(value));
  }

  /**
   * The closest license id to a value that is not one: the same id in other case or spelling
   * (`Apache-2.0` → `apache-2.0`), the newest version of a family named without one
   * (`cc-by-nc` → `cc-by-nc-4.0`), else the nearest id by edit distance.
   */
  closestLicenseId(value: string, accept: (license: License) => boolean): string | undefined {
    const named = this.licenseNamed(value);
    if (named && accept(named)) return named.id;
    const normalized = normalizeName(value);
    const candidates = this.knowledge.licenses.filter(accept);
    let newest: { id: string; version: string } | undefined;
    for (const license of candidates) {
      if (!license.id.startsWith(normalized)) continue;
      const version = VERSION_SUFFIX.exec(license.id.slice(normalized.length))?.[1];
      if (version && (!newest || compareVersions(version, newest.version) > 0)) newest = { id: license.id, version };
    }
    if (newest) return newest.id;
    return closestMatch(normalized, candidates.map(license => license.id));
  }

  /**
   * The license a card declares: a Hub id, or under `other` the license its `license_name` names.
   * Undefined when the id means "not stated" (`other` alone, `unknown`) or is not known.
   */
  resolveDeclaredLicense(id: string, licenseName: string | undefined): License | undefined {
    if (id === 'other') return licenseName ? this.licenseNamed(licenseName) : undefined;
    if (id === 'unknown') return undefined;
    return this.licenseById.get(id);
  }

  /**
   * A known model by Hub id (`kyutai/moshiko-pytorch-bf16`), or by name when the whole name
   * (or the repository part of an id) is a known model's id, name or alias. Nothing looser:
   * an unknown base model must yield no claim at all.
   */
  modelNamed(value: string): KnownModel | undefined {
    const trimmed = value.trim();
    return this.modelByHubId.get(trimmed.toLowerCase())
      ?? this.modelByName.get(normalizeName(trimmed))
      ?? (trimmed.includes('/') ? this.modelByName.get(normalizeName(trimmed.slice(trimmed.lastIndexOf('/') + 1))) : undefined);
  }
}
