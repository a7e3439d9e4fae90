/**
 * The language server's wiring, the same in Node and in a browser's web worker: LSP requests to
 * the model-card service, which holds the rules. What differs between the two is the host: how
 * a document's URI becomes a project path, and how the project reads its configuration files
 * (Node reads the disk; the browser asks the client, which reads through the editor).
 *
 * Each card is checked under the project configuration that applies to it (config/), the same the
 * command line resolves, with the editor's explicit settings on top. Configuration and knowledge
 * extension files are checked too, and a change to one (typed, or on disk through the client's
 * file watcher) re-checks every open card.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Connection, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { CardReports, WorkspaceCards } from './workspaceCards';
import { PulledDiagnostics } from './pulledDiagnostics';
import { registerPullDiagnostics } from './requests/pullDiagnostics';
import type { ServerContext } from './serverContext';
import { registerLineage } from './requests/lineage';
import { registerLandscape } from './requests/landscape';
import { registerNewCard } from './requests/newCard';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Project } from './config/project';
import { projectFileKind } from './config/projectFiles';
import { cardNameKind, FIX_ALL_KIND, isReportedCard, QUICK_FIX_KIND, ServiceSettings, toDiagnostics } from './service';
import { DiagnosticsCache } from './diagnosticsCache';
import { EditorSettings, mergeSettings, readSettings } from './settings';

export interface ServerHost {
  /** The path the project knows a document by; undefined when it has none (an untitled document). */
  pathOf(uri: string): string | undefined;
  /** A project over the workspace folders (paths), reading open documents' unsaved text first. */
  createProject(roots: readonly string[], openText: (absPath: string) => string | undefined, connection: Connection): Project;
  /**
   * Brings what the project reads for a file within reach before it is used: the browser fetches
   * configuration files through the client. Node reads synchronously and has nothing to do.
   */
  prepare?(absPath: string, project: Project): Promise<void>;
  /** Files changed on disk: forget what was read of them. */
  filesChanged?(): void;
  /** Reads these files afresh before they are checked again (the browser: through the client). */
  reread?(absPaths: readonly string[]): Promise<void>;
  /** Reading the workspace's files (Node): lets the server check the cards that are not open. */
  readonly workspace?: {
    listCards(roots: readonly string[], project: Project): Promise<readonly string[]>;
    readText(absPath: string): string | undefined;
    uriOf(absPath: string): string;
  };
}

export function startLanguageServer(connection: Connection, host: ServerHost, version: string): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DiagnosticsCache();
  let editorSettings: EditorSettings = {};
  let pullSettings = false;
  let watchDynamically = false;
  let roots: string[] = [];
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  // Diagnostics go out as the client takes them: published, or kept for it to pull (LSP 3.17),
  // which a client says it can do and a server then offers.
  let pullMode = false;
  let refreshSupport = false;
  const pulled = new PulledDiagnostics();
  const reports: CardReports = {
    report: (uri, diagnostics, version) => (pullMode ? pulled.set(uri, diagnostics, version ?? null) : void connection.sendDiagnostics({ uri, version, diagnostics })),
    clear: uri => (pullMode ? pulled.clear(uri) : void connection.sendDiagnostics({ uri, diagnostics: [] })),
  };

  // Off unless the client asks (VS Code's client sends modelCards.workspaceDiagnostics, default on).
  let workspaceDiagnosticsAsked = false;
  // VS Code outlines Markdown headings itself: its client says so, and our outline then leaves them out.
  let markdownOutlineElsewhere = false;
  const workspace = host.workspace && new WorkspaceCards(connection, {
    listCards: () => host.workspace!.listCards(roots, project),
    readText: absPath => host.workspace!.readText(absPath),
    uriOf: absPath => host.workspace!.uriOf(absPath),
    isOpen: uri => documents.get(uri) !== undefined,
    setupOf: document => setupOf(document),
    // While the user types (an edit in the last quarter second), the scan waits: typing comes first.
    busy: () => pending.size > 0 || Date.now() - lastEdit < 250,
  }, reports);
  let lastEdit = 0;
  /** Turns the background check of unopened cards on or off, as the settings now say. */
  function applyWorkspaceDiagnostics(): void {
    if (!workspace) return;
    const on = editorSettings.workspaceDiagnostics ?? workspaceDiagnosticsAsked;
    if (on && !workspace.enabled) {
      workspace.enabled = true;
      workspace.rescan();
    } else if (!on && workspace.enabled) {
      workspace.disable();
    }
  }

  const newProject = () => host.createProject(roots, absPath => documents.all().find(document => host.pathOf(document.uri) === absPath)?.getText(), connection);
  let project: Project = newProject();

  connection.onInitialize(params => {
    pullSettings = params.capabilities.workspace?.configuration === true;
    markdownOutlineElsewhere = (params.initializationOptions as { markdownOutline?: unknown } | undefined)?.markdownOutline === true;
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    roots = (params.workspaceFolders ?? []).flatMap(folder => host.pathOf(folder.uri) ?? []);
    if (roots.length === 0 && params.rootUri) roots = [host.pathOf(params.rootUri) ?? []].flat();
    project = newProject();
    const options = params.initializationOptions as { settings?: unknown; workspaceDiagnostics?: unknown; diagnosticModel?: unknown } | undefined;
    if (options?.settings !== undefined) editorSettings = readSettings(options.settings);
    workspaceDiagnosticsAsked = options?.workspaceDiagnostics === true;
    // A client may pull and still ask to be pushed to (`diagnosticModel: 'push'`).
    pullMode = params.capabilities.textDocument?.diagnostic !== undefined && options?.diagnosticModel !== 'push';
    refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-', '[', ','] },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        ...(pullMode ? { diagnosticProvider: { identifier: 'modelCards', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'sts-model-cards', version },
    };
  });

  // VS Code's client announces settings changes itself (synchronize.configurationSection); a
  // dynamic registration on top would make every change re-check every card twice.
  connection.onInitialized(async () => {
    connection.console.log(`diagnostics: ${pullMode ? 'pulled by the client (LSP 3.17 document and workspace diagnostics)' : 'pushed'}`);
    // Clients that watch files for servers (not VS Code's, which synchronize.fileEvents covers) are asked to.
    if (watchDynamically) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,md}' }],
      }).catch(() => undefined);
    }
    if (pullSettings) await refreshSettings();
    else applyWorkspaceDiagnostics();
  });

  async function refreshSettings(pushed?: unknown): Promise<void> {
    const raw = pullSettings ? await connection.workspace.getConfiguration('modelCards') : pushed;
    editorSettings = readSettings(raw);
    connection.console.log(`editor settings: ${JSON.stringify(editorSettings)}`);
    recheckAll();
    applyWorkspaceDiagnostics();
  }

  connection.onDidChangeConfiguration(change => {
    const pushed = (change.settings as { modelCards?: unknown } | null)?.modelCards;
    refreshSettings(pushed).catch(error => connection.console.error(`reading settings failed: ${String(error)}`));
  });

  // A configuration or knowledge file changed on disk: read everything again. A card changed,
  // created or deleted: check it again, or let its problems go.
  connection.onDidChangeWatchedFiles(change => {
    if (change.changes.some(event => projectFileKind(host.pathOf(event.uri), project) !== undefined || isConfigName(event.uri))) {
      host.filesChanged?.();
      projectChanged();
      return;
    }
    if (!workspace?.enabled) return;
    for (const event of change.changes) {
      const absPath = host.pathOf(event.uri);
      if (event.type === FileChangeType.Deleted || absPath === undefined) workspace.forget(event.uri);
      else if (!documents.get(event.uri)) checkFromDisk(absPath);
    }
  });

  /** Checks a card as it is on disk, once the host has read it again (if it must). */
  function checkFromDisk(absPath: string): void {
    if (!host.reread) return workspace?.check(absPath);
    host.reread([absPath]).catch(() => undefined).then(() => workspace?.check(absPath));
  }

  function projectChanged(): void {
    project = newProject();
    cache.clear();
    recheckAll();
    if (workspace?.enabled) workspace.rescan();
  }

  function recheckAll(): void {
    for (const document of documents.all()) schedule(document);
    // A pulling client asks again for the documents it shows.
    if (pullMode && refreshSupport) void connection.languages.diagnostics.refresh();
  }

  /** Coalesces bursts of changes to one validation per document per turn of the event loop. */
  function schedule(document: TextDocument): void {
    clearTimeout(pending.get(document.uri));
    pending.set(document.uri, setTimeout(() => {
      pending.delete(document.uri);
      const absPath = host.pathOf(document.uri);
      const ready = host.prepare && absPath !== undefined ? host.prepare(absPath, project) : Promise.resolve();
      ready.catch(error => connection.console.error(`reading the configuration of ${document.uri} failed: ${String(error)}`))
        .then(() => {
          const current = documents.get(document.uri);
          // A later change re-scheduled it: that run publishes.
          if (current && !pending.has(document.uri)) publish(current);
        });
    }, 0));
  }

  /** The service and settings for a document: its configuration's, with the editor's explicit settings on top. */
  function setupOf(document: TextDocument) {
    const absPath = host.pathOf(document.uri);
    // An untitled document has no place in a project: the defaults, under the editor's settings.
    const setup = project.forFile(absPath ?? '/untitled');
    const ignored = absPath !== undefined && setup.config.isIgnored(absPath);
    // A card by the format's file names, the editor's filePatterns or the configuration's `files`;
    // the client sends every YAML and Markdown file, since the last of these can make any a card.
    const name = decodeURIComponent(document.uri.slice(document.uri.lastIndexOf('/') + 1));
    const selected = cardNameKind(name) !== undefined || editorPatterns(absPath ?? URI_PATH.exec(document.uri)?.[1] ?? '')
      || (absPath !== undefined && setup.config.isCardFile(absPath));
    const settings: ServiceSettings = mergeSettings(setup.settings, editorSettings);
    return { service: setup.service, settings, ignored, isCard: !ignored && selected && isReportedCard(document.uri, document.getText()) };
  }

  /** Whether the editor's `modelCards.filePatterns` select a path (globs over the whole path, as VS Code's selectors). */
  function editorPatterns(absPath: string): boolean {
    const patterns = editorSettings.filePatterns;
    if (!patterns || absPath === '') return false;
    if (matcher?.patterns !== patterns) matcher = { patterns, test: picomatch([...patterns], { dot: true }) };
    return matcher.test(absPath.split(path.sep).join('/'));
  }
  let matcher: { patterns: readonly string[]; test: (path: string) => boolean } | undefined;

  /** An open document's diagnostics: a card's, a configuration or knowledge file's, or none. */
  function diagnosticsOf(document: TextDocument): Diagnostic[] {
    const absPath = host.pathOf(document.uri);
    const kind = projectFileKind(absPath, project);
    if (kind) return toDiagnostics(document, project.findingsOf(absPath!, kind), undefined);
    const setup = setupOf(document);
    return setup.isCard ? cache.diagnostics(setup.service, document, setup.settings) : [];
  }

  function publish(document: TextDocument): void {
    try {
      reports.report(document.uri, diagnosticsOf(document), document.version);
    } catch (error) {
      // A bug in a rule must not take the server down; say so in the output channel.
      connection.console.error(`validating ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  documents.onDidOpen(event => schedule(event.document));
  documents.onDidChangeContent(event => {
    lastEdit = Date.now();
    // Typing in a configuration or knowledge file changes how every card is checked.
    if (projectFileKind(host.pathOf(event.document.uri), project) !== undefined) projectChanged();
    else schedule(event.document);
  });
  documents.onDidClose(event => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    cache.forget(event.document.uri);
    project.forFile(host.pathOf(event.document.uri) ?? '/untitled').service.forget(event.document.uri);
    reports.clear(event.document.uri);
    // Closing an edited configuration without saving brings back the one on disk.
    if (projectFileKind(host.pathOf(event.document.uri), project) !== undefined) projectChanged();
    // A card closed unsaved: its problems are those of the file on disk again.
    else if (workspace?.enabled && host.pathOf(event.document.uri) !== undefined) checkFromDisk(host.pathOf(event.document.uri)!);
  });

  /** Only cards get answers: a plain README.md the client happened to send gets none. */
  function cardDocument(uri: string) {
    const document = documents.get(uri);
    if (!document || projectFileKind(host.pathOf(uri), project)) return undefined;
    const setup = setupOf(document);
    return setup.isCard ? { document, setup } : undefined;
  }

  connection.onHover(params => {
    const card = cardDocument(params.textDocument.uri);
    return card ? card.setup.service.hover(card.document, params.position, card.setup.settings) : null;
  });

  connection.onCodeAction(params => {
    const card = cardDocument(params.textDocument.uri);
    return card ? card.setup.service.codeActions(card.document, params.range, params.context.diagnostics, params.context.only) : null;
  });

  connection.onDocumentSymbol(params => {
    const card = cardDocument(params.textDocument.uri);
    // VS Code's own Markdown outline lists a README's headings; other editors get them from us.
    return card ? card.setup.service.symbols(card.document, card.setup.settings, { headings: !markdownOutlineElsewhere || !/\.(md|markdown)$/i.test(card.document.uri) }) : null;
  });

  connection.onDocumentLinks(params => {
    const card = cardDocument(params.textDocument.uri);
    return card ? card.setup.service.links(card.document, card.setup.settings) : null;
  });

  connection.onCompletion(params => {
    const card = cardDocument(params.textDocument.uri);
    return card ? card.setup.service.complete(card.document, params.position, card.setup.settings) : null;
  });

  // Requests beyond the editing loop, each in its own module over the same view of the server.
  const context: ServerContext = {
    connection, documents, host, workspace,
    project: () => project,
    roots: () => roots,
    setupOf,
    cardDocument,
  };
  registerLineage(context);
  registerLandscape(context);
  registerNewCard(context);
  registerPullDiagnostics(context, pulled, diagnosticsOf);

  documents.listen(connection);
  connection.listen();
}

function isConfigName(uri: string): boolean {
  return /(^|\/)(modelcards\.config|\.modelcardsrc)\.ya?ml$/.test(uri) || /\.knowledge\.ya?ml$/.test(uri);
}

/** The path part of a URI of another scheme (`untitled:/ws/x.yaml`). */
const URI_PATH = /^[a-z]+:(?:\/\/[^/]*)?(\/.*)$/i;
