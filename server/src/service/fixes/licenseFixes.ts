/**
 * Fixes for the license codes: Hub ids, `license: other` and its name and link, and the licensing
 * block under `sts` (posture, commercial use, attribution, siblings).
 */
import { isScalar, isSeq, Node } from 'yaml';
import type { License } from '../../knowledge/schema';
import {
  bodyOf, fix, impliedPosture, licensesNamedIn, mapAt, setHitValue, textAt, topPair, valueAt,
} from './common';
import { CardText, isEmptyValue } from './cardText';
import {
  deletePair, Edit, fillEmptyPair, findPair, insertAtTop, insertPair, replaceScalar, setAtPath, setPair,
} from './edits';
import { map, NewValue, quoted, raw, seq, text } from './newValues';
import type { Fix, FixContext, FixProducer, FixProducers } from './types';

const LICENSE_KEYS = ['license', 'license_name', 'license_link'];
const PLACEHOLDER_NAME = 'custom-license';
const PLACEHOLDER_LINK = 'LICENSE';
const PLACEHOLDER_SIBLING = 'SIBLING-NAME';

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Sets top-level keys after `license` (or the last of `after` the card holds), as one insertion. */
function setTopLevel(ct: CardText, entries: readonly (readonly [string, NewValue])[], after: readonly string[]): (Edit | undefined)[] {
  const root = mapAt(ct, []);
  if (!root) return [undefined];
  return entries.map(([key, value]) => setPair(ct, root, key, value, { after }));
}

const unknownId: FixProducer = ({ ct }, target) => {
  const suggestion = asString(target.data?.suggestion);
  if (!suggestion) return [];
  return fix(`Replace with '${suggestion}'`, [setHitValue(ct, target.hit, suggestion)], true, true);
};

const otherIncomplete: FixProducer = ({ ct, index }, target) => {
  const missing = Array.isArray(target.data?.missing) ? target.data.missing.filter((key): key is string => typeof key === 'string') : [];
  const needsName = missing.includes('license_name');
  const needsLink = missing.includes('license_link');
  if (!needsName && !needsLink) return [];
  const after = ['license', 'license_name'];
  if (!needsName) {
    const named = index.licenseNamed(textAt(ct, ['license_name']) ?? '');
    return fix('Add license_link', setTopLevel(ct, [['license_link', text(named?.url ?? PLACEHOLDER_LINK)]], after), false);
  }
  const entries = (name: string, link: string | undefined): [string, NewValue][] => [
    ['license_name', text(name)],
    ...(needsLink ? [['license_link', text(link ?? PLACEHOLDER_LINK)] as [string, NewValue]] : []),
  ];
  const what = needsLink ? 'license_name and license_link' : 'license_name';
  // The body may name the license (a non-Hub one, or `other` would not be needed).
  const guesses = licensesNamedIn(bodyOf(ct), index.knowledge.licenses.filter(license => !license.hub)).slice(0, 2);
  return [
    ...guesses.flatMap(license => fix(`Add ${what} for '${license.id}'`, setTopLevel(ct, entries(license.id, license.url), after), false)),
    ...fix(`Add placeholder ${what}`, setTopLevel(ct, entries(PLACEHOLDER_NAME, undefined), after), false),
  ];
};

/** The `other` in `license` (a single value or a list item). */
function otherNode(ct: CardText) {
  const pair = topPair(ct, 'license');
  if (isScalar(pair?.value) && pair.value.value === 'other') return pair.value;
  if (isSeq(pair?.value)) return pair.value.items.find(item => isScalar(item) && item.value === 'other') as Node | undefined;
  return undefined;
}

const knownIdAsName: FixProducer = ({ ct }, target) => {
  const id = asString(target.data?.id);
  const root = mapAt(ct, []);
  const other = otherNode(ct);
  const name = topPair(ct, 'license_name');
  if (!id || !root || !isScalar(other) || !name) return [];
  return fix(`Use 'license: ${id}'`, [replaceScalar(ct, other, id), deletePair(ct, root, name)], true, true);
};

const nameAsId: FixProducer = ({ ct, index }, target) => {
  const licenseName = asString(target.data?.licenseName);
  const node = target.hit?.node;
  if (!licenseName || !isScalar(node) || target.hit?.isKey) return [];
  const existing = textAt(ct, ['license_name']);
  const entries: [string, NewValue][] = [];
  if (existing !== licenseName) entries.push(['license_name', text(licenseName)]);
  const url = index.licenseById.get(licenseName)?.url;
  if (url && !textAt(ct, ['license_link'])) entries.push(['license_link', text(url)]);
  // Overwriting another license_name is a choice, not a correction.
  const safe = existing === undefined;
  return fix(`Use 'license: other' with license_name '${licenseName}'`,
    [replaceScalar(ct, node, 'other'), ...setTopLevel(ct, entries, ['license', 'license_name'])], safe, safe);
};

interface LicenseChoice {
  readonly id: string;
  readonly posture?: 'permissive' | 'non-commercial';
}

const LICENSE_CHOICES: readonly LicenseChoice[] = [
  { id: 'apache-2.0', posture: 'permissive' },
  { id: 'mit', posture: 'permissive' },
  { id: 'cc-by-4.0', posture: 'permissive' },
  { id: 'cc-by-nc-4.0', posture: 'non-commercial' },
  { id: 'other' },
];

const licenseMissing: FixProducer = ({ ct }) => {
  const root = mapAt(ct, []);
  if (!ct.card) return [];
  const posture = valueAt(ct, ['sts', 'licensing', 'posture']);
  const commercialUse = valueAt(ct, ['sts', 'licensing', 'commercial_use']);
  const sts = mapAt(ct, ['sts']);
  const addLicensing = sts !== undefined && !findPair(sts, 'licensing');
  const existing = topPair(ct, 'license');
  const choices = LICENSE_CHOICES.filter(choice => {
    if (choice.posture === 'non-commercial') return posture !== 'permissive' && commercialUse !== true;
    if (choice.posture === 'permissive') return posture !== 'non-commercial';
    return true;
  });
  return choices.flatMap((choice): Fix[] => {
    const entries: [string, NewValue][] = [['license', text(choice.id)]];
    if (choice.id === 'other') entries.push(['license_name', text(PLACEHOLDER_NAME)], ['license_link', text(PLACEHOLDER_LINK)]);
    // `license:` with nothing (or nothing usable) after it is set in place, the rest goes after it.
    const edits: (Edit | undefined)[] = existing && root
      ? entries.map(([key, value]) => setPair(ct, root, key, value, { after: ['license', 'license_name'] }))
      : [insertAtTop(ct, entries)];
    const withLicensing = addLicensing && choice.posture !== undefined;
    if (withLicensing) {
      edits.push(insertPair(ct, sts!, 'licensing', map([['posture', text(choice.posture!)], ['code', text(choice.id)]])));
    }
    const title = choice.id === 'other'
      ? "Add 'license: other' with placeholder license_name and license_link"
      : `Add 'license: ${choice.id}'${withLicensing ? ` (posture ${choice.posture})` : ''}`;
    return fix(title, edits, false);
  });
};

const postureConflict: FixProducer = ({ ct }, target) => {
  const suggestion = asString(target.data?.suggestion);
  if (!suggestion) return [];
  return fix(`Change posture to '${suggestion}'`, [setHitValue(ct, target.hit, suggestion)], false, true);
};

const commercialConflict: FixProducer = ({ ct }, target) =>
  fix('Set commercial_use to false', [setHitValue(ct, target.hit, raw('false'))], false, true);

/** Where a new key goes in `licensing`: in the order the card format lists them. */
const LICENSING_ORDER = ['posture', 'code', 'commercial_use', 'attribution', 'siblings'];

function after(key: string): string[] {
  return LICENSING_ORDER.slice(0, LICENSING_ORDER.indexOf(key));
}

/** Sets `sts.licensing.<key>`, creating `licensing` (with the posture the licenses imply) and `sts` when absent. */
function setInLicensing({ ct, index }: FixContext, key: string, value: NewValue): { edit: Edit | undefined; created: boolean } {
  const licensing = mapAt(ct, ['sts', 'licensing']);
  if (licensing) return { edit: setPair(ct, licensing, key, value, { after: after(key) }), created: false };
  const posture = impliedPosture(ct, index);
  // `licensing` must be absent or empty: a value of the wrong type is not overwritten.
  const present = valueAt(ct, ['sts', 'licensing']);
  if (!posture || (present !== undefined && present !== null)) return { edit: undefined, created: true };
  return { edit: setAtPath(ct, ['sts', 'licensing'], map([['posture', text(posture)], [key, value]])), created: true };
}

const attributionMissing: FixProducer = (context, target) => {
  const attribution = asString(target.data?.attribution);
  if (!attribution) return [];
  const { edit, created } = setInLicensing(context, 'attribution', quoted(attribution));
  return fix('Add licensing.attribution', [edit], !created, !created);
};

/** A sibling the knowledge base knows for the model the card names, else a stub to fill in. */
function siblingFor({ ct, index }: FixContext): { name: string; posture: string } {
  const name = textAt(ct, ['sts', 'name']);
  const model = name ? index.modelNamed(name) : undefined;
  const own = valueAt(ct, ['sts', 'licensing', 'posture']);
  for (const sibling of model?.siblings ?? []) {
    const known = index.knowledge.models.find(candidate => candidate.id === sibling.model);
    if (known?.posture && known.posture !== own) return { name: known.name, posture: known.posture };
  }
  return { name: PLACEHOLDER_SIBLING, posture: 'closed-commercial' };
}

const siblingMissing: FixProducer = context => {
  const { ct } = context;
  const licensing = mapAt(ct, ['sts', 'licensing']);
  if (!licensing) return [];
  const sibling = siblingFor(context);
  const item = map([['name', text(sibling.name)], ['posture', text(sibling.posture)]], true);
  const existing = findPair(licensing, 'siblings');
  let edit: Edit | undefined;
  if (!existing) edit = insertPair(ct, licensing, 'siblings', seq([item]), { after: after('siblings') });
  else if (isEmptyValue(existing.value)) edit = fillEmptyPair(ct, existing, seq([item]), licensing);
  else if (isSeq(existing.value) && existing.value.flow && existing.value.items.length === 0) edit = setPair(ct, licensing, 'siblings', seq([item], true));
  const title = sibling.name === PLACEHOLDER_SIBLING ? 'Add a sibling stub to licensing.siblings' : `Add sibling '${sibling.name}' to licensing.siblings`;
  return fix(title, [edit], false);
};

const closedWithOpenWeights: FixProducer = ({ ct, index }, target) => {
  const root = mapAt(ct, []);
  if (!root) return [];
  const removal = LICENSE_KEYS.map(key => findPair(root, key)).filter(pair => pair !== undefined).map(pair => deletePair(ct, root, pair!));
  const fixes: Fix[] = fix('Remove the weights license (the weights are not released)', removal, false);
  const license: License | undefined = index.licenseById.get(asString(target.data?.license) ?? '');
  const postures = license?.commercial_use === 'yes' ? ['permissive']
    : license?.commercial_use === 'no' ? ['non-commercial']
      : ['permissive', 'non-commercial'];
  const posture = ct.card ? findPostureNode(ct) : undefined;
  for (const choice of postures) {
    if (posture) fixes.push(...fix(`Change posture to '${choice}'`, [replaceScalar(ct, posture, choice)], false));
  }
  return fixes;
};

function findPostureNode(ct: CardText) {
  const licensing = mapAt(ct, ['sts', 'licensing']);
  const pair = licensing ? findPair(licensing, 'posture') : undefined;
  return isScalar(pair?.value) ? pair.value : undefined;
}

export const licenseFixes: FixProducers = {
  'license.unknown-id': unknownId,
  'license.other-incomplete': otherIncomplete,
  'license.known-id-as-name': knownIdAsName,
  'license.name-as-id': nameAsId,
  'license.missing': licenseMissing,
  'license.posture-conflict': postureConflict,
  'license.commercial-conflict': commercialConflict,
  'license.attribution-missing': attributionMissing,
  'license.sibling-missing': siblingMissing,
  'license.closed-with-open-weights': closedWithOpenWeights,
};
