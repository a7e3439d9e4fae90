/**
 * Which of a project's own files a path is: a configuration file (by name), a knowledge
 * extension (named `*.knowledge.yaml`, or listed under `knowledge` by the configuration that
 * applies where it lives), or neither. The language server checks these files as it checks cards.
 */
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from './configFile';
import type { Project } from './project';

export type ProjectFileKind = 'config' | 'knowledge';

const KNOWLEDGE_FILE = /\.knowledge\.ya?ml$/i;

export function projectFileKind(absPath: string | undefined, project: Project): ProjectFileKind | undefined {
  if (absPath === undefined) return undefined;
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(absPath))) return 'config';
  if (KNOWLEDGE_FILE.test(absPath) || project.resolver.forFile(absPath).knowledge.includes(absPath)) return 'knowledge';
  return undefined;
}
