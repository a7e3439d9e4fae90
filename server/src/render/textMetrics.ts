/**
 * Text widths without a DOM: the renderer runs in Node (CLI) and in a webview, and must lay out
 * the same picture in both, so widths are estimated from the advance widths of DejaVu Sans, the
 * widest of the usual sans-serif fonts (Linux's default): with Segoe UI, San Francisco or Arial
 * the text comes out a little narrower, never wider than its box.
 */

const WIDTHS: [string, number][] = [
  ["'", 0.28], ['ijlI J', 0.3], [' .,:;|/', 0.33], ['-f!', 0.36], ['()[]{}t`', 0.4], ['r', 0.42], ['"', 0.46],
  ['*_', 0.5], ['sz?', 0.53], ['cL', 0.56], ['kvxy', 0.59], ['FPTY', 0.61], ['aego', 0.62], ['bdhnpqu0123456789$S', 0.64],
  ['EK', 0.65], ['ABRVXZ', 0.69], ['C', 0.7], ['U', 0.74], ['HN', 0.76], ['DG', 0.78], ['OQ&', 0.79],
  ['w', 0.82], ['#+=<>~^', 0.84], ['M', 0.87], ['%', 0.95], ['m', 0.98], ['W@', 1.0],
];
const ADVANCE = new Map<string, number>();
for (const [chars, width] of WIDTHS) for (const char of chars) ADVANCE.set(char, width);

/** A hair of room for rounding and kerning; bold DejaVu runs about 12% wider. */
const SLACK = 1.02;
const BOLD = 1.12;

/** The estimated width in pixels of `text` at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // CJK, Hangul, emoji and other wide scripts take a full em.
    em += ADVANCE.get(char) ?? (code >= 0x2e80 ? 1 : 0.7);
  }
  return em * size * SLACK * (bold ? BOLD : 1);
}

/** `text` cut to fit `width` with an ellipsis, or unchanged when it fits. */
export function truncate(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && textWidth(chars.slice(0, end).join('').trimEnd() + '…', size, bold) > width) end--;
  return chars.slice(0, end).join('').trimEnd() + '…';
}

/**
 * `text` broken into at most `maxLines` lines of at most `width`, at spaces (or after a slash or
 * hyphen when a word alone is too long); the last line is truncated when the text does not fit.
 */
export function wrap(text: string, width: number, size: number, maxLines = Infinity, bold = false): string[] {
  // Words, with a long word broken after its slashes and hyphens; `space` says whether a space came before.
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = textWidth(word, size, bold) > width ? word.split(/(?<=[/-])/) : [word];
    parts.forEach((part, i) => pieces.push({ text: part, space: i === 0 }));
  }
  const join = (from: number, to: number) => pieces.slice(from, to).map((piece, i) => (i > 0 && piece.space ? ' ' : '') + piece.text).join('');
  const starts: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const start = starts[starts.length - 1];
    if (start === undefined || textWidth(join(start, i + 1), size, bold) > width) starts.push(i);
  }
  const lines = starts.map((start, i) => join(start, starts[i + 1] ?? pieces.length));
  if (lines.length <= maxLines) return lines.map(line => truncate(line, width, size, bold));
  const kept = lines.slice(0, maxLines - 1);
  kept.push(join(starts[maxLines - 1]!, pieces.length));
  return kept.map(line => truncate(line, width, size, bold));
}
