/**
 * `path:line:column: severity code message` (1-based) as each file is checked, then a summary
 * line. Read errors, encoding warnings, fixes not made and interruptions go to stderr.
 */
import type { FileReport } from './check';
import { fileNotices, interruptionMessage, oneLine, Output, ReportWriter, RunEnd, RunTotals, severityOf, ToolInfo } from './report';

export function textWriter(output: Output, tool: ToolInfo): ReportWriter {
  return {
    file(report: FileReport) {
      if (report.error !== undefined) {
        output.stderr(`${tool.name}: cannot read ${report.path}: ${oneLine(report.error)}\n`);
        return;
      }
      for (const notice of fileNotices(report)) output.stderr(`${tool.name}: ${oneLine(notice)}\n`);
      let lines = '';
      for (const d of report.diagnostics) {
        const { line, character } = d.range.start;
        lines += `${report.path}:${line + 1}:${character + 1}: ${severityOf(d)} ${String(d.code ?? '')} ${oneLine(d.message)}\n`;
      }
      if (lines) output.stdout(lines);
    },
    end(run: RunEnd) {
      output.stdout(`${summary(run.totals)}\n`);
      if (run.interrupted) output.stderr(`${tool.name}: ${interruptionMessage(run.interrupted)}\n`);
    },
  };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function summary(totals: RunTotals): string {
  const readable = totals.files - totals.unreadable;
  const { severities: counts } = totals;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  let line: string;
  if (totals.files === 0) {
    line = 'No model cards found.';
  } else if (total === 0) {
    line = `No problems in ${plural(readable, 'file')}.`;
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} information`];
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    const where = totals.withProblems === readable
      ? plural(readable, 'file')
      : `${totals.withProblems} of ${plural(readable, 'file')}`;
    line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${where}.`;
  }
  if (totals.unreadable > 0) line += ` ${plural(totals.unreadable, 'file')} could not be read.`;
  return line;
}
