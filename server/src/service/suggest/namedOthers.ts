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

/** The names a passage sets aside as other models' ("Quenmar Lyrit", "Treskal-Ny"), as written. */
export function namesSetAside(passage: string): string[] {
  // Every mark holds "our" or "same" or "released": most passages are passed over at once.
  if (!/\bour\b|\bsame\b|\breleased\b/.test(passage)) return [];
  const names: string[] = [];
  for (const mark of MARKS) {
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

/** Whether the words at `first` are `name`, whole: "Quenmar Lyrit is …", not "Quenmar 2 reuses …". */
export function opensWithName(text: string, first: number, name: string): boolean {
  return text.startsWith(name, first) && !/[\p{L}\p{N}]/u.test(text[first + name.length] ?? '');
}
