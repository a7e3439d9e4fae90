/**
 * Every diagnostic code of the contract (design/model-card-format.md, section 3), with its default
 * severity and a one-line summary. Codes are stable: settings, suppressions and fixes key on them.
 */
import type { SeverityName } from './types';

export const DIAGNOSTIC_SOURCE = 'sts-model-cards';

export interface CodeInfo {
  readonly severity: SeverityName;
  readonly summary: string;
}

export const CODES = {
  'yaml.syntax': { severity: 'error', summary: 'The YAML does not parse.' },
  'schema.invalid': { severity: 'error', summary: 'A value has the wrong type, format or enum value.' },
  'schema.missing': { severity: 'error', summary: 'A required key is absent.' },
  'schema.unknown-key': { severity: 'warning', summary: 'A key under `sts` that the card format does not define.' },
  'sts.missing': { severity: 'information', summary: 'A Markdown card has no `sts` block.' },
  'family.missing': { severity: 'warning', summary: '`sts` does not declare an architecture family.' },
  'family.mismatch': { severity: 'warning', summary: 'The declared family contradicts strong evidence.' },
  'license.missing': { severity: 'error', summary: 'No weights license, and the posture is not closed-commercial.' },
  'license.unknown-id': { severity: 'warning', summary: 'A license that is neither a Hub id nor a known license name.' },
  'license.name-as-id': { severity: 'warning', summary: 'A known license name used as `license`, where the Hub needs `other` plus `license_name`.' },
  'license.other-incomplete': { severity: 'warning', summary: '`license: other` without `license_name` or `license_link`.' },
  'license.known-id-as-name': { severity: 'information', summary: '`license: other` whose `license_name` is itself a Hub id.' },
  'license.posture-conflict': { severity: 'error', summary: 'The declared posture contradicts what the licenses allow.' },
  'license.commercial-conflict': { severity: 'error', summary: '`commercial_use: true` under a license that forbids commercial use.' },
  'license.base-model-conflict': { severity: 'error', summary: "A derivative drops a condition of its base model's license." },
  'license.attribution-missing': { severity: 'warning', summary: 'An upstream license requires credit and `licensing.attribution` is absent.' },
  'license.sibling-missing': { severity: 'warning', summary: 'Posture `split-with-sibling` without `licensing.siblings`.' },
  'license.closed-with-open-weights': { severity: 'error', summary: 'Posture `closed-commercial` with an open weights license.' },
  'license.unconfirmed': { severity: 'warning', summary: '`license: unknown`: the license is not confirmed.' },
  'subcategory.suggested': { severity: 'information', summary: "The card's text describes a sub-category that `sts.subcategories` does not list." },
  'consent.missing': { severity: 'warning', summary: 'Sub-category `voice-cloning` without `consent`.' },
  'latency.unlabeled': { severity: 'warning', summary: 'A latency figure without `kind`.' },
  'card.too-large': { severity: 'information', summary: 'The card is larger or nests deeper than the limits: only its YAML syntax is checked.' },
  'config.invalid': { severity: 'error', summary: 'A project configuration value has the wrong type or value.' },
  'config.unknown-key': { severity: 'error', summary: 'A key the project configuration does not define.' },
  'config.unknown-code': { severity: 'error', summary: '`rules` names a diagnostic code that does not exist.' },
  'config.file-not-found': { severity: 'error', summary: 'A file the configuration names (`extends`, `knowledge`) cannot be read.' },
  'config.extends-cycle': { severity: 'error', summary: 'Configurations extend one another in a circle.' },
  'knowledge.invalid': { severity: 'error', summary: 'A knowledge-extension entry does not meet the knowledge base\'s schema.' },
  'knowledge.duplicate-id': { severity: 'error', summary: 'A knowledge-extension entry reuses an id without `override: true`.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(CODES, value);
}

/** The rules reference in the repository; each code has a section headed by the code itself. */
export const RULES_DOCUMENTATION_URL = 'https://github.com/sts-model-cards/sts-model-cards/blob/main/docs/rules.md';

/** GitHub's anchor for a heading `` ## `license.unknown-id` ``: lower case, dots and backticks dropped. */
export function ruleHref(code: string): string {
  return `${RULES_DOCUMENTATION_URL}#${code.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-')}`;
}
