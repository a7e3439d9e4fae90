/**
 * The language server in Node: the transport comes from the command line (`--stdio`,
 * `--node-ipc`, `--socket=N`), as vscode-languageserver reads it; the project reads the disk.
 * The wiring itself is languageServer.ts, shared with the browser build (browserServer.ts).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeProject, readTextFile } from './config/nodeProject';
import { discover } from './cli/discover';
import { loadShippedKnowledgeBase } from './knowledge/load';
import { uriToProjectPath } from './uriPaths';
import { startLanguageServer } from './languageServer';
import { packageInfo } from './cli/version';

const knowledge = loadShippedKnowledgeBase(__dirname);

startLanguageServer(createConnection(ProposedFeatures.all), {
  pathOf(uri) {
    // Another scheme (a virtual workspace's `vscode-vfs:`) gets a project path nothing on disk has,
    // so its cards are checked under the defaults.
    if (!uri.startsWith('file:')) return uriToProjectPath(uri);
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  createProject: (roots, openText) => createNodeProject(knowledge, { roots, openText }),
  workspace: {
    async listCards(roots, project) {
      const found = await discover(roots, roots[0] ?? process.cwd(), {
        isIgnored: (absPath, isDirectory) => project.resolver.forFile(absPath).isIgnored(absPath, isDirectory),
        isCardFile: absPath => project.resolver.forFile(absPath).isCardFile(absPath),
      });
      return found.files.map(file => file.absPath);
    },
    readText: readTextFile,
    uriOf: absPath => pathToFileURL(absPath).href,
  },
}, packageInfo().version);
