/**
 * The web worker's configuration files, fetched through the client (server/src/browser/
 * fetchedFiles.ts): resolving notes what is missing, the files are fetched, and the project
 * resolves again. Two preparations at once (a pulled document right after its didOpen) must
 * both end with the configuration applied: the second may not resolve while the first's files
 * are still in flight.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FetchedFiles } from '../server/src/browser/fetchedFiles';
import type { ReadFilesParams, ReadFilesResult } from '../server/src/browser/readFilesRequest';
import { Project } from '../server/src/config/project';
import { uriToProjectPath } from '../server/src/uriPaths';
import { knowledge } from './helpers';

const ROOT = 'vscode-vfs://github/acme/cards';
const FILES: Record<string, string> = { [`${ROOT}/modelcards.config.yaml`]: 'rules:\n  consent.missing: off\n' };

/** A client that answers after `delayMs`, counting the requests. */
function slowClient(delayMs: number) {
  const requests: ReadFilesParams[] = [];
  const fetch = async (params: ReadFilesParams): Promise<ReadFilesResult> => {
    requests.push(params);
    await new Promise(resolve => setTimeout(resolve, delayMs));
    return {
      read: params.read.map(uri => FILES[uri] ?? null),
      exists: params.exists.map(uri => uri === `${ROOT}/.git`),
    };
  };
  return { fetch, requests };
}

describe('files fetched through the client', () => {
  const card = uriToProjectPath(`${ROOT}/a.modelcard.yaml`)!;
  const newProject = (files: FetchedFiles) => new Project(knowledge, {
    roots: [uriToProjectPath(ROOT)!], readFile: files.readFile, isRepositoryRoot: files.isRepositoryRoot,
  });

  test('one preparation: the configuration is fetched, then applies', async () => {
    const client = slowClient(5);
    const files = new FetchedFiles(client.fetch);
    const project = newProject(files);
    await files.prepare(card, project);
    assert.equal(project.forFile(card).settings.severity?.['consent.missing'], 'off');
    assert.ok(client.requests.length >= 1);
  });

  test('two at once: both end with the configuration applied, and nothing is fetched twice', async () => {
    const client = slowClient(20);
    const files = new FetchedFiles(client.fetch);
    const project = newProject(files);
    const seen: (string | undefined)[] = [];
    await Promise.all([card, card].map(async file => {
      await files.prepare(file, project);
      seen.push(project.forFile(file).settings.severity?.['consent.missing']);
    }));
    assert.deepEqual(seen, ['off', 'off']);
    const asked = client.requests.flatMap(request => request.read);
    assert.equal(asked.length, new Set(asked).size, `each file asked for once: ${asked.join(', ')}`);
  });
});
