/**
 * The "STS Landscape" view: a webview panel that shows the workspace's cards among the field's
 * known models. The extension lists the cards (vscode.workspace, so virtual workspaces work),
 * the server computes the landscape, and the webview draws it with the shared renderer
 * (client/webview/landscape.ts → dist/landscapeWebview.js). It redraws when a card changes.
 */
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANDSCAPE_METHOD, LandscapeParams } from '../../../server/src/landscapeRequest';
import { FromWebview, LandscapeSchema, ToWebview } from './messages';
import { landscapeWebviewHtml } from './webviewHtml';

/** More cards than this are not read: the view is for a repository's cards, not a crawl. */
const MAX_CARDS = 2000;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export interface LandscapeHost {
  client(): Promise<BaseLanguageClient>;
  /** The glob patterns of card files (the format's names and the user's filePatterns). */
  cardPatterns(): string[];
  log(message: string): void;
}

/** What the webview last reported drawing: read by the editor tests through a command. */
export type RenderedState = Extract<FromWebview, { type: 'rendered' }>;

export class LandscapePanel {
  private static current: LandscapePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  rendered: RenderedState | undefined;

  static show(context: vscode.ExtensionContext, host: LandscapeHost): LandscapePanel {
    if (LandscapePanel.current) {
      LandscapePanel.current.panel.reveal(undefined, true);
      LandscapePanel.current.scheduleRefresh(0);
      return LandscapePanel.current;
    }
    const panel = vscode.window.createWebviewPanel('modelCards.landscape', 'STS Landscape', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    });
    LandscapePanel.current = new LandscapePanel(panel, context, host);
    return LandscapePanel.current;
  }

  static get active(): LandscapePanel | undefined {
    return LandscapePanel.current;
  }

  private constructor(private readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly host: LandscapeHost) {
    panel.webview.html = this.html(context);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(message => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument(event => { if (this.isCard(event.document.uri)) this.scheduleRefresh(400); }),
      vscode.workspace.onDidSaveTextDocument(document => { if (this.isCard(document.uri)) this.scheduleRefresh(0); }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md}');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.scheduleRefresh(400)), watcher.onDidDelete(() => this.scheduleRefresh(400)));
  }

  private isCard(uri: vscode.Uri): boolean {
    const patterns = this.host.cardPatterns();
    if (this.matcher?.patterns !== patterns.join('\0')) this.matcher = { patterns: patterns.join('\0'), test: picomatch(patterns, { dot: true }) };
    return this.matcher.test(vscode.workspace.asRelativePath(uri, false));
  }
  private matcher: { patterns: string; test: (path: string) => boolean } | undefined;

  scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Lists and reads the cards, asks the server for the landscape, and posts it to the webview. */
  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const uris = await vscode.workspace.findFiles(`{${this.host.cardPatterns().join(',')}}`, EXCLUDE, MAX_CARDS);
      const open = new Map(vscode.workspace.textDocuments.map(document => [document.uri.toString(), document]));
      const cards = await Promise.all(uris.map(async uri => ({
        uri: uri.toString(),
        text: open.get(uri.toString())?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
      })));
      const client = await this.host.client();
      const params: LandscapeParams = { cards };
      const landscape = LandscapeSchema.parse(await client.sendRequest(LANDSCAPE_METHOD, params));
      // A newer refresh started meanwhile: its answer is the one to show.
      if (generation !== this.generation) return;
      this.post({ type: 'landscape', landscape, cards: cards.length });
    } catch (error) {
      this.host.log(`the landscape could not be drawn: ${String(error)}`);
      this.post({ type: 'error', message: `The landscape could not be drawn: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = FromWebview.safeParse(raw);
    if (!parsed.success) {
      this.host.log(`ignored a malformed message from the landscape view: ${parsed.error.issues.map(issue => issue.message).join('; ')}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') this.scheduleRefresh(0);
    else if (message.type === 'rendered') this.rendered = message;
    else await this.openCard(message.uri, message.stsOffset);
  }

  /** Opens a card the landscape shows, at its `sts` block; only URIs of this workspace's cards. */
  private async openCard(uriText: string, stsOffset: number | undefined): Promise<void> {
    const uri = vscode.Uri.parse(uriText, true);
    if (!vscode.workspace.getWorkspaceFolder(uri) || !this.isCard(uri)) {
      this.host.log(`the landscape view asked to open ${uriText}, which is no card of this workspace`);
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.positionAt(stsOffset ?? 0);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
  }

  private html(context: vscode.ExtensionContext): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'landscapeWebview.js'));
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map(byte => byte.toString(16).padStart(2, '0')).join('');
    return landscapeWebviewHtml({ nonce, scriptUri: script.toString(), cspSource: webview.cspSource });
  }

  private dispose(): void {
    clearTimeout(this.refreshTimer);
    if (LandscapePanel.current === this) LandscapePanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
