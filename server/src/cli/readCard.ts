/**
 * Reads a card file as bytes and decodes it as UTF-8. The bytes are kept: `--fix` compares them
 * with the file just before replacing it, and refuses to write a file whose bytes did not decode
 * (writing the decoded text back would turn each invalid sequence into U+FFFD).
 */
import * as fs from 'node:fs';

export interface CardSource {
  readonly bytes: Buffer;
  /** The decoded text; invalid sequences read as U+FFFD, as an editor shows them. */
  readonly text: string;
  /** The byte offset of the first sequence that is not UTF-8, when there is one. */
  readonly invalidUtf8At?: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Synchronous on purpose: the CLI reads one small file at a time, and an awaited read per file
 * left the process idle a third of the time (open, stat, read and close each wait for the thread
 * pool). Throws the file system's error.
 */
export function readCardSource(absPath: string): CardSource {
  const bytes = fs.readFileSync(absPath);
  try {
    return { bytes, text: strict.decode(bytes) };
  } catch {
    return { bytes, text: bytes.toString('utf8'), invalidUtf8At: firstInvalidUtf8(bytes) };
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The length of the well-formed sequence at `i` (RFC 3629, table 3-7 of Unicode), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const continuation = (offset: number, low = 0x80, high = 0xbf) =>
    i + offset < bytes.length && bytes[i + offset] >= low && bytes[i + offset] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [low, high] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [low, high] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}
