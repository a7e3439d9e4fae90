/**
 * What the language server's request modules (requests/) see of it: the connection, the open
 * documents, the host, the current project and workspace folders, and how a document is judged
 * (its service, settings, and whether it is a card). The editing loop itself is languageServer.ts.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Project } from './config/project';
import type { ServerHost } from './languageServer';
import type { ModelCardService, ServiceSettings } from './service';
import type { WorkspaceCards } from './workspaceCards';

export interface DocumentSetup {
  readonly service: ModelCardService;
  readonly settings: ServiceSettings;
  readonly ignored: boolean;
  readonly isCard: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly host: ServerHost;
  /** The unopened cards, when the host can read the workspace. */
  readonly workspace: WorkspaceCards | undefined;
  project(): Project;
  roots(): readonly string[];
  setupOf(document: TextDocument): DocumentSetup;
  /** An open document that is a card, with its setup; undefined for anything else. */
  cardDocument(uri: string): { document: TextDocument; setup: DocumentSetup } | undefined;
}

/** A path in the first workspace folder, for what applies to the workspace as a whole (its configuration's knowledge). */
export function workspacePath(context: ServerContext, name: string): string {
  const root = context.roots()[0];
  return root === undefined ? '/untitled' : `${root.replace(/[\\/]+$/, '')}/${name}`;
}
