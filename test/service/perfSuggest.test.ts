/**
 * The faster prose scan (issue 5) against the scan it replaced: the character tables, the
 * one-pass scan of several phrase sets, the two-and-three-character filter, the single reading
 * of family and sub-categories, and the negation look-up by word pairs. Each is compared with a
 * straightforward reference (the former code, kept here) on the suggester corpus and on random
 * prose made of evidence words, separators, URLs and characters above ASCII.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createFamilySuggester, NEGATION_GRAMMAR } from '../../server/src/service/suggest';
import { cueGoverns } from '../../server/src/service/suggest/negation';
import { compileKeyStarts, compileKeyStartsWithFinder } from '../../server/src/service/suggest/keyStarts';
import { buildPhraseTable, longestAt } from '../../server/src/service/suggest/phraseTable';
import { compileConcepts } from '../../server/src/service/suggest/concepts';
import { compilePhrases, compilePhraseSets, PhraseEntry, PhraseMatch, phraseKey } from '../../server/src/service/suggest/phrases';
import { sentenceStartsAfter } from '../../server/src/service/suggest/sentenceStarts';
import { isWordCharAt, lowerCode } from '../../server/src/service/suggest/wordChars';
import { knowledge, ROOT } from '../helpers';

// ---- The reference: the scan as it was before issue 5 (a Map trie, one string per character). ----

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const refIsAlnum = (ch: string) => {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(ch);
};
const refIsDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
function refIsWordCharAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (ch === '.') return refIsDigit(text[i - 1]) && refIsDigit(text[i + 1]);
  return refIsAlnum(ch);
}
function refLower(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  if (code < 128) return ch;
  const folded = ch.toLowerCase();
  return folded.length === 1 ? folded : ch;
}

interface RefNode<L> { next: Map<string, RefNode<L>>; terminal?: { key: string; owners: { label: L; weight: number }[] } }

function refScanner<L>(entries: readonly PhraseEntry<L>[]): (text: string) => PhraseMatch<L>[] {
  const root: RefNode<L> = { next: new Map() };
  for (const entry of entries) {
    const key = phraseKey(entry.phrase);
    if (key.length === 0) continue;
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, child = { next: new Map() });
      node = child;
    }
    node.terminal ??= { key, owners: [] };
    const owner = node.terminal.owners.find(o => o.label === entry.label);
    if (owner) owner.weight = Math.max(owner.weight, entry.weight);
    else node.terminal.owners.push({ label: entry.label, weight: entry.weight });
  }
  const skipSeparators = (text: string, i: number) => {
    let newlines = 0;
    for (; i < text.length; i++) {
      if (refIsWordCharAt(text, i)) return i;
      if ('.!?;:'.includes(text[i])) return -1;
      if (text[i] === '\n' && ++newlines > 1) return -1;
    }
    return -1;
  };
  const longest = (text: string, start: number): PhraseMatch<L> | undefined => {
    let node = root;
    let best: PhraseMatch<L> | undefined;
    let i = start;
    while (i < text.length && node.next.size > 0) {
      if (!refIsWordCharAt(text, i)) {
        const resume = skipSeparators(text, i);
        if (resume < 0) break;
        i = resume;
        continue;
      }
      const child = node.next.get(refLower(text[i]));
      if (!child) break;
      node = child;
      i++;
      if (node.terminal && !refIsWordCharAt(text, i)) best = { key: node.terminal.key, start, end: i, owners: node.terminal.owners };
    }
    return best;
  };
  const url = /(?:https?:\/\/|www\.)[^\s)\]>"'`]*/iy;
  return text => {
    const matches: PhraseMatch<L>[] = [];
    let i = 0;
    while (i < text.length) {
      if (!refIsWordCharAt(text, i)) { i++; continue; }
      url.lastIndex = i;
      const link = 'hwHW'.includes(text[i]) ? url.exec(text) : null;
      if (link) { i += link[0].length; continue; }
      const match = longest(text, i);
      if (match) { matches.push(match); i = match.end; } else while (i < text.length && refIsWordCharAt(text, i)) i++;
    }
    return matches;
  };
}

// ---- Inputs ----

// Longest-match sets: the known models' names (the suggester's lineage set) and the sub-category phrases.
const familyPhrases = knowledge.models.flatMap(m => [m.name, ...m.aliases, ...m.hub_ids].map(phrase => ({ phrase, label: m.id as string, weight: 1 })));
const subcategoryPhrases = knowledge.subcategories.flatMap(s => s.evidence.map(e => ({ phrase: e.phrase, label: s.id as string, weight: e.weight })));
// The overlapping set: the concept terms, prefixes included.
const conceptTerms = compileConcepts(knowledge.suggester.concepts).terms.map(t => ({ ...t, label: String(t.label) }));
const evidenceWords = [...new Set([...familyPhrases, ...subcategoryPhrases, ...conceptTerms].flatMap(e => e.phrase.split(/\s+/)))];
const otherWords = ['not', 'no', 'without', 'unlike', "doesn't", 'isn’t', 'but', 'the', 'a', 'not only', 'instead of',
  'http://example.org/a', 'https://x.y/mimi', 'www.moshi.org', 'WWW.x', 'hTTp://q', '12.5', '1.a', 'a.5', '112.5Hz',
  'É', 'İstanbul', 'ﬁ', '𝐀𝐁', 'straße', 'ΣΟΦΊΑ', '\u212Aodec', 'mimic', 'which', 'with', 'H', 'streams', 'stream', 'speech'];
const separators = [' ', ' ', ' ', '-', '\n', '\n\n', '. ', ', ', ' → ', '/', ': ', '; ', '(', ')', '', '\r\n', '\t', '—', '’', '\u2028'];
const recase = (word: string, how: number) => how === 1 ? word.toUpperCase() : how === 2 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
const prose = fc.array(fc.tuple(
  fc.oneof(fc.constantFrom(...evidenceWords), fc.constantFrom(...otherWords), fc.string({ maxLength: 4 })),
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom(...separators),
), { maxLength: 60 }).map(parts => parts.map(([word, how, separator]) => recase(word, how) + separator).join(''));

function corpus(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return corpus(full);
    return /\.(md|txt)$/.test(entry.name) ? [fs.readFileSync(full, 'utf8')] : [];
  });
}
const suggestCorpus = corpus(path.join(ROOT, 'test', 'fixtures', 'suggest'));

describe('prose scan (issue 5): the same answers as the former scan', () => {
  test('isWordCharAt and lowerCode agree with the reference on every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      assert.equal(isWordCharAt(ch, 0), refIsWordCharAt(ch, 0), `U+${code.toString(16)}`);
      if (refIsWordCharAt(ch, 0)) assert.equal(String.fromCharCode(lowerCode(code)), refLower(ch), `U+${code.toString(16)}`);
    }
    for (const text of ['1.2', 'a.2', '1.a', '.', '1.', '.5', 'x', '']) {
      for (let i = -1; i <= text.length; i++) assert.equal(isWordCharAt(text, i), refIsWordCharAt(text, i), `${JSON.stringify(text)} at ${i}`);
    }
  });

  test('one pass over two sets finds what a scan of each finds, on the corpus and on random prose', () => {
    const both = compilePhraseSets([{ entries: familyPhrases }, { entries: subcategoryPhrases }]);
    const single = compilePhrases(familyPhrases);
    const refFamily = refScanner(familyPhrases);
    const refSubcategory = refScanner(subcategoryPhrases);
    const check = (text: string) => {
      assert.deepEqual(both.scan(text), [refFamily(text), refSubcategory(text)]);
      assert.deepEqual(single.scan(text), refFamily(text));
    };
    suggestCorpus.forEach(check);
    fc.assert(fc.property(prose, check), { numRuns: 1500, seed: 20250605 });
  });

  test('an overlapping set finds every key at every word start, prefixes to the end of their word', () => {
    const reference = (text: string) => {
      const found: { start: number; end: number; key: string }[] = [];
      const url = /(?:https?:\/\/|www\.)[^\s)\]>"'`]*/iy;
      for (let i = 0; i < text.length; i++) {
        if (!refIsWordCharAt(text, i) || refIsWordCharAt(text, i - 1)) continue;
        url.lastIndex = i;
        const link = 'hwHW'.includes(text[i]) ? url.exec(text) : null;
        if (link) { i += link[0].length - 1; continue; }
        // The letters and digits from i, each with the offset after it, up to a barrier.
        const letters: { ch: string; after: number }[] = [];
        for (let j = i, newlines = 0; j < text.length; j++) {
          if (refIsWordCharAt(text, j)) { letters.push({ ch: refLower(text[j]), after: j + 1 }); newlines = 0; continue; }
          if ('.!?;:'.includes(text[j]) || (text[j] === '\n' && ++newlines > 1)) break;
        }
        const sequence = letters.map(l => l.ch).join('');
        for (const entry of conceptTerms) {
          const key = phraseKey(entry.phrase);
          if (!sequence.startsWith(key)) continue;
          let end = letters[key.length - 1].after;
          if (refIsWordCharAt(text, end)) {
            if (!entry.prefix) continue;
            while (refIsWordCharAt(text, end)) end++;
          }
          found.push({ start: i, end, key });
        }
      }
      return found;
    };
    const matcher = compilePhraseSets([{ entries: conceptTerms, overlapping: true }]);
    const sorted = (list: { start: number; end: number; key: string }[]) =>
      [...new Set(list.map(m => `${m.start}:${m.end}:${m.key}`))].sort();
    const check = (text: string) => assert.deepEqual(sorted(matcher.scan(text)[0]), sorted(reference(text)), JSON.stringify(text));
    suggestCorpus.forEach(check);
    fc.assert(fc.property(prose, check), { numRuns: 1500, seed: 20261206 });
  });

  test('keys with other characters: points, letters above ASCII, one-character keys', () => {
    const entries = ['12.5 Hz', 'Straße', 'éclair au chocolat', 'a', 'x y', 'Kelvin', 'ΣΟΦΙΑ'].map((phrase, k) => ({ phrase, label: `l${k % 2}`, weight: 0.5 }));
    const matcher = compilePhrases(entries);
    const reference = refScanner(entries);
    const check = (text: string) => assert.deepEqual(matcher.scan(text), reference(text));
    ['at 12.5 Hz and 112.5Hz', 'STRASSE straße Straße', 'Éclair au chocolat', 'a b a. x y xy', '\u212Aelvin KELVIN', 'σοφια ΣΟΦΙΑ'].forEach(check);
    const pieces = fc.constantFrom('12.5', 'Hz', 'hz', 'a', 'x', 'y', 'é', 'É', 'clair', 'au', 'chocolat', 'Straße', '\u212A', 'elvin', 'ΣΟΦΙΑ', 'σοφια', '1');
    fc.assert(fc.property(fc.array(fc.tuple(pieces, fc.constantFrom(...separators)), { maxLength: 30 }),
      parts => check(parts.map(([piece, separator]) => piece + separator).join(''))), { numRuns: 1000, seed: 7 });
  });

  test('the two-and-three-character filter only leaves out sets with no match there', () => {
    const tables = [familyPhrases, subcategoryPhrases].map(entries =>
      buildPhraseTable(entries.map(e => ({ key: phraseKey(e.phrase), label: e.label, weight: e.weight }))));
    const setsAt = compileKeyStarts(tables);
    let ruledOut = 0;
    fc.assert(fc.property(prose, text => {
      for (let i = 0; i < text.length; i++) {
        if (!isWordCharAt(text, i) || isWordCharAt(text, i - 1)) continue;
        const first = lowerCode(text.charCodeAt(i));
        const sets = setsAt(text, i, first);
        tables.forEach((table, s) => {
          if (sets & (1 << s)) return;
          ruledOut++;
          assert.equal(longestAt(table, text, i, first), undefined, `set ${s} at ${i} in ${JSON.stringify(text)}`);
        });
      }
    }), { numRuns: 500, seed: 11 });
    assert.ok(ruledOut > 1000, `${ruledOut} word starts ruled out`);
  });

  test('the finder stops at every word start the filter lets through, and at every URL start', () => {
    const tables = [familyPhrases, subcategoryPhrases].map(entries =>
      buildPhraseTable(entries.map(e => ({ key: phraseKey(e.phrase), label: e.label, weight: e.weight }))));
    const { setsAt, finder } = compileKeyStartsWithFinder(tables, ['ht', 'ww']);
    let checked = 0;
    fc.assert(fc.property(prose, text => {
      const stops = new Set<number>();
      finder.lastIndex = 0;
      while (finder.test(text)) stops.add(finder.lastIndex);
      for (let i = 1; i < text.length; i++) {
        if (!isWordCharAt(text, i) || isWordCharAt(text, i - 1)) continue;
        const url = /^(ht|ww)/i.test(text.slice(i, i + 2));
        if (setsAt(text, i, lowerCode(text.charCodeAt(i))) === 0 && !url) continue;
        checked++;
        assert.ok(stops.has(i), `word start ${i} in ${JSON.stringify(text)}`);
      }
    }), { numRuns: 1000, seed: 12 });
    assert.ok(checked > 1000, `${checked} word starts checked`);
  });

  test('read() gives what suggest() and suggestSubcategories() give', () => {
    const suggester = createFamilySuggester(knowledge);
    const check = (text: string) => {
      const reading = suggester.read(text);
      assert.deepEqual(reading.family(), suggester.suggest(text));
      assert.deepEqual(reading.subcategories(), suggester.suggestSubcategories(text));
    };
    suggestCorpus.forEach(check);
    fc.assert(fc.property(prose, check), { numRuns: 500, seed: 3 });
  });

  test('the negation cue look-back finds word pairs as the former "word following" strings did', () => {
    // The former function, whole: the same look-back, one string per word pair.
    const cues = new Set<string>(NEGATION_GRAMMAR.cues);
    const notNegating = new Set<string>(NEGATION_GRAMMAR.notNegating);
    const openers = new Set<string>(NEGATION_GRAMMAR.clauseOpeners);
    const fillers = new Set<string>(NEGATION_GRAMMAR.fillers);
    const stops = new Set<string>(NEGATION_GRAMMAR.clauseStops);
    const apostrophe = (ch: string | undefined) => ch === "'" || ch === '’';
    const refIsNegated = (text: string, start: number) => {
      const words: string[] = [];
      let counted = 0;
      let i = start - 1;
      outer: while (counted < NEGATION_GRAMMAR.windowWords && words.length < NEGATION_GRAMMAR.windowWords * 3) {
        while (i >= 0 && !refIsWordCharAt(text, i)) {
          // A line break stops the look-back where a sentence ends (its "\n" decides for "\r\n").
          const lineBreak = text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n');
          if (stops.has(text[i]) || (lineBreak && sentenceStartsAfter(text, i))) break outer;
          i--;
        }
        if (i < 0) break;
        const end = i + 1;
        while (i >= 0 && (refIsWordCharAt(text, i) || (apostrophe(text[i]) && refIsWordCharAt(text, i - 1) && refIsWordCharAt(text, i + 1)))) i--;
        const word = text.slice(i + 1, end).toLowerCase();
        if (openers.has(word)) break;
        words.push(word);
        if (!fillers.has(word)) counted++;
      }
      for (let k = 0; k < words.length; k++) {
        const following = k > 0 ? words[k - 1] : undefined;
        if (following !== undefined && notNegating.has(`${words[k]} ${following}`)) continue;
        if (cues.has(words[k]) || NEGATION_GRAMMAR.contraction.test(words[k])) return true;
        if (following !== undefined && cues.has(`${words[k]} ${following}`)) return true;
      }
      return false;
    };
    const negationWords = fc.constantFrom('not', 'only', 'just', 'instead', 'of', 'rather', 'than', 'free', 'compared', 'to',
      'with', 'no', 'a', 'the', 'codec', 'streams', "doesn't", 'isn’t', 'use', 'vs', 'but', 'separate', 'NOT', 'Instead');
    const texts = fc.array(fc.tuple(negationWords, fc.constantFrom(' ', ' ', ', ', '\n', ' - ')), { maxLength: 10 })
      .map(parts => parts.map(([word, separator]) => word + separator).join(''));
    fc.assert(fc.property(texts, fc.nat(), (text, at) => {
      const start = text.length === 0 ? 0 : at % (text.length + 1);
      assert.equal(cueGoverns(text, start), refIsNegated(text, start), `${JSON.stringify(text)} at ${start}`);
    }), { numRuns: 3000, seed: 5 });
  });
});
