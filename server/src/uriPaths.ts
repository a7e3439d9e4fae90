/**
 * Project paths for documents that have no file path, as in a browser or a virtual workspace (vscode.dev opens
 * `vscode-vfs://github/owner/repo/README.md`): `/<scheme>/<authority>/<path>`. The configuration
 * resolver walks these up like file paths; files of different origins never share a directory.
 */

const URI = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i;

/** The project path of a hierarchical URI; undefined for one without `//` (an `untitled:` document) or a malformed one. */
export function uriToProjectPath(uri: string): string | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  try {
    const authority = encodeURIComponent(decodeURIComponent(match[2]!)) || '-';
    return `/${match[1]!.toLowerCase()}/${authority}${decodeURIComponent(match[3]!) || '/'}`;
  } catch {
    return undefined; // a malformed %-escape
  }
}

/** The URI of a project path made by uriToProjectPath. */
export function projectPathToUri(projectPath: string): string {
  const [, scheme = '', authority = '-', ...segments] = projectPath.split('/');
  const host = authority === '-' ? '' : decodeURIComponent(authority);
  return `${scheme}://${encodeURIComponent(host).replace(/%3A/gi, ':')}/${segments.map(encodeURIComponent).join('/')}`;
}
