/**
 * A page's LSP client for the browser build of the server: starts dist/browserServer.js in a web
 * worker and talks to it with vscode-languageserver-protocol's browser connection (postMessage), as
 * vscode-languageclient/browser does in vscode.dev. It answers the server's `modelCards/readFiles`
 * from a file map the test gives, standing in for the editor's file system. Bundled by
 * test/browser/webWorker.test.ts with esbuild and driven through `window.lsp` (a client the server
 * pushes diagnostics to) and `window.lspPull` (one that pulls them, in a second worker).
 */
import {
  BrowserMessageReader, BrowserMessageWriter, CodeAction, CodeActionRequest, ConfigurationRequest, createProtocolConnection,
  Diagnostic, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, DocumentDiagnosticRequest, Hover, HoverRequest, InitializedNotification, InitializeRequest,
  Position, PublishDiagnosticsNotification, PublishDiagnosticsParams, Range, RegistrationRequest, WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/browser';

interface ReadFilesParams { read: string[]; exists: string[] }

declare global {
  interface Window { lsp: unknown; lspPull: unknown }
}

/**
 * One worker and its connection. `pull`: the client says it pulls diagnostics (LSP 3.17), as
 * vscode-languageclient/browser does in vscode.dev; then documents are judged on request.
 */
function connect(pull: boolean) {
  let files: Record<string, string> = {};
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Set<() => void>();
  let readRequests = 0;
  /** The latest workspace report per URI, and who waits for the next one. */
  const latest: Record<string, Diagnostic[]> = {};
  const reportWaiters: { uri: string; resolve: (items: Diagnostic[]) => void }[] = [];

  const worker = new Worker('/dist/browserServer.js');
  const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  connection.onNotification(PublishDiagnosticsNotification.type, params => {
    published.set(params.uri, params);
    for (const wake of [...waiters]) wake();
  });
  connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
  connection.onRequest(RegistrationRequest.type, () => null);
  // The editor's findFiles: the workspace's YAML and Markdown files.
  connection.onRequest('modelCards/findFiles', () => Object.keys(files).filter(uri => /\.(ya?ml|md)$/.test(uri)));
  connection.onRequest('modelCards/readFiles', (params: ReadFilesParams) => {
    readRequests++;
    return {
      read: params.read.map(uri => files[uri] ?? null),
      exists: params.exists.map(uri => Object.keys(files).some(file => file.startsWith(`${uri}/`))),
    };
  });
  connection.listen();

  return {
    /** `workspaceDiagnostics`: the server also checks the cards that are not open. */
    async start(rootUri: string, workspaceFiles: Record<string, string>, workspaceDiagnostics = false): Promise<{ name: string; pulls: boolean }> {
      files = workspaceFiles;
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: null, rootUri, workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
        initializationOptions: { workspaceDiagnostics },
        capabilities: { workspace: { configuration: true }, ...(pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}) },
      });
      await connection.sendNotification(InitializedNotification.type, {});
      return { name: result.serverInfo?.name ?? '', pulls: result.capabilities.diagnosticProvider !== undefined };
    },
    /** Opens a document and resolves with its diagnostics: published to it, or pulled. */
    async open(uri: string, text: string, languageId: string): Promise<Diagnostic[]> {
      published.delete(uri);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      if (pull) {
        const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        if (published.size > 0) throw new Error('a pulling client was pushed diagnostics');
        return report.kind === 'full' ? report.items : [];
      }
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = published.get(uri);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.diagnostics);
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no diagnostics for ${uri}`)); }, 20_000);
        waiters.add(check);
      });
    },
    hover(uri: string, position: Position): Promise<Hover | null> {
      return connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    },
    codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(CodeAction | unknown)[] | null> {
      return connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
    },
    readRequests: () => readRequests,
    /** Changes a file of the editor's file system and says so, as the editor's file watcher does. */
    async changeFile(uri: string, text: string): Promise<void> {
      files[uri] = text;
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: 2 }] });
    },
    /** Resolves with the diagnostics of the next workspace report for `uri` (after workspaceReports opened the pull). */
    nextReport(uri: string): Promise<Diagnostic[]> {
      return new Promise(resolve => reportWaiters.push({ uri, resolve }));
    },
    /**
     * Opens a workspace pull (a pulling client only) and resolves, once every URI of `expected`
     * has a report, with the latest diagnostics of each URI reported.
     */
    workspaceReports(expected: string[]): Promise<Record<string, Diagnostic[]>> {
      return new Promise((resolve, reject) => {
        const token = 'page-workspace-pull';
        const timer = setTimeout(() => reject(new Error(`workspace reports: ${Object.keys(latest).join(', ') || 'none'} of ${expected.join(', ')}`)), 20_000);
        connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, partial => {
          for (const item of partial.items) {
            if (item.kind !== 'full') continue;
            latest[item.uri] = item.items;
            for (const waiter of reportWaiters.filter(w => w.uri === item.uri)) {
              reportWaiters.splice(reportWaiters.indexOf(waiter), 1);
              waiter.resolve(item.items);
            }
          }
          if (expected.every(uri => uri in latest)) {
            clearTimeout(timer);
            resolve(latest);
          }
        });
        void connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token });
      });
    },
  };
}

window.lsp = connect(false);
window.lspPull = connect(true);
