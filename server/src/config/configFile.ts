/**
 * The project configuration file, `modelcards.config.yaml` (or `.modelcardsrc.yaml`): its schema
 * and the check of its text, with each problem on the exact key or value at fault. Pure: text in,
 * the configuration and findings out. Finding the files and following `extends` is resolve.ts's job.
 */
import { z } from 'zod';
import { closestMatch } from '../service/closest';
import { CODES, DiagnosticCode, isDiagnosticCode } from '../service/codes';
import type { Finding, Span } from '../service/findings';
import { checkOtherSchema, SchemaCodes } from '../service/schemaCheck';
import { keySpan, parseCard, valueSpan } from '../service/yamlCard';

/** The names a configuration file may have, the first found in a directory winning. */
export const CONFIG_FILE_NAMES = ['modelcards.config.yaml', 'modelcards.config.yml', '.modelcardsrc.yaml', '.modelcardsrc.yml'] as const;

export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

const paths = (what: string) => z.array(z.string().min(1, `${what}: a path, not an empty text`));

/** The configuration file's keys. Paths and globs are relative to the file's own directory. */
export const ConfigFile = z.strictObject({
  /** Configurations to start from (paths), the later ones and this file overriding the earlier. */
  extends: z.union([z.string().min(1), paths('extends')]).optional(),
  /** Severity per diagnostic code. */
  rules: z.partialRecord(z.enum(Object.keys(CODES) as [DiagnosticCode, ...DiagnosticCode[]]), z.enum(RULE_LEVELS)).optional(),
  /** Files and directories not to check, as .gitignore patterns. */
  ignore: paths('ignore').optional(),
  /** More files to check as cards, as glob patterns. */
  files: paths('files').optional(),
  /** Check the YAML front matter of Markdown cards. */
  frontMatter: z.boolean().optional(),
  /** Above this size (KB) a card gets one `card.too-large` and no other check; 0 for no limit. */
  maxFileSizeKb: z.number().min(0).optional(),
  /** Knowledge extensions: YAML files of licenses, known models and evidence concepts. */
  knowledge: paths('knowledge').optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

const CONFIG_CODES: SchemaCodes = { invalid: 'config.invalid', missing: 'config.invalid', unknownKey: 'config.unknown-key', subject: 'the configuration' };

export interface CheckedConfig {
  /** What could be read: every key with a problem is left out, the rest kept. */
  readonly config: ConfigFile;
  readonly findings: Finding[];
  /** Where each `extends` and `knowledge` entry is written, to report a file that cannot be read. */
  readonly pathSpans: ReadonlyMap<string, Span>;
}

/** Checks a configuration file's text; whatever has a problem is dropped, so defaults apply there. */
export function checkConfigText(text: string): CheckedConfig {
  const card = parseCard(text, 0, text.length);
  const findings: Finding[] = [...card.syntaxFindings];
  const fallback: Span = { start: 0, end: Math.max(0, text.indexOf('\n')) || text.length };
  const raw = card.value ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (card.value !== undefined) findings.push({ code: 'config.invalid', ...fallback, message: 'The configuration should be a mapping of keys (rules, ignore, files, frontMatter, maxFileSizeKb, knowledge, extends).' });
    return { config: {}, findings, pathSpans: new Map() };
  }
  const value = { ...(raw as Record<string, unknown>) };

  // Rule codes first: an unknown code is named with the nearest real one.
  const rules = value.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    const kept: Record<string, unknown> = {};
    for (const [code, level] of Object.entries(rules)) {
      if (isDiagnosticCode(code)) {
        kept[code] = level;
        continue;
      }
      const suggestion = closestMatch(code, Object.keys(CODES)) ?? null;
      findings.push({
        code: 'config.unknown-code',
        ...(keySpan(card, ['rules', code]) ?? fallback),
        message: `Unknown diagnostic code '${code}'${suggestion ? `: did you mean '${suggestion}'?` : '. The codes are listed in docs/rules.md.'}`,
        data: { key: code, suggestion },
      });
    }
    value.rules = kept;
  }

  findings.push(...checkOtherSchema(card, value, ConfigFile, fallback, CONFIG_CODES));
  // Keep every key that is right on its own; one with a problem falls back to its default, and in
  // `rules` only the entries with a bad level are dropped.
  if (value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    value.rules = Object.fromEntries(Object.entries(value.rules).filter(([, level]) => (RULE_LEVELS as readonly unknown[]).includes(level)));
  }
  const shape = ConfigFile.shape as Record<string, z.ZodType>;
  const config = ConfigFile.safeParse(Object.fromEntries(Object.entries(value).filter(([key, entry]) => shape[key]?.safeParse(entry).success)));

  const pathSpans = new Map<string, Span>();
  if (config.success) {
    for (const key of ['extends', 'knowledge'] as const) {
      const entries = config.data[key];
      (Array.isArray(entries) ? entries : entries === undefined ? [] : [entries]).forEach((entry, k) => {
        const span = valueSpan(card, Array.isArray(entries) ? [key, k] : [key]);
        if (span) pathSpans.set(`${key}:${entry}`, span);
      });
    }
  }
  return { config: config.success ? config.data : {}, findings, pathSpans };
}
