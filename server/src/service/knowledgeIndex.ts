/**
 * Lookups over the knowledge base, built once per service: licenses by id and alias, and the
 * closest license id for a value that is not one.
 */
import type { KnowledgeBase, License } from '../knowledge/schema';
import { closestMatch } from './closest';

/** Lower case, spaces and underscores as hyphens: "CC BY-NC 4.0" and "cc-by-nc-4.0" meet. */
export function normalizeLicenseText(value: string): string {
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

  constructor(readonly knowledge: KnowledgeBase) {
    for (const license of knowledge.licenses) this.licenseById.set(license.id, license);
    for (const license of knowledge.licenses) {
      for (const name of [license.id, license.name, ...license.aliases]) {
        const key = normalizeLicenseText(name);
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
    return this.licenseById.get(value) ?? this.licenseByNormalizedName.get(normalizeLicenseText(value));
  }

  /**
   * The closest license id to a value that is not one: the same id in other case or spelling
   * (`Apache-2.0` → `apache-2.0`), the newest version of a family named without one
   * (`cc-by-nc` → `cc-by-nc-4.0`), else the nearest id by edit distance.
   */
  closestLicenseId(value: string, accept: (license: License) => boolean): string | undefined {
    const named = this.licenseNamed(value);
    if (named && accept(named)) return named.id;
    const normalized = normalizeLicenseText(value);
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
}
