/**
 * The desktop client: the language server runs as a Node process (dist/server.js) over IPC.
 * Everything the two builds share is common.ts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, SECTION } from './common';

export function activate(context: vscode.ExtensionContext): void {
  activateClient(context, {
    // Files, and the folders' own scheme in a virtual workspace (Remote Repositories' `vscode-vfs:`,
    // checked under the defaults: the Node server reads configuration files from disk only).
    schemes: [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri.scheme)])],
    createClient(extension, options) {
      const serverModule = extension.asAbsolutePath(path.join('dist', 'server.js'));
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient(SECTION, 'STS Model Cards', serverOptions, options);
    },
  });
}

export const deactivate = deactivateClient;
