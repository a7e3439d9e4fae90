/**
 * The VS Code client: starts the bundled language server once a model card is open, selects the
 * card files (section 1 of the card format plus the user's patterns), passes the `modelCards.*`
 * settings the user set (not the defaults: a project's modelcards.config.yaml applies wherever the
 * user did not say otherwise), and watches the project's configuration and knowledge files.
 * Everything else happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CARD_FILE_GLOBS, hasFrontMatter } from '../../server/src/service/cardLocator';

const SECTION = 'modelCards';
let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function filePatterns(): string[] {
  // Explicitly no resource: the patterns apply to the whole window (and VS Code warns otherwise).
  const extra = vscode.workspace.getConfiguration(SECTION, null).get<string[]>('filePatterns', []);
  return [...CARD_FILE_GLOBS.yaml, ...CARD_FILE_GLOBS.markdown, ...extra.filter(pattern => typeof pattern === 'string' && pattern)];
}

function cardSelector(): { scheme: string; pattern: string }[] {
  return filePatterns().flatMap(pattern => [{ scheme: 'file', pattern }, { scheme: 'untitled', pattern }]);
}

/**
 * What the server sees: the cards, and every YAML and Markdown file, because a project's
 * configuration can make any of them a card (`files`), and its configuration and knowledge files
 * are checked too. The server answers only for those.
 */
function documentSelector(): LanguageClientOptions['documentSelector'] {
  return [...cardSelector(), { scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'markdown' }];
}

/** The settings the user set (user, workspace or folder), each as the most specific scope has it. */
function explicitSettings(): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration(SECTION, null);
  const explicit: Record<string, unknown> = {};
  for (const key of ['severity', 'frontMatter', 'maxFileSizeKb', 'filePatterns']) {
    const inspected = configuration.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) explicit[key] = value;
  }
  return explicit;
}

/** A card is open: a standalone card by name, or a Markdown card by name and front matter. */
function isCard(document: vscode.TextDocument): boolean {
  if (vscode.languages.match(cardSelector(), document) === 0) return false;
  return !/\.(md|markdown)$/i.test(document.fileName) || hasFrontMatter(document.getText());
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  output ??= vscode.window.createOutputChannel('STS Model Cards');
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: SECTION,
      // Configuration and knowledge files changed on disk (a checkout, another editor) re-check the cards.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    initializationOptions: { settings: explicitSettings() },
    outputChannel: output,
    middleware: {
      workspace: {
        // The server asks for `modelCards`: it gets what the user set, not the defaults.
        configuration: (params, token, next) => params.items.some(item => item.section === SECTION)
          ? params.items.map(item => (item.section === SECTION ? explicitSettings() : null))
          : next(params, token),
      },
    },
  };
  client = new LanguageClient(SECTION, 'STS Model Cards', serverOptions, clientOptions);
  await client.start();
}

/** Stops a client in any state: one still starting (after a crash, say) must finish first. */
async function stopClient(stopping: LanguageClient): Promise<void> {
  try {
    if (!stopping.isRunning()) await stopping.start().catch(() => undefined);
    if (stopping.isRunning()) await stopping.stop();
    else await stopping.dispose();
  } catch (error) {
    output?.appendLine(`stopping the server failed: ${String(error)}`);
  }
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  const previous = client;
  client = undefined;
  if (previous) await stopClient(previous);
  await startClient(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const startIfCard = (document: vscode.TextDocument) => {
    if (!client && isCard(document)) {
      startClient(context).catch(error => output?.appendLine(`could not start the server: ${String(error)}`));
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfCard),
    vscode.workspace.onDidChangeTextDocument(event => startIfCard(event.document)),
    vscode.workspace.onDidChangeConfiguration(event => {
      // The document selector is fixed when the client starts, so new patterns need a restart.
      if (client && event.affectsConfiguration(`${SECTION}.filePatterns`)) void restartClient(context);
    }),
    vscode.commands.registerCommand('modelCards.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('modelCards.restartServer', () => restartClient(context)),
    { dispose: () => void (client && stopClient(client)) },
  );
  vscode.workspace.textDocuments.forEach(startIfCard);
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping) await stopClient(stopping);
}
