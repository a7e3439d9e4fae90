/**
 * The pattern syntax of concepts.yaml: "two|dual + stream*|channel*" is two groups that must come
 * in this order, close together; each group lists alternative terms; a term ending in "*" is a
 * prefix. Parsed here so that the knowledge check and the suggester read patterns the same way.
 */

export interface PatternTerm {
  /** The term as written, without its "*". */
  readonly text: string;
  readonly prefix: boolean;
}

/** Groups in order; each group's terms are alternatives. */
export type ParsedPattern = readonly (readonly PatternTerm[])[];

const WORD_CHAR = /[\p{L}\p{N}]/gu;

/** A prefix term this short would match too much, and the scan's first-characters filter needs three. */
export const MIN_PREFIX_CHARS = 3;

export function parsePattern(pattern: string): ParsedPattern {
  return pattern.split(/\s\+\s/).map(group => group.split('|').map(raw => {
    const term = raw.trim();
    const prefix = term.endsWith('*');
    return { text: prefix ? term.slice(0, -1).trim() : term, prefix };
  }));
}

/** What is wrong with a pattern, or an empty list. */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  for (const group of parsePattern(pattern)) {
    for (const term of group) {
      const chars = term.text.match(WORD_CHAR)?.length ?? 0;
      if (chars === 0) problems.push(`'${pattern}': an empty term`);
      else if (term.prefix && chars < MIN_PREFIX_CHARS) problems.push(`'${pattern}': the prefix '${term.text}*' needs at least ${MIN_PREFIX_CHARS} letters or digits`);
      if (term.text.includes('*')) problems.push(`'${pattern}': '*' only at the end of a term`);
    }
  }
  return problems;
}
