/**
 * Comparison tables: a README often sets its model against other designs in a table of three or
 * more columns ("| | Cascade + predictor | Flattened sequence | **Ours** |", or a row per design).
 * A header cell or a row's first cell there labels a design compared, not the card's own, unless
 * it marks itself as the card's (bold, "ours"): what such a label names is no evidence. When one
 * label does mark itself so, the table's other columns (or rows) describe the other designs, cell
 * by cell ("| Speech output | Separate TTS | **Ours**: streaming TTS | Generated directly, no codec |");
 * so does a column or row whose label names a kind of system ("Duplex dialogue models").
 */
import { opensWithKind } from './othersWork';
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

/** The most lines of a table read around a cell, so the look stays bounded. */
const MAX_TABLE_LINES = 40;

/** Whether a label cell names a kind of system ("Duplex dialogue models", "Cascaded systems"), not marking itself as the card's. */
function namesKind(cell: string): boolean {
  const first = cell.search(/[\p{L}\p{N}]/u);
  return first >= 0 && !OWN_LABEL.test(cell) && opensWithKind(cell, first);
}

/**
 * Whether `start` is in a body cell of a comparison table (three or more columns) that describes
 * another design than the card's: a cell under a header, or right of a row label, that names a
 * kind of system; a column other than the one whose header marks itself as the card's, or a row
 * other than the one whose first cell does, when exactly one does. Read only when
 * no passage break cuts the lines read, so a passage reads as the whole text does.
 */
export function inOthersCell(text: string, start: number): boolean {
  const row = lineAround(text, start, true);
  if (!row) return false;
  const cellIndex = (text.slice(row[0], start).match(/\|/g) ?? []).length - 1;
  if (cellIndex < 1) return false;
  // The table's lines: up to its delimiter row (the header above it), down to its last row.
  const lines: [number, number][] = [row];
  let delimiter = -1;
  for (let at = row[0]; lines.length < MAX_TABLE_LINES && at > 0 && delimiter < 0;) {
    const line = lineAround(text, at - 1, false);
    if (!line) return false;
    const content = text.slice(line[0], line[1]);
    if (DELIMITER_ROW.test(content)) delimiter = lines.length;
    else if (!content.trimStart().startsWith('|')) return false;
    lines.unshift(line);
    at = line[0];
  }
  if (delimiter < 0 || lines.length - delimiter > MAX_TABLE_LINES) return false;
  // `lines` now opens with the delimiter row; the header is the line above it.
  const header = lines[0][0] > 0 ? lineAround(text, lines[0][0] - 1, true) : undefined;
  if (!header) return false;
  for (let at = row[1]; lines.length < 2 * MAX_TABLE_LINES && at < text.length;) {
    const line = lineAround(text, at + 1, true);
    if (!line) break;
    lines.push(line);
    at = line[1];
  }
  const first = header[0];
  const last = lines[lines.length - 1][1];
  if (holdsPassageBreak(text.slice(first, last))) return false;
  const headerCells = cellsOf(text.slice(header[0], header[1]));
  if (headerCells.length < 3) return false;
  if (namesKind(headerCells[cellIndex] ?? '') || namesKind(cellsOf(text.slice(row[0], row[1]))[0] ?? '')) return true;
  const ownColumns = headerCells.flatMap((cell, k) => (k > 0 && OWN_LABEL.test(cell) ? [k] : []));
  if (ownColumns.length === 1) return cellIndex !== ownColumns[0];
  const bodyRows = lines.slice(1).map(([from, to]) => text.slice(from, to));
  const ownRows = bodyRows.flatMap((line, k) => (OWN_LABEL.test(cellsOf(line)[0] ?? '') ? [k] : []));
  return ownRows.length === 1 && bodyRows[ownRows[0]] !== text.slice(row[0], row[1]);
}
