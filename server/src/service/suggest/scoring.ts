/**
 * Scoring: turns phrase matches into per-label evidence and a score. Negated matches are dropped;
 * each distinct phrase counts once however often it appears, and a label's distinct phrase
 * weights combine by noisy-or (1 − Π(1 − w)), so two strong hints beat one and no pile of weak
 * hints reaches certainty.
 */
import type { Span } from '../findings';
import { isNegated } from './negation';
import type { PhraseMatch } from './phrases';

export interface LabelEvidence<L> {
  readonly label: L;
  /** Noisy-or of the label's distinct, non-negated phrase weights, in (0, 1). */
  readonly score: number;
  /** The evidence as written in the text, one entry per occurrence, in text order. */
  readonly evidence: string[];
  /** Where each `evidence` entry is in the text (same order). */
  readonly spans: Span[];
}

/** Threshold test with floating-point slack, so a lone phrase weighted exactly at a threshold passes it. */
export function passes(confidence: number, threshold: number): boolean {
  return confidence >= threshold - 1e-9;
}

export function noisyOr(weights: Iterable<number>): number {
  let miss = 1;
  for (const weight of weights) miss *= 1 - weight;
  return 1 - miss;
}

/** Evidence per label, best score first; ties keep the order of `labels` (the knowledge base's). */
export function scoreEvidence<L>(text: string, matches: readonly PhraseMatch<L>[], labels: readonly L[]): LabelEvidence<L>[] {
  const byLabel = new Map<L, { weights: Map<string, number>; evidence: string[]; spans: Span[] }>();
  for (const match of matches) {
    if (isNegated(text, match.start)) continue;
    for (const { label, weight } of match.owners) {
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, entry = { weights: new Map(), evidence: [], spans: [] });
      entry.weights.set(match.key, Math.max(weight, entry.weights.get(match.key) ?? 0));
      entry.evidence.push(text.slice(match.start, match.end));
      entry.spans.push({ start: match.start, end: match.end });
    }
  }
  const scored: LabelEvidence<L>[] = [];
  for (const label of labels) {
    const entry = byLabel.get(label);
    if (entry) scored.push({ label, score: noisyOr(entry.weights.values()), evidence: entry.evidence, spans: entry.spans });
  }
  return scored.sort((a, b) => b.score - a.score);
}
