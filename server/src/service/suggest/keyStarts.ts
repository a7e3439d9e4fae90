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
  return compileKeyStartsWithFinder(tables, []).setsAt;
}

/**
 * The filter, and the finder: a regular expression (flags `gi`) whose `lastIndex` stops at every
 * word start where the filter lets some set through (and where one of `alsoAt`'s two-character
 * prefixes starts a word), and passes over the other words in the engine's compiled matcher.
 * It may also stop where no word starts (after a letter above ASCII, at a character above ASCII
 * that is no letter), which the caller rules out.
 */
export function compileKeyStartsWithFinder<L>(tables: readonly PhraseTable<L>[], alsoAt: readonly string[]): { setsAt: KeyStarts; finder: RegExp } {
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
  // The same prefixes as text for the finder: first two characters → the thirds that go on.
  const prefixes = new Map<string, Set<string>>();
  trees.forEach((tree, s) => {
    for (const [first, seconds] of tree) {
      for (const [second, thirds] of seconds) {
        const pair = first * 128 + second;
        pairSets[pair] |= 1 << s;
        const pairText = String.fromCharCode(first, second);
        if (!prefixes.has(pairText)) prefixes.set(pairText, new Set());
        for (const third of thirds.keys()) {
          tripleSets[pairSlot[pair] * 128 + third] |= 1 << s;
          prefixes.get(pairText)!.add(String.fromCharCode(third));
        }
      }
    }
  });

  const setsAt: KeyStarts = (text, i, first) => {
    const second = text.charCodeAt(i + 1);
    if (first >= 128 || !isAsciiAlnum(second)) return everySet;
    const pair = first * 128 + lowerAscii(second);
    const sets = pairSets[pair];
    const third = text.charCodeAt(i + 2);
    // A key of two characters cannot end here: the third is a word character.
    if (sets === 0 || !isAsciiAlnum(third)) return sets;
    return sets & tripleSets[pairSlot[pair] * 128 + lowerAscii(third)];
  };

  // Where `setsAt` is not 0 at a word start: a first character above ASCII, or a second that is
  // no ASCII letter or digit (every set); a known pair ending the word, or going on with a known
  // third. ASCII letters and digits need no escaping; the `i` flag matches upper case.
  const NOT_ALNUM_NEXT = '(?![A-Za-z0-9])';
  const alternatives = ['[^\\x00-\\x7F]', `[A-Za-z0-9]${NOT_ALNUM_NEXT}`, ...alsoAt];
  // Grouped by first character ("a(?:b…|c…)"), so the engine dispatches on it instead of trying
  // every pair in turn: with a few hundred keys that halves the finder's time.
  const byFirst = new Map<string, string[]>();
  for (const [pair, thirds] of prefixes) {
    const rest = thirds.size === 0 ? `${pair[1]}${NOT_ALNUM_NEXT}` : `${pair[1]}(?:${NOT_ALNUM_NEXT}|[${[...thirds].join('')}])`;
    let seconds = byFirst.get(pair[0]);
    if (!seconds) byFirst.set(pair[0], seconds = []);
    seconds.push(rest);
  }
  for (const [first, seconds] of byFirst) alternatives.push(seconds.length === 1 ? `${first}${seconds[0]}` : `${first}(?:${seconds.join('|')})`);
  // The match is the character before the word (a look-behind is slower), so the finder never
  // stops at offset 0, which the caller tries first.
  const finder = new RegExp(`[^A-Za-z0-9](?=${alternatives.join('|')})`, 'gi');
  return { setsAt, finder };
}
