/** Hovers for a known model named by `base_model` (or a sibling, or the card's own name). */
import type { KnownModel } from '../../knowledge/schema';
import type { Lookups } from './lookups';
import { bullets, code, paragraphs, sourceLine, text } from './markdown';

function licenseFact(id: string | null, lookups: Lookups, withCommercial: boolean): string | undefined {
  if (id === null) return undefined;
  const license = lookups.licenses.get(id);
  if (!license) return code(id);
  return `${text(license.name)} (${code(id)})${withCommercial ? `, commercial use: ${license.commercial_use}` : ''}`;
}

export function modelMarkdown(model: KnownModel, lookups: Lookups): string {
  const weights = model.open_weights
    ? licenseFact(model.weights_license, lookups, true) ?? 'released, license not stated'
    : 'not released (or not confirmed)';
  const facts = [
    `**Family:** ${model.family ? `${text(lookups.familyName(model.family))} (${code(model.family)})` : 'none of the families'}`,
    `**Weights:** ${weights}`,
    `**Code:** ${licenseFact(model.code_license, lookups, false) ?? 'license not stated'}`,
    `**Posture:** ${model.posture ? `${text(lookups.postureName(model.posture))} (${code(model.posture)})` : 'not stated'}`,
  ];
  if (model.subcategories.length > 0) facts.push(`**Sub-categories:** ${model.subcategories.map(code).join(', ')}`);
  if (model.hub_ids.length > 0) facts.push(`**Hub:** ${model.hub_ids.map(code).join(', ')}`);
  return paragraphs(
    `**${text(model.name)}** · ${text(model.lab)} · ${text(model.released)}`,
    bullets(facts),
    sourceLine(model.source),
  );
}
