/**
 * Markdown cards that carry no `sts` block (the contract's `sts.missing` is for Markdown cards:
 * a Hub README is where the taxonomy is most often absent).
 */
import type { Finding } from '../findings';
import { evidenceData, evidenceRelated, FamilyEvidence } from './familyEvidence';
import type { Rule } from './context';

export const stsMissing: Rule = context => {
  if (context.kind !== 'markdown' || context.get(['sts']) !== undefined) return [];
  return [stsMissingFinding(context.cardSpan, true, context.markdownSuggestion())];
};

export function stsMissingFinding(span: { start: number; end: number }, hasFrontMatter: boolean, suggestion: FamilyEvidence | null): Finding {
  const hint = suggestion ? ` The card points to family ${suggestion.family} ("${suggestion.evidence[0].replace(/\s+/g, ' ')}").` : '';
  return {
    code: 'sts.missing',
    ...span,
    message: hasFrontMatter
      ? `This card has no 'sts' block: add one to state the model's architecture family, license posture and sub-categories.${hint}`
      : `This Markdown card has no YAML front matter, so the Hub sees no metadata. Start the file with a '---' block holding the license, language and an 'sts' block.${hint}`,
    data: {
      suggestion: evidenceData(suggestion),
      frontMatter: hasFrontMatter,
    },
    related: evidenceRelated(suggestion),
  };
}
