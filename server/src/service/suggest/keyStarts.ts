/**
 * Which phrase sets have a key that a word may start, from the word's first two or three
 * characters when they are ASCII letters or digits: most words of prose start no key ("the",
 * "model", "inference" start like some), and two or three array reads settle them before any
 * trie walk. Other characters (a point, a separator, a letter above ASCII) are left to the walk.
 */
import { addAsciiPrefixes, PhraseTable, PrefixTree } from './phraseTable';
import { alnumTable } from './wordChars';

const isAsciiAlnum = (code: number) => code < 128 && alnumTable[code] === 1;
const lowerAscii = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * A bit mask of the sets (bit s for `tables[s]`) whose keys may start at word start `i`, whose
 * lower-cased first character is `first`; a set left out has no match there.
 */
export type KeyStarts = (text: string, i: number, first: number) => number;

export function compileKeyStarts<L>(tables: readonly PhraseTable<L>[]): KeyStarts {
  const everySet = 2 ** tables.length - 1;
  const trees = tables.map(table => {
    const tree: PrefixTree = new Map();
    addAsciiPrefixes(table, 3, tree);
    return tree;
  });
  // Sets per first two characters; per such pair with a slot, sets per third character.
  const pairSets = new Int32Array(128 * 128);
  const pairSlot = new Int32Array(128 * 128).fill(-1);
  let slots = 0;
  for (const tree of trees) {
    for (const [first, seconds] of tree) for (const second of seconds.keys()) if (pairSlot[first * 128 + second] < 0) pairSlot[first * 128 + second] = slots++;
  }
  const tripleSets = new Int32Array(Math.max(1, slots * 128));
  trees.forEach((tree, s) => {
    for (const [first, seconds] of tree) {
      for (const [second, thirds] of seconds) {
        const pair = first * 128 + second;
        pairSets[pair] |= 1 << s;
        for (const third of thirds.keys()) tripleSets[pairSlot[pair] * 128 + third] |= 1 << s;
      }
    }
  });

  return (text, i, first) => {
    const second = text.charCodeAt(i + 1);
    if (first >= 128 || !isAsciiAlnum(second)) return everySet;
    const pair = first * 128 + lowerAscii(second);
    const sets = pairSets[pair];
    const third = text.charCodeAt(i + 2);
    // A key of two characters cannot end here: the third is a word character.
    if (sets === 0 || !isAsciiAlnum(third)) return sets;
    return sets & tripleSets[pairSlot[pair] * 128 + lowerAscii(third)];
  };
}
