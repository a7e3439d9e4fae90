/**
 * The Hub-level license checks: is there a weights license, is each id one the Hub knows, and is
 * `license: other` completed the way the Hub asks (`license_name` plus `license_link`).
 */
import type { License } from '../../knowledge/schema';
import type { Finding } from '../findings';
import type { KeyPath } from '../yamlCard';
import { asText, Rule, RuleContext } from './context';

const isHub = (license: License) => license.hub;
const anyLicense = () => true;

/** `license` as a list of [id, path] pairs: the Hub allows a single id or a list. */
function declaredLicenses(context: RuleContext): [string, KeyPath][] {
  const value = context.get(['license']);
  if (typeof value === 'string') return [[value, ['license']]];
  if (Array.isArray(value)) {
    return value.flatMap((item, index): [string, KeyPath][] => typeof item === 'string' ? [[item, ['license', index]]] : []);
  }
  return [];
}

export const licenseMissing: Rule = context => {
  const license = context.get(['license']);
  const hasLicense = asText(license) !== undefined || (Array.isArray(license) && license.some(item => asText(item)));
  if (hasLicense || context.get(['sts', 'licensing', 'posture']) === 'closed-commercial') return [];
  const present = license !== undefined;
  return [{
    code: 'license.missing',
    ...(present ? context.keySpan(['license']) : context.cardSpan),
    message: present
      ? "'license' is empty. Give the weights' license as a Hub id (for example apache-2.0 or cc-by-nc-4.0), or 'other' with license_name and license_link."
      : "The card states no weights license. Add 'license' with a Hub id (for example apache-2.0 or cc-by-nc-4.0); only a closed-commercial (API-only) model may omit it.",
  }];
};

export const hubLicenseIds: Rule = context => {
  const findings: Finding[] = [];
  for (const [id, path] of declaredLicenses(context)) {
    if (id === 'unknown') {
      findings.push({
        code: 'license.unconfirmed',
        ...context.valueSpan(path),
        message: "'license: unknown' tells readers the license is not confirmed: nobody can tell whether they may use these weights. Name the license once it is known.",
      });
    } else if (id === 'other') {
      findings.push(...otherLicense(context, path));
    } else if (context.index.isKnownLicenseName(id)) {
      const name = context.index.licenseById.get(id)!.name;
      findings.push({
        code: 'license.name-as-id',
        ...context.valueSpan(path),
        message: `'${id}' (${name}) is not a Hub license id, so the Hub will refuse it here. Write 'license: other' with 'license_name: ${id}' and a 'license_link'.`,
        data: { licenseName: id },
      });
    } else if (!context.index.isHubLicenseId(id)) {
      findings.push(unknownId(context, id, path, 'license', isHub));
    }
  }
  const code = context.get(['sts', 'licensing', 'code']);
  if (typeof code === 'string' && !context.index.licenseById.has(code)) {
    findings.push(unknownId(context, code, ['sts', 'licensing', 'code'], 'sts.licensing.code', anyLicense));
  }
  return findings;
};

function unknownId(context: RuleContext, id: string, path: KeyPath, key: string, accept: (license: License) => boolean): Finding {
  const suggestion = context.index.closestLicenseId(id, accept) ?? null;
  const lead = suggestion ? `Unknown license id '${id}': did you mean '${suggestion}'?` : `Unknown license id '${id}'.`;
  const hint = suggestion && suggestion.toLowerCase() === id.toLowerCase() ? ' Hub license ids are lower case.' : '';
  const otherwise = suggestion ? '' : " Use a Hub id, or 'other' with license_name and license_link.";
  return {
    code: 'license.unknown-id',
    ...context.valueSpan(path),
    message: `${lead}${hint} ${key} takes a Hugging Face Hub license id or a license name this tool knows.${otherwise}`,
    data: { suggestion },
  };
}

function otherLicense(context: RuleContext, path: KeyPath): Finding[] {
  const findings: Finding[] = [];
  const name = asText(context.get(['license_name']));
  const link = asText(context.get(['license_link']));
  const missing = [name ? undefined : 'license_name', link ? undefined : 'license_link'].filter((key): key is string => !!key);
  if (missing.length > 0) {
    findings.push({
      code: 'license.other-incomplete',
      ...context.valueSpan(path),
      message: `'license: other' needs ${missing.join(' and ')} so readers can find the actual terms (the Hub asks for both).`,
      data: { missing },
    });
  }
  if (name && context.index.isHubLicenseId(name) && name !== 'other') {
    findings.push({
      code: 'license.known-id-as-name',
      ...context.valueSpan(['license_name']),
      message: `license_name '${name}' is a Hub license id: write 'license: ${name}' instead of 'other', and the Hub will show and filter it.`,
      data: { id: name },
      related: [{ ...context.valueSpan(path), message: "'license: other' is declared here." }],
    });
  }
  return findings;
}
