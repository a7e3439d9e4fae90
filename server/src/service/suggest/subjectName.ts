/**
 * The model a sentence is about, when it opens with a model's name: "Brightwater-Omni packs text
 * and speech tokens into alternating blocks …" speaks of Brightwater-Omni. Set against the name
 * the card gives itself in its title ("# Duet-S"), it tells a sentence about another system, such
 * as a baseline described after a results table, from one about the card's own model or its base
 * ("Sorrel-Audio" under "# Sorrel-Chat-FD").
 *
 * Only names that cannot be ordinary words count: a capitalised token joined by hyphens or dots
 * to a part that starts with a capital or a digit ("Brightwater-Omni", "GLM-4-Voice",
 * "Qwen2.5-Omni"), in camel case ("OmniFlatten") or with letters and digits ("Kimi2"), and not
 * made of design words alone ("End-to-End", "Full-Duplex"). "Moshi" or "Plenum" alone could be a
 * sentence's first common word, and are left alone.
 */
import { NEGATION_GRAMMAR } from './negationGrammar';
import { opensSentence } from './sentenceStarts';
import { isWordCharAt } from './wordChars';

const DESIGN_WORDS = new Set<string>(NEGATION_GRAMMAR.kindModifiers);
/** The most words a sentence is read back for, to its first word. */
const MOST_WORDS = 40;

/** The name-like token that starts at `i`, or undefined: letters, digits and the hyphens and inner dots that join them. */
export function nameAt(text: string, i: number): string | undefined {
  let end = i;
  while (end < text.length && (/[A-Za-z0-9]/.test(text[end]) || ((text[end] === '-' || text[end] === '.') && /[A-Za-z0-9]/.test(text[end + 1] ?? '')))) end++;
  const token = text.slice(i, end);
  if (!/^[A-Z]/.test(token) || !/[a-z]/.test(token)) return undefined;
  const named = /[-.][A-Z0-9]/.test(token) || /[a-z][A-Z]/.test(token) || /[A-Za-z]\d/.test(token);
  if (!named) return undefined;
  const parts = token.toLowerCase().split(/[-.]/);
  return parts.every(part => DESIGN_WORDS.has(part)) ? undefined : token;
}

/** A sentence's opening model name: lower-cased, and where it starts. */
export interface SentenceSubject {
  readonly name: string;
  readonly start: number;
}

/**
 * The name the sentence that holds `start` opens with, when it opens with a name-like token;
 * undefined otherwise. Read back at most MOST_WORDS words to the sentence's first word, which
 * never crosses a passage break.
 */
export function sentenceSubject(text: string, start: number): SentenceSubject | undefined {
  let i = start;
  for (let read = 0; read <= MOST_WORDS; read++) {
    // The word that ends before i (or holds start, the first time round).
    while (i > 0 && isWordCharAt(text, i - 1)) i--;
    if (opensSentence(text, i)) {
      const name = nameAt(text, i);
      return name === undefined ? undefined : { name: name.toLowerCase(), start: i };
    }
    // Back past the separators (a name's own hyphens too) to the word before.
    let j = i - 1;
    while (j >= 0 && !isWordCharAt(text, j)) j--;
    if (j < 0) return undefined;
    i = j;
  }
  return undefined;
}

/**
 * The words a README's title gives its model ("# Sorrel-Chat-FD", "# Model Card for Sorrel-Chat-FD"),
 * lower-cased: every word of its first level-one heading, when that heading holds a name-like
 * token; undefined otherwise ("# Introduction", "# Moshi": no name to tell others' from).
 */
export function titleWords(text: string): ReadonlySet<string> | undefined {
  const title = /^[ \t]{0,3}#[ \t]+(.+)$/m.exec(text);
  if (!title) return undefined;
  const tokens = title[1].match(/[A-Za-z0-9][A-Za-z0-9.-]*/g) ?? [];
  if (!tokens.some(token => nameAt(token, 0) !== undefined)) return undefined;
  return new Set(title[1].toLowerCase().split(/[^a-z0-9]+/).filter(word => word !== ''));
}

/**
 * Whether `subject` names another model than the title's, not one of its line of names: its first
 * part is no word of the title ("brightwater-omni" under "# Duet-S"; but "sorrel-audio", the base
 * of "# Sorrel-Chat-FD", is the card's own line).
 */
export function namesAnotherModel(subject: string, title: ReadonlySet<string>): boolean {
  return !title.has(subject.split(/[^a-z0-9]+/)[0]);
}
