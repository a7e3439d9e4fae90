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
export declare function landscapeWebviewHtml({ nonce, scriptUri, cspSource }: WebviewPage): string;
