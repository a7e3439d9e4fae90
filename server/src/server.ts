/**
 * The language server: wires LSP to the model-card service and holds no rules. Transports come
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`), as vscode-languageserver reads them.
 *
 * Each card is checked under the project configuration that applies to it (config/), the same the
 * command line resolves, with the editor's explicit settings on top. Configuration and knowledge
 * extension files are checked too, and a change to one (typed, or on disk through the client's
 * file watcher) re-checks every open card.
 */
import { fileURLToPath } from 'node:url';
import {
  createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createNodeProject } from './config/nodeProject';
import type { Project } from './config/project';
import { projectFileKind } from './config/projectFiles';
import { loadShippedKnowledgeBase } from './knowledge/load';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { cardNameKind, FIX_ALL_KIND, isReportedCard, QUICK_FIX_KIND, ServiceSettings, toDiagnostics } from './service';
import { DiagnosticsCache } from './diagnosticsCache';
import { EditorSettings, mergeSettings, readSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const knowledge = loadShippedKnowledgeBase(__dirname);
const cache = new DiagnosticsCache();

let editorSettings: EditorSettings = {};
let pullSettings = false;
let watchDynamically = false;
let roots: string[] = [];
const pending = new Map<string, NodeJS.Immediate>();

/** The project over the workspace folders, reading open documents' unsaved text first. */
let project: Project = newProject();
function newProject(): Project {
  return createNodeProject(knowledge, {
    roots,
    openText: absPath => documents.all().find(document => pathOf(document.uri) === absPath)?.getText(),
  });
}

/** The file path of a `file:` URI, or undefined (an untitled document has none). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

connection.onInitialize(params => {
  pullSettings = params.capabilities.workspace?.configuration === true;
  watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  roots = (params.workspaceFolders ?? []).flatMap(folder => pathOf(folder.uri) ?? []);
  if (roots.length === 0 && params.rootUri) roots = [pathOf(params.rootUri) ?? []].flat();
  project = newProject();
  const fromOptions = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (fromOptions !== undefined) editorSettings = readSettings(fromOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', ':', '-', '[', ','] },
      codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'sts-model-cards', version: '0.1.0' },
  };
});

// VS Code's client announces settings changes itself (synchronize.configurationSection); a
// dynamic registration on top would make every change re-check every card twice.
connection.onInitialized(async () => {
  // Clients that watch files for servers (not VS Code's, which synchronize.fileEvents covers) are asked to.
  if (watchDynamically) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml}' }],
    }).catch(() => undefined);
  }
  if (pullSettings) await refreshSettings();
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  const raw = pullSettings ? await connection.workspace.getConfiguration('modelCards') : pushed;
  editorSettings = readSettings(raw);
  connection.console.log(`editor settings: ${JSON.stringify(editorSettings)}`);
  recheckAll();
}

connection.onDidChangeConfiguration(change => {
  const pushed = (change.settings as { modelCards?: unknown } | null)?.modelCards;
  refreshSettings(pushed).catch(error => connection.console.error(`reading settings failed: ${String(error)}`));
});

// A configuration or knowledge file changed on disk: read everything again.
connection.onDidChangeWatchedFiles(change => {
  if (change.changes.some(event => projectFileKind(pathOf(event.uri), project) !== undefined || isConfigName(event.uri))) projectChanged();
});

function isConfigName(uri: string): boolean {
  return /(^|\/)(modelcards\.config|\.modelcardsrc)\.ya?ml$/.test(uri) || /\.knowledge\.ya?ml$/.test(uri);
}

function projectChanged(): void {
  project = newProject();
  cache.clear();
  recheckAll();
}

function recheckAll(): void {
  for (const document of documents.all()) schedule(document);
}

/** Coalesces bursts of changes to one validation per document per turn of the event loop. */
function schedule(document: TextDocument): void {
  clearImmediate(pending.get(document.uri));
  pending.set(document.uri, setImmediate(() => {
    pending.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) publish(current);
  }));
}

/** The service and settings for a document: its configuration's, with the editor's explicit settings on top. */
function setupOf(document: TextDocument): { service: ReturnType<Project['forFile']>['service']; settings: ServiceSettings; ignored: boolean; isCard: boolean } {
  const absPath = pathOf(document.uri);
  // An untitled document has no place in a project: the defaults, under the editor's settings.
  const setup = project.forFile(absPath ?? '/untitled');
  const ignored = absPath !== undefined && setup.config.isIgnored(absPath);
  // A card by the format's file names, the editor's filePatterns or the configuration's `files`;
  // the client sends every YAML and Markdown file, since the last of these can make any a card.
  const name = decodeURIComponent(document.uri.slice(document.uri.lastIndexOf('/') + 1));
  const selected = cardNameKind(name) !== undefined || editorPatterns(absPath ?? URI_PATH.exec(document.uri)?.[1] ?? '')
    || (absPath !== undefined && setup.config.isCardFile(absPath));
  return {
    service: setup.service,
    settings: mergeSettings(setup.settings, editorSettings),
    ignored,
    isCard: !ignored && selected && isReportedCard(document.uri, document.getText()),
  };
}

/** The path part of a URI of another scheme (`untitled:/ws/x.yaml`). */
const URI_PATH = /^[a-z]+:(?:\/\/[^/]*)?(\/.*)$/i;

/** Whether the editor's `modelCards.filePatterns` select a path (globs over the whole path, as VS Code's selectors). */
function editorPatterns(absPath: string): boolean {
  const patterns = editorSettings.filePatterns;
  if (!patterns || absPath === '') return false;
  matcher ??= { patterns, test: picomatch([...patterns], { dot: true }) };
  if (matcher.patterns !== patterns) matcher = { patterns, test: picomatch([...patterns], { dot: true }) };
  return matcher.test(absPath.split(path.sep).join('/'));
}
let matcher: { patterns: readonly string[]; test: (path: string) => boolean } | undefined;

function publish(document: TextDocument): void {
  try {
    const kind = projectFileKind(pathOf(document.uri), project);
    if (kind) {
      const findings = project.findingsOf(pathOf(document.uri)!, kind);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toDiagnostics(document, findings, undefined) });
      return;
    }
    const setup = setupOf(document);
    const diagnostics = setup.isCard ? cache.diagnostics(setup.service, document, setup.settings) : [];
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    // A bug in a rule must not take the server down; say so in the output channel.
    connection.console.error(`validating ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
  }
}

documents.onDidOpen(event => schedule(event.document));
documents.onDidChangeContent(event => {
  // Typing in a configuration or knowledge file changes how every card is checked.
  if (projectFileKind(pathOf(event.document.uri), project) !== undefined) projectChanged();
  else schedule(event.document);
});
documents.onDidClose(event => {
  clearImmediate(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  cache.forget(event.document.uri);
  project.forFile(pathOf(event.document.uri) ?? '/untitled').service.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  // Closing an edited configuration without saving brings back the one on disk.
  if (projectFileKind(pathOf(event.document.uri), project) !== undefined) projectChanged();
});

/** Only cards get answers: a plain README.md the client happened to send gets none. */
function cardDocument(uri: string): { document: TextDocument; setup: ReturnType<typeof setupOf> } | undefined {
  const document = documents.get(uri);
  if (!document || projectFileKind(pathOf(uri), project)) return undefined;
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

connection.onCompletion(params => {
  const card = cardDocument(params.textDocument.uri);
  return card ? card.setup.service.complete(card.document, params.position, card.setup.settings) : null;
});

documents.listen(connection);
connection.listen();
