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
import { nameAt } from './subjectName';

/** A table's delimiter row: "|---|:---:|", "--- | ---". */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
/** A label that says it is the card's own model: bold, "ours" / "our …", "this card" / "this model" / "this work", or "proposed". */
const OWN_LABEL = /\*\*|__|\bours?\b|\bthis (?:card|model|release|repo|repository|work|paper)\b|\bproposed\b/i;
/** A label that says it is another design set against the card's: "Packed sequence (baseline A)", "Prior prototype". */
const OTHERS_LABEL = /\bbaselines?\b|\bprior\b|\bprevious\b|\bprototypes?\b/i;

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
 * Whether `start` is in a table cell that names or describes another design than the card's: a
 * comparison table's label (`inLabelCell`) or a body cell about another design (`inOthersCell`).
 * The row is found, and its cell counted, once for both.
 */
export function inComparisonTableAside(text: string, start: number): boolean {
  const row = lineAround(text, start, true);
  if (!row) return false;
  // The cell that holds `start`: count the bars before it on the line.
  let cellIndex = -1;
  for (let i = row[0]; i < start; i++) if (text.charCodeAt(i) === 124) cellIndex++;
  return inLabelCell(text, row, cellIndex) || inOthersCell(text, row, cellIndex);
}

/**
 * Whether the `cellIndex`-th cell of `row` is a label cell of a comparison table: a cell of the
 * header row (the row above a delimiter row), or a body row's first cell, in a row of three or
 * more cells, that does not mark itself as the card's own. The row and the delimiter row are read
 * only when no passage break cuts them, so a passage reads as the whole text does.
 */
function inLabelCell(text: string, row: [number, number], cellIndex: number): boolean {
  const [lineStart, lineEnd] = row;
  const line = text.slice(lineStart, lineEnd);
  const cells = cellsOf(line);
  if (cells.length < 3 || cellIndex < 0 || cellIndex >= cells.length) return false;
  if (OWN_LABEL.test(cells[cellIndex])) return false;
  const [nextStart, nextEnd] = (lineEnd < text.length ? lineAround(text, lineEnd + 1, false) : undefined) ?? [lineEnd, lineEnd];
  const nextLine = text.slice(nextStart, nextEnd);
  const isHeader = DELIMITER_ROW.test(nextLine);
  if (!isHeader && cellIndex !== 0) return false;
  return !holdsPassageBreak(isHeader ? text.slice(lineStart, nextEnd) : line, true);
}

/** The most body rows of a table read, so the look stays bounded: a longer table's later rows are not read. */
const MAX_TABLE_LINES = 20;

/** A header cell that is a name alone, or ends with one in brackets: "Dunmore-S", "Parallel tracks (Fenwick-S)". */
const NAME_LABEL = /^[*_\s]*(?:([\p{L}\p{N}.-]+)|[^|]*\(\s*([\p{L}\p{N}.-]+)\s*\))[*_\s]*$/u;

/**
 * Whether a header cell is a model's name (alone or in brackets after a description): only a name
 * that cannot be an ordinary word (subjectName.ts: "Dunmore-S", "Quill-7B", not "Notes" or "Fieldfare").
 */
function isNameLabel(cell: string): boolean {
  const match = NAME_LABEL.exec(cell);
  const name = match?.[1] ?? match?.[2];
  return name !== undefined && nameAt(name, 0) === name;
}

/**
 * The column of a header whose other labels describe designs in words ("| | Parallel codec
 * tracks | One decoder on continuous features | Dunmore-S |"): when exactly one label is a name
 * and every other one has several words, that column is the card's, named rather than marked.
 * A header of several names ("| | Moshi | Mini-Omni | …") marks none.
 */
function namedAmongDesigns(headerCells: readonly string[]): number[] {
  const labels = headerCells.slice(1).map(cell => cell.trim()).filter(cell => cell !== '');
  const named = headerCells.flatMap((cell, k) => (k > 0 && isNameLabel(cell) ? [k] : []));
  const described = labels.filter(cell => !isNameLabel(cell) && /\s/.test(cell));
  return named.length === 1 && described.length === labels.length - 1 && described.length > 0 ? named : [];
}

/** Whether a label cell names a kind of system ("Duplex dialogue models", "Cascaded systems"), not marking itself as the card's. */
function namesKind(cell: string): boolean {
  const first = cell.search(/[\p{L}\p{N}]/u);
  return first >= 0 && !OWN_LABEL.test(cell) && (OTHERS_LABEL.test(cell) || opensWithKind(cell, first));
}

/** What a comparison table's labels say of its columns and rows. */
interface TableLabels {
  /** Where its last body row read starts: rows after it are not read. */
  readonly lastRow: number;
  /** Where the table ends (its rows read on past `lastRow`, a bounded way), so a later row is known as one of it. */
  readonly end: number;
  /** The column whose header marks itself as the card's, when exactly one does; -1 otherwise. */
  readonly ownColumn: number;
  /** Per column, whether its header names a kind of system. */
  readonly kindColumns: readonly boolean[];
  /** Where the row whose first cell marks itself as the card's starts, when exactly one does; -1 otherwise. */
  readonly ownRow: number;
}

// The tables of the text read last, by where their delimiter row starts: the mentions of one
// passage are asked of the same text, so each table is read once for all its cells.
let tablesOf: string | undefined;
const tables = new Map<number, TableLabels | null>();

/** The table read already whose rows, after its delimiter row, hold the line starting at `row`. */
function tableHolding(text: string, row: number): TableLabels | undefined {
  if (tablesOf !== text) return undefined;
  for (const [delimiter, labels] of tables) if (labels && delimiter < row && row <= labels.end) return labels;
  return undefined;
}

/**
 * The labels of the table whose delimiter row is `delimiter`: null when it is no comparison
 * table (no header of three or more cells) or when a passage break cuts the lines read, or the
 * text ends, after sentence punctuation, where they end (a passage cut there), so a passage reads
 * as the whole text does.
 */
function labelsOf(text: string, delimiter: [number, number]): TableLabels | null {
  if (tablesOf !== text) {
    tablesOf = text;
    tables.clear();
  }
  let labels = tables.get(delimiter[0]);
  if (labels !== undefined) return labels;
  labels = null;
  const header = delimiter[0] > 0 ? lineAround(text, delimiter[0] - 1, true) : undefined;
  if (header) {
    const rows: [number, number][] = [];
    for (let at = delimiter[1]; rows.length < MAX_TABLE_LINES && at < text.length;) {
      const line = lineAround(text, at + 1, true);
      if (!line) break;
      rows.push(line);
      at = line[1];
    }
    const end = rows.length > 0 ? rows[rows.length - 1][1] : delimiter[1];
    // Rows past those read: a cell there is known at once as one not read.
    let tableEnd = end;
    for (let read = 0; read < 10 * MAX_TABLE_LINES && tableEnd < text.length; read++) {
      const line = lineAround(text, tableEnd + 1, true);
      if (!line) break;
      tableEnd = line[1];
    }
    const headerCells = cellsOf(text.slice(header[0], header[1]));
    const cut = holdsPassageBreak(text.slice(header[0], end), true) || (end === text.length && /[.!?]$/.test(text));
    if (!cut && rows.length > 0 && headerCells.length >= 3) {
      const marked = headerCells.flatMap((cell, k) => (k > 0 && OWN_LABEL.test(cell) ? [k] : []));
      const ownColumns = marked.length > 0 ? marked : namedAmongDesigns(headerCells);
      const ownRows = rows.filter(([from, to]) => OWN_LABEL.test(cellsOf(text.slice(from, to))[0] ?? ''));
      labels = {
        lastRow: rows[rows.length - 1][0],
        end: tableEnd,
        ownColumn: ownColumns.length === 1 ? ownColumns[0] : -1,
        kindColumns: headerCells.map(namesKind),
        ownRow: ownRows.length === 1 ? ownRows[0][0] : -1,
      };
    }
  }
  tables.set(delimiter[0], labels);
  return labels;
}

/**
 * Whether the `cellIndex`-th cell of `row` is a body cell of a comparison table (three or more
 * columns) that describes another design than the card's: a cell under a header, or right of a
 * row label, that names a kind of system; a row other than the one whose first cell marks itself
 * as the card's, or else a column other than the one whose header does, when exactly one does.
 */
function inOthersCell(text: string, row: [number, number], cellIndex: number): boolean {
  if (cellIndex < 1) return false;
  const known = tableHolding(text, row[0]);
  if (known) return rowSaysOthers(text, row, cellIndex, known);
  // Up to the table's delimiter row, over rows only, at most MAX_TABLE_LINES of them.
  let delimiter: [number, number] | undefined;
  for (let at = row[0], read = 0; at > 0 && read < MAX_TABLE_LINES && !delimiter; read++) {
    const line = lineAround(text, at - 1, false);
    if (!line) return false;
    let first = line[0];
    while (text[first] === ' ' || text[first] === '\t') first++;
    if (text[first] !== '|' && text[first] !== '-' && text[first] !== ':') return false;
    if (DELIMITER_ROW.test(text.slice(line[0], line[1]))) delimiter = line;
    else if (text[first] !== '|') return false;
    at = line[0];
  }
  const labels = delimiter && labelsOf(text, delimiter);
  return labels ? rowSaysOthers(text, row, cellIndex, labels) : false;
}

/** Whether the `cellIndex`-th cell of a body row of a table with these labels describes another design. */
function rowSaysOthers(text: string, row: [number, number], cellIndex: number, labels: TableLabels): boolean {
  if (row[0] > labels.lastRow) return false;
  if (labels.kindColumns[cellIndex] || namesKind(cellsOf(text.slice(row[0], row[1]))[0] ?? '')) return true;
  // A row marked as the card's says the rows are the designs, whatever a header says ("Our take").
  if (labels.ownRow >= 0) return labels.ownRow !== row[0];
  return labels.ownColumn >= 0 && cellIndex !== labels.ownColumn;
}
