/**
 * A finding is a diagnostic in offsets. Offsets become line/column only in `toDiagnostic`, at the
 * edge of the service, as the document's own `positionAt` gives them (see positions.ts).
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Position } from 'vscode-languageserver-types';
import { CODES, DIAGNOSTIC_SOURCE, DiagnosticCode, ruleHref } from './codes';
import { positionsOf } from './positions';
import type { CardDocument, SeverityName, ServiceSettings } from './types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Finding extends Span {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly data?: Record<string, unknown>;
  /** Overrides the code's default severity (a YAML warning is reported under `yaml.syntax`). */
  readonly severity?: SeverityName;
  readonly related?: readonly (Span & { message: string })[];
}

const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'information';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}

/** The severity a finding gets under the user's settings, or undefined when its code is off. */
export function effectiveSeverity(finding: Finding, settings: ServiceSettings | undefined): SeverityName | undefined {
  const override = settings?.severity?.[finding.code];
  if (override === 'off') return undefined;
  return override ?? finding.severity ?? CODES[finding.code].severity;
}

export function toDiagnostic(
  document: CardDocument, finding: Finding, severity: SeverityName,
  positionAt: (offset: number) => Position = offset => document.positionAt(offset),
): Diagnostic {
  const range = { start: positionAt(finding.start), end: positionAt(finding.end) };
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[severity],
    code: finding.code,
    codeDescription: { href: ruleHref(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(related => DiagnosticRelatedInformation.create(
      { uri: document.uri, range: { start: positionAt(related.start), end: positionAt(related.end) } },
      related.message,
    ));
  }
  return diagnostic;
}

/** Findings as LSP diagnostics under the user's severities; codes set to `off` are dropped. */
export function toDiagnostics(document: CardDocument, findings: readonly Finding[], settings: ServiceSettings | undefined): Diagnostic[] {
  const shown = findings.flatMap(finding => {
    const severity = effectiveSeverity(finding, settings);
    return severity ? [{ finding, severity }] : [];
  });
  const positionAt = positionsOf(document, shown.flatMap(({ finding }) =>
    [finding.start, finding.end, ...(finding.related ?? []).flatMap(related => [related.start, related.end])]));
  return shown.map(({ finding, severity }) => toDiagnostic(document, finding, severity, positionAt));
}
