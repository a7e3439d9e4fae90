/**
 * The service's tiny document interface and its settings. Anything with `uri`, `version`,
 * `getText()`, `positionAt()` and `offsetAt()` works, `vscode-languageserver-textdocument`'s
 * TextDocument included.
 */
import type { Position } from 'vscode-languageserver-types';

export interface CardDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOverride = SeverityName | 'off';

export interface ServiceSettings {
  /** Per-code severity overrides; `off` drops the code. */
  readonly severity?: Readonly<Record<string, SeverityOverride>>;
  /** Read the front matter of Markdown cards (default true). */
  readonly frontMatter?: boolean;
}

/** How a file holds its card: the whole file is YAML, or Markdown with YAML front matter. */
export type CardKind = 'yaml' | 'markdown';
