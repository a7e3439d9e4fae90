/**
 * What the landscape needs to know of one card: its name and lab, the known model it describes,
 * its family (declared, or the one its diagnostics suggest), its posture (declared, or what its
 * weights license implies), sub-categories, licenses, base models and siblings, where its `sts`
 * block starts, and the license conflicts its diagnostics report. Read from the parsed card and
 * the findings the rules produced, so the map and the diagnostics never disagree.
 */
import { effectiveSeverity, Finding } from '../findings';
import type { ServiceSettings } from '../types';
import type { KnowledgeIndex } from '../knowledgeIndex';
import { knownModelOfTitle } from '../rules/familyEvidence';
import { postureOfLicense } from './landscape';
import type { LandscapeConflict, PlacementSource } from './types';

/** The diagnostics the landscape shows as conflicts: what the licensing rules find wrong. */
export const CONFLICT_CODES: ReadonlySet<string> = new Set([
  'license.posture-conflict', 'license.commercial-conflict', 'license.base-model-conflict',
  'license.closed-with-open-weights', 'license.attribution-missing', 'license.sibling-missing',
]);

export interface CardSummary {
  readonly uri: string;
  readonly name?: string;
  readonly lab?: string;
  readonly knownId?: string;
  readonly family?: { readonly id: string; readonly from: PlacementSource; readonly confidence?: number; readonly evidence?: readonly string[] };
  readonly posture?: { readonly id: string; readonly from: PlacementSource };
  readonly subcategories: readonly string[];
  readonly weightsLicense?: string;
  readonly codeLicense?: string;
  readonly released?: string;
  /** `base_model` as written (Hub ids or known model names). */
  readonly baseModels: readonly string[];
  /** `sts.licensing.siblings[].name`. */
  readonly siblings: readonly string[];
  readonly stsOffset?: number;
  readonly conflicts: readonly LandscapeConflict[];
}

export interface SummaryInput {
  readonly uri: string;
  /** The card as plain data (undefined when the YAML gave none). */
  readonly value: unknown;
  readonly findings: readonly Finding[];
  /** The Markdown body ('' for a standalone card): its title may name a known model. */
  readonly body: string;
  readonly stsOffset?: number;
  /** The user's severities: a conflict whose code is off is not shown. */
  readonly settings?: ServiceSettings;
}

const text = (value: unknown): string | undefined => typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).flatMap(item => text(item) ?? []);

export function summarizeCard(index: KnowledgeIndex, input: SummaryInput): CardSummary {
  const { value, findings } = input;
  const knowledge = index.knowledge;
  const stsName = text(at(value, 'sts', 'name'));
  const known = (stsName ? index.modelNamed(stsName) : undefined) ?? (at(value, 'sts') === undefined ? knownModelOfTitle(index, input.body) : undefined);
  const title = /^#\s+(.+?)\s*#*\s*$/m.exec(input.body)?.[1];

  const declaredFamily = text(at(value, 'sts', 'family'));
  const suggested = findings.flatMap(finding => (finding.code === 'family.missing' || finding.code === 'sts.missing')
    ? [(finding.data as { suggestion?: { family: string; confidence: number; evidence: string[] } | null } | undefined)?.suggestion ?? undefined].filter(s => s !== undefined)
    : [])[0];
  const family = declaredFamily && knowledge.families.some(f => f.id === declaredFamily)
    ? { id: declaredFamily, from: 'declared' as const }
    : suggested ? { id: suggested.family, from: 'suggested' as const, confidence: suggested.confidence, evidence: suggested.evidence } : undefined;

  const weights = strings(at(value, 'license'))[0];
  const weightsLicense = weights ? index.resolveDeclaredLicense(weights, text(at(value, 'license_name'))) : undefined;
  const declaredPosture = text(at(value, 'sts', 'licensing', 'posture'));
  const impliedPosture = postureOfLicense(index, weightsLicense?.id);
  const posture = declaredPosture && knowledge.postures.some(p => p.id === declaredPosture)
    ? { id: declaredPosture, from: 'declared' as const }
    : impliedPosture ? { id: impliedPosture, from: 'licenses' as const } : undefined;

  const siblings = at(value, 'sts', 'licensing', 'siblings');
  return {
    uri: input.uri,
    name: stsName ?? known?.name ?? (title ? title.replace(/\s*\(.*\)\s*$/, '') : undefined),
    lab: text(at(value, 'sts', 'organization')) ?? known?.lab,
    knownId: known?.id,
    family,
    posture,
    subcategories: strings(at(value, 'sts', 'subcategories')).filter(id => knowledge.subcategories.some(s => s.id === id)),
    weightsLicense: weightsLicense?.id ?? weights,
    codeLicense: text(at(value, 'sts', 'licensing', 'code')),
    released: text(String(at(value, 'sts', 'released') ?? '')),
    baseModels: strings(at(value, 'base_model')),
    siblings: Array.isArray(siblings) ? siblings.flatMap(sibling => text(at(sibling, 'name')) ?? []) : [],
    stsOffset: input.stsOffset,
    conflicts: findings.flatMap(finding => {
      const severity = CONFLICT_CODES.has(finding.code) ? effectiveSeverity(finding, input.settings) : undefined;
      return severity ? [{ code: finding.code, severity, message: finding.message }] : [];
    }),
  };
}
