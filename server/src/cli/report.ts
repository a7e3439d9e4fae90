/**
 * What a run reports, as every formatter sees it. Reports are streamed: a writer gets each file's
 * report as soon as it is checked and forgets it, and the run keeps only the counts the summary
 * and the exit status need, so memory does not grow with the number of files.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, SeverityName } from '../service';
import type { FileReport } from './check';
import type { DiscoveryProblem } from './discover';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
  /** The directory relative paths are relative to. */
  readonly cwd: string;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export type SeverityCounts = Record<SeverityName, number>;

/** Counts over the files reported so far. */
export interface RunTotals {
  /** Every file reported, readable or not. */
  readonly files: number;
  readonly unreadable: number;
  readonly withProblems: number;
  readonly severities: SeverityCounts;
  /** With `--fix`: files that had fixes but were left untouched. */
  readonly notFixed: number;
}

/** How a run ended, given to the writer once every file is reported. */
export interface RunEnd {
  readonly totals: RunTotals;
  /** Arguments that named nothing and directories that could not be listed. */
  readonly problems: readonly DiscoveryProblem[];
  /** Configuration and knowledge-extension files with a problem (reported among the files). */
  readonly configFilesWithProblems?: number;
  /** Set when a signal stopped the run before every file was checked. */
  readonly interrupted?: Interruption;
}

export interface Interruption {
  readonly signal: string;
  /** Files looked at (reported or found not to be cards) out of all that were found. */
  readonly checked: number;
  readonly total: number;
}

export interface ReportWriter {
  file(report: FileReport): void;
  end(run: RunEnd): void;
}

export type WriterFactory = (output: Output, tool: ToolInfo) => ReportWriter;

export class RunTally {
  private readonly counts = { files: 0, unreadable: 0, withProblems: 0, notFixed: 0 };
  private readonly severities: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };

  add(report: FileReport): void {
    this.counts.files++;
    if (report.error !== undefined) this.counts.unreadable++;
    if (report.diagnostics.length > 0) this.counts.withProblems++;
    for (const diagnostic of report.diagnostics) this.severities[severityOf(diagnostic)]++;
    if (report.fix?.status === 'not-fixed') this.counts.notFixed++;
  }

  get totals(): RunTotals {
    return { ...this.counts, severities: { ...this.severities } };
  }
}

/** The exit signal's conventional status (128 + its number), for a run a signal stopped. */
export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * 0 when no diagnostic is an error, 1 when any is, 2 when a file or argument failed or `--fix`
 * had to leave a file untouched (2 wins); 128 + the signal's number when a signal stopped the run.
 */
export function exitCodeOf(run: RunEnd): number {
  if (run.interrupted) return SIGNAL_EXIT_CODES[run.interrupted.signal] ?? 130;
  if (run.problems.length > 0 || run.totals.unreadable > 0 || run.totals.notFixed > 0 || (run.configFilesWithProblems ?? 0) > 0) return 2;
  return run.totals.severities.error > 0 ? 1 : 0;
}

export function severityOf(diagnostic: Diagnostic): SeverityName {
  return severityName(diagnostic.severity);
}

/** A message on one line, whatever the service put in it. */
export function oneLine(message: string): string {
  return message.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}

/** What goes to stderr about a file besides its diagnostics: encoding, and a fix not made. */
export function fileNotices(report: FileReport): string[] {
  const notices: string[] = [];
  if (report.invalidUtf8At !== undefined) {
    notices.push(`warning: ${report.path} is not valid UTF-8 (first invalid byte at offset ${report.invalidUtf8At}); it was checked with U+FFFD in place of the invalid bytes`);
  }
  if (report.fix?.status === 'not-fixed') notices.push(`not fixed: ${report.path}: ${report.fix.reason}`);
  return notices;
}

/** The stderr line for a run a signal stopped. */
export function interruptionMessage(interrupted: Interruption): string {
  const rest = interrupted.total - interrupted.checked;
  return `interrupted by ${interrupted.signal} after ${interrupted.checked} of ${interrupted.total} files; `
    + `the other ${rest} were not read or changed, and every file is either as it was or completely fixed`;
}
