/**
 * The legend (what chip styles, marks and lines mean) and the list of unplaced models, laid out
 * as rows of items that wrap at the picture's width.
 */
import type { Landscape, UnplacedModel } from '../service/landscape/types';
import type { Rect } from './geometry';
import { textWidth, truncate, wrap } from './textMetrics';

export type LegendKind = 'known' | 'card' | 'suggested' | 'licenses' | 'error' | 'warning' | 'mark' | 'base-model' | 'sibling';

export interface LegendItem {
  readonly kind: LegendKind;
  readonly label: string;
  /** The letter of a sub-category mark. */
  readonly mark?: string;
  readonly swatch: Rect;
  readonly labelX: number;
  readonly baseline: number;
}

export interface LegendLayout extends Rect {
  readonly groups: readonly { readonly label: string; readonly x: number; readonly baseline: number }[];
  readonly items: readonly LegendItem[];
}

const SIZE = 12;
const LINE = 24;
const PADDING = 10;
const SWATCH: Record<LegendKind, number> = { known: 34, card: 34, suggested: 34, licenses: 34, error: 34, warning: 34, mark: 14, 'base-model': 34, sibling: 34 };

export function layoutLegend(landscape: Landscape, x: number, y: number, width: number): LegendLayout {
  const groups: [string, { kind: LegendKind; label: string; mark?: string }[]][] = [
    ['Chips', [
      { kind: 'known', label: 'Known model' },
      { kind: 'card', label: 'Workspace card' },
      { kind: 'suggested', label: "Family suggested from the card's text" },
      { kind: 'licenses', label: 'Posture implied by the weights license' },
      { kind: 'error', label: 'License conflict' },
      { kind: 'warning', label: 'License warning' },
    ]],
    ['Sub-categories', landscape.subcategories.map(sub => ({ kind: 'mark' as const, label: sub.name, mark: sub.mark }))],
    ['Lineage', [{ kind: 'base-model', label: 'Derivative → base model' }, { kind: 'sibling', label: 'Sibling models' }]],
  ];
  const shown = groups.filter(([, items]) => items.length > 0);
  const labelWidth = Math.max(...shown.map(([label]) => textWidth(label, SIZE, true))) + 16;
  const left = x + PADDING + labelWidth;
  const right = x + width - PADDING;
  const placedGroups: LegendLayout['groups'][number][] = [];
  const items: LegendItem[] = [];
  let top = y + PADDING;
  for (const [label, entries] of shown) {
    placedGroups.push({ label, x: x + PADDING, baseline: top + LINE / 2 + SIZE * 0.35 });
    let cursor = left;
    for (const entry of entries) {
      const swatchWidth = SWATCH[entry.kind];
      const text = truncate(entry.label, right - left - swatchWidth - 6, SIZE);
      const itemWidth = swatchWidth + 6 + textWidth(text, SIZE);
      if (cursor > left && cursor + itemWidth > right) {
        cursor = left;
        top += LINE;
      }
      const swatchHeight = entry.kind === 'mark' ? 14 : 16;
      items.push({
        ...entry, label: text,
        swatch: { x: cursor, y: top + (LINE - swatchHeight) / 2, width: swatchWidth, height: swatchHeight },
        labelX: cursor + swatchWidth + 6, baseline: top + LINE / 2 + SIZE * 0.35,
      });
      cursor += itemWidth + 22;
    }
    top += LINE;
  }
  return { x, y, width, height: top + PADDING - y, groups: placedGroups, items };
}

export interface UnplacedItem extends Rect {
  readonly model: UnplacedModel;
  readonly label: string;
  /** For a workspace card: its path, which tells two cards of one name apart. */
  readonly detail?: string;
  readonly detailX?: number;
}

export interface UnplacedGroup {
  readonly reasonLines: readonly string[];
  readonly x: number;
  /** The baseline of the first line of the reason. */
  readonly baseline: number;
  readonly items: readonly UnplacedItem[];
}

export interface UnplacedLayout extends Rect {
  readonly heading: string;
  readonly headingBaseline: number;
  readonly groups: readonly UnplacedGroup[];
}

const ITEM_HEIGHT = 22;
const ITEM_GAP = 6;
const MAX_ITEM = 440;

/** The unplaced models, grouped by their reason so a sentence shared by many is written once. */
export function layoutUnplaced(unplaced: readonly UnplacedModel[], x: number, y: number, width: number): UnplacedLayout {
  const byReason = new Map<string, UnplacedModel[]>();
  for (const model of unplaced) {
    if (!byReason.has(model.reason)) byReason.set(model.reason, []);
    byReason.get(model.reason)!.push(model);
  }
  const groups: UnplacedGroup[] = [];
  let top = y + 30;
  for (const [reason, models] of byReason) {
    const reasonLines = wrap(reason, width, SIZE);
    const baseline = top + SIZE;
    top += reasonLines.length * 16 + 6;
    const items: UnplacedItem[] = [];
    let cursor = x;
    for (const model of models) {
      const bold = model.card !== undefined;
      const label = truncate(model.name, MAX_ITEM / 2, SIZE, bold);
      const labelWidth = textWidth(label, SIZE, bold);
      // Two cards may carry one name: the path tells them apart.
      const detail = model.card ? truncate(`(${model.card.label})`, MAX_ITEM - labelWidth - 28, SIZE) : undefined;
      const textEnd = 8 + (bold ? 4 : 0) + labelWidth + (detail ? 5 + textWidth(detail, SIZE) : 0);
      const itemWidth = textEnd + 8;
      if (cursor > x && cursor + itemWidth > x + width) {
        cursor = x;
        top += ITEM_HEIGHT + ITEM_GAP;
      }
      items.push({ model, label, detail, detailX: detail ? 8 + (bold ? 4 : 0) + labelWidth + 5 : undefined, x: cursor, y: top, width: itemWidth, height: ITEM_HEIGHT });
      cursor += itemWidth + ITEM_GAP;
    }
    top += ITEM_HEIGHT + 16;
    groups.push({ reasonLines, x, baseline, items });
  }
  return { x, y, width, height: top - 16 - y, heading: `Unplaced (${unplaced.length}): no architecture family, so no column`, headingBaseline: y + 16, groups };
}
