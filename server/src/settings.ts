/**
 * The `modelCards.*` settings as the server reads them. Only what the user set counts: the VS Code
 * client sends the values set in user, workspace or folder settings (not the defaults), so that a
 * project's configuration file applies wherever the user did not say otherwise. Malformed values
 * are left out.
 */
import { isDiagnosticCode, ServiceSettings, SeverityOverride } from './service';

/** What the user set; anything absent comes from the project configuration, then the defaults. */
export interface EditorSettings extends ServiceSettings {
  /** More files to treat as cards (`modelCards.filePatterns`), as globs over the file's path. */
  readonly filePatterns?: readonly string[];
  /** Check the workspace's cards that are not open (`modelCards.workspaceDiagnostics`). */
  readonly workspaceDiagnostics?: boolean;
}

const SEVERITIES = new Set<SeverityOverride>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): EditorSettings {
  const section = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const settings: { -readonly [K in keyof EditorSettings]: EditorSettings[K] } = {};
  const rawSeverity = section.severity;
  if (rawSeverity && typeof rawSeverity === 'object') {
    const severity: Record<string, SeverityOverride> = {};
    for (const [code, value] of Object.entries(rawSeverity)) {
      if (isDiagnosticCode(code) && SEVERITIES.has(value as SeverityOverride)) severity[code] = value as SeverityOverride;
    }
    if (Object.keys(severity).length > 0) settings.severity = severity;
  }
  // A number of KB, 0 for no limit; anything else (a string, a negative value) is not a setting.
  const rawLimit = section.maxFileSizeKb;
  if (typeof rawLimit === 'number' && Number.isFinite(rawLimit) && rawLimit >= 0) settings.maxFileSizeKb = rawLimit;
  if (typeof section.frontMatter === 'boolean') settings.frontMatter = section.frontMatter;
  if (typeof section.workspaceDiagnostics === 'boolean') settings.workspaceDiagnostics = section.workspaceDiagnostics;
  if (Array.isArray(section.filePatterns)) {
    const patterns = section.filePatterns.filter((pattern): pattern is string => typeof pattern === 'string' && pattern !== '');
    if (patterns.length > 0) settings.filePatterns = patterns;
  }
  return settings;
}

/** The project configuration's settings, overridden where the user set something in the editor. */
export function mergeSettings(project: ServiceSettings, editor: EditorSettings): ServiceSettings {
  const { filePatterns: _cardsOnly, workspaceDiagnostics: _serverOnly, ...service } = editor;
  return {
    ...project,
    ...service,
    severity: { ...(project.severity ?? {}), ...(editor.severity ?? {}) },
  };
}
