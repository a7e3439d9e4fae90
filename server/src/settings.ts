/** The `modelCards.*` settings as the server reads them, with defaults for anything absent or malformed. */
import { isDiagnosticCode, ServiceSettings, SeverityOverride } from './service';

export type ServerSettings = ServiceSettings;

const SEVERITIES = new Set<SeverityOverride>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): ServerSettings {
  const section = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const severity: Record<string, SeverityOverride> = {};
  const rawSeverity = section.severity;
  if (rawSeverity && typeof rawSeverity === 'object') {
    for (const [code, value] of Object.entries(rawSeverity)) {
      if (isDiagnosticCode(code) && SEVERITIES.has(value as SeverityOverride)) severity[code] = value as SeverityOverride;
    }
  }
  return { severity, frontMatter: section.frontMatter !== false };
}

export const DEFAULT_SETTINGS: ServerSettings = readSettings(undefined);
