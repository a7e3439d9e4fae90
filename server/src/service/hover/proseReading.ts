/**
 * The hover's account of what the family suggester makes of the card's prose: the family it
 * reads, how confident it is, and the words that decided it with their lines, so an author sees
 * why a family is (or is not) suggested without opening the Problems panel.
 */
import type { Span } from '../findings';
import type { FamilySuggestion } from '../suggest';
import type { Lookups } from './lookups';
import { evidenceText } from '../evidenceText';
import { code, text } from './markdown';

/** How many pieces of evidence the hover quotes. */
const QUOTED = 4;

export interface ReadingForHover {
  readonly ranked: readonly FamilySuggestion[];
  readonly threshold: number;
  /** Where a span of the prose is in the file. */
  documentSpan(span: Span): Span;
  /** The 1-based line of an offset of the file. */
  lineOf(offset: number): number;
}

export function proseReadingMarkdown(reading: ReadingForHover, lookups: Lookups): string {
  const [top] = reading.ranked;
  if (!top) {
    return "**What the card's text says:** no architectural evidence. The suggester reads `sts.architecture` and the Markdown body: name the mechanisms (streams, codec, interleaving, a cascade and its turn predictor) or the known model it derives from.";
  }
  const quoted = top.evidence.slice(0, QUOTED).map((words, k) =>
    `"${text(evidenceText(words))}" (line ${reading.lineOf(reading.documentSpan(top.spans[k]).start)})`);
  const more = top.evidence.length > QUOTED ? ` and ${top.evidence.length - QUOTED} more` : '';
  const verdict = top.confidence >= reading.threshold - 1e-9
    ? `confidence ${top.confidence.toFixed(2)}`
    : `confidence ${top.confidence.toFixed(2)}, below the ${reading.threshold.toFixed(2)} a suggestion needs`;
  return `**What the card's text says:** ${text(lookups.familyName(top.family))} (${code(top.family)}), ${verdict}, from ${quoted.join(', ')}${more}.`;
}
