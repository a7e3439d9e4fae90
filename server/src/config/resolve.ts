/**
 * Which configuration applies to a card, as the command line and the language server both resolve
 * it: the nearest `modelcards.config.yaml` (or `.modelcardsrc.yaml`) found walking up from the
 * card, stopping at a workspace folder or a repository root (a directory holding `.git`); then the
 * files it `extends`, in order, each overridden by the ones after it and by the file itself.
 * A problem in a file is a finding on it, and what could not be read falls back to the defaults.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_MAX_FILE_SIZE_KB, ServiceSettings, SeverityOverride } from '../service';
import type { Finding, Span } from '../service/findings';
import { checkConfigText, CONFIG_FILE_NAMES } from './configFile';

/** Patterns and the directory they are relative to (the configuration file's). */
interface PatternSet {
  readonly base: string;
  readonly patterns: readonly string[];
}

export interface ResolvedConfig {
  /** The configuration files applied: the nearest first, then what it extends. Empty for none. */
  readonly files: readonly string[];
  /** What the service gets: severities, Markdown front matter, the size limit. */
  readonly settings: ServiceSettings;
  /** `rules` as written, merged: for --print-config. */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly ignore: readonly PatternSet[];
  readonly cardFiles: readonly PatternSet[];
  /** Knowledge extension files, absolute, in order. */
  readonly knowledge: readonly string[];
  /** Findings per configuration file (absolute path), and the text they point into. */
  readonly findings: ReadonlyMap<string, { readonly text: string; readonly findings: readonly Finding[] }>;
  /** Whether `ignore` excludes the file or directory. */
  isIgnored(absPath: string, isDirectory?: boolean): boolean;
  /** Whether `files` makes the file a card. */
  isCardFile(absPath: string): boolean;
}

export interface ResolverOptions {
  /** Where the search for a configuration stops (workspace folders), besides repository roots. */
  readonly roots?: readonly string[];
  /** Reads a file: an editor's unsaved text when it has one, else the disk; undefined when it cannot be read. */
  readonly readFile: (absPath: string) => string | undefined;
  /** Whether a directory holds `.git` (a repository root). */
  readonly isRepositoryRoot: (dir: string) => boolean;
  /** One configuration for every card (`--config FILE`) instead of the search. */
  readonly explicit?: string;
  /** No configuration at all (`--no-config`). */
  readonly none?: boolean;
}

interface Loaded {
  readonly file: string;
  readonly rules: Record<string, SeverityOverride>;
  readonly frontMatter?: boolean;
  readonly maxFileSizeKb?: number;
  readonly ignore: PatternSet[];
  readonly cardFiles: PatternSet[];
  readonly knowledge: string[];
  readonly files: string[];
}

const NO_CONFIG: Loaded = { file: '', rules: {}, ignore: [], cardFiles: [], knowledge: [], files: [] };

export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly resolved = new Map<string, ResolvedConfig>();

  constructor(private readonly options: ResolverOptions) {}

  /** The configuration that applies to a card (or to any file) at `absPath`. */
  forFile(absPath: string): ResolvedConfig {
    const file = this.options.none ? undefined : this.options.explicit ?? this.configFileFor(path.dirname(absPath));
    const key = file ?? '';
    let config = this.resolved.get(key);
    if (!config) this.resolved.set(key, config = this.resolve(file));
    return config;
  }

  /** Forgets everything read: after a configuration or extension file changed. */
  clear(): void {
    this.nearest.clear();
    this.resolved.clear();
  }

  /** The nearest configuration file from `dir` up to a root, or undefined. */
  configFileFor(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    let found: string | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (this.options.readFile(candidate) !== undefined) {
        found = candidate;
        break;
      }
    }
    const parent = path.dirname(dir);
    const isRoot = parent === dir || (this.options.roots ?? []).some(root => path.resolve(root) === dir) || this.options.isRepositoryRoot(dir);
    if (found === undefined && !isRoot) found = this.configFileFor(parent);
    this.nearest.set(dir, found);
    return found;
  }

  private resolve(file: string | undefined): ResolvedConfig {
    const findings = new Map<string, { text: string; findings: Finding[] }>();
    const loaded = file === undefined ? NO_CONFIG : this.load(file, [], findings);
    const matchers = (sets: readonly PatternSet[], make: (set: PatternSet) => (relative: string) => boolean) =>
      sets.map(set => ({ base: set.base, matches: make(set) }));
    const ignored = matchers(loaded.ignore, set => {
      const matcher = ignore().add([...set.patterns]);
      return relative => matcher.ignores(relative);
    });
    const cards = matchers(loaded.cardFiles, set => picomatch([...set.patterns], { dot: true }));
    const test = (list: readonly { base: string; matches: (relative: string) => boolean }[], absPath: string, isDirectory = false) => list.some(({ base, matches }) => {
      const relative = path.relative(base, absPath);
      // Patterns speak of the files below their configuration only.
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      // A directory as .gitignore sees it: "drafts/" names the directory, not a file called drafts.
      return matches(relative.split(path.sep).join('/') + (isDirectory ? '/' : ''));
    });
    return {
      files: loaded.files,
      settings: {
        severity: loaded.rules,
        frontMatter: loaded.frontMatter ?? true,
        maxFileSizeKb: loaded.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB,
      },
      rules: loaded.rules,
      ignore: loaded.ignore,
      cardFiles: loaded.cardFiles,
      knowledge: loaded.knowledge,
      findings,
      isIgnored: (absPath, isDirectory) => test(ignored, absPath, isDirectory),
      isCardFile: absPath => test(cards, absPath),
    };
  }

  /** One configuration file and what it extends, merged; `stack` is the chain that led here. */
  private load(file: string, stack: readonly string[], findings: Map<string, { text: string; findings: Finding[] }>): Loaded {
    const text = this.options.readFile(file) ?? '';
    const checked = checkConfigText(text);
    const own: Finding[] = [...checked.findings];
    findings.set(file, { text, findings: own });
    const dir = path.dirname(file);
    const problemAt = (key: string, entry: string): Span => checked.pathSpans.get(`${key}:${entry}`) ?? { start: 0, end: 0 };

    const parents: Loaded[] = [];
    const extendsList = checked.config.extends === undefined ? [] : [checked.config.extends].flat();
    for (const entry of extendsList) {
      const target = path.resolve(dir, entry);
      if ([...stack, file].includes(target)) {
        own.push({ code: 'config.extends-cycle', ...problemAt('extends', entry), message: `'${entry}' extends this file again (${[...stack, file, target].map(f => path.basename(f)).join(' → ')}): the circle is not followed.` });
      } else if (this.options.readFile(target) === undefined) {
        own.push({ code: 'config.file-not-found', ...problemAt('extends', entry), message: `Cannot read '${entry}' (${target}): the configuration it would extend is left out.` });
      } else {
        parents.push(this.load(target, [...stack, file], findings));
      }
    }
    const knowledge: string[] = [];
    for (const entry of checked.config.knowledge ?? []) {
      const target = path.resolve(dir, entry);
      if (this.options.readFile(target) === undefined) {
        own.push({ code: 'config.file-not-found', ...problemAt('knowledge', entry), message: `Cannot read the knowledge extension '${entry}' (${target}): the built-in knowledge base is used without it.` });
      } else {
        knowledge.push(target);
      }
    }

    const merged = parents.reduce<Loaded>((into, parent) => ({
      file,
      rules: { ...into.rules, ...parent.rules },
      frontMatter: parent.frontMatter ?? into.frontMatter,
      maxFileSizeKb: parent.maxFileSizeKb ?? into.maxFileSizeKb,
      ignore: [...into.ignore, ...parent.ignore],
      cardFiles: [...into.cardFiles, ...parent.cardFiles],
      knowledge: [...into.knowledge, ...parent.knowledge],
      files: [...into.files, ...parent.files],
    }), { ...NO_CONFIG, file });
    const { config } = checked;
    return {
      file,
      rules: { ...merged.rules, ...(config.rules ?? {}) } as Record<string, SeverityOverride>,
      frontMatter: config.frontMatter ?? merged.frontMatter,
      maxFileSizeKb: config.maxFileSizeKb ?? merged.maxFileSizeKb,
      ignore: [...merged.ignore, ...(config.ignore ? [{ base: dir, patterns: config.ignore }] : [])],
      cardFiles: [...merged.cardFiles, ...(config.files ? [{ base: dir, patterns: config.files }] : [])],
      knowledge: [...new Set([...merged.knowledge, ...knowledge])],
      files: [file, ...merged.files],
    };
  }
}
