/** What a fix producer gets and gives: the target diagnostic in offsets, and candidate edits. */
import type { DiagnosticCode } from '../codes';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { CardText, NodeHit } from './cardText';
import type { Edit } from './edits';

/** A diagnostic to fix, in file offsets, with what its range points at in the YAML. */
export interface FixTarget {
  readonly code: DiagnosticCode;
  readonly start: number;
  readonly end: number;
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** The key or value the range starts at (undefined when the file has no YAML). */
  readonly hit: NodeHit | undefined;
}

export interface FixContext {
  readonly ct: CardText;
  readonly index: KnowledgeIndex;
}

export interface Fix {
  /** Short and says what it does: "Replace with 'apache-2.0'". */
  readonly title: string;
  readonly edits: readonly Edit[];
  /** Safe without a choice: `fixAll` and `modelcard-lint --fix` apply it. */
  readonly safe: boolean;
  /** The single right edit for its diagnostic. */
  readonly preferred?: boolean;
}

export type FixProducer = (context: FixContext, target: FixTarget) => Fix[];
export type FixProducers = Partial<Record<DiagnosticCode, FixProducer>>;
