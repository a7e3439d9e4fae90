/**
 * `{ "version": 1, "files": [ { "path", "diagnostics": [ { "code", "severity", "message", "range", "data"? } ] } ] }`,
 * ranges 0-based as in LSP. Every checked file is listed; an unreadable one has an `error`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { FormattedOutput, RunResult, severityOf } from './report';

export function formatJson(result: RunResult): FormattedOutput {
  const files = result.files.map(file => file.error !== undefined
    ? { path: file.path, error: file.error, diagnostics: [] }
    : { path: file.path, diagnostics: file.diagnostics.map(jsonDiagnostic) });
  return { stdout: `${JSON.stringify({ version: 1, files }, null, 2)}\n`, stderr: '' };
}

function jsonDiagnostic(diagnostic: Diagnostic) {
  const { start, end } = diagnostic.range;
  return {
    code: String(diagnostic.code ?? ''),
    severity: severityOf(diagnostic),
    message: diagnostic.message,
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
    ...(diagnostic.data !== undefined ? { data: diagnostic.data } : {}),
  };
}
