/**
 * Base-model lineage: a derivative must keep the conditions its base model's license passes on
 * (non-commercial, share-alike or pass-through, no derivatives) and give the credit it asks for.
 * Only base models the knowledge base knows, with a known weights license, yield any claim.
 */
import type { KnownModel, License } from '../../knowledge/schema';
import type { Finding, Span } from '../findings';
import type { KeyPath } from '../yamlCard';
import { cite, declaredLicenses } from './cardLicenses';
import { asText, Rule, RuleContext } from './context';

interface KnownBase {
  readonly id: string;
  readonly path: KeyPath;
  readonly model: KnownModel;
  readonly license: License;
}

function knownBases(context: RuleContext): KnownBase[] {
  const value = context.get(['base_model']);
  const entries: [unknown, KeyPath][] = Array.isArray(value)
    ? value.map((id, index) => [id, ['base_model', index]])
    : [[value, ['base_model']]];
  return entries.flatMap(([id, path]): KnownBase[] => {
    if (typeof id !== 'string') return [];
    const model = context.index.modelNamed(id);
    const license = model?.weights_license ? context.index.licenseById.get(model.weights_license) : undefined;
    return model && license ? [{ id, path, model, license }] : [];
  });
}

/** Where the card claims commercial use, if it does: its weights license, posture or flag. */
function commercialClaim(context: RuleContext): { span: Span; what: string } | undefined {
  const weights = declaredLicenses(context).find(d => d.role === 'weights' && d.license.commercial_use === 'yes');
  if (weights) return { span: context.valueSpan(weights.path), what: `this card's weights license ${weights.license.id} allows commercial use` };
  if (context.get(['sts', 'licensing', 'posture']) === 'permissive') {
    return { span: context.valueSpan(['sts', 'licensing', 'posture']), what: "this card's posture is permissive" };
  }
  if (context.get(['sts', 'licensing', 'commercial_use']) === true) {
    return { span: context.valueSpan(['sts', 'licensing', 'commercial_use']), what: 'this card declares commercial_use: true' };
  }
  return undefined;
}

function baseName(base: KnownBase): string {
  return base.model.name.toLowerCase() === base.id.toLowerCase() ? base.model.name : `${base.id} (${base.model.name})`;
}

/** Where the base's license facts come from, said last so messages lead with what differs. */
function baseSource(base: KnownBase): string {
  return `(${base.license.id}, source: ${base.license.source.name})`;
}

export const baseModelConditions: Rule = context => {
  const findings: Finding[] = [];
  const weights = declaredLicenses(context).filter(d => d.role === 'weights');
  for (const base of knownBases(context)) {
    const baseSpan = context.valueSpan(base.path);
    const conflict = (condition: string, message: string, related?: Finding['related']): Finding => ({
      code: 'license.base-model-conflict', ...baseSpan, message, related,
      data: { baseModel: base.model.id, baseLicense: base.license.id, condition },
    });

    const claim = base.license.commercial_use === 'no' ? commercialClaim(context) : undefined;
    if (claim) {
      findings.push(conflict('non-commercial',
        `Drops the base model's non-commercial condition: ${baseName(base)} may not be used commercially, but ${claim.what}. A derivative keeps that condition ${baseSource(base)}.`,
        [{ ...claim.span, message: 'The commercial use is claimed here.' }]));
    }
    if (base.license.derivatives_keep_terms === 'yes') {
      for (const declared of weights.filter(d => d.license.id !== base.license.id)) {
        findings.push(conflict('keep-terms',
          `Drops the base model's license: derivatives of ${baseName(base)} must stay under ${base.license.id}, but this card's weights are under ${declared.license.id}.${base.license.derivatives_note ? ` ${base.license.derivatives_note}` : ''} ${baseSource(base)}`,
          [{ ...context.valueSpan(declared.path), message: "This card's weights license is declared here." }]));
      }
    }
    if (base.license.derivatives_keep_terms === 'not-allowed') {
      findings.push(conflict('no-derivatives',
        `No derivatives allowed: ${baseName(base)}'s license does not allow sharing adapted versions, so a derivative of it cannot be released ${baseSource(base)}.`));
    }
    if (base.license.credit === 'required' && !asText(context.get(['sts', 'licensing', 'attribution']))) {
      findings.push({
        code: 'license.attribution-missing',
        ...baseSpan,
        message: `Add sts.licensing.attribution: ${baseName(base)}'s license requires credit.${base.license.credit_note ? ` ${base.license.credit_note}` : ''} ${baseSource(base)}`,
        data: { baseModel: base.model.id, baseLicense: base.license.id, attribution: `Built on ${base.model.name} by ${base.model.lab} (${base.license.name}).` },
      });
    }
  }
  return findings;
};
