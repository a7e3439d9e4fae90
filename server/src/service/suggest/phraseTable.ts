/**
 * One set of phrase keys as a table-driven automaton (a trie with numbered states): the scan
 * follows a key with one array read per character. Built once per knowledge base.
 */
import type { PhraseMatch } from './phrases';
import { alnumTable, isWordCharAt, lowerCode } from './wordChars';

/** The key that ends in a state, and what it is evidence for. */
export interface Terminal<L> {
  readonly key: string;
  readonly owners: { label: L; weight: number }[];
  /** Owners of the key as a prefix ("stream*"): it also matches a longer word that starts with it. */
  readonly prefixOwners: { label: L; weight: number }[];
}

export interface PhraseTable<L> {
  /** Per ASCII code unit: its column in `next`, or -1 when no key holds it. */
  readonly column: Int8Array;
  readonly width: number;
  /** `state * width + column` → the next state; 0 (the start, never re-entered) means none. */
  readonly next: Int32Array;
  /** The same for code units above ASCII, by `state * 0x10000 + code unit`. */
  readonly otherNext: ReadonlyMap<number, number>;
  /** Per state: the key ending there, if any. */
  readonly terminal: readonly (Terminal<L> | undefined)[];
  /** Per state: 1 when some key goes on from it. */
  readonly goesOn: Uint8Array;
}

/** Builds the table from keys (lower-cased word characters) with their owners. */
export function buildPhraseTable<L>(entries: readonly { key: string; label: L; weight: number; prefix?: boolean }[]): PhraseTable<L> {
  // A trie first, its states numbered in creation order.
  const children: Map<number, number>[] = [new Map()];
  const terminal: (Terminal<L> | undefined)[] = [undefined];
  for (const { key, label, weight, prefix } of entries) {
    if (key.length === 0) continue;
    let state = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(k);
      let child = children[state].get(code);
      if (child === undefined) {
        child = children.length;
        children[state].set(code, child);
        children.push(new Map());
        terminal.push(undefined);
      }
      state = child;
    }
    const ending = terminal[state] ??= { key, owners: [], prefixOwners: [] };
    const owners = prefix ? ending.prefixOwners : ending.owners;
    const owner = owners.find(o => o.label === label);
    if (owner) owner.weight = Math.max(owner.weight, weight);
    else owners.push({ label, weight });
  }

  const column = new Int8Array(128).fill(-1);
  let width = 0;
  for (const map of children) for (const code of map.keys()) if (code < 128 && column[code] < 0) column[code] = width++;
  const next = new Int32Array(Math.max(1, children.length * width));
  const otherNext = new Map<number, number>();
  children.forEach((map, state) => {
    for (const [code, child] of map) {
      if (code < 128) next[state * width + column[code]] = child;
      else otherNext.set(state * 0x10000 + code, child);
    }
  });
  const goesOn = Uint8Array.from(children, map => (map.size > 0 ? 1 : 0));
  return { column, width, next, otherNext, terminal, goesOn };
}

/**
 * The first `depth` characters of the keys, as a tree of lower-cased ASCII letters and digits
 * (added into `into`); a key's prefix stops at its first other character.
 */
export function addAsciiPrefixes<L>(table: PhraseTable<L>, depth: number, into: PrefixTree, state = 0): void {
  if (depth === 0) return;
  for (let code = 0; code < 128; code++) {
    if (alnumTable[code] !== 1) continue;
    const next = step(table, state, code);
    if (next === 0) continue;
    let child = into.get(code);
    if (!child) into.set(code, child = new Map());
    addAsciiPrefixes(table, depth - 1, child, next);
  }
}

/** Lower-cased ASCII code unit → the prefixes that go on with it. */
export type PrefixTree = Map<number, PrefixTree>;

/** The state after reading lower-cased code unit `code` in `state`, or 0 when no key goes that way. */
function step<L>(table: PhraseTable<L>, state: number, code: number): number {
  if (code >= 128) return table.otherNext.get(state * 0x10000 + code) ?? 0;
  const column = table.column[code];
  return column < 0 ? 0 : table.next[state * table.width + column];
}

/**
 * Where the separator run starting at `i` ends, or -1 when it holds something a phrase cannot
 * cross (sentence punctuation — . ! ? ; : — or a blank line) or reaches the end of the text.
 */
function skipSeparators(text: string, i: number): number {
  let newlines = 0;
  for (; i < text.length; i++) {
    if (isWordCharAt(text, i)) return i;
    const code = text.charCodeAt(i);
    if (code === 46 || code === 33 || code === 63 || code === 59 || code === 58) return -1;
    if (code === 10 && ++newlines > 1) return -1;
  }
  return -1;
}

/**
 * The longest key read from word start `start` (whose lower-cased first character is `first`)
 * that ends at the end of a word, if any. Runs for most words that start like a key, so the
 * common step (an ASCII letter or digit) is written out here rather than called.
 */
export function longestAt<L>(table: PhraseTable<L>, text: string, start: number, first: number): PhraseMatch<L> | undefined {
  const { column, width, next, terminal, goesOn } = table;
  let state = step(table, 0, first);
  let best: Terminal<L> | undefined;
  let end = 0;
  let i = start + 1;
  if (state === 0) return undefined;
  if (terminal[state] && !isWordCharAt(text, i)) { best = terminal[state]; end = i; }
  while (i < text.length && goesOn[state] === 1) {
    const code = text.charCodeAt(i);
    if (code < 128 && code !== 46 && alnumTable[code] === 1) {
      const at = column[code >= 65 && code <= 90 ? code + 32 : code];
      state = at < 0 ? 0 : next[state * width + at];
    } else if (isWordCharAt(text, i)) {
      state = step(table, state, lowerCode(code));
    } else {
      const resume = skipSeparators(text, i);
      if (resume < 0) break;
      i = resume;
      continue;
    }
    if (state === 0) break;
    i++;
    if (terminal[state] && !isWordCharAt(text, i)) { best = terminal[state]; end = i; }
  }
  return best && { key: best.key, start, end, owners: best.owners };
}

/**
 * Every key read from word start `start` that ends at the end of a word, or ends anywhere for a
 * prefix key (the match then runs to the end of that word), shortest first: "text-to-speech"
 * gives "text" and "text to speech". For the concept terms, which may overlap.
 */
export function allAt<L>(table: PhraseTable<L>, text: string, start: number, first: number, into: PhraseMatch<L>[]): void {
  const { column, width, next, terminal, goesOn } = table;
  let state = step(table, 0, first);
  let i = start + 1;
  while (state !== 0) {
    const ending = terminal[state];
    if (ending) {
      const atWordEnd = !isWordCharAt(text, i);
      if (atWordEnd && ending.owners.length > 0) into.push({ key: ending.key, start, end: i, owners: ending.owners });
      if (ending.prefixOwners.length > 0) {
        let end = i;
        while (isWordCharAt(text, end)) end++;
        into.push({ key: ending.key, start, end, owners: ending.prefixOwners });
      }
    }
    if (i >= text.length || goesOn[state] !== 1) return;
    // As in longestAt: the common step (an ASCII letter or digit) written out.
    const code = text.charCodeAt(i);
    if (code < 128 && code !== 46 && alnumTable[code] === 1) {
      const at = column[code >= 65 && code <= 90 ? code + 32 : code];
      state = at < 0 ? 0 : next[state * width + at];
    } else if (isWordCharAt(text, i)) {
      state = step(table, state, lowerCode(code));
    } else {
      i = skipSeparators(text, i);
      if (i < 0) return;
      state = step(table, state, lowerCode(text.charCodeAt(i)));
    }
    i++;
  }
}
