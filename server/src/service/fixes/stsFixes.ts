/**
 * Fixes inside the `sts` block: the family, a whole missing block (or front matter), consent for
 * voice cloning, and the kind of a latency figure.
 */
import { isMap, isScalar } from 'yaml';
import { FAMILY_IDS, License } from '../../knowledge/schema';
import { lookup } from '../yamlCard';
import { bodyOf, fix, impliedPosture, licensesNamedIn, mapAt, topPair } from './common';
import { findPair, insertAtEnd, insertPair, replaceScalar, setPair } from './edits';
import { map, NewValue, raw, renderTopLevel, text } from './newValues';
import type { Fix, FixContext, FixProducer, FixProducers, FixTarget } from './types';

const PLACEHOLDER_NAME = 'MODEL-NAME';
/** Keys `family` follows in the card format's order. */
const BEFORE_FAMILY = ['name', 'organization', 'released'];

/** `data.suggestion.family` when it is one of the five families. */
function suggestedFamily(target: FixTarget): string | undefined {
  const suggestion = target.data?.suggestion;
  if (!suggestion || typeof suggestion !== 'object') return undefined;
  const family = (suggestion as { family?: unknown }).family;
  return typeof family === 'string' && (FAMILY_IDS as readonly string[]).includes(family) ? family : undefined;
}

const familyMissing: FixProducer = ({ ct }, target) => {
  const family = suggestedFamily(target);
  const sts = mapAt(ct, ['sts']);
  if (!family || !sts) return [];
  return fix(`Set family to '${family}'`, [setPair(ct, sts, 'family', text(family), { after: BEFORE_FAMILY, first: true })], true, true);
};

const familyMismatch: FixProducer = ({ ct }, target) => {
  const family = suggestedFamily(target);
  const node = ct.card ? lookup(ct.card, ['sts', 'family'])?.node : undefined;
  if (!family || !isScalar(node) || node.value === family) return [];
  return fix(`Change family to '${family}'`, [replaceScalar(ct, node, family)], true, true);
};

/** A generic heading is no model's name. */
const GENERIC_HEADING = /^(model (card|overview|details|summary|description)|overview|introduction|summary|description|about)$/i;

/** The model's name: a known model the first heading names, else that heading, else a placeholder. */
function modelName({ ct, index }: FixContext): string {
  const heading = /^[ \t]*#[ \t]+(.+?)[ \t#]*$/m.exec(bodyOf(ct))?.[1]
    ?.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '')
    .replace(/^model card (for|of)\s+/i, '').replace(/\s+model card$/i, '').trim();
  if (!heading || GENERIC_HEADING.test(heading)) return PLACEHOLDER_NAME;
  return index.modelNamed(heading)?.name ?? heading;
}

/** The `sts` skeleton: a name, the suggested family, and the posture when the licenses settle it. */
function stsSkeleton(context: FixContext, target: FixTarget, license?: License): NewValue {
  const entries: [string, NewValue][] = [['name', text(modelName(context))]];
  const family = suggestedFamily(target);
  if (family) entries.push(['family', text(family)]);
  const posture = license
    ? ({ yes: 'permissive', no: 'non-commercial' } as Record<string, string | undefined>)[license.commercial_use]
    : impliedPosture(context.ct, context.index);
  if (posture) entries.push(['licensing', map([['posture', text(posture)]])]);
  return map(entries);
}

/** The license a Markdown body names. */
function licenseInBody({ ct, index }: FixContext): License | undefined {
  return licensesNamedIn(bodyOf(ct), index.knowledge.licenses).find(license => license.id !== 'other' && license.id !== 'unknown');
}

/** A license as front-matter keys; `unknown` when there is none. */
function licenseKeys(license: License | undefined): [string, NewValue][] {
  if (!license) return [['license', text('unknown')]];
  if (license.hub) return [['license', text(license.id)]];
  return [['license', text('other')], ['license_name', text(license.id)], ['license_link', text(license.url ?? 'LICENSE')]];
}

const stsMissing: FixProducer = (context, target) => {
  const { ct } = context;
  if (target.data?.frontMatter === false || ct.located.kind === 'no-front-matter') {
    if (ct.kind !== 'markdown' || ct.located.kind !== 'no-front-matter') return [];
    // A whole front matter at the top of the file (after a byte-order mark).
    const at = ct.text.startsWith('\uFEFF') ? 1 : 0;
    const license = licenseInBody(context);
    const block = renderTopLevel(ct, [...licenseKeys(license), ['sts', stsSkeleton(context, target, license)]]);
    return fix("Add front matter with an 'sts' block", [{ start: at, end: at, newText: `---${ct.eol}${block}---${ct.eol}` }], false);
  }
  if (!ct.card || topPair(ct, 'sts')) return [];
  return fix("Add an 'sts' block", [insertAtEnd(ct, 'sts', stsSkeleton(context, target))], false);
};

const consentMissing: FixProducer = ({ ct }) => {
  const sts = mapAt(ct, ['sts']);
  if (!sts || findPair(sts, 'consent')) return [];
  const consent = map([['voice_source', raw('""')], ['consent_obtained', raw('false')]], true);
  return fix('Add sts.consent (voice source and consent)', [insertPair(ct, sts, 'consent', consent, { after: ['subcategories'] })], false);
};

const latencyUnlabeled: FixProducer = ({ ct }, target) => {
  const path = target.hit?.path ?? [];
  const entryIndex = path[2];
  if (!ct.card || path[0] !== 'sts' || path[1] !== 'latency' || typeof entryIndex !== 'number') return [];
  const entry = lookup(ct.card, ['sts', 'latency', entryIndex])?.node;
  if (!isMap(entry) || findPair(entry, 'kind')) return [];
  const allowed = Array.isArray(target.data?.allowed) ? target.data.allowed.filter((kind): kind is string => typeof kind === 'string') : [];
  return allowed.flatMap((kind): Fix[] =>
    fix(`Add 'kind: ${kind}'`, [insertPair(ct, entry, 'kind', text(kind), { after: ['ms'] })], false));
};

export const stsFixes: FixProducers = {
  'family.missing': familyMissing,
  'family.mismatch': familyMismatch,
  'sts.missing': stsMissing,
  'consent.missing': consentMissing,
  'latency.unlabeled': latencyUnlabeled,
};
