/**
 * The YAML of a new card (the front matter of a README, or a whole `*.modelcard.yaml`), written
 * into a SnippetBuilder: Hub metadata, then the `sts` block with licensing, latency and consent.
 */
import type { KnowledgeIndex } from '../knowledgeIndex';
import { scalarText } from '../fixes/newValues';
import type { ResolvedChoices } from './choices';
import type { SnippetBuilder, TabStop } from './snippet';

/** Tab stops the body mirrors, so a name typed once shows in both places. */
export interface YamlStops {
  readonly name: TabStop;
  /** Set when the name needed no quoting, so the tab stop's text is the name itself. */
  readonly namePlain: boolean;
  readonly organization?: TabStop;
  readonly organizationPlain: boolean;
}

/** A scalar value as a tab stop: plain when the default needs no quoting, else inside double quotes. */
export function scalarStop(b: SnippetBuilder, value: string, first = false): { stop: TabStop; plain: boolean } {
  const written = scalarText(value);
  if (written === value) return { stop: b.placeholder(value, { first }), plain: true };
  b.literal('"');
  const stop = b.placeholder(written.slice(1, -1), { first });
  b.literal('"');
  return { stop, plain: false };
}

function licenseLines(b: SnippetBuilder, card: ResolvedChoices): void {
  b.literal(`license: ${card.licenseId}\n`);
  if (card.licenseId !== 'other') return;
  if (card.license) {
    b.literal(`license_name: ${card.license.id}\n`);
    if (card.license.url) {
      b.literal(`license_link: ${scalarText(card.license.url)}\n`);
      return;
    }
    b.literal(`# The knowledge base has no link to the text of ${card.license.name}: ship it as LICENSE, or link it.\n`);
  } else {
    b.literal('license_name: ');
    scalarStop(b, 'custom-license');
    b.literal('\n');
  }
  b.literal('license_link: ');
  scalarStop(b, 'LICENSE');
  b.literal('\n');
}

function baseLines(b: SnippetBuilder, index: KnowledgeIndex, card: ResolvedChoices): void {
  const base = card.base;
  if (!base) return;
  if (base.notHubId && base.model) {
    b.literal(`# '${base.value}' is ${base.model.name} in this linter's knowledge base, which records no Hub id for it: put the id of the checkpoint you started from.\n`);
    b.literal('base_model: ');
    scalarStop(b, base.value);
    b.literal('\n');
  } else {
    b.literal(`base_model: ${scalarText(base.value)}\n`);
  }
  const relations = index.knowledge.hub.base_model_relations.values;
  if (relations.length > 0) {
    b.literal('base_model_relation: ');
    b.choice(relations.includes('finetune') ? ['finetune', ...relations.filter(r => r !== 'finetune')] : [...relations]);
    b.literal('\n');
  }
}

function licensingLines(b: SnippetBuilder, card: ResolvedChoices): void {
  b.literal('  licensing:\n');
  if (card.commercialUse === undefined && card.posture === 'non-commercial') {
    b.literal(card.license
      ? `    # The knowledge base does not record whether ${card.license.id} allows commercial use: non-commercial until its text says it does.\n`
      : '    # Non-commercial until the license is confirmed: until then nothing grants commercial use.\n');
  }
  b.literal(`    posture: ${card.posture}\n`);
  if (card.commercialUse !== undefined) b.literal(`    commercial_use: ${card.commercialUse}\n`);
  if (card.attribution) {
    b.literal('    attribution: ');
    scalarStop(b, card.attribution);
    b.literal('\n');
  }
}

export function writeYaml(b: SnippetBuilder, index: KnowledgeIndex, card: ResolvedChoices, architecture?: (b: SnippetBuilder) => void): YamlStops {
  licenseLines(b, card);
  baseLines(b, index, card);
  if (index.knowledge.hub.pipeline_tags.values.includes('audio-to-audio')) b.literal('pipeline_tag: audio-to-audio\n');
  b.literal('# language: [en]   # the languages it listens to and speaks (ISO 639 codes)\n');
  b.literal('sts:\n  name: ');
  const name = scalarStop(b, card.name, true);
  b.literal('\n');
  let organization: { stop: TabStop; plain: boolean } | undefined;
  if (card.organization) {
    b.literal('  organization: ');
    organization = scalarStop(b, card.organization);
    b.literal('\n');
  }
  if (card.family) b.literal(`  family: ${card.family.id}\n`);
  if (architecture) {
    b.literal('  architecture: >-\n    ');
    architecture(b);
    b.literal('\n');
  }
  b.literal(`  subcategories: [${card.subcategories.map(s => s.id).join(', ')}]\n`);
  b.literal('  latency:\n');
  b.literal('    # What a user waits, in ms, with the kind of figure it is; 0 until measured.\n');
  b.literal('    - ms: ');
  b.placeholder('0');
  b.literal('\n      kind: ');
  b.choice(['end-to-end', 'model-only', 'theoretical']);
  b.literal('\n');
  licensingLines(b, card);
  if (card.subcategories.some(s => s.id === 'voice-cloning')) {
    b.literal('  consent:\n    voice_source: ');
    scalarStop(b, 'whose voices: the speakers or recordings it was built on');
    b.literal('\n    consent_obtained: ');
    b.choice(['false', 'true']);
    b.literal('\n');
  }
  return { name: name.stop, namePlain: name.plain, organization: organization?.stop, organizationPlain: organization?.plain ?? false };
}
