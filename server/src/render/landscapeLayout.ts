/**
 * Where everything of the landscape picture goes, as data: the grid (families as columns,
 * postures as rows), one chip per placed model inside its cell, the lineage curves, the legend
 * and the unplaced list. The SVG writer only turns this into markup, so the geometry can be
 * tested on its own (no overlaps, chips inside their cells, rows that fit their fullest cell).
 */
import type { Landscape, LandscapeAxis, LandscapeModel, LineageEdge } from '../service/landscape/types';
import { conflictLevel, marksOf } from './describe';
import { Band, routeEdges, Route } from './edgeRouting';
import type { Rect } from './geometry';
import { LegendLayout, layoutLegend, layoutUnplaced, UnplacedLayout } from './legendLayout';
import { textWidth, truncate, wrap } from './textMetrics';

/**
 * Sizes in px. Chips have one width so the cells line up in a calm grid: as wide as the longest
 * name needs, within limits (a longer name is cut, and its tooltip gives it whole).
 */
export const METRICS = {
  margin: 24,
  titleSize: 20,
  subtitleSize: 12,
  headerSize: 13,
  headerLine: 17,
  rowHeaderWidth: 156,
  minChipWidth: 128,
  maxChipWidth: 172,
  chipHeight: 26,
  chipsPerRow: 2,
  minRowHeight: 50,
  nameSize: 12,
  chipPaddingX: 8,
  /** The accent bar at a workspace card chip's left edge. */
  cardBar: 4,
  badge: 14,
  badgeGap: 3,
} as const;

/**
 * The gaps around chips, where lineage lines run. They start narrow and widen (up to a limit)
 * when the lines that must run side by side in one gap need more room.
 */
export interface Spacing {
  readonly chipGapX: number;
  readonly chipGapY: number;
  readonly cellPadding: number;
}

const NARROW: Spacing = { chipGapX: 20, chipGapY: 12, cellPadding: 12 };
const WIDEST: Spacing = { chipGapX: 44, chipGapY: 26, cellPadding: 20 };
/** Room per lineage line in a gap. */
const LANE = 6;

export interface Badge {
  readonly kind: 'mark' | 'suggested' | 'conflict';
  readonly text: string;
  /** Left edge, relative to the chip. */
  readonly x: number;
  readonly level?: 'error' | 'warning';
  /** What the badge means, for its own tooltip. */
  readonly title: string;
}

export interface ChipLayout extends Rect {
  readonly model: LandscapeModel;
  /** The name as drawn: cut with an ellipsis when it does not fit. */
  readonly label: string;
  readonly labelX: number;
  readonly badges: readonly Badge[];
  readonly column: number;
  readonly row: number;
}

export interface CellLayout extends Rect {
  readonly column: number;
  readonly row: number;
  readonly chips: readonly ChipLayout[];
}

export interface AxisLayout extends Rect {
  readonly axis: LandscapeAxis;
  /** The name wrapped (and cut) to the header's width. */
  readonly lines: readonly string[];
  readonly count: number;
}

export interface EdgeLayout extends Route {
  readonly edge: LineageEdge;
  readonly from: ChipLayout;
  readonly to: ChipLayout;
}

export interface LandscapeLayout {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly subtitle: string;
  readonly titleY: number;
  readonly subtitleY: number;
  readonly legend: LegendLayout;
  /** The whole table, headers included. */
  readonly grid: Rect;
  readonly columns: readonly AxisLayout[];
  readonly rows: readonly AxisLayout[];
  readonly cells: readonly CellLayout[];
  readonly chips: readonly ChipLayout[];
  readonly edges: readonly EdgeLayout[];
  readonly unplaced?: UnplacedLayout;
  readonly spacing: Spacing;
  readonly chipWidth: number;
}

export function layoutLandscape(landscape: Landscape, title = 'STS model landscape'): LandscapeLayout {
  const first = layoutWith(landscape, title, NARROW);
  const wider = widerSpacing(first);
  return wider ? layoutWith(landscape, title, wider) : first;
}

/** Wider gaps where more lineage lines run side by side than the narrow gaps hold, or undefined. */
function widerSpacing(layout: LandscapeLayout): Spacing | undefined {
  const need = { ...layout.spacing };
  for (const edge of layout.edges) {
    if (!edge.lane) continue;
    const room = (edge.lane.count + 1) * LANE;
    const width = edge.lane.band[1] - edge.lane.band[0];
    if (edge.lane.axis === 'x' && width === layout.spacing.chipGapX) need.chipGapX = Math.max(need.chipGapX, room);
    if (edge.lane.axis === 'x' && width === 2 * layout.spacing.cellPadding) need.cellPadding = Math.max(need.cellPadding, room / 2);
    if (edge.lane.axis === 'y' && width === layout.spacing.chipGapY) need.chipGapY = Math.max(need.chipGapY, room);
  }
  const spacing = {
    chipGapX: Math.min(WIDEST.chipGapX, Math.ceil(need.chipGapX)),
    chipGapY: Math.min(WIDEST.chipGapY, Math.ceil(need.chipGapY)),
    cellPadding: Math.min(WIDEST.cellPadding, Math.ceil(need.cellPadding)),
  };
  const same = spacing.chipGapX === layout.spacing.chipGapX && spacing.chipGapY === layout.spacing.chipGapY && spacing.cellPadding === layout.spacing.cellPadding;
  return same ? undefined : spacing;
}

function layoutWith(landscape: Landscape, title: string, spacing: Spacing): LandscapeLayout {
  const M = METRICS;
  const chipWidth = chipWidthFor(landscape);
  const columnWidth = 2 * spacing.cellPadding + M.chipsPerRow * chipWidth + (M.chipsPerRow - 1) * spacing.chipGapX;
  const gridWidth = M.rowHeaderWidth + landscape.families.length * columnWidth;
  const width = 2 * M.margin + Math.max(gridWidth, 640);
  const titleY = M.margin + M.titleSize;
  const subtitleY = titleY + 20;
  const legend = layoutLegend(landscape, M.margin, subtitleY + 16, width - 2 * M.margin);

  const gridTop = legend.y + legend.height + 16;
  const headerLines = landscape.families.map(family => wrap(family.name, columnWidth - 20, M.headerSize, 2, true));
  const headerHeight = Math.max(1, ...headerLines.map(lines => lines.length)) * M.headerLine + 16;
  const columns = landscape.families.map((axis, i): AxisLayout => ({
    axis, lines: headerLines[i]!, count: landscape.models.filter(model => model.family === axis.id).length,
    x: M.margin + M.rowHeaderWidth + i * columnWidth, y: gridTop, width: columnWidth, height: headerHeight,
  }));

  const rows: AxisLayout[] = [];
  const cells: CellLayout[] = [];
  const chips: ChipLayout[] = [];
  let y = gridTop + headerHeight;
  landscape.postures.forEach((axis, row) => {
    const inRow = landscape.models.filter(model => model.posture === axis.id);
    const lines = wrap(axis.name, M.rowHeaderWidth - 24, M.headerSize, 3, true);
    const fullest = Math.max(0, ...landscape.families.map(family => inRow.filter(model => model.family === family.id).length));
    const chipRows = Math.ceil(fullest / M.chipsPerRow);
    const height = Math.max(M.minRowHeight, 2 * spacing.cellPadding + chipRows * M.chipHeight + Math.max(0, chipRows - 1) * spacing.chipGapY,
      lines.length * M.headerLine + 36);
    rows.push({ axis, lines, count: inRow.length, x: M.margin, y, width: M.rowHeaderWidth, height });
    landscape.families.forEach((family, column) => {
      const cell = { x: columns[column]!.x, y, width: columnWidth, height, column, row };
      const cellChips = inRow.filter(model => model.family === family.id).map((model, i) => chipLayout(model, landscape, cell, i, spacing, chipWidth));
      chips.push(...cellChips);
      cells.push({ ...cell, chips: cellChips });
    });
    y += height;
  });
  const grid = { x: M.margin, y: gridTop, width: gridWidth, height: y - gridTop };

  const index = new Map(chips.map((chip, i) => [chip.model.id, i]));
  const drawn = landscape.lineage.filter(edge => index.has(edge.from) && index.has(edge.to) && edge.from !== edge.to);
  const band = bandOf(chips, cells, landscape.families.length, rows.length, spacing);
  const routes = routeEdges(drawn.map(edge => ({ from: index.get(edge.from)!, to: index.get(edge.to)! })), chips, band);
  const edges = drawn.map((edge, i): EdgeLayout => ({ ...routes[i]!, edge, from: chips[index.get(edge.from)!]!, to: chips[index.get(edge.to)!]! }));

  const unplaced = landscape.unplaced.length > 0 ? layoutUnplaced(landscape.unplaced, M.margin, y + 28, width - 2 * M.margin) : undefined;
  const bottom = unplaced ? unplaced.y + unplaced.height : y;
  return {
    width, height: bottom + M.margin, title, subtitle: subtitleOf(landscape, edges.length), titleY, subtitleY,
    legend, grid, columns, rows, cells, chips, edges, unplaced, spacing, chipWidth,
  };
}

/** The badges at a chip's right end: its sub-category marks, then the suggested-family and conflict cues. */
function badgeKinds(model: LandscapeModel, landscape: Landscape): Omit<Badge, 'x'>[] {
  const kinds: Omit<Badge, 'x'>[] = marksOf(model, landscape).map(sub => ({ kind: 'mark', text: sub.mark, title: sub.name }));
  if (model.familyFrom === 'suggested') kinds.push({ kind: 'suggested', text: '?', title: "Family suggested from the card's text" });
  const level = conflictLevel(model);
  if (level) kinds.push({ kind: 'conflict', text: '!', level, title: `${model.conflicts.length} license conflict${model.conflicts.length === 1 ? '' : 's'}` });
  return kinds;
}

const badgesWidth = (count: number) => count * METRICS.badge + Math.max(0, count - 1) * METRICS.badgeGap;
const labelXOf = (model: LandscapeModel) => METRICS.chipPaddingX + (model.card ? METRICS.cardBar : 0);

function chipWidthFor(landscape: Landscape): number {
  const M = METRICS;
  const needs = landscape.models.map(model => {
    const badges = badgeKinds(model, landscape).length;
    return labelXOf(model) + textWidth(model.name, M.nameSize, model.card !== undefined) + (badges > 0 ? badgesWidth(badges) + 2 : 0) + M.chipPaddingX;
  });
  return Math.min(M.maxChipWidth, Math.max(M.minChipWidth, Math.ceil(Math.max(0, ...needs))));
}

function chipLayout(model: LandscapeModel, landscape: Landscape, cell: Rect & { column: number; row: number }, i: number, spacing: Spacing, width: number): ChipLayout {
  const M = METRICS;
  const x = cell.x + spacing.cellPadding + (i % M.chipsPerRow) * (width + spacing.chipGapX);
  const y = cell.y + spacing.cellPadding + Math.floor(i / M.chipsPerRow) * (M.chipHeight + spacing.chipGapY);
  const kinds = badgeKinds(model, landscape);
  // Badges sit at the right end; the name gets the room left of them.
  const firstBadge = width - M.chipPaddingX + 2 - badgesWidth(kinds.length);
  const badges = kinds.map((badge, k): Badge => ({ ...badge, x: firstBadge + k * (M.badge + M.badgeGap) }));
  const labelX = labelXOf(model);
  const room = (kinds.length > 0 ? firstBadge - 4 : width - M.chipPaddingX) - labelX;
  return {
    model, x, y, width, height: M.chipHeight, column: cell.column, row: cell.row,
    label: truncate(model.name, room, M.nameSize, model.card !== undefined), labelX, badges,
  };
}

/** The free band beside a chip: the gap to its neighbour in the cell, or the padding up to the next cell's chips. */
function bandOf(chips: readonly ChipLayout[], cells: readonly CellLayout[], columns: number, rows: number, spacing: Spacing): Band {
  const M = { ...METRICS, ...spacing };
  return (i, side) => {
    const chip = chips[i]!;
    const cell = cells[chip.row * columns + chip.column]!;
    const inCell = cell.chips.indexOf(chip);
    const chipColumn = inCell % M.chipsPerRow;
    const chipRow = Math.floor(inCell / M.chipsPerRow);
    const lastChipRow = Math.floor((cell.chips.length - 1) / M.chipsPerRow);
    // At a cell's edge the band is both cells' padding, or one padding at the grid's outer edge.
    const edge = (outer: boolean) => (outer ? M.cellPadding : 2 * M.cellPadding);
    switch (side) {
      case 'right': return [chip.x + chip.width, chip.x + chip.width + (chipColumn < M.chipsPerRow - 1 ? M.chipGapX : edge(chip.column === columns - 1))];
      case 'left': return [chip.x - (chipColumn > 0 ? M.chipGapX : edge(chip.column === 0)), chip.x];
      case 'bottom': return [chip.y + chip.height, chip.y + chip.height + (chipRow < lastChipRow ? M.chipGapY : cell.y + cell.height - chip.y - chip.height + (chip.row === rows - 1 ? 0 : M.cellPadding))];
      case 'top': return [chip.y - (chipRow > 0 ? M.chipGapY : M.cellPadding + (chip.row === 0 ? 0 : M.cellPadding)), chip.y];
    }
  };
}

function subtitleOf(landscape: Landscape, edges: number): string {
  const cards = landscape.models.filter(model => model.card).length + landscape.unplaced.filter(model => model.card).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${plural(landscape.models.length, 'model')} on the map`,
    cards > 0 ? plural(cards, 'workspace card') : undefined,
    landscape.unplaced.length > 0 ? `${landscape.unplaced.length} unplaced` : undefined,
    edges > 0 ? plural(edges, 'lineage link') : undefined,
  ].filter(Boolean).join(' · ');
}

