"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.landscapeWebviewHtml = landscapeWebviewHtml;
function landscapeWebviewHtml({ nonce, scriptUri, cspSource }) {
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
//# sourceMappingURL=webviewHtml.js.map