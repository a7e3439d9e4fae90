/**
 * A finding is a diagnostic in offsets. Offsets become line/column only in `toDiagnostic`, at the
 * edge of the service, through the document's own `positionAt`.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CODES, DIAGNOSTIC_SOURCE, DiagnosticCode, ruleHref } from './codes';
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

export function toDiagnostic(document: CardDocument, finding: Finding, severity: SeverityName): Diagnostic {
  const range = { start: document.positionAt(finding.start), end: document.positionAt(finding.end) };
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
      { uri: document.uri, range: { start: document.positionAt(related.start), end: document.positionAt(related.end) } },
      related.message,
    ));
  }
  return diagnostic;
}

/** Findings as LSP diagnostics under the user's severities; codes set to `off` are dropped. */
export function toDiagnostics(document: CardDocument, findings: readonly Finding[], settings: ServiceSettings | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = effectiveSeverity(finding, settings);
    if (severity) diagnostics.push(toDiagnostic(document, finding, severity));
  }
  return diagnostics;
}
