/**
 * Line and character of a few offsets, exactly as the document's own `positionAt` gives them.
 *
 * `positionAt` on a document that has not been asked before builds a table of every line's
 * start, one pass over the whole text character by character; a validation needs a handful of
 * positions. For a text without carriage returns the lines are counted here instead, with
 * `indexOf` over line feeds, up to the last offset asked only. A text with carriage returns (CR
 * LF, lone CR) is left to `positionAt`, whose rules for them this does not repeat.
 */
import type { Position } from 'vscode-languageserver-types';
import type { CardDocument } from './types';

export function positionsOf(document: CardDocument, offsets: readonly number[]): (offset: number) => Position {
  const text = document.getText();
  if (offsets.length === 0 || text.includes('\r')) return offset => document.positionAt(offset);
  // One forward pass in offset order; `positionAt` clamps offsets into the text, and so does this.
  const clamp = (offset: number) => Math.max(Math.min(offset, text.length), 0);
  const known = new Map<number, { line: number; character: number }>();
  let line = 0;
  let lineStart = 0;
  for (const offset of [...new Set(offsets.map(clamp))].sort((a, b) => a - b)) {
    for (let feed = text.indexOf('\n', lineStart); feed !== -1 && feed < offset; feed = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = feed + 1;
    }
    known.set(offset, { line, character: offset - lineStart });
  }
  return offset => {
    const position = known.get(clamp(offset));
    return position ? { line: position.line, character: position.character } : document.positionAt(offset);
  };
}
