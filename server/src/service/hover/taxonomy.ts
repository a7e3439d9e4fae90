/** Hovers for the taxonomy's ids: a family, a license posture, a sub-category. */
import type { Family, Posture, Subcategory } from '../../knowledge/schema';
import type { Lookups } from './lookups';
import { bullets, code, list, paragraphs, sourceLine, text } from './markdown';

/** How many example models a hover names before "and N more". */
export const EXAMPLE_LIMIT = 4;

/** A hover must fit without scrolling: the first traits are the identifying ones. */
const TRAIT_LIMIT = 3;

function examples(ids: readonly string[], lookups: Lookups): string | undefined {
  if (ids.length === 0) return undefined;
  return `**Examples:** ${list(ids.map(id => text(lookups.modelName(id))), EXAMPLE_LIMIT)}`;
}

export function familyMarkdown(family: Family, lookups: Lookups): string {
  const number = family.number === null ? 'near-STS boundary group' : `architecture family ${family.number} of 4`;
  return paragraphs(
    `**${text(family.name)}** · ${code(family.id)} · ${number}`,
    text(family.definition),
    bullets(family.traits.slice(0, TRAIT_LIMIT).map(text)),
    examples(family.examples, lookups),
    `**Latency figures:** ${text(family.latency_meaning)}`,
    sourceLine(family.source),
  );
}

export function postureMarkdown(posture: Posture, lookups: Lookups): string {
  return paragraphs(
    `**${text(posture.name)}** · ${code(posture.id)} · license posture`,
    text(posture.definition),
    bullets(posture.traits.slice(0, TRAIT_LIMIT).map(text)),
    examples(posture.examples, lookups),
    sourceLine(posture.source),
  );
}

export function subcategoryMarkdown(subcategory: Subcategory, lookups: Lookups): string {
  const families = subcategory.families.map(id => `${text(lookups.familyName(id))} (${code(id)})`).join(', ');
  return paragraphs(
    `**${text(subcategory.name)}** · ${code(subcategory.id)} · sub-category`,
    text(subcategory.definition),
    `**Seen in:** ${families}`,
    examples(subcategory.examples, lookups),
    sourceLine(subcategory.source),
  );
}
