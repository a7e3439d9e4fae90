/**
 * The language server in Node: the transport comes from the command line (`--stdio`,
 * `--node-ipc`, `--socket=N`), as vscode-languageserver reads it; the project reads the disk.
 * The wiring itself is languageServer.ts, shared with the browser build (browserServer.ts).
 */
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeProject } from './config/nodeProject';
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
}, packageInfo().version);
