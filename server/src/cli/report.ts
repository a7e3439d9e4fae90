/** What a run found, as every formatter sees it, and the counts the summary and exit status need. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, SeverityName } from '../service';
import type { FileReport } from './check';
import type { DiscoveryProblem } from './discover';

export interface RunResult {
  /** Every checked file, sorted by path; unreadable ones carry an `error`. */
  readonly files: readonly FileReport[];
  /** Arguments that named nothing and directories that could not be listed. */
  readonly problems: readonly DiscoveryProblem[];
}

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
  /** The directory relative paths are relative to. */
  readonly cwd: string;
}

export interface FormattedOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export type Formatter = (result: RunResult, tool: ToolInfo) => FormattedOutput;

export type SeverityCounts = Record<SeverityName, number>;

export function severityOf(diagnostic: Diagnostic): SeverityName {
  return severityName(diagnostic.severity);
}

export function countSeverities(files: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) counts[severityOf(diagnostic)]++;
  return counts;
}

/** 0 when no diagnostic is an error, 1 when any is, 2 when a file or argument failed (2 wins). */
export function exitCodeOf(result: RunResult): number {
  if (result.problems.length > 0 || result.files.some(file => file.error !== undefined)) return 2;
  return countSeverities(result.files).error > 0 ? 1 : 0;
}

/** A message on one line, whatever the service put in it. */
export function oneLine(message: string): string {
  return message.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}
