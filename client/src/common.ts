/**
 * The VS Code client, the same on the desktop and in the browser: starts the language server
 * once a model card is open, selects the card files (section 1 of the card format plus the user's
 * patterns), passes the `modelCards.*` settings the user set (not the defaults: a project's
 * modelcards.config.yaml applies wherever the user did not say otherwise), and watches the
 * project's configuration and knowledge files. Everything else happens in the server.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, ErrorAction, ErrorHandler, LanguageClientOptions } from 'vscode-languageclient';
import { CARD_FILE_GLOBS, hasFrontMatter } from '../../server/src/service/cardLocator';
import { LandscapePanel } from './landscape/landscapePanel';
import { newCardStep, newModelCard } from './newCard';

export const SECTION = 'modelCards';

/** How each build starts its server: a Node process (extension.ts) or a web worker (browserExtension.ts). */
export interface ClientHost {
  /** The URI schemes of documents the server checks: files on the desktop; any in the browser (`vscode-vfs:`, ...). */
  readonly schemes: readonly string[] | 'any';
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
}

let client: BaseLanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function filePatterns(): string[] {
  // Explicitly no resource: the patterns apply to the whole window (and VS Code warns otherwise).
  const extra = vscode.workspace.getConfiguration(SECTION, null).get<string[]>('filePatterns', []);
  return [...CARD_FILE_GLOBS.yaml, ...CARD_FILE_GLOBS.markdown, ...extra.filter(pattern => typeof pattern === 'string' && pattern)];
}

function cardSelector(host: ClientHost): vscode.DocumentFilter[] {
  if (host.schemes === 'any') return filePatterns().map(pattern => ({ pattern }));
  return filePatterns().flatMap(pattern => host.schemes === 'any' ? [] : host.schemes.map(scheme => ({ scheme, pattern })));
}

/**
 * What the server sees: the cards, and every YAML and Markdown file, because a project's
 * configuration can make any of them a card (`files`), and its configuration and knowledge files
 * are checked too. The server answers only for those.
 */
function documentSelector(host: ClientHost): LanguageClientOptions['documentSelector'] {
  const languages = ['yaml', 'markdown'];
  const others = host.schemes === 'any'
    ? languages.map(language => ({ language }))
    : languages.flatMap(language => (host.schemes as readonly string[]).filter(scheme => scheme !== 'untitled').map(scheme => ({ scheme, language })));
  return [...cardSelector(host).map(filter => ({ ...filter })), ...others] as LanguageClientOptions['documentSelector'];
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

/** Whether to check the cards that are not open: on unless the user turned it off (a server-side switch, not a card setting). */
function workspaceDiagnostics(): boolean {
  return vscode.workspace.getConfiguration(SECTION, null).get<boolean>('workspaceDiagnostics', true);
}

/** A card is open: a standalone card by name, or a Markdown card by name and front matter. */
function isCard(host: ClientHost, document: vscode.TextDocument): boolean {
  if (vscode.languages.match(cardSelector(host), document) === 0) return false;
  return !/\.(md|markdown)$/i.test(document.fileName) || hasFrontMatter(document.getText());
}

async function startClient(context: vscode.ExtensionContext, host: ClientHost): Promise<void> {
  if (client) return;
  output ??= vscode.window.createOutputChannel('STS Model Cards');
  // The library's restart policy (up to 4 restarts in 3 minutes), once the client exists.
  let restartPolicy: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(host),
    synchronize: {
      configurationSection: SECTION,
      // Configuration and knowledge files changed on disk (a checkout, another editor) re-check the
      // cards; cards changed, created or deleted update the workspace's problems.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md}'),
    },
    initializationOptions: { settings: explicitSettings(), workspaceDiagnostics: workspaceDiagnostics(), markdownOutline: true },
    outputChannel: output,
    errorHandler: {
      // A server that dies fails every write in flight (a document pull per keystroke, the
      // workspace request): the library's handler shuts the client down after 3 such errors, and
      // then never restarts it. The close that follows is what decides.
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => restartPolicy!.closed(),
    },
    middleware: {
      workspace: {
        // The server asks for `modelCards`: it gets what the user set, not the defaults.
        configuration: (params, token, next) => params.items.some(item => item.section === SECTION)
          ? params.items.map(item => (item.section === SECTION ? { ...explicitSettings(), workspaceDiagnostics: workspaceDiagnostics() } : null))
          : next(params, token),
      },
    },
  };
  client = host.createClient(context, clientOptions);
  restartPolicy = client.createDefaultErrorHandler();
  await client.start();
}

/** Stops a client in any state: one still starting (after a crash, say) must finish first. */
async function stopClient(stopping: BaseLanguageClient): Promise<void> {
  try {
    if (!stopping.isRunning()) await stopping.start().catch(() => undefined);
    if (stopping.isRunning()) await stopping.stop();
    else await stopping.dispose();
  } catch (error) {
    output?.appendLine(`stopping the server failed: ${String(error)}`);
  }
}

async function restartClient(context: vscode.ExtensionContext, host: ClientHost): Promise<void> {
  const previous = client;
  client = undefined;
  if (previous) await stopClient(previous);
  await startClient(context, host);
}

export function activateClient(context: vscode.ExtensionContext, host: ClientHost): void {
  const startIfCard = (document: vscode.TextDocument) => {
    if (!client && isCard(host, document)) {
      startClient(context, host).catch(error => output?.appendLine(`could not start the server: ${String(error)}`));
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfCard),
    vscode.workspace.onDidChangeTextDocument(event => startIfCard(event.document)),
    vscode.workspace.onDidChangeConfiguration(event => {
      // The document selector is fixed when the client starts, so new patterns need a restart.
      if (client && event.affectsConfiguration(`${SECTION}.filePatterns`)) void restartClient(context, host);
    }),
    vscode.commands.registerCommand('modelCards.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('modelCards.showLandscape', () => {
      LandscapePanel.show(context, {
        client: async () => {
          await startClient(context, host);
          return client!;
        },
        cardPatterns: filePatterns,
        log: message => output?.appendLine(message),
      });
    }),
    vscode.commands.registerCommand('modelCards.newCard', async () => {
      await startClient(context, host);
      return newModelCard(client!);
    }),
    // Which New Model Card step is on screen: for the editor tests.
    vscode.commands.registerCommand('modelCards.newCardState', () => newCardStep),
    // What the landscape view last drew, as its webview reported it: for the editor tests.
    vscode.commands.registerCommand('modelCards.landscapeState', () => LandscapePanel.active?.rendered),
    // How the running server hands out diagnostics (pulled, LSP 3.17, or pushed): for the editor tests.
    vscode.commands.registerCommand('modelCards.diagnosticModel', () =>
      client?.initializeResult && (client.initializeResult.capabilities.diagnosticProvider ? 'pull' : 'push')),
    vscode.commands.registerCommand('modelCards.restartServer', () => restartClient(context, host)),
    { dispose: () => void (client && stopClient(client)) },
  );
  vscode.workspace.textDocuments.forEach(startIfCard);
}

export async function deactivateClient(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping) await stopClient(stopping);
}
