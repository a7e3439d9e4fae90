/**
 * The landscape as a self-contained HTML5 page: the SVG picture inline, and the same facts as
 * text (models by cell, lineage, unplaced) for screen readers and the browser's find. No scripts
 * and nothing fetched: the page is a file to pass around.
 */
import type { Landscape, LandscapeModel } from '../service/landscape/types';
import { describeModel, Names, namesOf } from './describe';
import { landscapeSvgElement } from './landscapeSvg';
import { PALETTES, themeCss } from './landscapeTheme';
import { escapeXml } from './xml';

export interface LandscapeHtmlOptions {
  /** 'auto' (default): light, and dark where the reader's system prefers it; 'light' or 'dark' fixed. */
  readonly theme?: 'light' | 'dark' | 'auto';
  readonly title?: string;
}

const DEFAULT_TITLE = 'STS model landscape';

export function renderLandscapeHtml(landscape: Landscape, options: LandscapeHtmlOptions = {}): string {
  const theme = options.theme ?? 'auto';
  const title = options.title ?? DEFAULT_TITLE;
  const palette = PALETTES[theme === 'dark' ? 'dark' : 'light'];
  const names = namesOf(landscape);
  const page = (p: typeof palette) => `background: ${p.background}; color: ${p.foreground}`;
  const css = [
    `body { margin: 0; padding: 16px 24px 32px; font-family: ${palette.font}; font-size: 14px; line-height: 1.45; ${page(palette)} }`,
    'figure { margin: 0 0 24px; overflow-x: auto; }',
    'figure svg { display: block; }',
    `h2 { font-size: 18px; margin: 24px 0 8px; } h3 { font-size: 15px; margin: 16px 0 4px; } dt { font-weight: 600; margin-top: 6px; }`,
    'dd { margin-left: 20px; } ul { margin: 2px 0; padding-left: 20px; }',
    `.meta { color: ${palette.muted}; }`,
    '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }',
    ...(theme === 'auto' ? [
      // The SVG's own style sheet is the light one; these rules, one selector stronger, win in dark mode.
      `@media (prefers-color-scheme: dark) {\nhtml body { ${page(PALETTES.dark)} }\nhtml .meta { color: ${PALETTES.dark.muted}; }\n${themeCss(PALETTES.dark, 'html ')}\n}`,
    ] : []),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${theme === 'auto' ? 'light dark' : theme}">
<title>${escapeXml(title)}</title>
<style>
${css.join('\n')}
</style>
</head>
<body>
<main>
<h1 class="sr-only">${escapeXml(title)}</h1>
<figure>
${landscapeSvgElement(landscape, { theme: theme === 'dark' ? 'dark' : 'light', title, interactive: false }).trimEnd()}
</figure>
${textList(landscape, names)}
</main>
</body>
</html>
`;
}

/** The picture's content as text: postures, then families, then the models of that cell. */
function textList(landscape: Landscape, names: Names): string {
  const out = ['<section aria-label="The landscape as text">', '<h2>Models by cell</h2>'];
  for (const posture of landscape.postures) {
    const inRow = landscape.models.filter(model => model.posture === posture.id);
    if (inRow.length === 0) continue;
    out.push(`<h3>${escapeXml(posture.name)}</h3>`, '<dl>');
    for (const family of landscape.families) {
      const cell = inRow.filter(model => model.family === family.id);
      if (cell.length === 0) continue;
      out.push(`<dt>${escapeXml(family.name)}</dt>`, `<dd><ul>${cell.map(model => `<li>${modelItem(model, names)}</li>`).join('')}</ul></dd>`);
    }
    out.push('</dl>');
  }
  const byId = new Map<string, string>([...landscape.models, ...landscape.unplaced].map(model => [model.id, model.name]));
  if (landscape.lineage.length > 0) {
    out.push('<h2>Lineage</h2>', '<ul>');
    for (const edge of landscape.lineage) {
      const [from, to] = [byId.get(edge.from) ?? edge.from, byId.get(edge.to) ?? edge.to];
      out.push(`<li>${escapeXml(edge.kind === 'base-model' ? `${from} → ${to} (base model)` : `${from} ↔ ${to} (siblings)`)}</li>`);
    }
    out.push('</ul>');
  }
  if (landscape.unplaced.length > 0) {
    out.push('<h2>Unplaced</h2>', '<ul>');
    for (const model of landscape.unplaced) {
      const where = model.card ? ` <span class="meta">(workspace card ${escapeXml(model.card.label)})</span>` : '';
      out.push(`<li>${escapeXml(model.name)}${where}: ${escapeXml(model.reason)}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function modelItem(model: LandscapeModel, names: Names): string {
  const [name, ...facts] = describeModel(model, names);
  const conflictsAt = facts.findIndex(line => line.startsWith('License conflicts'));
  const plain = conflictsAt === -1 ? facts : facts.slice(0, conflictsAt);
  const conflicts = conflictsAt === -1 ? [] : facts.slice(conflictsAt + 1).map(line => line.replace(/^• /, ''));
  const title = model.card ? `<strong>${escapeXml(name!)}</strong>` : escapeXml(name!);
  return `${title} <span class="meta">${escapeXml(plain.join(' · '))}</span>` +
    (conflicts.length > 0 ? `<ul>${conflicts.map(line => `<li>⚠ ${escapeXml(line)}</li>`).join('')}</ul>` : '');
}
