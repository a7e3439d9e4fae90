/**
 * Knowledge extensions: a YAML file of a team's own licenses, known models and evidence concepts,
 * checked with the same zod schemas as the built-in data (schemas/*.yaml) and merged into the
 * knowledge base. An entry may replace a built-in one of the same id only with `override: true`.
 * Pure: text in, findings and a knowledge base out; reading the files is resolve.ts's job.
 */
import { z } from 'zod';
import { Concept, KnowledgeBase, KnownModel, License } from '../knowledge/schema';
import { crossCheck } from '../knowledge/crossCheck';
import type { Finding, Span } from '../service/findings';
import { checkOtherSchema, SchemaCodes } from '../service/schemaCheck';
import { KeyPath, parseCard, ParsedCard, valueSpan } from '../service/yamlCard';

const CODES: SchemaCodes = { invalid: 'knowledge.invalid', missing: 'knowledge.invalid', unknownKey: 'knowledge.invalid', subject: 'the knowledge extension' };

/** The kinds of entry an extension may add, with the built-in schema each is checked against. */
const KINDS = {
  licenses: License,
  models: KnownModel,
  concepts: Concept,
} as const;
type Kind = keyof typeof KINDS;

/** An extension entry: a built-in entry's fields, and `override: true` to replace the built-in one of the same id. */
const withOverride = <T extends z.ZodObject>(schema: T) => schema.extend({ override: z.boolean().optional() });

export const KnowledgeExtensionFile = z.strictObject({
  licenses: z.array(withOverride(License)).optional(),
  models: z.array(withOverride(KnownModel)).optional(),
  concepts: z.array(withOverride(Concept)).optional(),
});

/** Where an entry of the knowledge base comes from: the built-in data, or an extension file. */
export type KnowledgeOrigins = ReadonlyMap<string, string>;

/** The key of an entry in `KnowledgeOrigins`: `license:cc-by-4.0`, `model:moshi`, `concept:inner-monologue`. */
export function originKey(kind: 'license' | 'model' | 'concept', id: string): string {
  return `${kind}:${id}`;
}

export interface ExtensionText {
  /** The file's path as the user should read it (relative to the configuration, or absolute). */
  readonly file: string;
  readonly text: string;
}

export interface ExtendedKnowledge {
  readonly knowledge: KnowledgeBase;
  /** Entries that came from an extension: their file. Built-in entries are absent. */
  readonly origins: KnowledgeOrigins;
  /** Per extension file (by `file`), its findings; a file with none is absent. */
  readonly findings: ReadonlyMap<string, Finding[]>;
}

const SINGULAR: Record<Kind, 'license' | 'model' | 'concept'> = { licenses: 'license', models: 'model', concepts: 'concept' };

/** The knowledge base with every extension merged in order; entries with findings are left out. */
export function extendKnowledge(base: KnowledgeBase, extensions: readonly ExtensionText[]): ExtendedKnowledge {
  const lists = { licenses: [...base.licenses], models: [...base.models], concepts: [...base.suggester.concepts] };
  // Where each merged extension entry was written, for the cross-check's findings.
  const entryPaths = new Map<string, { file: string; card: ParsedCard; path: KeyPath }>();
  const origins = new Map<string, string>();
  const findings = new Map<string, Finding[]>();
  const add = (file: string, finding: Finding) => {
    let list = findings.get(file);
    if (!list) findings.set(file, list = []);
    list.push(finding);
  };

  for (const { file, text } of extensions) {
    const card = parseCard(text, 0, text.length);
    card.syntaxFindings.forEach(f => add(file, f));
    const value = card.value ?? {};
    const fallback: Span = { start: 0, end: Math.min(text.length, Math.max(text.indexOf('\n'), 0) || text.length) };
    // The file's shape first: unknown kinds and entries that are not mappings.
    const shape = z.strictObject({ licenses: z.array(z.unknown()).optional(), models: z.array(z.unknown()).optional(), concepts: z.array(z.unknown()).optional() });
    const shapeFindings = checkOtherSchema(card, value, shape, fallback, CODES);
    shapeFindings.forEach(f => add(file, f));
    if (shapeFindings.length > 0 || typeof value !== 'object' || value === null) continue;

    for (const kind of Object.keys(KINDS) as Kind[]) {
      const entries = (value as Record<string, unknown[] | undefined>)[kind] ?? [];
      entries.forEach((entry, index) => {
        const path: KeyPath = [kind, index];
        const checked = checkOtherSchema(card, entry, withOverride(KINDS[kind]), fallback, CODES, path);
        checked.forEach(f => add(file, f));
        if (checked.length > 0) return;
        const { override, ...parsed } = withOverride(KINDS[kind]).parse(entry) as { override?: boolean; id: string };
        const list = lists[kind] as { id: string }[];
        const existing = list.findIndex(other => other.id === parsed.id);
        if (existing >= 0 && override !== true) {
          const where = origins.get(originKey(SINGULAR[kind], parsed.id)) ?? 'the built-in knowledge base';
          add(file, {
            code: 'knowledge.duplicate-id',
            ...(valueSpan(card, [...path, 'id']) ?? fallback),
            message: `The ${SINGULAR[kind]} id '${parsed.id}' is already defined by ${where}: add 'override: true' to replace it, or choose another id.`,
            data: { id: parsed.id, kind: SINGULAR[kind], definedIn: where },
          });
          return;
        }
        if (existing >= 0) list[existing] = parsed;
        else list.push(parsed);
        origins.set(originKey(SINGULAR[kind], parsed.id), file);
        entryPaths.set(originKey(SINGULAR[kind], parsed.id), { file, card, path });
      });
    }
  }

  const knowledge: KnowledgeBase = {
    ...base,
    licenses: lists.licenses as KnowledgeBase['licenses'],
    models: lists.models as KnowledgeBase['models'],
    suggester: { ...base.suggester, concepts: lists.concepts as KnowledgeBase['suggester']['concepts'] },
  };
  // References across the merged data (a model's license, a sibling): reported on the extension entry.
  for (const problem of crossCheck(knowledge)) {
    const entry = problem.entry && entryPaths.get(problem.entry);
    if (!entry) continue;
    const span = (problem.field && valueSpan(entry.card, [...entry.path, ...problem.field])) ?? valueSpan(entry.card, entry.path);
    add(entry.file, { code: 'knowledge.invalid', ...(span ?? { start: 0, end: 0 }), message: `${problem.message}.` });
  }
  return { knowledge, origins, findings };
}
