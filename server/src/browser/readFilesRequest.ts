/**
 * The requests the language server sends its client beyond LSP, in the browser only: where the
 * server cannot read files, the client reads them through the editor (vscode.workspace.fs), so a
 * project's configuration applies in vscode.dev and github.dev as on disk; and where it cannot
 * list them, the client finds the workspace's YAML and Markdown files (vscode.workspace.findFiles),
 * so the cards that are not open are checked there too.
 */
export const READ_FILES_METHOD = 'modelCards/readFiles';

export interface ReadFilesParams {
  /** URIs whose text to read (UTF-8). */
  readonly read: readonly string[];
  /** URIs to test for existence (a `.git` directory marks a repository root). */
  readonly exists: readonly string[];
}

export interface ReadFilesResult {
  /** Per `read` URI its text, or null when it does not exist or cannot be read. */
  readonly read: readonly (string | null)[];
  readonly exists: readonly boolean[];
}

export const FIND_FILES_METHOD = 'modelCards/findFiles';

/** The workspace's YAML and Markdown files, outside `node_modules` and `.git`: URIs. */
export type FindFilesResult = readonly string[];

/** What the client looks for: the file names a card can have (a project's `files` may make any of them one). */
export const CARD_CANDIDATES_GLOB = '**/*.{yaml,yml,md,markdown}';
export const NEVER_CARDS_GLOB = '{**/node_modules/**,**/.git/**}';
