/**
 * Models a card names as others' and then describes by name: an earlier release or a sibling of
 * its own line ("Quenmar Lyrit, our earlier release, …", "our sibling project Treskal-Ny",
 * "Quibrel-L, the server model from the same group, …", "our lab's only speech model was
 * Solvarin-Ith"). A sentence that opens with such a name, and the sentences that point back at it
 * ("It runs the caller's audio …"), describe that model, not the card's: wherever in the text the
 * name was set aside, since a card may describe a sibling before it says what it is.
 *
 * Only these marks set a name aside. A name alone says nothing: "Sorrel-Audio" under
 * "# Sorrel-Chat-FD" is the card's base, whose design is the card's too (subjectName.ts).
 */
import { DISCOURSE_GRAMMAR } from './discourseGrammar';

/** A model's name: a capitalised word, maybe with hyphenated or dotted parts, and maybe a second such word ("Quenmar Lyrit", "Orvalent-β"). */
const NAME = String.raw`[A-Z][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*(?:[ \t][A-Z][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*)?`;
const words = (list: readonly string[]) => list.map(entry => entry.replace(/ /g, String.raw`\s+`)).join('|');
const { earlier, siblings, builds } = DISCOURSE_GRAMMAR.namedOthers;

/** The marks, each capturing the name (bold or not: "**Favrel-Duo**, …"): after the name in an aside, before it after "our", or after "was". */
const MARKS: readonly RegExp[] = [
  // "Quenmar Lyrit, our earlier release, …", "Fennick-Duplex (our first conversational release)".
  new RegExp(String.raw`(${NAME})[*_]*\s*[,(]\s*our\s+(?:[\p{L}-]+\s+){0,2}?(?:${words(earlier)}|${words(siblings)})\b`, 'gu'),
  // "Quibrel-L, the server model from the same group, …", "Favrel-Duo, released by the same team, …",
  // "Dalmerix-R, released by our lab last year, …".
  new RegExp(String.raw`(${NAME})[*_]*\s*[,(]\s*(?:(?:(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?|(?:released|built|developed|made|trained)\s+)?(?:from|of|by)\s+the\s+same\s+(?:group|lab|team|company)|released\s+(?:[\p{L}']+\s+){0,4}?last\s+year)\b`, 'gu'),
  // "our sibling project Treskal-Ny", "our earlier release Quenmar Lyrit".
  new RegExp(String.raw`\bour\s+(?:[\p{L}-]+\s+){0,2}?(?:${words(earlier)}|${words(siblings)})\s+(?:[\p{L}-]+\s+)?(?:${words(builds)}),?\s+(${NAME})`, 'gu'),
  // "our lab's only speech model was Solvarin-Ith": what was, before the card's model.
  new RegExp(String.raw`\bour\s+[^.;:!?]{0,40}?\b(?:${words(builds)})\s+(?:was|were)\s+(${NAME})`, 'gu'),
];

/** A sibling named in apposition after `pronouns`: "Its sibling, Quenby Braid, …", "Their sister model Orlen-2 …" (not "other", which may be any build). */
const sibling = (pronouns: string) =>
  String.raw`${pronouns}\s+(?:${words(siblings.filter(word => word !== 'other'))})(?:\s+(?:${words(builds)}))?\s*,?\s*[*_]*`;
/** At a sentence's start, before the name. */
const SIBLING_APPOSITION = new RegExp(`^${sibling('(?:its|our|their)')}`, 'iu');
/** Anywhere in a passage, capturing the name (case kept, so the name's capital is one). */
const SIBLING_MARK = new RegExp(String.raw`\b${sibling('(?:[Ii]ts|[Oo]ur|[Tt]heir)')}(${NAME})`, 'gu');

/** The names a passage sets aside as other models' ("Quenmar Lyrit", "Treskal-Ny"), as written. */
export function namesSetAside(passage: string): string[] {
  // Every mark holds "our", "same", "released" or a word for a sibling: most passages are passed over at once.
  if (!/\bour\b|\bsame\b|\breleased\b|\bsibling|\bsister|\bcompanion/i.test(passage)) return [];
  const names: string[] = [];
  for (const mark of [...MARKS, SIBLING_MARK]) {
    mark.lastIndex = 0;
    for (let match = mark.exec(passage); match !== null; match = mark.exec(passage)) {
      names.push(match[1]);
      // A capitalised word before the name ("Meanwhile Foo-2, our …"): the name may be the second word alone.
      const space = match[1].search(/[ \t]/);
      if (space > 0) names.push(match[1].slice(space + 1));
    }
  }
  return names;
}

/** The length of a sibling's apposition that opens the text at `first` before a capitalised name ("Its sibling, " in "Its sibling, Quenby Braid, …"), or 0. */
function siblingApposition(text: string, first: number): number {
  const apposition = SIBLING_APPOSITION.exec(text.slice(first, first + 80));
  return apposition && /\p{Lu}/u.test(text[first + apposition[0].length] ?? '') ? apposition[0].length : 0;
}

/** Whether the sentence at `first` opens by naming a sibling ("Its sibling, Quenby Braid, is …"): it is about that model, not pointing back. */
export const opensWithSiblingName = (text: string, first: number) => siblingApposition(text, first) > 0;

/**
 * Whether the words at `first` are `name`, whole ("Quenmar Lyrit is …", not "Quenmar 2 reuses …"),
 * or the name in apposition after "Its sibling," ("Its sibling, Quenby Braid, is …").
 */
export function opensWithName(text: string, first: number, name: string): boolean {
  const at = first + siblingApposition(text, first);
  return text.startsWith(name, at) && !/[\p{L}\p{N}]/u.test(text[at + name.length] ?? '');
}
