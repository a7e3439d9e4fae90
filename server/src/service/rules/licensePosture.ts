/**
 * The declared posture and `commercial_use` against what the declared licenses allow, and the
 * posture's own requirements (siblings for `split-with-sibling`).
 */
import type { Finding } from '../findings';
import { declaredHere, declaredLicenses, describeRole } from './cardLicenses';
import type { Rule } from './context';

const POSTURE = ['sts', 'licensing', 'posture'] as const;
const COMMERCIAL_USE = ['sts', 'licensing', 'commercial_use'] as const;

export const postureAgainstLicenses: Rule = context => {
  const posture = context.get([...POSTURE]);
  if (typeof posture !== 'string') return [];
  const licenses = declaredLicenses(context);
  const postureSpan = context.valueSpan([...POSTURE]);
  const findings: Finding[] = [];

  if (posture === 'permissive') {
    for (const declared of licenses.filter(d => d.license.commercial_use === 'no')) {
      findings.push({
        code: 'license.posture-conflict',
        ...postureSpan,
        message: `Posture 'permissive' conflicts with ${describeRole(declared)}, which forbids commercial use. Use 'non-commercial', or release under a license that allows it (source: ${declared.license.source.name}).`,
        data: { license: declared.license.id, role: declared.role, suggestion: 'non-commercial' },
        related: [{ ...context.valueSpan(declared.path), message: declaredHere(declared) }],
      });
    }
  } else if (posture === 'non-commercial' && licenses.length > 0 && licenses.every(d => d.license.commercial_use === 'yes')) {
    const ids = licenses.map(d => d.license.id).join(' and ');
    findings.push({
      code: 'license.posture-conflict',
      ...postureSpan,
      severity: 'information',
      message: `licensing.posture says non-commercial, but ${ids} allow${licenses.length === 1 ? 's' : ''} commercial use. If further terms restrict it (an acceptable use policy, a separate agreement), name them; otherwise the posture is 'permissive'.`,
      data: { licenses: licenses.map(d => d.license.id), suggestion: 'permissive' },
      related: licenses.map(d => ({ ...context.valueSpan(d.path), message: declaredHere(d) })),
    });
  } else if (posture === 'closed-commercial') {
    for (const declared of licenses.filter(d => d.role === 'weights')) {
      findings.push({
        code: 'license.closed-with-open-weights',
        ...context.valueSpan(declared.path),
        message: `licensing.posture says closed-commercial (an API-only model), but the weights are declared under ${declared.license.id}, an open license. Remove 'license' if the weights are not released, or choose the posture that matches the release.`,
        data: { license: declared.license.id },
        related: [{ ...postureSpan, message: 'The closed-commercial posture is declared here.' }],
      });
    }
  } else if (posture === 'split-with-sibling') {
    const siblings = context.get(['sts', 'licensing', 'siblings']);
    if (!Array.isArray(siblings) || siblings.length === 0) {
      findings.push({
        code: 'license.sibling-missing',
        ...postureSpan,
        message: "Posture 'split-with-sibling' means another model of the same line is released under other terms (an open base beside a closed flagship): list it under licensing.siblings with its name and posture.",
      });
    }
  }
  return findings;
};

export const commercialUseAgainstLicenses: Rule = context => {
  if (context.get([...COMMERCIAL_USE]) !== true) return [];
  return declaredLicenses(context)
    .filter(declared => declared.license.commercial_use === 'no')
    .map((declared): Finding => ({
      code: 'license.commercial-conflict',
      ...context.valueSpan([...COMMERCIAL_USE]),
      message: `commercial_use: true conflicts with ${describeRole(declared)}, which forbids commercial use (source: ${declared.license.source.name}).`,
      data: { license: declared.license.id, role: declared.role },
      related: [{ ...context.valueSpan(declared.path), message: declaredHere(declared) }],
    }));
};
