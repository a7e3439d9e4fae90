/**
 * Pulled diagnostics (LSP 3.17) over the protocol: a client that can pull is offered
 * `textDocument/diagnostic` and `workspace/diagnostic` and is pushed nothing; a document pull
 * gives what a pushing client is sent; the workspace request hands out every card (unopened ones
 * as on disk, the CLI's diagnostics; open ones as typed), then streams each change; a client
 * that already holds a report is not sent it again; a change of settings asks the client to pull
 * again. Clients that cannot pull, or ask to be pushed to, keep the push model.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType, InitializeResult } from 'vscode-languageserver-protocol/node';
import { parseJson, spawnLint, tempTree } from '../cli/harness';
import { PULLING_CAPABILITIES, TestClient } from './lspClient';
import { WORKSPACE_FILES } from './workspaceTree';

const FILES = WORKSPACE_FILES;

const summary = (diagnostics: readonly { range: { start: { line: number; character: number } }; code?: unknown }[]) =>
  diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort();

describe('pulled diagnostics', () => {
  let dir: string;
  let client: TestClient;
  let init: InitializeResult;
  let workspacePull: ReturnType<TestClient['pullWorkspace']>;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;
  const latest = (file: string) => client.workspaceReports(uri(file)).at(-1);
  const latestCodes = (file: string) => {
    const report = latest(file);
    return report?.kind === 'full' ? report.items.map(d => String(d.code)) : undefined;
  };

  before(async () => {
    dir = tempTree(FILES);
    client = TestClient.start('stdio');
    client.settings = { workspaceDiagnostics: true };
    init = await client.initialize(true, dir, undefined, PULLING_CAPABILITIES);
    workspacePull = client.pullWorkspace();
  });
  after(async () => {
    await workspacePull?.stop();
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a client that can pull is offered document and workspace pulls', () => {
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'modelCards', interFileDependencies: false, workspaceDiagnostics: true });
  });

  test('the workspace request hands out every card on disk with the CLI\'s diagnostics; plain READMEs and ignored files none', async () => {
    const cli = parseJson(spawnLint(['--format', 'json', '.'], dir));
    for (const file of cli.files) {
      await client.until(() => latest(file.path) !== undefined, `a workspace report for ${file.path}`);
      const report = latest(file.path)!;
      assert.equal(report.kind, 'full');
      assert.equal(report.version, null, 'a file on disk has no version');
      assert.deepEqual(summary(report.kind === 'full' ? report.items : []), summary(file.diagnostics), file.path);
    }
    assert.equal(client.workspaceReports(uri('docs/README.md')).length, 0);
    assert.equal(client.workspaceReports(uri('drafts/c.modelcard.yaml')).length, 0);
    assert.equal(client.published.length, 0, 'nothing is pushed to a client that pulls');
  });

  test('a document pull gives what a pushing client is sent for the same text', async () => {
    const text = 'license: Apache-2.0\nsts:\n  name: Probe\n  family: dual-stream\n';
    const probe = uri('probe.modelcard.yaml');
    await client.open(probe, text, 3);
    const pulled = await client.pullDocument(probe);
    assert.equal(pulled.kind, 'full');

    const pushing = TestClient.start('stdio');
    try {
      await pushing.initialize(true, dir);
      await pushing.open(probe, text, 3);
      const pushed = await pushing.diagnostics(probe);
      assert.ok(pushed.diagnostics.length >= 2);
      assert.deepEqual(pulled.kind === 'full' ? pulled.items : [], pushed.diagnostics);
    } finally {
      await pushing.stop();
    }
    await client.close(probe);
  });

  test('an open card is reported as typed, with its version; closed, the disk\'s problems come back', async () => {
    const file = 'a.modelcard.yaml';
    await client.until(() => latestCodes(file)?.includes('license.unknown-id') === true, 'the disk report of a.modelcard.yaml');
    await client.open(uri(file), FILES[file]!.replace('Apache-2.0', 'apache-2.0'), 7);
    await client.until(() => latest(file)?.version === 7, 'the report of the open card');
    assert.ok(!latestCodes(file)!.includes('license.unknown-id'));
    const pulled = await client.pullDocument(uri(file));
    assert.ok(pulled.kind === 'full' && !pulled.items.some(d => d.code === 'license.unknown-id'));
    await client.close(uri(file));
    await client.until(() => latest(file)?.version === null && latestCodes(file)?.includes('license.unknown-id') === true, 'the disk report after closing');
  });

  test('a card created, changed and deleted on disk is streamed to the open request', async () => {
    const file = 'new/d.modelcard.yaml';
    fs.mkdirSync(path.join(dir, 'new'));
    fs.writeFileSync(path.join(dir, file), 'license: bogus-license\n');
    await client.filesChanged([uri(file)], FileChangeType.Created);
    await client.until(() => latestCodes(file)?.includes('license.unknown-id') === true, 'the created card');
    fs.writeFileSync(path.join(dir, file), 'license: mit\nsts:\n  name: D\n  family: near-sts\n  licensing: { posture: permissive }\n');
    await client.filesChanged([uri(file)], FileChangeType.Changed);
    await client.until(() => latestCodes(file) !== undefined && !latestCodes(file)!.includes('license.unknown-id'), 'the changed card');
    fs.rmSync(path.join(dir, file));
    await client.filesChanged([uri(file)], FileChangeType.Deleted);
    await client.until(() => latestCodes(file)?.length === 0, 'the deleted card cleared');
  });

  test('a new request sends only what the client does not hold', async () => {
    const held = ['a.modelcard.yaml', 'good.modelcard.yaml', 'team/b/README.md']
      .map(file => ({ uri: uri(file), value: latest(file)!.resultId! }));
    const before = client.workspaceReports(uri('good.modelcard.yaml')).length;
    const second = client.pullWorkspace(held.filter(entry => !entry.uri.endsWith('good.modelcard.yaml')));
    try {
      await client.until(() => client.workspaceReports(uri('good.modelcard.yaml')).length === before + 1, 'the report the client lacked');
      for (const entry of held.filter(e => !e.uri.endsWith('good.modelcard.yaml'))) {
        assert.equal(client.workspaceReports(entry.uri).at(-1)!.resultId, entry.value, `${entry.uri} not sent again`);
      }
    } finally {
      await second.stop();
    }
  });

  test('a change of settings asks the client to pull again, and turning workspace diagnostics off clears the unopened cards', async () => {
    const refreshes = client.refreshRequests;
    await client.changeSettings({ workspaceDiagnostics: true, severity: { 'license.unknown-id': 'hint' } });
    await client.until(() => client.refreshRequests > refreshes, 'a refresh request');
    await client.changeSettings({ workspaceDiagnostics: false });
    await client.until(() => latestCodes('team/b/README.md')?.length === 0 && latestCodes('a.modelcard.yaml')?.length === 0, 'the unopened cards cleared');
    assert.equal(client.published.length, 0, 'still nothing pushed');
  });
});

describe('the push model stays for clients that cannot pull or ask to be pushed to', () => {
  for (const [name, capabilities, options] of [
    ['a client without pull support', {}, undefined],
    ['a pulling client that asks for push', PULLING_CAPABILITIES, { diagnosticModel: 'push' }],
  ] as const) {
    test(name, async () => {
      const dir = tempTree(FILES);
      const client = TestClient.start('stdio');
      try {
        const init = await client.initialize(true, dir, options, capabilities);
        assert.equal(init.capabilities.diagnosticProvider, undefined);
        const open = pathToFileURL(path.join(dir, 'a.modelcard.yaml')).href;
        await client.open(open, FILES['a.modelcard.yaml']!);
        const pushed = await client.diagnostics(open);
        assert.ok(pushed.diagnostics.some(d => d.code === 'license.unknown-id'));
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
