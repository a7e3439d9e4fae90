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
  /**
   * Above this size (KB of UTF-8) a card gets one `card.too-large` diagnostic and nothing else:
   * no parse, hover, completion or fixes (default `DEFAULT_MAX_FILE_SIZE_KB`; 0 or less: no limit).
   */
  readonly maxFileSizeKb?: number;
}

/** 2 MB: ten times the largest real card we know (~200 KB with a long Markdown body), parsed in about half a second. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** How a file holds its card: the whole file is YAML, or Markdown with YAML front matter. */
export type CardKind = 'yaml' | 'markdown';
