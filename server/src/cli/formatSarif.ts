/**
 * SARIF 2.1.0: one run, one rule per diagnostic code (all of CODES, so rule indexes are stable),
 * one result per diagnostic with a 1-based region. Unreadable files and arguments that named
 * nothing become tool execution notifications, and the run is then not successful.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, SeverityName } from '../service';
import { FormattedOutput, RunResult, severityOf, ToolInfo } from './report';

type SarifLevel = 'error' | 'warning' | 'note';

const SRCROOT = '%SRCROOT%';

export function sarifLevel(severity: SeverityName): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

const RULE_IDS = Object.keys(CODES) as (keyof typeof CODES)[];

export function formatSarif(result: RunResult, tool: ToolInfo): FormattedOutput {
  const rules = RULE_IDS.map(id => ({
    id,
    shortDescription: { text: CODES[id].summary },
    defaultConfiguration: { level: sarifLevel(CODES[id].severity) },
  }));
  const results = result.files.flatMap(file =>
    file.diagnostics.map(diagnostic => sarifResult(diagnostic, file.path)));
  const notifications = [
    ...result.problems.map(problem => notification(problem.message, problem.kind === 'read' ? problem.path : undefined)),
    ...result.files.filter(file => file.error !== undefined)
      .map(file => notification(`cannot read ${file.path}: ${file.error}`, file.path)),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(tool.cwd) } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results,
    }],
  };
  return { stdout: `${JSON.stringify(log, null, 2)}\n`, stderr: '' };

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

  function notification(text: string, filePath: string | undefined) {
    return {
      level: 'error',
      message: { text },
      ...(filePath !== undefined ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(filePath) } }] } : {}),
    };
  }
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
