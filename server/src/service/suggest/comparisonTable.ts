/**
 * Comparison tables: a README often sets its model against other designs in a table of three or
 * more columns ("| | Cascade + predictor | Flattened sequence | **Ours** |", or a row per design).
 * A header cell or a row's first cell there labels a design compared, not the card's own, unless
 * it marks itself as the card's (bold, "ours"): what such a label names is no evidence.
 */
import { holdsPassageBreak } from './passageCache';

/** A table's delimiter row: "|---|:---:|", "--- | ---". */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
/** A label that says it is the card's own model: bold, or "ours" / "our …". */
const OWN_LABEL = /\*\*|__|\bours?\b/i;

/** The longest table row read: longer lines are prose, and bounding the look keeps every check O(1). */
const MAX_ROW = 1000;

/**
 * The line of `text` that holds `i`, as [start, end) (end at its line break): undefined when it is
 * longer than MAX_ROW or, for a row, does not open with a bar (found before the rest is read).
 */
function lineAround(text: string, i: number, row: boolean): [number, number] | undefined {
  let start = i;
  while (start > 0 && text[start - 1] !== '\n') if (i - --start > MAX_ROW) return undefined;
  let first = start;
  while (text[first] === ' ' || text[first] === '\t') first++;
  if (row && text[first] !== '|') return undefined;
  let end = i;
  while (end < text.length && text[end] !== '\n') if (++end - start > MAX_ROW) return undefined;
  return [start, end];
}

/** The cells of a table row: the text between its bars, the outer bars dropped. */
function cellsOf(row: string): string[] {
  const cells = row.trim().split('|');
  if (cells[0].trim() === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
  return cells;
}

/**
 * Whether `start` is in a label cell of a comparison table: a cell of the header row (the row
 * above a delimiter row), or a body row's first cell, in a row of three or more cells, that does
 * not mark itself as the card's own. The row and the delimiter row are read only when no passage
 * break cuts them, so a passage reads as the whole text does.
 */
export function inComparisonLabel(text: string, start: number): boolean {
  const row = lineAround(text, start, true);
  if (!row) return false;
  const [lineStart, lineEnd] = row;
  const line = text.slice(lineStart, lineEnd);
  const cells = cellsOf(line);
  if (cells.length < 3) return false;
  // The cell that holds `start`: count the bars before it on the line.
  const before = text.slice(lineStart, start);
  const barsBefore = (before.match(/\|/g) ?? []).length;
  const cellIndex = barsBefore - 1;
  if (cellIndex < 0 || cellIndex >= cells.length) return false;
  if (OWN_LABEL.test(cells[cellIndex])) return false;
  const [nextStart, nextEnd] = (lineEnd < text.length ? lineAround(text, lineEnd + 1, false) : undefined) ?? [lineEnd, lineEnd];
  const nextLine = text.slice(nextStart, nextEnd);
  const isHeader = DELIMITER_ROW.test(nextLine);
  if (!isHeader && cellIndex !== 0) return false;
  return !holdsPassageBreak(isHeader ? text.slice(lineStart, nextEnd) : line);
}
