/**
 * The `modelCards.*` settings as the server reads them. Only what the user set counts: the VS Code
 * client sends the values set in user, workspace or folder settings (not the defaults), so that a
 * project's configuration file applies wherever the user did not say otherwise. Malformed values
 * are left out.
 */
import { isDiagnosticCode, ServiceSettings, SeverityOverride } from './service';

/** What the user set; anything absent comes from the project configuration, then the defaults. */
export type EditorSettings = ServiceSettings;

const SEVERITIES = new Set<SeverityOverride>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): EditorSettings {
  const section = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const settings: { -readonly [K in keyof ServiceSettings]: ServiceSettings[K] } = {};
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
  return settings;
}

/** The project configuration's settings, overridden where the user set something in the editor. */
export function mergeSettings(project: ServiceSettings, editor: EditorSettings): ServiceSettings {
  return {
    ...project,
    ...editor,
    severity: { ...(project.severity ?? {}), ...(editor.severity ?? {}) },
  };
}
