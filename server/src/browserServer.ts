/**
 * The language server in a browser's web worker (vscode.dev, github.dev): the same wiring as in
 * Node (languageServer.ts), messages over postMessage, the knowledge base bundled in (no file
 * system to read it from), and the project's configuration files and the workspace's cards read
 * through the client.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { FetchedFiles } from './browser/fetchedFiles';
import { FIND_FILES_METHOD, FindFilesResult, READ_FILES_METHOD, ReadFilesParams, ReadFilesResult } from './browser/readFilesRequest';
import { projectPathToUri, uriToProjectPath } from './uriPaths';
import { cardNameKind } from './service';
import { Project } from './config/project';
import type { KnowledgeBase } from './knowledge/schema';
import { startLanguageServer } from './languageServer';

/** The validated knowledge base (dist/knowledge.json) and the version, put in by the bundler (scripts/bundle.js). */
declare const STS_KNOWLEDGE: KnowledgeBase;
declare const STS_VERSION: string;

// The worker's global scope, typed as what the reader takes (the project compiles without the DOM libraries).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const files = new FetchedFiles(params => connection.sendRequest<ReadFilesResult>(READ_FILES_METHOD, params as ReadFilesParams));

startLanguageServer(connection, {
  pathOf: uriToProjectPath,
  createProject: (roots, openText) => new Project(STS_KNOWLEDGE, {
    roots,
    readFile: absPath => openText(absPath) ?? files.readFile(absPath),
    isRepositoryRoot: files.isRepositoryRoot,
  }),
  prepare: (absPath, project) => files.prepare(absPath, project),
  filesChanged: () => files.clear(),
  reread: absPaths => files.refetch(absPaths),
  // The cards that are not open: the client finds the candidates, the project's configuration
  // picks the cards among them, and their texts are fetched before they are checked.
  workspace: {
    async listCards(roots, project) {
      const found = await connection.sendRequest<FindFilesResult>(FIND_FILES_METHOD).catch(() => [] as FindFilesResult);
      const cards: string[] = [];
      for (const uri of found) {
        const absPath = uriToProjectPath(uri);
        if (absPath === undefined || !roots.some(root => absPath.startsWith(`${root.replace(/\/+$/, '')}/`))) continue;
        await files.prepare(absPath, project);
        const config = project.resolver.forFile(absPath);
        if (config.isIgnored(absPath)) continue;
        if (cardNameKind(absPath.slice(absPath.lastIndexOf('/') + 1)) !== undefined || config.isCardFile(absPath)) cards.push(absPath);
      }
      await files.refetch(cards);
      return cards;
    },
    readText: absPath => files.readFile(absPath),
    uriOf: projectPathToUri,
  },
}, STS_VERSION);
