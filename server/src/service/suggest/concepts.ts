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
import type { PhraseEntry, PhraseMatch } from './phrases';
import { WordPosition, wordPositions } from './wordPositions';

/** A group of alternative terms, one step of a pattern of a concept. */
interface Group {
  readonly concept: number;
}

interface CompiledConcept {
  readonly id: string;
  /** Found whatever negates it (the scope patterns: "unlike turn-based dialogue" still speaks of dialogue). */
  readonly anyway: boolean;
  readonly evidence: readonly (readonly [FamilyId, number])[];
  /** Per entry, its alternative patterns, each a list of group numbers in order. */
  readonly entries: readonly (readonly (readonly number[])[])[];
  /** Patterns that cancel the concept in their sentence. */
  readonly unless: readonly (readonly number[])[];
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
}

export interface ConceptReader {
  /** The terms, labelled with their group numbers, for the overlapping phrase set. */
  readonly terms: readonly PhraseEntry<number>[];
  /** The concepts the term matches of `text` make up (matches in text order), negated ones left out. */
  read(text: string, matches: readonly PhraseMatch<number>[]): ConceptMatch[];
}

/** A concept as the reader takes it: `anyway` ones are reported even when negated or set aside. */
export type ReadableConcept = Pick<Concept, 'id' | 'evidence' | 'all' | 'within' | 'gap'> & Partial<Pick<Concept, 'unless'>> & { readonly anyway?: boolean };

export function compileConcepts(concepts: readonly ReadableConcept[]): ConceptReader {
  const groups: Group[] = [];
  const terms: PhraseEntry<number>[] = [];
  const compile = (c: number, pattern: string): number[] => parsePattern(pattern).map(alternatives => {
    const group = groups.push({ concept: c }) - 1;
    for (const term of alternatives) terms.push({ phrase: term.text, label: group, weight: 1, prefix: term.prefix });
    return group;
  });
  const compiled: CompiledConcept[] = concepts.map((concept, c) => ({
    id: concept.id,
    anyway: concept.anyway === true,
    evidence: Object.entries(concept.evidence) as [FamilyId, number][],
    within: concept.within,
    gap: concept.gap,
    entries: concept.all.map(entry => (Array.isArray(entry) ? entry : [entry]).map(pattern => compile(c, pattern))),
    unless: (concept.unless ?? []).map(pattern => compile(c, pattern)),
  }));

  return {
    terms,
    read(text, matches) {
      const found: ConceptMatch[] = [];
      const positions = wordPositions(text, matches);
      let from = 0;
      while (from < matches.length) {
        let to = from + 1;
        while (to < matches.length && positions[to].sentence === positions[from].sentence) to++;
        readSentence(text, matches, positions, from, to, found);
        from = to;
      }
      return found;
    },
  };

  /** The concepts of one sentence: matches [from, to). */
  function readSentence(text: string, matches: readonly PhraseMatch<number>[], positions: readonly WordPosition[], from: number, to: number, found: ConceptMatch[]): void {
    const byGroup = new Map<number, number[]>();
    const touched = new Set<number>();
    for (let m = from; m < to; m++) {
      for (const { label } of matches[m].owners) {
        let list = byGroup.get(label);
        if (!list) byGroup.set(label, list = []);
        if (list[list.length - 1] !== m) list.push(m);
        touched.add(groups[label].concept);
      }
    }
    for (const c of touched) {
      const concept = compiled[c];
      // An `unless` pattern cancels the concept only where it is itself affirmed.
      if (concept.unless.some(pattern => occurrencesOf(pattern, concept.gap, byGroup, matches, positions).some(o => counts(text, o)))) continue;
      const occurrences = concept.entries.map(alternatives =>
        alternatives.flatMap(pattern => occurrencesOf(pattern, concept.gap, byGroup, matches, positions)));
      if (occurrences.some(list => list.length === 0)) continue;
      const instance = tightest(occurrences, concept.within, concept.anyway ? undefined : text);
      if (instance) found.push({ concept: concept.id, evidence: concept.evidence, start: instance.start, end: instance.end });
    }
  }
}

/** An occurrence that is neither negated nor in a clause about other systems. */
function counts(text: string, occurrence: Occurrence): boolean {
  return !isNegated(text, occurrence.start) && !isSetAside(text, occurrence.start, occurrence.end);
}

/** Every place a pattern's groups come in order, each at most `gap` words after the one before. */
function occurrencesOf(pattern: readonly number[], gap: number, byGroup: ReadonlyMap<number, number[]>,
  matches: readonly PhraseMatch<number>[], positions: readonly WordPosition[]): Occurrence[] {
  const heads = byGroup.get(pattern[0]);
  if (!heads) return [];
  const found: Occurrence[] = [];
  for (const head of heads) {
    let last = head;
    for (let step = 1; step < pattern.length && last >= 0; step++) {
      const after = positions[last].lastWord;
      const next = byGroup.get(pattern[step])?.find(m => positions[m].firstWord > after && positions[m].firstWord - after - 1 <= gap);
      last = next ?? -1;
    }
    if (last >= 0) {
      found.push({ firstWord: positions[head].firstWord, lastWord: positions[last].lastWord, start: matches[head].start, end: matches[last].end });
    }
  }
  return found;
}

/**
 * One occurrence per entry, all within `within` words, none negated or set aside (when `text` is
 * given to check that): the tightest such choice around each occurrence of the first entry, the
 * tightest of those overall.
 */
function tightest(occurrences: readonly Occurrence[][], within: number, text: string | undefined): Span | undefined {
  const usable = occurrences.map(list => (text === undefined ? list : list.filter(o => counts(text, o))));
  if (usable.some(list => list.length === 0)) return undefined;
  let best: { span: number; start: number; end: number } | undefined;
  for (const anchor of usable[0]) {
    let first = anchor.firstWord, last = anchor.lastWord, start = anchor.start, end = anchor.end;
    for (let e = 1; e < usable.length; e++) {
      let pick: Occurrence | undefined;
      let pickSpan = Infinity;
      for (const o of usable[e]) {
        const span = Math.max(last, o.lastWord) - Math.min(first, o.firstWord) + 1;
        if (span < pickSpan) { pick = o; pickSpan = span; }
      }
      first = Math.min(first, pick!.firstWord);
      last = Math.max(last, pick!.lastWord);
      start = Math.min(start, pick!.start);
      end = Math.max(end, pick!.end);
    }
    const span = last - first + 1;
    if (span <= within && (!best || span < best.span)) best = { span, start, end };
  }
  return best && { start: best.start, end: best.end };
}
