/**
 * Turns the command line's paths into the list of card files to check (section 1 of the design):
 * explicit files as they are, directories searched by card name, globs expanded by tinyglobby.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// `require`, not `import`: esbuild then bundles tinyglobby's CommonJS build; its ESM build (and
// fdir's) call createRequire(import.meta.url), which is undefined in the CommonJS bundle.
import tinyglobby = require('tinyglobby');
import { cardNameKind } from '../service';

export interface CardFile {
  /** Absolute path, what is read. */
  readonly absPath: string;
  /** The path the report shows: as given on the command line, or relative to the current directory. */
  readonly displayPath: string;
  /** Found by a directory walk or a glob: a Markdown file is a card only when it has front matter. */
  readonly requireFrontMatter: boolean;
}

export interface DiscoveryProblem {
  /** `usage` for an argument that names nothing; `read` for a directory that cannot be listed. */
  readonly kind: 'usage' | 'read';
  readonly path: string;
  readonly message: string;
}

export interface Discovery {
  /** Sorted by display path, each file once. */
  readonly files: readonly CardFile[];
  readonly problems: readonly DiscoveryProblem[];
  /** Files named on the command line that the configuration ignores (display paths). */
  readonly ignored: readonly string[];
}

/** What the project's configuration says of a path: left out (`ignore`), or a card though not named like one (`files`). */
export interface DiscoveryFilter {
  isIgnored(absPath: string, isDirectory: boolean): boolean;
  isCardFile(absPath: string): boolean;
}

const NO_FILTER: DiscoveryFilter = { isIgnored: () => false, isCardFile: () => false };

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;

export async function discover(args: readonly string[], cwd: string, filter: DiscoveryFilter = NO_FILTER): Promise<Discovery> {
  const found = new Map<string, CardFile>();
  const problems: DiscoveryProblem[] = [];
  const ignored: string[] = [];
  const add = (file: CardFile) => {
    const existing = found.get(file.absPath);
    // A file named explicitly is always checked, even when a walk also found it.
    if (!existing || (existing.requireFrontMatter && !file.requireFrontMatter)) found.set(file.absPath, file);
  };
  const visited = new Set<string>();

  for (const arg of args) {
    const absPath = path.resolve(cwd, arg);
    const stats = await statOrUndefined(absPath);
    if (stats?.isDirectory()) {
      walk(absPath, path.normalize(arg), visited, add, problems, filter);
    } else if (stats && filter.isIgnored(absPath, false)) {
      ignored.push(path.normalize(arg));
    } else if (stats) {
      add({ absPath, displayPath: path.normalize(arg), requireFrontMatter: false });
    } else if (tinyglobby.isDynamicPattern(arg)) {
      const matches = await expandGlob(arg, cwd);
      if (matches.length === 0) problems.push({ kind: 'usage', path: arg, message: `no files match '${arg}'` });
      for (const match of matches) {
        if (!filter.isIgnored(match, false)) add({ absPath: match, displayPath: displayPathOf(match, cwd), requireFrontMatter: MARKDOWN.test(match) });
      }
    } else if ((await isDanglingLink(absPath)) || (await statFailsOtherThanMissing(absPath))) {
      // A symlink to nothing or a path that cannot be looked at, named explicitly: reading it says why.
      add({ absPath, displayPath: path.normalize(arg), requireFrontMatter: false });
    } else {
      problems.push({ kind: 'usage', path: arg, message: `no such file, directory or glob match: '${arg}'` });
    }
  }

  const files = [...found.values()].sort((a, b) => compare(a.displayPath, b.displayPath));
  return { files, problems, ignored };
}

/**
 * Synchronous on purpose: a walk is thousands of tiny calls, and awaiting each on the thread pool
 * made a 10,000-card tree take three times as long to list.
 */
function walk(
  dir: string, displayDir: string, visited: Set<string>, add: (file: CardFile) => void, problems: DiscoveryProblem[], filter: DiscoveryFilter,
): void {
  let entries: fs.Dirent[];
  try {
    // Symlinked directories can loop back: each real directory is searched once.
    const real = fs.realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ kind: 'read', path: displayDir, message: `cannot read directory '${displayDir}': ${errorMessage(error)}` });
    return;
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const absPath = path.join(dir, entry.name);
    const displayPath = path.join(displayDir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = statSyncOrUndefined(absPath);
      isDirectory = target?.isDirectory() ?? false;
      // A dangling link with a card's name is a card that cannot be read: reading it says so.
      isFile = target ? target.isFile() : true;
    }
    if (filter.isIgnored(absPath, isDirectory)) continue;
    if (isDirectory) {
      walk(absPath, displayPath, visited, add, problems, filter);
    } else if (isFile) {
      const kind = cardNameKind(entry.name) ?? (filter.isCardFile(absPath) ? (MARKDOWN.test(entry.name) ? 'markdown' : 'yaml') : undefined);
      if (kind) add({ absPath, displayPath, requireFrontMatter: kind === 'markdown' });
    }
  }
}

function statSyncOrUndefined(absPath: string): fs.Stats | undefined {
  try {
    return fs.statSync(absPath);
  } catch {
    return undefined;
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const matches = await tinyglobby.glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map(match => path.normalize(match));
}

/** Relative to the current directory when inside it, absolute otherwise. */
export function displayPathOf(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return absPath;
  }
  return relative;
}

async function statOrUndefined(absPath: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(absPath);
  } catch {
    return undefined;
  }
}

async function statFailsOtherThanMissing(absPath: string): Promise<boolean> {
  try {
    await fs.promises.stat(absPath);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

async function isDanglingLink(absPath: string): Promise<boolean> {
  try {
    return (await fs.promises.lstat(absPath)).isSymbolicLink();
  } catch {
    return false;
  }
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && !message.startsWith(`${code}:`) ? `${code}: ${message}` : message;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
