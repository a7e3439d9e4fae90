/**
 * Fixes for the schema codes: an enum value replaced by an allowed one, an unknown key renamed to
 * the known key it most likely means, and a missing `licensing.posture`.
 */
import { isMap, isScalar } from 'yaml';
import { POSTURE_IDS } from '../../knowledge/schema';
import { editDistance } from '../closest';
import { fix, impliedPosture, mapAt, setHitValue } from './common';
import { findPair, renameKey, setPair } from './edits';
import { text } from './newValues';
import type { Fix, FixProducer, FixProducers } from './types';

/** At most this many values are offered from a long list (the Hub's pipeline tags). */
const MAX_CHOICES = 5;
/** A single allowed value this close to the written one is the fix, no choice involved. */
const TYPO_DISTANCE = 2;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(item => typeof item === 'string') ? value : undefined;
}

/** The allowed values to offer, nearest first (by edit distance, ignoring case; ties keep the list's order). */
export function choicesFor(actual: string | undefined, allowed: readonly string[]): { choices: string[]; typoFix?: string } {
  if (actual === undefined) return { choices: allowed.slice(0, MAX_CHOICES) };
  const needle = actual.toLowerCase();
  const ranked = allowed
    .filter(value => value !== actual)
    .map((value, order) => ({ value, order, distance: editDistance(needle, value.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order);
  const close = ranked.filter(entry => entry.distance <= TYPO_DISTANCE);
  const choices = (allowed.length > MAX_CHOICES ? ranked.slice(0, MAX_CHOICES) : ranked).map(entry => entry.value);
  return { choices, typoFix: close.length === 1 ? close[0].value : undefined };
}

const invalidValue: FixProducer = ({ ct }, target) => {
  const allowed = stringList(target.data?.allowed);
  const hit = target.hit;
  if (!allowed || !hit?.node) return [];
  const node = hit.isKey ? hit.pair?.value : hit.node;
  const actual = isScalar(node) && node.value !== null ? String(node.value) : undefined;
  const { choices, typoFix } = choicesFor(actual, allowed);
  // A known alias (`speech-to-speech` → `audio-to-audio`) names the value meant: offer it first.
  const meant = typeof target.data?.suggestion === 'string' && allowed.includes(target.data.suggestion) ? target.data.suggestion : undefined;
  const first = meant ?? typoFix;
  const ordered = first ? [first, ...choices.filter(choice => choice !== first)] : choices;
  return ordered.flatMap(value => fix(`Replace with '${value}'`, [setHitValue(ct, hit, value)], value === typoFix && !meant, value === first));
};

const unknownKey: FixProducer = ({ ct }, target) => {
  const suggestion = target.data?.suggestion;
  const hit = target.hit;
  if (typeof suggestion !== 'string' || !hit?.isKey || !hit.pair || !isMap(hit.parent)) return [];
  // Renaming onto a key the mapping already has would make a duplicate key.
  if (findPair(hit.parent, suggestion)) return [];
  const key = isScalar(hit.pair.key) ? String(hit.pair.key.value) : String(target.data?.key ?? '');
  return fix(`Rename '${key}' to '${suggestion}'`, [renameKey(ct, hit.pair, suggestion)], true, true);
};

/** `licensing` without `posture`: one action per posture, the one the licenses imply preferred. */
const missingKey: FixProducer = ({ ct, index }, target) => {
  if (target.data?.key !== 'posture' || target.data?.parent !== 'sts.licensing') return [];
  const licensing = mapAt(ct, ['sts', 'licensing']);
  if (!licensing) return [];
  const implied = impliedPosture(ct, index);
  const ordered = implied ? [implied, ...POSTURE_IDS.filter(posture => posture !== implied)] : [...POSTURE_IDS];
  return ordered.flatMap((posture): Fix[] =>
    fix(`Add 'posture: ${posture}'`, [setPair(ct, licensing, 'posture', text(posture), { first: true })], false, posture === implied));
};

export const schemaFixes: FixProducers = {
  'schema.invalid': invalidValue,
  'schema.unknown-key': unknownKey,
  'schema.missing': missingKey,
};
