/**
 * The prose the suggester reads from a card, `sts.architecture` then the Markdown body, and the
 * way back from an offset in it to the card's own text, so that evidence can be shown where the
 * author wrote it. The body is a slice of the file; the architecture is a YAML scalar whose value
 * may differ from its source (a folded block joins lines, a quoted one has escapes), so its words
 * are aligned with the words of its source, and a span that cannot be aligned falls back to the
 * whole scalar.
 */
import type { Span } from '../findings';
import type { FamilySuggester, ProseReading } from '../suggest';
import { isWordCharAt } from '../suggest/wordChars';
import { ParsedCard, valueSpan } from '../yamlCard';

export interface ProseText {
  readonly text: string;
  /** Where a span of `text` is in the file. */
  documentSpan(span: Span): Span;
}

const ARCHITECTURE = ['sts', 'architecture'] as const;
/** Between the architecture and the body: a blank line, so no sentence runs from one into the other. */
const JOIN = '\n\n';

function wordsOf(text: string, from = 0, to = text.length): Span[] {
  const words: Span[] = [];
  for (let i = from; i < to; i++) {
    if (!isWordCharAt(text, i) || isWordCharAt(text, i - 1)) continue;
    let end = i + 1;
    while (end < to && isWordCharAt(text, end)) end++;
    words.push({ start: i, end });
    i = end - 1;
  }
  return words;
}

/** Maps offsets of a scalar's value to the file, word by word; undefined when the words differ. */
function alignScalar(value: string, fileText: string, source: Span): ((offset: number, isEnd: boolean) => number) | undefined {
  const valueWords = wordsOf(value);
  // A block scalar's header ("|2", ">-") may add a word before the value's own.
  const sourceWords = wordsOf(fileText, source.start, source.end).slice(-valueWords.length);
  if (sourceWords.length !== valueWords.length) return undefined;
  for (let k = 0; k < valueWords.length; k++) {
    const v = valueWords[k];
    const s = sourceWords[k];
    if (value.slice(v.start, v.end) !== fileText.slice(s.start, s.end)) return undefined;
  }
  return (offset, isEnd) => {
    // The word the offset is in (or, for an end, the word it closes); between words, the next word's start.
    const k = valueWords.findIndex(w => (isEnd ? offset > w.start && offset <= w.end : offset >= w.start && offset < w.end));
    if (k >= 0) return sourceWords[k].start + (offset - valueWords[k].start);
    const next = valueWords.findIndex(w => w.start >= offset);
    return next >= 0 ? sourceWords[next].start : source.end;
  };
}

export function proseOf(card: ParsedCard, architecture: unknown, body: string, bodyStart: number, fileText: string): ProseText {
  const arch = typeof architecture === 'string' ? architecture : '';
  const text = arch === '' ? body : `${arch}${JOIN}${body}`;
  const bodyFrom = arch === '' ? 0 : arch.length + JOIN.length;
  // Worked out on the first span asked for: most validations show no evidence.
  let scalar: Span | undefined;
  let align: ReturnType<typeof alignScalar>;
  let aligned = false;
  return {
    text,
    documentSpan(span) {
      if (span.start >= bodyFrom) return { start: bodyStart + span.start - bodyFrom, end: bodyStart + span.end - bodyFrom };
      if (!aligned) {
        scalar = valueSpan(card, [...ARCHITECTURE]);
        align = scalar && alignScalar(arch, fileText, scalar);
        aligned = true;
      }
      if (!scalar) return span;
      if (!align) return scalar;
      return { start: align(span.start, false), end: align(Math.min(span.end, arch.length), true) };
    },
  };
}

/** What the suggester makes of a card's prose: the prose (with its way back to the file) and the reading. */
export interface CardProse {
  readonly prose: ProseText;
  readonly reading: ProseReading;
}

/**
 * Reads a parsed card's prose once. A card with an `sts` block says it describes an STS model,
 * so the suggester need not look for that in the words.
 */
export function readCardProse(suggester: FamilySuggester, card: ParsedCard, value: unknown, fileText: string, bodyStart: number): CardProse {
  const sts = value !== null && typeof value === 'object' ? (value as { sts?: unknown }).sts : undefined;
  const hasSts = sts !== null && typeof sts === 'object';
  const prose = proseOf(card, hasSts ? (sts as { architecture?: unknown }).architecture : undefined, fileText.slice(bodyStart), bodyStart, fileText);
  return { prose, reading: suggester.read(prose.text, { inScope: hasSts }) };
}
