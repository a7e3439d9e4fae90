/** The `modelCards.*` settings as the server reads them, with defaults for anything absent or malformed. */
import { DEFAULT_MAX_FILE_SIZE_KB, isDiagnosticCode, ServiceSettings, SeverityOverride } from './service';

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
  // A number of KB, 0 for no limit; anything else (a string, a negative or absent value) is the default.
  const rawLimit = section.maxFileSizeKb;
  const maxFileSizeKb = typeof rawLimit === 'number' && Number.isFinite(rawLimit) && rawLimit >= 0 ? rawLimit : DEFAULT_MAX_FILE_SIZE_KB;
  return { severity, frontMatter: section.frontMatter !== false, maxFileSizeKb };
}

export const DEFAULT_SETTINGS: ServerSettings = readSettings(undefined);
