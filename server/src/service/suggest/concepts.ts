/**
 * Concepts (concepts.yaml): an architectural fact found in a sentence from its words, whatever
 * their order and whatever else comes between them. Every term of every concept is one entry of
 * an overlapping phrase set, read in the suggester's single scan; this module turns the term
 * matches of a text into the concepts they make up.
 */
import { parsePattern } from '../../knowledge/conceptPattern';
import type { Concept, FamilyId } from '../../knowledge/schema';
import type { Span } from '../findings';
import { isNegated, isSetAside } from './negation';
import { isDeniedAfter } from './predicateAfter';
import { NEGATION_GRAMMAR } from './negationGrammar';
import type { PhraseEntry, PhraseMatch } from './phrases';
import { sentenceIds, WordPosition, wordNumbers } from './wordPositions';

/** A group of alternative terms: one step of a pattern of a concept. */
interface Group {
  readonly concept: number;
  /** The pattern it is a step of (numbered over all concepts). */
  readonly pattern: number;
  readonly step: number;
}

/** A pattern: the entry of `all` it is an alternative for (-1 for an `unless` pattern). */
interface Pattern {
  readonly concept: number;
  readonly entry: number;
  /** A bit per step: all set when every step has a match in the sentence. */
  readonly full: number;
  /**
   * Whether a negation before a later step negates the pattern ("the LLM is not frozen"): for
   * patterns of several steps none of whose terms is itself a negation ("no … updated").
   */
  readonly negatableInside: boolean;
}

interface CompiledConcept {
  readonly id: string;
  /**
   * Found whatever negates it, and once is enough (the scope patterns: "unlike turn-based
   * dialogue" still speaks of dialogue, and one mention says what the text is about).
   */
  readonly anyway: boolean;
  /** One entry of one-step patterns: a match is an occurrence, no word needs counting. */
  readonly single: boolean;
  readonly evidence: readonly (readonly [FamilyId, number])[];
  /** Per entry, its alternative patterns, each a list of group numbers in order. */
  readonly entries: readonly (readonly (readonly number[])[])[];
  /** Patterns that cancel the concept in their sentence. */
  readonly unless: readonly (readonly number[])[];
  /** A bit per entry: all set when every entry may be found in the sentence. */
  readonly full: number;
  readonly within: number;
  readonly gap: number;
}

/** A concept found in the text, not negated. */
export interface ConceptMatch extends Span {
  readonly concept: string;
  readonly evidence: readonly (readonly [FamilyId, number])[];
}

/** One pattern found: from its first word to its last. */
interface Occurrence {
  readonly firstWord: number;
  readonly lastWord: number;
  readonly start: number;
  readonly end: number;
  /** Where its later steps start, when a negation before them negates it. */
  readonly inner?: readonly number[];
}

/** Words that make a term a negation itself ("no", "without", "instead" …): such a pattern says its own negation. */
const NEGATING_WORDS = new Set<string>(NEGATION_GRAMMAR.cues.map(cue => cue.split(' ')[0]));

export interface ConceptReader {
  /** Every term, labelled with its group number, for an overlapping phrase set. */
  readonly terms: readonly PhraseEntry<number>[];
  /** The concepts the term matches of `text` make up (matches in text order), negated ones left out. */
  read(text: string, matches: readonly PhraseMatch<number>[]): ConceptMatch[];
}

/** A concept as the reader takes it: `anyway` ones are reported even when negated or set aside. */
export type ReadableConcept = Pick<Concept, 'id' | 'evidence' | 'all' | 'within' | 'gap'> & Partial<Pick<Concept, 'unless'>> & { readonly anyway?: boolean };

/** Most entries a concept may have: one bit each. */
const MAX_ENTRIES = 30;

export function compileConcepts(concepts: readonly ReadableConcept[]): ConceptReader {
  const groups: Group[] = [];
  const patterns: Pattern[] = [];
  const terms: PhraseEntry<number>[] = [];
  const compile = (concept: number, entry: number, text: string): number[] => {
    const steps = parsePattern(text);
    const negatesItself = steps.some(alternatives => alternatives.some(term => term.text.split(/[^\p{L}\p{N}]+/u).some(word => NEGATING_WORDS.has(word.toLowerCase()))));
    const pattern = patterns.push({ concept, entry, full: 2 ** steps.length - 1, negatableInside: steps.length > 1 && !negatesItself }) - 1;
    return steps.map((alternatives, step) => {
      const group = groups.push({ concept, pattern, step }) - 1;
      for (const term of alternatives) terms.push({ phrase: term.text, label: group, weight: 1, prefix: term.prefix });
      return group;
    });
  };
  const compiled: CompiledConcept[] = concepts.map((concept, c) => {
    if (concept.all.length > MAX_ENTRIES) throw new Error(`concept ${concept.id}: more than ${MAX_ENTRIES} entries`);
    return {
      id: concept.id,
      anyway: concept.anyway === true,
      evidence: Object.entries(concept.evidence) as [FamilyId, number][],
      within: concept.within,
      gap: concept.gap,
      entries: concept.all.map((entry, e) => (Array.isArray(entry) ? entry : [entry]).map(pattern => compile(c, e, pattern))),
      unless: (concept.unless ?? []).map(pattern => compile(c, -1, pattern)),
      full: 2 ** concept.all.length - 1,
      single: concept.all.length === 1 && [concept.all[0]].flat().every(pattern => parsePattern(pattern).length === 1),
    };
  });

  // The same as typed arrays, for the loop over every match.
  const groupPattern = Int32Array.from(groups, g => g.pattern);
  const groupStep = Int32Array.from(groups, g => 1 << g.step);
  const patternEntry = Int32Array.from(patterns, p => p.entry);
  const patternFull = Int32Array.from(patterns, p => p.full);
  const patternConcept = Int32Array.from(patterns, p => p.concept);
  const conceptFull = Int32Array.from(compiled, c => c.full);

  // Per sentence, which steps of each pattern and which entries of each concept have a match;
  // a stamp per slot says which sentence its bits belong to, so nothing is cleared between sentences.
  const patternSteps = new Int32Array(patterns.length);
  const patternStamp = new Int32Array(patterns.length).fill(-1);
  const conceptEntries = new Int32Array(compiled.length);
  const conceptStamp = new Int32Array(compiled.length).fill(-1);
  let stamp = 0;

  return {
    terms,
    read(text, matches) {
      const found: ConceptMatch[] = [];
      const done = new Set<number>();
      const sentences = sentenceIds(text, matches);
      let from = 0;
      while (from < matches.length) {
        let to = from + 1;
        while (to < matches.length && sentences[to] === sentences[from]) to++;
        // Stamps stay below 2^31: start again well before.
        if (++stamp > 0x3fffffff) {
          stamp = 0;
          patternStamp.fill(-1);
          conceptStamp.fill(-1);
        }
        const candidates = candidatesOf(matches, from, to, stamp);
        if (candidates.length > 0) readSentence(text, matches, from, to, candidates, found, done);
        from = to;
      }
      return found;
    },
  };

  /** The concepts every entry of which has a whole pattern among the matches [from, to). */
  function candidatesOf(matches: readonly PhraseMatch<number>[], from: number, to: number, stamp: number): number[] {
    const candidates: number[] = [];
    for (let m = from; m < to; m++) {
      const owners = matches[m].owners;
      for (let o = 0; o < owners.length; o++) {
        const group = owners[o].label;
        const p = groupPattern[group];
        if (patternStamp[p] !== stamp) { patternStamp[p] = stamp; patternSteps[p] = 0; }
        const before = patternSteps[p];
        const after = before | groupStep[group];
        patternSteps[p] = after;
        const full = patternFull[p];
        if (before === full || after !== full || patternEntry[p] < 0) continue;
        const c = patternConcept[p];
        if (conceptStamp[c] !== stamp) { conceptStamp[c] = stamp; conceptEntries[c] = 0; }
        const had = conceptEntries[c];
        const now = had | (1 << patternEntry[p]);
        conceptEntries[c] = now;
        if (had !== conceptFull[c] && now === conceptFull[c]) candidates.push(c);
      }
    }
    return candidates;
  }

  /** The candidate concepts of one sentence (matches [from, to)) that are really there. */
  function readSentence(text: string, matches: readonly PhraseMatch<number>[], from: number, to: number, candidates: readonly number[],
    found: ConceptMatch[], done: Set<number>): void {
    let words: WordPosition[] | undefined;
    let byGroup: Map<number, number[]> | undefined;
    const local = (m: number) => matches[from + m];
    for (const c of candidates) {
      if (done.has(c)) continue;
      const concept = compiled[c];
      const keep = (start: number, end: number) => {
        found.push({ concept: concept.id, evidence: concept.evidence, start, end });
        if (concept.anyway) done.add(c);
      };
      if (concept.single && concept.unless.length === 0) {
        // One term is the whole concept: the first affirmed match of it, no words to count.
        const match = firstMatchOf(c, matches, from, to, concept.anyway ? undefined : text);
        if (match) keep(match.start, match.end);
        continue;
      }
      // Word numbers and matches by group only where a concept needs them.
      const sentenceWords = words ??= wordNumbers(text, matches, from, to);
      const sentenceGroups = byGroup ??= matchesByGroup(matches, from, to);
      const occurrences = (pattern: readonly number[]) =>
        occurrencesOf(pattern, concept.gap, sentenceGroups, local, sentenceWords, patterns[groups[pattern[0]].pattern].negatableInside);
      // An `unless` pattern cancels the concept only where it is itself affirmed.
      if (concept.unless.some(pattern => occurrences(pattern).some(o => counts(text, o)))) continue;
      const entries = concept.entries.map(alternatives => alternatives.flatMap(occurrences));
      if (entries.some(list => list.length === 0)) continue;
      const instance = tightest(entries, concept.within, concept.anyway ? undefined : text);
      if (instance) keep(instance.start, instance.end);
    }
  }

  /** The first match of concept `c` among [from, to) that is affirmed (when `text` is given to check that). */
  function firstMatchOf(c: number, matches: readonly PhraseMatch<number>[], from: number, to: number, text: string | undefined): PhraseMatch<number> | undefined {
    for (let m = from; m < to; m++) {
      const match = matches[m];
      if (match.owners.some(owner => groups[owner.label].concept === c) && (text === undefined || counts(text, match))) return match;
    }
    return undefined;
  }
}

/** The sentence's matches (numbered from its first) for each group that has any. */
function matchesByGroup(matches: readonly PhraseMatch<number>[], from: number, to: number): Map<number, number[]> {
  const byGroup = new Map<number, number[]>();
  for (let m = from; m < to; m++) {
    for (const { label } of matches[m].owners) {
      let list = byGroup.get(label);
      if (!list) byGroup.set(label, list = []);
      if (list[list.length - 1] !== m - from) list.push(m - from);
    }
  }
  return byGroup;
}

/** An occurrence that is neither negated, before, inside or after it, nor in a clause about other systems. */
function counts(text: string, occurrence: Span & Pick<Occurrence, 'inner'>): boolean {
  return !isNegated(text, occurrence.start) && !isSetAside(text, occurrence.start, occurrence.end) && !isDeniedAfter(text, occurrence.end)
    && !(occurrence.inner?.some(start => isNegated(text, start)) ?? false);
}

/** Every place a pattern's groups come in order, each at most `gap` words after the one before. */
function occurrencesOf(pattern: readonly number[], gap: number, byGroup: ReadonlyMap<number, number[]>,
  matchAt: (m: number) => PhraseMatch<number>, words: readonly WordPosition[], negatableInside: boolean): Occurrence[] {
  const heads = byGroup.get(pattern[0]);
  if (!heads) return [];
  const found: Occurrence[] = [];
  for (const head of heads) {
    let last = head;
    const inner: number[] | undefined = negatableInside ? [] : undefined;
    for (let step = 1; step < pattern.length && last >= 0; step++) {
      const after = words[last].lastWord;
      const next = byGroup.get(pattern[step])?.find(m => words[m].firstWord > after && words[m].firstWord - after - 1 <= gap);
      last = next ?? -1;
      if (next !== undefined) inner?.push(matchAt(next).start);
    }
    if (last >= 0) {
      found.push({ firstWord: words[head].firstWord, lastWord: words[last].lastWord, start: matchAt(head).start, end: matchAt(last).end, inner });
    }
  }
  return found;
}

/**
 * One occurrence per entry, all within `within` words, none negated or set aside (when `text` is
 * given to check that): the tightest choice around each occurrence of the first entry, the
 * tightest of those overall. Negation is checked on the chosen occurrences only, and a chosen one
 * that is negated is dropped and the choice made again: most occurrences are never checked.
 */
function tightest(occurrences: readonly Occurrence[][], within: number, text: string | undefined): Span | undefined {
  const lists = occurrences.map(list => [...list]);
  for (;;) {
    const choice = tightestChoice(lists, within);
    if (!choice) return undefined;
    const failing = text === undefined ? -1 : choice.picks.findIndex(o => !counts(text, o));
    if (failing < 0) return { start: choice.start, end: choice.end };
    lists[failing].splice(lists[failing].indexOf(choice.picks[failing]), 1);
  }
}

function tightestChoice(lists: readonly Occurrence[][], within: number): { picks: Occurrence[]; start: number; end: number } | undefined {
  if (lists.some(list => list.length === 0)) return undefined;
  let best: { span: number; picks: Occurrence[]; start: number; end: number } | undefined;
  for (const anchor of lists[0]) {
    let first = anchor.firstWord, last = anchor.lastWord, start = anchor.start, end = anchor.end;
    const picks = [anchor];
    for (let e = 1; e < lists.length; e++) {
      let pick = lists[e][0];
      let pickSpan = Infinity;
      for (const o of lists[e]) {
        const span = Math.max(last, o.lastWord) - Math.min(first, o.firstWord) + 1;
        if (span < pickSpan) { pick = o; pickSpan = span; }
      }
      picks.push(pick);
      first = Math.min(first, pick.firstWord);
      last = Math.max(last, pick.lastWord);
      start = Math.min(start, pick.start);
      end = Math.max(end, pick.end);
    }
    const span = last - first + 1;
    if (span <= within && (!best || span < best.span)) best = { span, picks, start, end };
  }
  return best;
}
