/**
 * Pulled diagnostics (LSP 3.17), offered to clients that can pull: `textDocument/diagnostic` for a
 * document the client shows, `workspace/diagnostic` for every card, open or not. An open document
 * is judged as typed; one the server no longer has open is answered with what it last reported.
 */
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PulledDiagnostics } from '../pulledDiagnostics';
import type { ServerContext } from '../serverContext';

export function registerPullDiagnostics(context: ServerContext, pulled: PulledDiagnostics, diagnosticsOf: (document: TextDocument) => Diagnostic[]): void {
  const { connection, documents, host } = context;

  connection.languages.diagnostics.on(async params => {
    const uri = params.textDocument.uri;
    const opened = documents.get(uri);
    const absPath = host.pathOf(uri);
    if (opened && host.prepare && absPath !== undefined) {
      await host.prepare(absPath, context.project()).catch(error => connection.console.error(`reading the configuration of ${uri} failed: ${String(error)}`));
    }
    // The text may have changed while the configuration was fetched: judge the latest.
    const document = documents.get(uri);
    try {
      const items = document ? diagnosticsOf(document) : [...(pulled.itemsOf(uri) ?? [])];
      return { kind: DocumentDiagnosticReportKind.Full, items };
    } catch (error) {
      // A bug in a rule must not take the server down; say so in the output channel.
      connection.console.error(`validating ${uri} failed: ${(error as Error).stack ?? String(error)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.languages.diagnostics.onWorkspace((params, token, _workDone, resultProgress) =>
    pulled.serve(params.previousResultIds, token, resultProgress));
}
