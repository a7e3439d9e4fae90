/** Requirements inside the `sts` block: consent for voice cloning, and a kind on every latency figure. */
import type { Finding } from '../findings';
import type { Rule } from './context';

export const consentForVoiceCloning: Rule = context => {
  const subcategories = context.get(['sts', 'subcategories']);
  if (!Array.isArray(subcategories) || context.get(['sts', 'consent']) !== undefined) return [];
  const index = subcategories.indexOf('voice-cloning');
  if (index === -1) return [];
  return [{
    code: 'consent.missing',
    ...context.valueSpan(['sts', 'subcategories', index]),
    message: "A model that clones voices handles voice as biometric data: add sts.consent with voice_source (whose voices it was built on) and consent_obtained (true or false), and a policy_link if there is one.",
  }];
};

export const latencyKinds: Rule = context => {
  const latency = context.get(['sts', 'latency']);
  if (!Array.isArray(latency)) return [];
  return latency.flatMap((entry, index): Finding[] => {
    if (!entry || typeof entry !== 'object' || 'kind' in entry) return [];
    const hasMs = 'ms' in entry;
    return [{
      code: 'latency.unlabeled',
      ...context.valueSpan(hasMs ? ['sts', 'latency', index, 'ms'] : ['sts', 'latency', index]),
      message: "Say what this latency measures with 'kind': theoretical (set by the design), model-only (inference alone) or end-to-end (what a user waits). Figures of different kinds, or from different families, are not comparable.",
      data: { allowed: ['theoretical', 'model-only', 'end-to-end'] },
    }];
  });
};
