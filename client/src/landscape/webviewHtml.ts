/**
 * The landscape view's page: a status line, the "Fit to width" toggle, the map, and the script,
 * under a Content Security Policy that admits nothing but that script and the styles marked with
 * its nonce (the webview script gives the SVG's own <style> the same nonce). No `vscode` import:
 * the browser test loads the very same page.
 */
export interface WebviewPage {
  readonly nonce: string;
  readonly scriptUri: string;
  /** The webview's `cspSource` (where its resources come from). */
  readonly cspSource: string;
}

export function landscapeWebviewHtml({ nonce, scriptUri, cspSource }: WebviewPage): string {
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src ${cspSource} data:; font-src ${cspSource};`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>STS Landscape</title>
<style nonce="${nonce}">
  body { margin: 0; padding: 12px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
  header { display: flex; gap: 12px; align-items: center; margin: 0 0 8px; }
  #status { margin: 0; opacity: 0.8; flex: 1; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 10px; cursor: pointer; font: inherit; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  #map svg { max-width: none; }
  #map.fit svg { width: 100%; height: auto; }
  [data-card-uri] { cursor: pointer; }
</style></head>
<body>
<header><p id="status" role="status">Reading the workspace's model cards…</p><button id="fit" type="button" aria-pressed="false">Fit to width</button></header>
<div id="map"></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body></html>`;
}
