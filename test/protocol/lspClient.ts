/**
 * A minimal LSP client for protocol tests: spawns the built server (dist/server.js) over stdio or
 * node IPC, answers its configuration requests, and lets tests await diagnostics by polling the
 * notifications already received (no fixed sleeps).
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, InitializeRequest, InitializeResult,
  IPCMessageReader, IPCMessageWriter, ProtocolConnection, PublishDiagnosticsNotification, PublishDiagnosticsParams,
  RegistrationRequest, StreamMessageReader, StreamMessageWriter, TextDocumentContentChangeEvent,
  ConfigurationRequest, InitializedNotification, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export class TestClient {
  private readonly received: PublishDiagnosticsParams[] = [];
  private readonly waiters = new Set<() => void>();
  /** What the server gets when it asks for `modelCards` settings. */
  settings: Record<string, unknown> = {};
  configurationRequests = 0;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
      this.received.push(params);
      for (const wake of [...this.waiters]) wake();
    });
    connection.onRequest(ConfigurationRequest.type, params => {
      this.configurationRequests++;
      return params.items.map(item => item.section === 'modelCards' ? this.settings : null);
    });
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.listen();
  }

  static start(transport: 'stdio' | 'ipc'): TestClient {
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      return new TestClient(child, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    }
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new TestClient(child, createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
  }

  async initialize(pullConfiguration = true): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: pullConfiguration, didChangeConfiguration: { dynamicRegistration: true } } },
      workspaceFolders: null,
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
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`));
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
