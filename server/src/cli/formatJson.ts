/**
 * `{ "version": 1, "files": [ { "path", "diagnostics": [ { "code", "severity", "message", "range", "data"? } ] } ] }`,
 * ranges 0-based as in LSP. Every checked file is listed; an unreadable one has an `error`. With
 * `--fix`, a file that had fixes has `fix: { status: "fixed" | "not-fixed", reason? }`; a file
 * that is not valid UTF-8 has `invalidUtf8At` (a byte offset); a run a signal stopped ends with
 * `interrupted: { signal, checked, total }`. Files are streamed as they are checked.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileReport } from './check';
import { JsonArrayStream, STREAMED } from './jsonStream';
import { interruptionMessage, Output, ReportWriter, RunEnd, severityOf, ToolInfo } from './report';

export function jsonWriter(output: Output, tool: ToolInfo): ReportWriter {
  const stream = new JsonArrayStream({ version: 1, files: STREAMED }, text => output.stdout(text));
  return {
    file(report: FileReport) {
      stream.item(jsonFile(report));
    },
    end(run: RunEnd) {
      stream.end(run.interrupted ? { files: STREAMED, interrupted: run.interrupted } : undefined);
      if (run.interrupted) output.stderr(`${tool.name}: ${interruptionMessage(run.interrupted)}\n`);
    },
  };
}

function jsonFile(report: FileReport) {
  const extra = {
    ...(report.invalidUtf8At !== undefined ? { invalidUtf8At: report.invalidUtf8At } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
  };
  return report.error !== undefined
    ? { path: report.path, error: report.error, diagnostics: [], ...extra }
    : { path: report.path, diagnostics: report.diagnostics.map(jsonDiagnostic), ...extra };
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
