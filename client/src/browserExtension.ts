/**
 * The browser client (vscode.dev, github.dev, any web extension host): the language server runs
 * in a web worker (dist/browserServer.js), and the files it cannot read or list itself (the
 * project's configuration, the workspace's cards) it asks for here, read through the editor's file
 * system, whatever the scheme.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import {
  CARD_CANDIDATES_GLOB, FIND_FILES_METHOD, FindFilesResult, NEVER_CARDS_GLOB, READ_FILES_METHOD, ReadFilesParams, ReadFilesResult,
} from '../../server/src/browser/readFilesRequest';
import { activateClient, deactivateClient, SECTION } from './common';

// The worker constructor of the browser, typed as what the client takes (no DOM libraries here).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

const utf8 = new TextDecoder('utf-8');

async function readText(uri: string): Promise<string | null> {
  try {
    return utf8.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)));
  } catch {
    return null;
  }
}

async function exists(uri: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    return true;
  } catch {
    return false;
  }
}

export function activate(context: vscode.ExtensionContext): void {
  activateClient(context, {
    schemes: 'any',
    createClient(extension, options) {
      const worker = new Worker(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'browserServer.js').toString(true));
      const client = new LanguageClient(SECTION, 'STS Model Cards', options, worker);
      client.onRequest(READ_FILES_METHOD, async (params: ReadFilesParams): Promise<ReadFilesResult> => ({
        read: await Promise.all(params.read.map(readText)),
        exists: await Promise.all(params.exists.map(exists)),
      }));
      client.onRequest(FIND_FILES_METHOD, async (): Promise<FindFilesResult> =>
        (await vscode.workspace.findFiles(CARD_CANDIDATES_GLOB, NEVER_CARDS_GLOB)).map(uri => uri.toString(true)));
      return client;
    },
  });
}

export const deactivate = deactivateClient;
