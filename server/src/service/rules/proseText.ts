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

/**
 * Where the words of `text` between `from` and `to` start and end, as flat offsets (start, end,
 * start, end…). Typed and flat because a long architecture is aligned on every validation that
 * shows evidence in it.
 */
export function wordBounds(text: string, from = 0, to = text.length): Int32Array {
  let bounds = new Int32Array(64);
  let n = 0;
  let i = from;
  // A word that started before `from` is not one of them.
  if (isWordCharAt(text, from - 1)) while (i < to && isWordCharAt(text, i)) i++;
  while (i < to) {
    if (!isWordCharAt(text, i)) { i++; continue; }
    const start = i;
    while (i < to && isWordCharAt(text, i)) i++;
    if (n + 2 > bounds.length) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[n++] = start;
    bounds[n++] = i;
  }
  return bounds.subarray(0, n);
}

function sameWord(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

/** Maps offsets of a scalar's value to the file, word by word; undefined when the words differ. */
export function alignScalar(value: string, fileText: string, source: Span): ((offset: number, isEnd: boolean) => number) | undefined {
  const valueWords = wordBounds(value);
  // A block scalar's header ("|2", ">-") may add a word before the value's own.
  const allSourceWords = wordBounds(fileText, source.start, source.end);
  if (allSourceWords.length < valueWords.length) return undefined;
  const sourceWords = allSourceWords.subarray(allSourceWords.length - valueWords.length);
  const count = valueWords.length / 2;
  for (let k = 0; k < count; k++) {
    if (!sameWord(value, valueWords[2 * k], valueWords[2 * k + 1], fileText, sourceWords[2 * k], sourceWords[2 * k + 1])) return undefined;
  }
  /** The first word that ends at or after `offset` (after it, for a start), or `count`. */
  const firstEndingFrom = (offset: number, isEnd: boolean) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = valueWords[2 * mid + 1];
      if (isEnd ? end >= offset : end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return (offset, isEnd) => {
    // The word the offset is in (or, for an end, the word it closes); between words, the next word's start.
    const k = firstEndingFrom(offset, isEnd);
    if (k >= count) return source.end;
    const start = valueWords[2 * k];
    const inWord = isEnd ? offset > start : offset >= start;
    return inWord ? sourceWords[2 * k] + (offset - start) : sourceWords[2 * k];
  };
}

interface Alignment {
  readonly value: string;
  readonly source: string;
  readonly map: ReturnType<typeof alignScalar>;
}
/**
 * The last two alignments made, relative to their source's start, most recent first: typing
 * outside the architecture leaves both texts as they were, and two cover going back and forth
 * between two cards or two places.
 */
let lastAlignments: Alignment[] = [];

/** alignScalar, reusing a recent alignment when the value and its source are the same text (wherever the source now is). */
function alignedAsBefore(value: string, fileText: string, source: Span): ReturnType<typeof alignScalar> {
  const sourceText = fileText.slice(source.start, source.end);
  let alignment = lastAlignments.find(a => a.value === value && a.source === sourceText);
  if (!alignment) alignment = { value, source: sourceText, map: alignScalar(value, sourceText, { start: 0, end: sourceText.length }) };
  lastAlignments = [alignment, ...lastAlignments.filter(a => a !== alignment)].slice(0, 2);
  const { map } = alignment;
  return map && ((offset, isEnd) => source.start + map(offset, isEnd));
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
        align = scalar && alignedAsBefore(arch, fileText, scalar);
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
