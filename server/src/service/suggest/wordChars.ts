/**
 * What a character of prose is, for the phrase scan: part of a word or not, and its lower case.
 * Characters are UTF-16 code units. The answers come from tables, filled for ASCII here and
 * above ASCII on first use, because the scan asks them of every character of a card's prose.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Per code unit: 1 for a letter or digit, 2 for anything else, 0 not known yet. */
export const alnumTable = new Uint8Array(0x10000);
/** Per code unit: its lower case when that is one code unit, else itself; 0 not known yet. */
const lowerTable = new Uint16Array(0x10000);
for (let code = 0; code < 128; code++) {
  const upper = code >= 65 && code <= 90;
  alnumTable[code] = upper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? 1 : 2;
  lowerTable[code] = upper ? code + 32 : code;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Part of a word: a letter or digit, or the point of a decimal number ("12.5"). False outside the text. */
export function isWordCharAt(text: string, i: number): boolean {
  // Kept tiny so that the engine inlines it: ASCII letters and digits are settled here.
  const code = text.charCodeAt(i);
  return code < 128 && code !== 46 ? alnumTable[code] === 1 : isOtherWordChar(text, i, code);
}

function isOtherWordChar(text: string, i: number, code: number): boolean {
  if (code === 46) return isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
  // NaN (outside the text) is no code unit.
  if (!(code >= 0)) return false;
  let known = alnumTable[code];
  if (known === 0) alnumTable[code] = known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** The lower case of a code unit, when that is a single code unit ("İ" lowers to two: kept as is). */
export function lowerCode(code: number): number {
  let lowered = lowerTable[code];
  if (lowered === 0 && code !== 0) {
    const folded = String.fromCharCode(code).toLowerCase();
    lowerTable[code] = lowered = folded.length === 1 ? folded.charCodeAt(0) : code;
  }
  return lowered;
}
