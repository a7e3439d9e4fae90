/**
 * The landscape as a standalone SVG 1.1 document: title, legend, the family × posture grid with
 * one chip per model, lineage curves beneath the chips, and the unplaced models. Geometry comes
 * from landscapeLayout.ts; this file only writes markup, every text escaped. Same input, same
 * string: no randomness, no dates. Workspace-card chips carry data-card-uri and data-sts-offset
 * (and are focusable buttons) so the VS Code webview can open the card on click or Enter.
 */
import type { Landscape, UnplacedModel } from '../service/landscape/types';
import { describeModel, Names, namesOf } from './describe';
import { AxisLayout, Badge, ChipLayout, EdgeLayout, LandscapeLayout, layoutLandscape, METRICS } from './landscapeLayout';
import { LandscapeTheme, PALETTES, themeCss } from './landscapeTheme';
import type { LegendItem, UnplacedItem } from './legendLayout';
import { textWidth } from './textMetrics';
import { attrs, escapeXml, fmt } from './xml';

export interface LandscapeSvgOptions {
  /** 'light' (default) and 'dark' are fixed palettes; 'editor' follows the VS Code theme of a webview. */
  readonly theme?: LandscapeTheme;
  readonly title?: string;
  /** A CSP nonce for the `<style>` element, for webviews whose policy only allows styles by nonce. */
  readonly nonce?: string;
}

/** Internal: the HTML page draws a picture nobody can click, so its chips are no buttons. */
export interface SvgElementOptions extends LandscapeSvgOptions {
  readonly interactive?: boolean;
}

export function renderLandscapeSvg(landscape: Landscape, options: LandscapeSvgOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${landscapeSvgElement(landscape, options)}`;
}

/** The `<svg>` element alone, to inline in an HTML page. */
export function landscapeSvgElement(landscape: Landscape, options: SvgElementOptions = {}): string {
  const layout = layoutLandscape(landscape, options.title);
  const names = namesOf(landscape);
  const interactive = options.interactive !== false;
  const theme = options.theme ?? 'light';
  const { width, height } = layout;
  return [
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg', version: '1.1', class: `lsc lsc-theme-${theme}`, width, height, viewBox: `0 0 ${fmt(width)} ${fmt(height)}`,
      role: interactive ? undefined : 'img', 'aria-labelledby': 'lsc-title lsc-desc',
    })}>`,
    `<title id="lsc-title">${escapeXml(layout.title)}</title>`,
    `<desc id="lsc-desc">${escapeXml(layout.subtitle)}</desc>`,
    `<style${attrs({ nonce: options.nonce })}>\n${themeCss(PALETTES[theme])}\n</style>`,
    '<defs><marker id="lsc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">' +
      '<path class="lsc-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    `<rect class="lsc-bg"${attrs({ x: 0, y: 0, width, height })}/>`,
    `<text class="lsc-title"${attrs({ x: METRICS.margin, y: layout.titleY })}>${escapeXml(layout.title)}</text>`,
    `<text class="lsc-muted"${attrs({ x: METRICS.margin, y: layout.subtitleY })}>${escapeXml(layout.subtitle)}</text>`,
    legend(layout),
    grid(layout),
    `<g class="lsc-edges">${layout.edges.map(edge => edgePath(edge)).join('')}</g>`,
    `<g class="lsc-chips">\n${layout.chips.map(chip => chipMarkup(chip, names, interactive)).join('\n')}\n</g>`,
    unplaced(layout, names, interactive),
    '</svg>\n',
  ].join('\n');
}

function text(className: string, x: number, y: number, content: string, extra: Record<string, string | number | undefined> = {}): string {
  return `<text${attrs({ class: className || undefined, x, y, ...extra })}>${escapeXml(content)}</text>`;
}

const baseline = (top: number, height: number, size = 12) => top + height / 2 + size * 0.35;

function grid(layout: LandscapeLayout): string {
  const { grid: g, columns, rows } = layout;
  const headerHeight = columns[0]?.height ?? 0;
  const out = ['<g class="lsc-grid">'];
  out.push(`<rect class="lsc-head-bg"${attrs({ x: g.x, y: g.y, width: g.width, height: headerHeight })}/>`);
  out.push(`<rect class="lsc-head-bg"${attrs({ x: g.x, y: g.y, width: METRICS.rowHeaderWidth, height: g.height })}/>`);
  rows.forEach((row, i) => {
    if (i % 2 === 1) out.push(`<rect class="lsc-band"${attrs({ x: g.x + METRICS.rowHeaderWidth, y: row.y, width: g.width - METRICS.rowHeaderWidth, height: row.height })}/>`);
  });
  for (const row of rows.slice(1)) out.push(`<path class="lsc-rule" d="M${fmt(g.x)},${fmt(row.y)} H${fmt(g.x + g.width)}"/>`);
  out.push(`<path class="lsc-rule" d="M${fmt(g.x)},${fmt(g.y + headerHeight)} H${fmt(g.x + g.width)}"/>`);
  for (const column of columns) out.push(`<path class="lsc-rule" d="M${fmt(column.x)},${fmt(g.y)} V${fmt(g.y + g.height)}"/>`);
  out.push(`<rect class="lsc-rule"${attrs({ x: g.x, y: g.y, width: g.width, height: g.height })}/>`);
  for (const column of columns) out.push(columnHeader(column, headerHeight));
  for (const row of rows) out.push(rowHeader(row));
  out.push('</g>');
  return out.join('\n');
}

function columnHeader(column: AxisLayout, headerHeight: number): string {
  const lines = column.lines;
  const top = column.y + (headerHeight - lines.length * METRICS.headerLine) / 2;
  const tip = `${column.axis.name}: ${column.count} model${column.count === 1 ? '' : 's'}`;
  return `<g class="lsc-column" data-family="${escapeXml(column.axis.id)}"><title>${escapeXml(tip)}</title>` +
    lines.map((line, k) => text('lsc-head', column.x + column.width / 2, baseline(top + k * METRICS.headerLine, METRICS.headerLine, 13), line, { 'text-anchor': 'middle' })).join('') +
    '</g>';
}

function rowHeader(row: AxisLayout): string {
  const x = row.x + 12;
  const top = row.y + 10;
  const tip = `${row.axis.name}: ${row.count} model${row.count === 1 ? '' : 's'}`;
  return `<g class="lsc-row" data-posture="${escapeXml(row.axis.id)}"><title>${escapeXml(tip)}</title>` +
    row.lines.map((line, k) => text('lsc-head', x, baseline(top + k * METRICS.headerLine, METRICS.headerLine, 13), line)).join('') +
    text('lsc-muted', x, baseline(top + row.lines.length * METRICS.headerLine, 18), `${row.count} model${row.count === 1 ? '' : 's'}`) +
    '</g>';
}

function chipClasses(chip: ChipLayout): string {
  const model = chip.model;
  return [
    'lsc-chip', model.card ? 'lsc-card' : 'lsc-known',
    model.familyFrom === 'suggested' ? 'lsc-suggested' : undefined,
    model.postureFrom === 'licenses' ? 'lsc-licenses' : undefined,
    ...chip.badges.filter(badge => badge.level).map(badge => `lsc-${badge.level}`),
  ].filter(Boolean).join(' ');
}

function chipMarkup(chip: ChipLayout, names: Names, interactive: boolean): string {
  const { model, width, height } = chip;
  const card = model.card;
  const open = card && interactive;
  const head = `<g${attrs({
    class: chipClasses(chip), transform: `translate(${fmt(chip.x)},${fmt(chip.y)})`,
    'data-model-id': model.id, 'data-card-uri': card?.uri, 'data-sts-offset': card?.stsOffset,
    tabindex: open ? '0' : undefined, role: open ? 'button' : undefined,
    'aria-label': open ? `Open the card of ${model.name} (${card.label})` : undefined,
  })}>`;
  const body = [
    `<title>${escapeXml(describeModel(model, names).join('\n'))}</title>`,
    `<rect class="lsc-chip-bg"${attrs({ width, height, rx: 5 })}/>`,
    `<rect class="lsc-chip-box"${attrs({ width, height, rx: 5 })}/>`,
    card ? `<rect class="lsc-card-bar"${attrs({ x: 3, y: 4, width: 3, height: height - 8, rx: 1.5 })}/>` : '',
    text('lsc-name', chip.labelX, baseline(0, height) - 0.5, chip.label),
    // A dotted underline: the posture is only implied by the license, a quieter fact than a declaration.
    model.postureFrom === 'licenses'
      ? `<path class="lsc-licenses-mark" d="M${fmt(chip.labelX)},${fmt(height - 5)} h${fmt(Math.min(textWidth(chip.label, METRICS.nameSize, !!card), width - chip.labelX - 4))}"/>`
      : '',
    ...chip.badges.map(badge => badgeMarkup(badge, height)),
  ];
  return head + body.join('') + '</g>';
}

function badgeMarkup(badge: Badge, chipHeight: number, x = badge.x, y = (chipHeight - METRICS.badge) / 2): string {
  const size = METRICS.badge;
  const shape = badge.kind === 'conflict'
    ? `<circle${attrs({ cx: x + size / 2, cy: y + size / 2, r: size / 2 })}/>`
    : `<rect${attrs({ x, y, width: size, height: size, rx: 3 })}/>`;
  const kind = badge.kind === 'conflict' ? `lsc-badge-${badge.level}` : `lsc-badge-${badge.kind}`;
  return `<g class="lsc-badge ${kind}"><title>${escapeXml(badge.title)}</title>${shape}${text('', x + size / 2, y + size / 2 + 3.3, badge.text, { 'text-anchor': 'middle' })}</g>`;
}

function edgePath(edge: EdgeLayout): string {
  const base = edge.edge.kind === 'base-model';
  const tip = base ? `${edge.from.model.name} → ${edge.to.model.name}: base model` : `${edge.from.model.name} and ${edge.to.model.name}: siblings`;
  return `<path${attrs({
    class: `lsc-edge ${base ? 'lsc-edge-base' : 'lsc-edge-sibling'}`,
    d: `M${fmt(edge.start.x)},${fmt(edge.start.y)} ${edge.segments.map(s => `C${fmt(s.c1.x)},${fmt(s.c1.y)} ${fmt(s.c2.x)},${fmt(s.c2.y)} ${fmt(s.p1.x)},${fmt(s.p1.y)}`).join(' ')}`,
    'marker-end': base ? 'url(#lsc-arrow)' : undefined,
    'data-from': edge.edge.from, 'data-to': edge.edge.to, 'data-kind': edge.edge.kind,
  })}><title>${escapeXml(tip)}</title></path>`;
}

function legend(layout: LandscapeLayout): string {
  const l = layout.legend;
  const out = [`<g class="lsc-legend"><rect class="lsc-legend-box"${attrs({ x: l.x, y: l.y, width: l.width, height: l.height, rx: 6 })}/>`];
  for (const group of l.groups) out.push(text('lsc-group-label', group.x, group.baseline, group.label));
  for (const item of l.items) out.push(legendSwatch(item) + text('', item.labelX, item.baseline, item.label));
  out.push('</g>');
  return out.join('\n');
}

function legendSwatch(item: LegendItem): string {
  const { x, y, width, height } = item.swatch;
  const mid = y + height / 2;
  switch (item.kind) {
    case 'mark':
      return badgeMarkup({ kind: 'mark', text: item.mark ?? '', x: 0, title: item.label }, height, x, y);
    case 'base-model':
      return `<path class="lsc-edge lsc-edge-base" d="M${fmt(x)},${fmt(mid)} H${fmt(x + width)}" marker-end="url(#lsc-arrow)"/>`;
    case 'sibling':
      return `<path class="lsc-edge lsc-edge-sibling" d="M${fmt(x)},${fmt(mid)} H${fmt(x + width)}"/>`;
    default: {
      const classes = { known: 'lsc-known', card: 'lsc-card', suggested: 'lsc-known lsc-suggested', licenses: 'lsc-known lsc-licenses', error: 'lsc-error', warning: 'lsc-warning' }[item.kind];
      const parts = [`<rect class="lsc-chip-bg"${attrs({ x, y, width, height, rx: 4 })}/>`, `<rect class="lsc-chip-box"${attrs({ x, y, width, height, rx: 4 })}/>`];
      if (item.kind === 'card') parts.push(`<rect class="lsc-card-bar"${attrs({ x: x + 3, y: y + 3, width: 3, height: height - 6, rx: 1.5 })}/>`);
      if (item.kind === 'licenses') parts.push(`<path class="lsc-licenses-mark" d="M${fmt(x + 6)},${fmt(y + height - 4)} h${fmt(width - 12)}"/>`);
      const small = { x: 0, title: item.label };
      if (item.kind === 'suggested') parts.push(badgeMarkup({ ...small, kind: 'suggested', text: '?' }, height, x + width - 16, y + 1));
      if (item.kind === 'error' || item.kind === 'warning') parts.push(badgeMarkup({ ...small, kind: 'conflict', text: '!', level: item.kind }, height, x + width - 16, y + 1));
      return `<g class="lsc-legend-chip ${classes}">${parts.join('')}</g>`;
    }
  }
}

function unplaced(layout: LandscapeLayout, names: Names, interactive: boolean): string {
  const u = layout.unplaced;
  if (!u) return '';
  const out = [`<g class="lsc-unplaced">`, text('lsc-unplaced-heading', u.x, u.headingBaseline, u.heading)];
  for (const group of u.groups) {
    group.reasonLines.forEach((line, k) => out.push(text('lsc-muted lsc-reason', group.x, group.baseline + k * 16, line)));
    for (const item of group.items) out.push(unplacedItem(item, names, interactive));
  }
  out.push('</g>');
  return out.join('\n');
}

function unplacedItem(item: UnplacedItem, names: Names, interactive: boolean): string {
  const model: UnplacedModel = item.model;
  const card = model.card;
  const open = card && interactive;
  const tip = [
    model.name, card ? `Workspace card: ${card.label}` : undefined,
    model.posture ? `Posture: ${names.posture(model.posture)}` : undefined, model.reason,
  ].filter(Boolean).join('\n');
  const barWidth = card ? 4 : 0;
  return `<g${attrs({
    class: `lsc-unplaced-item ${card ? 'lsc-card' : 'lsc-known'}`, transform: `translate(${fmt(item.x)},${fmt(item.y)})`,
    'data-unplaced-id': model.id, 'data-card-uri': card?.uri, 'data-sts-offset': card?.stsOffset,
    tabindex: open ? '0' : undefined, role: open ? 'button' : undefined, 'aria-label': open ? `Open the card of ${model.name} (${card.label})` : undefined,
  })}><title>${escapeXml(tip)}</title>` +
    `<rect class="lsc-unplaced-box"${attrs({ x: 0.5, y: 0.5, width: item.width - 1, height: item.height - 1, rx: item.height / 2 })}/>` +
    (card ? `<rect class="lsc-card-bar"${attrs({ x: 5, y: 5, width: 3, height: item.height - 10, rx: 1.5 })}/>` : '') +
    text('lsc-name', 8 + barWidth, baseline(0, item.height) - 0.5, item.label) +
    (item.detail ? text('lsc-muted', item.detailX!, baseline(0, item.height) - 0.5, item.detail) : '') + '</g>';
}

