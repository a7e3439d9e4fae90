/**
 * Shared checks of the reliability tests: every range inside the document it belongs to, in LSP
 * terms (a line below the line count, a character at most that line's length; CR, LF and CRLF
 * all end a line, as in vscode-languageserver-textdocument).
 */
import assert from 'node:assert/strict';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';

export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function positionProblem(lines: readonly string[], position: Position): string | undefined {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `not a position: ${JSON.stringify(position)}`;
  if (line >= lines.length) return `line ${line} of ${lines.length}`;
  if (character > lines[line].length) return `character ${character} on line ${line} of length ${lines[line].length}`;
  return undefined;
}

export function rangeProblem(lines: readonly string[], range: Range): string | undefined {
  const problem = positionProblem(lines, range.start) ?? positionProblem(lines, range.end);
  if (problem) return problem;
  const { start, end } = range;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return `end before start: ${JSON.stringify(range)}`;
  return undefined;
}

/** Every diagnostic range (and related-information range) valid for `text`. */
export function assertRangesValid(text: string, diagnostics: readonly Diagnostic[], what: string): void {
  const lines = linesOf(text);
  for (const diagnostic of diagnostics) {
    const ranges = [diagnostic.range, ...(diagnostic.relatedInformation ?? []).map(related => related.location.range)];
    for (const range of ranges) {
      const problem = rangeProblem(lines, range);
      assert.equal(problem, undefined, `${what}: ${String(diagnostic.code)} ${JSON.stringify(range)}: ${problem}`);
    }
  }
}

/** Offsets as the service's documents count them (UTF-16), from a position of `text`. */
export function offsetOf(text: string, position: Position): number {
  let offset = 0;
  let line = 0;
  const breaks = /\r\n|\r|\n/g;
  while (line < position.line) {
    const match = breaks.exec(text);
    if (!match) return text.length;
    offset = match.index + match[0].length;
    line++;
  }
  return offset + position.character;
}
