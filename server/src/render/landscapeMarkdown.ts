/**
 * The landscape as Markdown, for terminals, pull requests and READMEs: a table (postures as
 * rows, families as columns), the lineage, the license conflicts and the unplaced models.
 * Names come from users' cards, so every one is escaped: a `|` must not open a new column.
 */
import type { Landscape, LandscapeModel } from '../service/landscape/types';
import { marksOf, namesOf } from './describe';

export interface LandscapeMarkdownOptions {
  readonly title?: string;
}

/** Backslash-escapes what Markdown would read as markup; line breaks become spaces (a row is one line). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, char => `\\${char}`)
    // At the start, these would make a heading, a list item or a quote.
    .replace(/^([#+\-=>!])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export function renderLandscapeMarkdown(landscape: Landscape, options: LandscapeMarkdownOptions = {}): string {
  const names = namesOf(landscape);
  const out = [`# ${escapeMarkdown(options.title ?? 'STS model landscape')}`, ''];
  const cards = landscape.models.filter(model => model.card).length;
  out.push(`${landscape.models.length} models on the map${cards > 0 ? `, ${cards} of them workspace cards (**bold**)` : ''}; ${landscape.unplaced.length} unplaced.`, '');

  out.push(`| Posture | ${landscape.families.map(family => escapeMarkdown(family.name)).join(' | ')} |`);
  out.push(`| --- |${' --- |'.repeat(landscape.families.length)}`);
  for (const posture of landscape.postures) {
    const cells = landscape.families.map(family => landscape.models
      .filter(model => model.posture === posture.id && model.family === family.id)
      .map(model => chip(model, landscape)).join(', '));
    out.push(`| **${escapeMarkdown(posture.name)}** | ${cells.join(' | ')} |`);
  }
  out.push('');
  const legend = [
    ...landscape.subcategories.map(sub => `\`${sub.mark}\` ${escapeMarkdown(sub.name)}`),
    '(suggested): family suggested from the card\'s text',
    '⚠: license conflict',
  ];
  out.push(`Marks: ${legend.join('; ')}.`, '');

  const nameOf = new Map<string, string>([...landscape.models, ...landscape.unplaced].map(model => [model.id, model.name]));
  if (landscape.lineage.length > 0) {
    out.push('## Lineage', '');
    for (const edge of landscape.lineage) {
      const [from, to] = [edge.from, edge.to].map(id => escapeMarkdown(nameOf.get(id) ?? id));
      out.push(edge.kind === 'base-model' ? `- ${from} → ${to} (base model)` : `- ${from} ↔ ${to} (siblings)`);
    }
    out.push('');
  }

  const conflicted = landscape.models.filter(model => model.conflicts.length > 0);
  if (conflicted.length > 0) {
    out.push('## License conflicts', '');
    for (const model of conflicted) {
      out.push(`- **${escapeMarkdown(model.name)}**${model.card ? ` (${escapeMarkdown(model.card.label)})` : ''}, in ${escapeMarkdown(names.family(model.family))} × ${escapeMarkdown(names.posture(model.posture))}:`);
      for (const conflict of model.conflicts) out.push(`  - ⚠ ${conflict.severity} \`${conflict.code.replace(/`/g, '')}\`: ${escapeMarkdown(conflict.message)}`);
    }
    out.push('');
  }

  if (landscape.unplaced.length > 0) {
    out.push('## Unplaced', '');
    for (const model of landscape.unplaced) {
      const name = model.card ? `**${escapeMarkdown(model.name)}** (${escapeMarkdown(model.card.label)})` : escapeMarkdown(model.name);
      out.push(`- ${name}: ${escapeMarkdown(model.reason)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A model in a table cell: its name (bold for a workspace card), marks, and cues. */
function chip(model: LandscapeModel, landscape: Landscape): string {
  const name = model.card ? `**${escapeMarkdown(model.name)}**` : escapeMarkdown(model.name);
  const marks = marksOf(model, landscape).map(sub => `\`${sub.mark}\``);
  return [name, ...marks, model.familyFrom === 'suggested' ? '(suggested)' : '', model.conflicts.length > 0 ? '⚠' : ''].filter(Boolean).join(' ');
}
