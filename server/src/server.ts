/**
 * The language server: wires LSP to the model-card service and holds no rules. Transports come
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`), as vscode-languageserver reads them.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadShippedKnowledgeBase } from './knowledge/load';
import { createModelCardService, FIX_ALL_KIND, isReportedCard, QUICK_FIX_KIND } from './service';
import { DiagnosticsCache } from './diagnosticsCache';
import { DEFAULT_SETTINGS, readSettings, ServerSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createModelCardService({ knowledge: loadShippedKnowledgeBase(__dirname) });
const cache = new DiagnosticsCache(service);

let settings: ServerSettings = DEFAULT_SETTINGS;
let pullSettings = false;
const pending = new Map<string, NodeJS.Immediate>();

connection.onInitialize(params => {
  pullSettings = params.capabilities.workspace?.configuration === true;
  const fromOptions = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (fromOptions !== undefined) settings = readSettings(fromOptions);
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
  if (pullSettings) await refreshSettings();
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  const raw = pullSettings ? await connection.workspace.getConfiguration('modelCards') : pushed;
  settings = readSettings(raw);
  connection.console.log(`settings: ${JSON.stringify(settings)}`);
  for (const document of documents.all()) schedule(document);
}

connection.onDidChangeConfiguration(change => {
  const pushed = (change.settings as { modelCards?: unknown } | null)?.modelCards;
  refreshSettings(pushed).catch(error => connection.console.error(`reading settings failed: ${String(error)}`));
});

/** Coalesces bursts of changes to one validation per document per turn of the event loop. */
function schedule(document: TextDocument): void {
  clearImmediate(pending.get(document.uri));
  pending.set(document.uri, setImmediate(() => {
    pending.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) publish(current);
  }));
}

function publish(document: TextDocument): void {
  try {
    const diagnostics = isReportedCard(document.uri, document.getText()) ? cache.diagnostics(document, settings) : [];
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    // A bug in a rule must not take the server down; say so in the output channel.
    connection.console.error(`validating ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
  }
}

documents.onDidOpen(event => schedule(event.document));
documents.onDidChangeContent(event => schedule(event.document));
documents.onDidClose(event => {
  clearImmediate(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  cache.forget(event.document.uri);
  service.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** Only cards get answers: a plain README.md the client happened to send gets none. */
function cardDocument(uri: string): TextDocument | undefined {
  const document = documents.get(uri);
  return document && isReportedCard(document.uri, document.getText()) ? document : undefined;
}

connection.onHover(params => {
  const document = cardDocument(params.textDocument.uri);
  return document ? service.hover(document, params.position, settings) : null;
});

connection.onCodeAction(params => {
  const document = cardDocument(params.textDocument.uri);
  return document ? service.codeActions(document, params.range, params.context.diagnostics, params.context.only) : null;
});

connection.onCompletion(params => {
  const document = cardDocument(params.textDocument.uri);
  return document ? service.complete(document, params.position, settings) : null;
});

documents.listen(connection);
connection.listen();
