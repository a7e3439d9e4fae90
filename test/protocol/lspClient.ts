/**
 * A minimal LSP client for protocol tests: spawns the built server (dist/server.js) over stdio or
 * node IPC, answers its configuration requests, and lets tests await diagnostics by polling the
 * notifications already received (no fixed sleeps).
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, InitializeRequest, InitializeResult,
  IPCMessageReader, IPCMessageWriter, ProtocolConnection, PublishDiagnosticsNotification, PublishDiagnosticsParams,
  RegistrationRequest, StreamMessageReader, StreamMessageWriter, TextDocumentContentChangeEvent,
  ConfigurationRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidChangeWatchedFilesNotification, FileChangeType, ClientCapabilities, CancellationTokenSource, DocumentDiagnosticRequest,
  DocumentDiagnosticReport, WorkspaceDiagnosticRequest, WorkspaceDocumentDiagnosticReport, DiagnosticRefreshRequest, PreviousResultId,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** How to start the server process: extra node arguments (`-r preload`), environment, directory. */
export interface StartOptions {
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export class TestClient {
  private readonly received: PublishDiagnosticsParams[] = [];
  /** What the server wrote to stderr (stdio transport), shown when a wait times out. */
  stderr = '';
  /** Resolves with the server's exit code. */
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();
  /** What the server gets when it asks for `modelCards` settings. */
  settings: Record<string, unknown> = {};
  configurationRequests = 0;
  /** How often the server asked this client to pull its diagnostics again (`workspace/diagnostic/refresh`). */
  refreshRequests = 0;
  /** Every workspace report received by pulling, in order (partial results and final answers). */
  private readonly pulledReports: WorkspaceDocumentDiagnosticReport[] = [];

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
    process.stderr?.on('data', chunk => { this.stderr += String(chunk); });
    this.exited = new Promise(resolve => process.once('exit', code => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
      this.received.push(params);
      for (const wake of [...this.waiters]) wake();
    });
    connection.onRequest(ConfigurationRequest.type, params => {
      this.configurationRequests++;
      return params.items.map(item => item.section === 'modelCards' ? this.settings : null);
    });
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      for (const wake of [...this.waiters]) wake();
      return null;
    });
    connection.listen();
  }

  static start(transport: 'stdio' | 'ipc', options: StartOptions = {}): TestClient {
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'], env: options.env, cwd: options.cwd,
      });
      return new TestClient(child, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    }
    const child = fork(SERVER, ['--node-ipc'], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: options.env, cwd: options.cwd,
      execArgv: [...process.execArgv, ...(options.nodeArgs ?? [])],
    });
    return new TestClient(child, createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
  }

  /** All diagnostics published so far, in order. */
  get published(): readonly PublishDiagnosticsParams[] {
    return this.received;
  }

  /** `capabilities` are added to the client's (`pullingCapabilities` for a client that pulls diagnostics). */
  async initialize(pullConfiguration = true, workspaceDir?: string, initializationOptions?: Record<string, unknown>, capabilities: ClientCapabilities = {}): Promise<InitializeResult> {
    const workspaceUri = workspaceDir === undefined ? null : pathToFileURL(workspaceDir).href;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceUri,
      capabilities: {
        ...capabilities,
        workspace: { configuration: pullConfiguration, didChangeConfiguration: { dynamicRegistration: true }, ...capabilities.workspace },
      },
      workspaceFolders: workspaceUri === null ? null : [{ uri: workspaceUri, name: path.basename(workspaceDir!) }],
      ...(initializationOptions ? { initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: uri.endsWith('.md') ? 'markdown' : 'yaml', version, text },
    });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server files changed on disk, as a client's file watcher does. */
  filesChanged(uris: readonly string[], type: FileChangeType = FileChangeType.Changed): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: uris.map(uri => ({ uri, type })) });
  }

  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { modelCards: settings } });
  }

  /** Resolves with the first published diagnostics for `uri`, from now on or already received after `since`, that match. */
  diagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = [...this.received].reverse().find(params => params.uri === uri);
        if (found && matches(found)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const last = [...this.received].reverse().find(params => params.uri === uri);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}; server stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** `textDocument/diagnostic` for one document. */
  pullDocument(uri: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }

  /**
   * Opens a `workspace/diagnostic` request with a partial result token, as VS Code's client does;
   * its reports collect in `pulledReports`. `stop` cancels it and resolves with its final answer.
   */
  pullWorkspace(previousResultIds: PreviousResultId[] = []): { stop(): Promise<unknown>; answer: Promise<unknown> } {
    const token = `workspace-pull-${++this.pulls}`;
    const collect = (items: readonly WorkspaceDocumentDiagnosticReport[]) => {
      this.pulledReports.push(...items);
      for (const wake of [...this.waiters]) wake();
    };
    const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, partial => collect(partial.items));
    const cancel = new CancellationTokenSource();
    const answer = this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds, partialResultToken: token }, cancel.token)
      .then(result => collect(result.items), error => error)
      .finally(() => progress.dispose());
    return { answer, stop: () => { cancel.cancel(); return answer; } };
  }
  private pulls = 0;

  /** The workspace reports received for `uri`, in order. */
  workspaceReports(uri: string): WorkspaceDocumentDiagnosticReport[] {
    return this.pulledReports.filter(report => report.uri === uri);
  }

  /** Resolves when `condition` holds, checked whenever something arrives from the server. */
  until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${what}: not within ${timeoutMs} ms; server stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null) {
        await new Promise<void>(resolve => {
          const timer = setTimeout(() => { this.process.kill(); resolve(); }, 5000);
          this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
      }
    }
  }
}

/** What a client that pulls diagnostics (LSP 3.17) says of itself, as VS Code's does. */
export const PULLING_CAPABILITIES: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { diagnostics: { refreshSupport: true } },
};
