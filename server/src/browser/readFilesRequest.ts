/**
 * The one request the language server sends its client beyond LSP, in the browser only: where the
 * server cannot read files, the client reads them through the editor (vscode.workspace.fs), so a
 * project's configuration applies in vscode.dev and github.dev as on disk.
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
