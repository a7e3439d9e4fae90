/**
 * The labelled corpus of real texts (test/fixtures/suggest/corpus): what each text is, where it
 * was published, which model it describes and that model's family per the landscape article.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FamilyId } from '../../server/src/knowledge/schema';

export const CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'suggest', 'corpus');

export interface CorpusModel {
  /** The family per the landscape article; null for a model that is not STS (ASR, TTS, codec, text LLM) or to which the article gives none (closed services). */
  readonly label: FamilyId | null;
  readonly label_source: string;
  /** Known-model ids the knowledge base loses while this model's texts are scored (itself and its variants). */
  readonly holdout: readonly string[];
  /** Texts of a sealed model were not read by the lexicon's author before the measurement. */
  readonly sealed: boolean;
  /** For a model someone derived from another (a fine-tune, adapter, port): the base's id; its label is the base's. */
  readonly derived_from?: string;
}

export interface CorpusText {
  readonly id: string;
  readonly model: string;
  readonly file: string;
  readonly kind: string;
  readonly source: { readonly url: string; readonly section?: string; readonly publisher?: string };
  /** The outcome `npm run measure:suggester` recorded (hit, abstain, wrong:<family>, null). */
  readonly expect: string;
  /** The same, the text read as the architecture of a card with an `sts` block. */
  readonly expectInCard: string;
  /** The collection the text came in (1 when absent); `Corpus.batches` says how each was used. */
  readonly batch?: number;
  /** For a text of a batch measured once before anyone read it: its first choice then. */
  readonly measuredUnread?: MeasuredUnread;
}

/** The first choice a text got as a README body when it was measured once, unread. */
export interface MeasuredUnread {
  /** The commit whose lexicon gave it. */
  readonly commit: string;
  /** The top-ranked family, whatever its confidence; null when no family had evidence. */
  readonly firstChoice: FamilyId | null;
  readonly confidence: number | null;
}

export interface Corpus {
  readonly models: Readonly<Record<string, CorpusModel>>;
  readonly texts: readonly CorpusText[];
  /** Per batch number, how its texts were used: read while tuning, or measured once unread. */
  readonly batches?: Readonly<Record<string, string>>;
}

export const CORPUS_FILE = path.join(CORPUS_DIR, 'corpus.json');

export function loadCorpus(file = CORPUS_FILE): Corpus {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Corpus;
}

export function textOf(entry: CorpusText): string {
  return fs.readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8');
}
