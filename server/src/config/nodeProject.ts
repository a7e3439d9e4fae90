/**
 * The project over the real file system, as the command line and the language server open it:
 * files read as UTF-8 (an editor's unsaved text first, when it gives one), directories holding
 * `.git` as repository roots.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KnowledgeBase } from '../knowledge/schema';
import { Project } from './project';

export interface NodeProjectOptions {
  /** Workspace folders: the search for a configuration stops at them. */
  readonly roots?: readonly string[];
  /** `--config FILE`, absolute. */
  readonly explicit?: string;
  /** `--no-config`. */
  readonly none?: boolean;
  /** An editor's text of a file, when it has it open. */
  readonly openText?: (absPath: string) => string | undefined;
}

/** A regular file's text, or undefined when there is none or it cannot be read. */
export function readTextFile(absPath: string): string | undefined {
  try {
    if (!fs.statSync(absPath).isFile()) return undefined;
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

export function createNodeProject(base: KnowledgeBase, options: NodeProjectOptions = {}): Project {
  return new Project(base, {
    roots: options.roots,
    explicit: options.explicit,
    none: options.none,
    readFile: absPath => options.openText?.(absPath) ?? readTextFile(absPath),
    isRepositoryRoot: dir => fs.existsSync(path.join(dir, '.git')),
  });
}
