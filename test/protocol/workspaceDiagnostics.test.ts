/**
 * The workspace's unopened cards over the protocol: with workspace diagnostics asked for, the
 * server publishes the problems of every card on disk (the same as modelcard-lint's), not of
 * plain READMEs or what the configuration ignores; an open card's editor text wins, and closing it
 * brings back the disk's problems; a card created, changed or deleted on disk is followed; turning
 * the setting off clears what was published.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { parseJson, spawnLint, tempTree } from '../cli/harness';
import { TestClient } from './lspClient';
import { WORKSPACE_FILES } from './workspaceTree';

const FILES = WORKSPACE_FILES;

describe('workspace diagnostics', () => {
  let dir: string;
  let client: TestClient;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;
  const codesFor = (file: string) => client.published.filter(p => p.uri === uri(file)).at(-1)?.diagnostics.map(d => String(d.code)).sort();

  before(async () => {
    dir = tempTree(FILES);
    client = TestClient.start('stdio');
    client.settings = { workspaceDiagnostics: true };
    await client.initialize(true, dir);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every card on disk gets the CLI\'s diagnostics without being opened; plain READMEs and ignored files none', async () => {
    const cli = parseJson(spawnLint(['--format', 'json', '.'], dir));
    assert.deepEqual(cli.files.map(f => f.path.split(path.sep).join('/')).sort(), ['a.modelcard.yaml', 'good.modelcard.yaml', 'team/b/README.md']);
    for (const file of cli.files) {
      const published = await client.diagnostics(uri(file.path));
      assert.deepEqual(published.diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort(),
        file.diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort(), file.path);
    }
    assert.ok(!client.published.some(p => p.uri === uri('docs/README.md') && p.diagnostics.length > 0));
    assert.ok(!client.published.some(p => p.uri === uri('drafts/c.modelcard.yaml')));
  });

  test('an open card shows its editor text; closed, the disk\'s problems come back', async () => {
    const file = 'a.modelcard.yaml';
    await client.diagnostics(uri(file), p => p.diagnostics.some(d => d.code === 'license.unknown-id'));
    await client.open(uri(file), FILES[file]!.replace('Apache-2.0', 'apache-2.0'), 7);
    await client.diagnostics(uri(file), p => p.version === 7 && !p.diagnostics.some(d => d.code === 'license.unknown-id'));
    await client.close(uri(file));
    await client.diagnostics(uri(file), p => p.version === undefined && p.diagnostics.some(d => d.code === 'license.unknown-id'));
  });

  test('a card created, changed and deleted on disk is followed', async () => {
    const file = 'new/d.modelcard.yaml';
    fs.mkdirSync(path.join(dir, 'new'));
    fs.writeFileSync(path.join(dir, file), 'license: bogus-license\n');
    await client.filesChanged([uri(file)], FileChangeType.Created);
    await client.diagnostics(uri(file), p => p.diagnostics.some(d => d.code === 'license.unknown-id'));
    fs.writeFileSync(path.join(dir, file), 'license: mit\nsts:\n  name: D\n  family: near-sts\n  licensing: { posture: permissive }\n');
    await client.filesChanged([uri(file)], FileChangeType.Changed);
    await client.diagnostics(uri(file), p => !p.diagnostics.some(d => d.code === 'license.unknown-id'));
    fs.rmSync(path.join(dir, file));
    await client.filesChanged([uri(file)], FileChangeType.Deleted);
    await client.diagnostics(uri(file), p => p.diagnostics.length === 0);
  });

  test('turning the setting off clears the unopened cards\' problems', async () => {
    await client.diagnostics(uri('team/b/README.md'), p => p.diagnostics.length > 0);
    await client.changeSettings({ workspaceDiagnostics: false });
    await client.diagnostics(uri('team/b/README.md'), p => p.diagnostics.length === 0);
    assert.deepEqual(codesFor('team/b/README.md'), []);
  });
});

describe('workspace diagnostics are off unless the client asks', () => {
  test('a client that says nothing gets diagnostics for open cards only, and the server reads no card it was not given', async () => {
    const dir = tempTree(FILES);
    const client = TestClient.start('stdio');
    try {
      await client.initialize(true, dir);
      const open = pathToFileURL(path.join(dir, 'good.modelcard.yaml')).href;
      await client.open(open, FILES['good.modelcard.yaml']!);
      await client.diagnostics(open);
      assert.deepEqual([...new Set(client.published.map(p => p.uri))], [open]);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
