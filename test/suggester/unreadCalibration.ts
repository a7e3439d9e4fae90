/**
 * What the confidence means on text nobody had read. The lexicon was revised after reading the
 * corpus, so the leave-one-model-out figures are in-sample for it: an upper bound. Each batch that
 * was measured once before anyone read it keeps, per text, the first choice the suggester gave
 * then (`measuredUnread` in corpus.json, with the commit whose lexicon gave it). How often those
 * first choices were right at each threshold is the one calibration made on unseen text.
 */
import { passes } from '../../server/src/service/suggest/scoring';
import type { Corpus, CorpusText, MeasuredUnread } from './corpus';
import { THRESHOLD_GRID } from './leaveOneModelOut';

export interface CalibrationRow {
  readonly threshold: number;
  /** First choices at or above the threshold. */
  readonly suggestions: number;
  /** Of those, the ones that are the model's family (a text of a model with no family has none). */
  readonly right: number;
}

/** The texts with a first choice recorded when they were measured unread. */
export function unreadTexts(corpus: Corpus): (CorpusText & { readonly measuredUnread: MeasuredUnread })[] {
  return corpus.texts.filter((text): text is CorpusText & { readonly measuredUnread: MeasuredUnread } => text.measuredUnread !== undefined);
}

export function calibrationOnUnread(corpus: Corpus, grid: readonly number[] = THRESHOLD_GRID): CalibrationRow[] {
  const texts = unreadTexts(corpus);
  return grid.map(threshold => {
    const suggested = texts.filter(t => t.measuredUnread.firstChoice !== null && passes(t.measuredUnread.confidence ?? 0, threshold));
    const right = suggested.filter(t => t.measuredUnread.firstChoice === corpus.models[t.model]?.label).length;
    return { threshold, suggestions: suggested.length, right };
  });
}
