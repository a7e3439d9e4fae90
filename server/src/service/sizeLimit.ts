/** The size limit: above `modelCards.maxFileSizeKb` a card is not parsed at all, so the editor stays responsive. */
import type { Finding, Span } from './findings';
import { DEFAULT_MAX_FILE_SIZE_KB, ServiceSettings } from './types';

/** The first line, capped: a 20 MB card may be a single line. */
function firstLine(text: string): Span {
  const end = text.search(/\r|\n/);
  return { start: 0, end: end === -1 ? Math.min(text.length, 200) : end };
}

/**
 * One `card.too-large` finding on the first line when the text is above the size limit. The UTF-8
 * size is counted only when the UTF-16 length cannot decide (each code unit is 1 to 3 bytes).
 */
export function sizeAboveLimit(text: string, settings?: ServiceSettings): Finding | undefined {
  const limitKb = settings?.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB;
  if (!(limitKb > 0)) return undefined;
  const limit = limitKb * 1024;
  if (text.length * 3 <= limit) return undefined;
  if (text.length <= limit && utf8Length(text) <= limit) return undefined;
  return {
    code: 'card.too-large',
    ...firstLine(text),
    message: `The card is larger than ${limitKb} KB (the setting modelCards.maxFileSizeKb): it is not checked.`,
    data: { maxFileSizeKb: limitKb },
  };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes, 2 per half; a lone surrogate becomes U+FFFD, 3 bytes.
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

