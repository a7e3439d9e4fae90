/**
 * SARIF 2.1.0: one run, one rule per diagnostic code (all of CODES, so rule indexes are stable),
 * one result per diagnostic with a 1-based region, streamed as files are checked. Unreadable
 * files, arguments that named nothing, fixes not made, files that are not UTF-8 and an
 * interruption become tool execution notifications; the run is successful when none of them is
 * an error.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, SeverityName } from '../service';
import type { FileReport } from './check';
import { JsonArrayStream, STREAMED } from './jsonStream';
import { exitCodeOf, interruptionMessage, Output, ReportWriter, RunEnd, severityOf, ToolInfo } from './report';

type SarifLevel = 'error' | 'warning' | 'note';

const SRCROOT = '%SRCROOT%';

export function sarifLevel(severity: SeverityName): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

const RULE_IDS = Object.keys(CODES) as (keyof typeof CODES)[];

interface Notification {
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations?: readonly unknown[];
}

export function sarifWriter(output: Output, tool: ToolInfo): ReportWriter {
  const rules = RULE_IDS.map(id => ({
    id,
    shortDescription: { text: CODES[id].summary },
    defaultConfiguration: { level: sarifLevel(CODES[id].severity) },
  }));
  const runSkeleton = (tail: Record<string, unknown>) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(tool.cwd) } },
      columnKind: 'utf16CodeUnits',
      results: STREAMED,
      ...tail,
    }],
  });
  const stream = new JsonArrayStream(runSkeleton({}), text => output.stdout(text));
  // File notifications are few (one per unreadable or unfixed file), so they are kept for the end.
  const fileNotifications: Notification[] = [];

  return {
    file(report: FileReport) {
      if (report.error !== undefined) fileNotifications.push(notification('error', `cannot read ${report.path}: ${report.error}`, report.path));
      if (report.invalidUtf8At !== undefined) {
        fileNotifications.push(notification('warning', `${report.path} is not valid UTF-8 (first invalid byte at offset ${report.invalidUtf8At})`, report.path));
      }
      if (report.fix?.status === 'not-fixed') fileNotifications.push(notification('error', `not fixed: ${report.path}: ${report.fix.reason}`, report.path));
      for (const diagnostic of report.diagnostics) stream.item(sarifResult(diagnostic, report.path));
    },
    end(run: RunEnd) {
      const notifications = [
        ...run.problems.map(problem => notification('error', problem.message, problem.kind === 'read' ? problem.path : undefined)),
        ...fileNotifications,
        ...(run.interrupted ? [notification('error', interruptionMessage(run.interrupted), undefined)] : []),
      ];
      const invocation = {
        executionSuccessful: !notifications.some(n => n.level === 'error'),
        ...(run.interrupted ? { exitCode: exitCodeOf(run), exitSignalName: run.interrupted.signal } : {}),
        toolExecutionNotifications: notifications,
      };
      stream.end(runSkeleton({ invocations: [invocation] }));
      if (run.interrupted) output.stderr(`${tool.name}: ${interruptionMessage(run.interrupted)}\n`);
    },
  };
}

function sarifResult(diagnostic: Diagnostic, filePath: string) {
  const code = String(diagnostic.code ?? '');
  const ruleIndex = RULE_IDS.indexOf(code as keyof typeof CODES);
  const { start, end } = diagnostic.range;
  return {
    ruleId: code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(severityOf(diagnostic)),
    message: { text: diagnostic.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(filePath),
        region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
      },
    }],
    ...(diagnostic.data !== undefined ? { properties: { data: diagnostic.data } } : {}),
  };
}

function notification(level: SarifLevel, text: string, filePath: string | undefined): Notification {
  return {
    level,
    message: { text },
    ...(filePath !== undefined ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(filePath) } }] } : {}),
  };
}

/** A relative path as a relative URI reference (forward slashes, escaped segments); an absolute one as a file URI. */
export function artifactLocation(filePath: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(filePath)) return { uri: pathToFileURL(filePath).href };
  const uri = filePath.split(/[\\/]/).map(segment => encodeURIComponent(segment)).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
