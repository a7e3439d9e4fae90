/** `path:line:column: severity code message` (1-based), then a summary line. Read errors go to stderr. */
import type { FileReport } from './check';
import { countSeverities, FormattedOutput, oneLine, RunResult, severityOf } from './report';

export function formatText(result: RunResult): FormattedOutput {
  const out: string[] = [];
  const err: string[] = [];
  for (const file of result.files) {
    if (file.error !== undefined) {
      err.push(`modelcard-lint: cannot read ${file.path}: ${oneLine(file.error)}`);
      continue;
    }
    for (const d of file.diagnostics) {
      const { line, character } = d.range.start;
      out.push(`${file.path}:${line + 1}:${character + 1}: ${severityOf(d)} ${String(d.code ?? '')} ${oneLine(d.message)}`);
    }
  }
  out.push(summary(result.files));
  return { stdout: `${out.join('\n')}\n`, stderr: err.length > 0 ? `${err.join('\n')}\n` : '' };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function summary(files: readonly FileReport[]): string {
  const readable = files.filter(file => file.error === undefined);
  const unreadable = files.length - readable.length;
  const counts = countSeverities(readable);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const withProblems = readable.filter(file => file.diagnostics.length > 0).length;
  let line: string;
  if (files.length === 0) {
    line = 'No model cards found.';
  } else if (total === 0) {
    line = `No problems in ${plural(readable.length, 'file')}.`;
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} information`];
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    const where = withProblems === readable.length
      ? plural(readable.length, 'file')
      : `${withProblems} of ${plural(readable.length, 'file')}`;
    line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${where}.`;
  }
  if (unreadable > 0) line += ` ${plural(unreadable, 'file')} could not be read.`;
  return line;
}
