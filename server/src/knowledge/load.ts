/**
 * Reads and validates the knowledge base from a `schemas/` directory. Node-only (it uses `fs`);
 * the language service itself only ever receives the validated `KnowledgeBase` object.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { crossCheck, describeProblem } from './crossCheck';
import {
  ConceptsFile, FamiliesFile, HubFile, KnowledgeBase, LicensesFile, ModelsFile, PosturesFile, SentenceOwnerFile, SubcategoriesFile,
} from './schema';

export class KnowledgeBaseError extends Error {}

function readFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const fullPath = path.join(dir, file);
  let raw: unknown;
  try {
    const text = fs.readFileSync(fullPath, 'utf8');
    // Weights are thousands of entries: JSON, which parses a hundred times faster than YAML.
    raw = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new KnowledgeBaseError(`${fullPath}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map(issue => `  ${fullPath} at ${describePath(raw, issue.path)}: ${issue.message}`);
    throw new KnowledgeBaseError(`invalid knowledge-base file:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** `models[3] (moshi).weights_license` reads better than `models.3.weights_license`. */
function describePath(raw: unknown, issuePath: readonly PropertyKey[]): string {
  let node: unknown = raw;
  return issuePath.map((segment, index) => {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      return `[${segment}]${typeof id === 'string' ? ` (${id})` : ''}`;
    }
    return `${index === 0 ? '' : '.'}${String(segment)}`;
  }).join('') || '(top level)';
}


export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const kb: KnowledgeBase = {
    hub: readFile(dir, 'hub.yaml', HubFile),
    families: readFile(dir, 'families.yaml', FamiliesFile).families,
    suggester: readFile(dir, 'concepts.yaml', ConceptsFile),
    sentenceOwner: readFile(dir, SENTENCE_OWNER_FILE, SentenceOwnerFile),
    postures: readFile(dir, 'postures.yaml', PosturesFile).postures,
    subcategories: readFile(dir, 'subcategories.yaml', SubcategoriesFile).subcategories,
    licenses: readFile(dir, 'licenses.yaml', LicensesFile).licenses,
    models: readFile(dir, 'models.yaml', ModelsFile).models,
  };
  const problems = crossCheck(kb).map(describeProblem);
  if (problems.length > 0) {
    throw new KnowledgeBaseError(`inconsistent knowledge base in ${dir}:\n${problems.map(p => `  ${p}`).join('\n')}`);
  }
  return kb;
}

/** The `schemas/` directory shipped next to the built files (`dist/` or `server/out/...`). */
export function findSchemasDirectory(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'schemas', 'families.yaml');
    if (fs.existsSync(candidate)) return path.dirname(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new KnowledgeBaseError(`no schemas/ directory above ${fromDir}`);
    dir = parent;
  }
}

/** The learned weights of service/suggest/sentenceOwner.ts, written by scripts/train-sentence-owner.js. */
export const SENTENCE_OWNER_FILE = 'sentence-owner.json';

/** The files that make up the knowledge base, in the order their digest is taken. */
export const KNOWLEDGE_FILES = ['hub.yaml', 'families.yaml', 'concepts.yaml', SENTENCE_OWNER_FILE, 'postures.yaml', 'subcategories.yaml', 'licenses.yaml', 'models.yaml'] as const;

/** The prebuilt knowledge base that `scripts/check-knowledge.js` writes next to the bundles (`dist/`). */
export const PREBUILT_KNOWLEDGE_FILE = 'knowledge.json';
const PREBUILT_FORMAT = 1;

/** The prebuilt file: the validated knowledge base and a digest of the YAML it was built from. */
export interface PrebuiltKnowledgeBase {
  format: number;
  sources: string;
  knowledge: KnowledgeBase;
}

/** SHA-256 over the knowledge files' names and bytes: cheap next to parsing them, and exact (unlike file times, which unpacking a .vsix does not keep). */
export function digestKnowledgeSources(schemasDir: string): string {
  const hash = createHash('sha256');
  for (const file of KNOWLEDGE_FILES) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(schemasDir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Validates `schemasDir` (YAML + zod + cross-check, throws like `loadKnowledgeBase`) and returns what to write as `knowledge.json`. */
export function buildPrebuiltKnowledgeBase(schemasDir: string): PrebuiltKnowledgeBase {
  const sources = digestKnowledgeSources(schemasDir);
  return { format: PREBUILT_FORMAT, sources, knowledge: loadKnowledgeBase(schemasDir) };
}

/**
 * The prebuilt knowledge base at `jsonPath` when it exists and was built from exactly the YAML now
 * in `schemasDir`; `undefined` otherwise (missing, unreadable, another format or stale). It is not
 * re-validated: the build validated it, and skipping the YAML parse and zod is the point.
 */
export function readPrebuiltKnowledgeBase(jsonPath: string, schemasDir: string): KnowledgeBase | undefined {
  let prebuilt: Partial<PrebuiltKnowledgeBase>;
  try {
    prebuilt = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (prebuilt?.format !== PREBUILT_FORMAT || typeof prebuilt.knowledge !== 'object' || prebuilt.knowledge === null) return undefined;
  try {
    if (prebuilt.sources !== digestKnowledgeSources(schemasDir)) return undefined;
  } catch {
    return undefined; // a YAML file is missing: let loadKnowledgeBase report it
  }
  return prebuilt.knowledge;
}

/**
 * The knowledge base for the built server and CLI in `fromDir` (their `__dirname`): the prebuilt
 * `knowledge.json` beside them when it matches the shipped `schemas/`, else the YAML read and
 * validated (`loadKnowledgeBase`), as when running from `out/` in tests.
 */
export function loadShippedKnowledgeBase(fromDir: string): KnowledgeBase {
  const schemasDir = findSchemasDirectory(fromDir);
  return readPrebuiltKnowledgeBase(path.join(fromDir, PREBUILT_KNOWLEDGE_FILE), schemasDir) ?? loadKnowledgeBase(schemasDir);
}
