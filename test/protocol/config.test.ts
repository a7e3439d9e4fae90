/**
 * The built server with a project configuration: the same diagnostics as modelcard-lint for the
 * same tree; the configuration and knowledge files themselves checked; a change typed in the
 * configuration or made on disk re-checks the open cards; the editor's explicit settings on top.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../../server/src/service';
import { lint, tempTree } from '../cli/harness';
import { TestClient } from './lspClient';
import { ROOT } from '../helpers';

/** A knowledge extension adding one license (test/fixtures/config/acme.knowledge.yaml). */
const ACME = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'config', 'acme.knowledge.yaml'), 'utf8');

const CONFIG = 'rules:\n  license.unconfirmed: off\n  latency.unlabeled: error\nignore: [cards/drafts/]\nfiles: ["cards/*.card.yaml"]\nknowledge: [knowledge/acme.knowledge.yaml]\n';

const CARDS: Record<string, string> = {
  'cards/acme.modelcard.yaml': 'license: other\nlicense_name: acme-research-license\nlicense_link: https://acme.example/license\nsts:\n  family: dual-stream-codec\n  licensing: { posture: permissive }\n',
  'cards/unknown.modelcard.yaml': 'license: unknown\nsts:\n  family: codec-free\n  latency:\n    - { ms: 200 }\n',
  'cards/extra.card.yaml': 'license: bogus-license\n',
  'cards/readme/README.md': '---\nlicense: apache-2.0\n---\n# A card\n\nA spoken dialogue model over two parallel audio streams.\n',
};

const uriOf = (dir: string, file: string) => pathToFileURL(path.join(dir, file)).href;
/** A diagnostic as both sides can state it: the CLI's JSON names the severity, LSP numbers it. */
const summary = (diagnostics: readonly (Omit<Diagnostic, 'severity'> & { severity?: unknown })[]) => diagnostics
  .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${typeof d.severity === 'number' ? severityName(d.severity as 1) : String(d.severity)} ${String(d.code)} ${d.message}`)
  .sort();

describe('the server with a project configuration', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = tempTree({ '.git': null, 'modelcards.config.yaml': CONFIG, 'knowledge/acme.knowledge.yaml': ACME, ...CARDS, 'cards/drafts/x.modelcard.yaml': 'license: bogus\n' });
    client = TestClient.start('stdio');
    await client.initialize(true, dir);
    for (const [file, text] of Object.entries(CARDS)) await client.open(uriOf(dir, file), text);
  });
  after(async () => { await client.stop(); });

  test('the editor gives the same diagnostics as modelcard-lint for the same tree and configuration', async () => {
    const cli = JSON.parse((await lint(['--format', 'json', '.'], dir)).stdout) as { files: { path: string; diagnostics: Diagnostic[] }[] };
    const fromCli = new Map(cli.files.map(f => [f.path.split(path.sep).join('/'), f.diagnostics]));
    assert.deepEqual([...fromCli.keys()].sort(), Object.keys(CARDS).sort(), 'the CLI checks the same cards');
    for (const file of Object.keys(CARDS)) {
      const published = await client.diagnostics(uriOf(dir, file));
      assert.deepEqual(summary(published.diagnostics), summary(fromCli.get(file)!), file);
    }
    // What the configuration made of them: the extension's license, the rules, `files`.
    const codes = [...fromCli.values()].flat().map(d => String(d.code));
    assert.ok(codes.includes('license.posture-conflict'));
    assert.ok(codes.includes('license.unknown-id'), 'extra.card.yaml is a card by `files`');
    assert.ok(!codes.includes('license.unconfirmed'));
    assert.equal(String([...fromCli.values()].flat().find(d => d.code === 'latency.unlabeled')?.severity), 'error');
  });

  test('an ignored card gets no diagnostics', async () => {
    const uri = uriOf(dir, 'cards/drafts/x.modelcard.yaml');
    await client.open(uri, 'license: bogus\n');
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });

  test('the configuration file is checked, each problem on its key; typing in it re-checks the open cards', async () => {
    const configUri = uriOf(dir, 'modelcards.config.yaml');
    const cardUri = uriOf(dir, 'cards/unknown.modelcard.yaml');
    await client.open(configUri, CONFIG);
    assert.deepEqual((await client.diagnostics(configUri)).diagnostics, []);
    // A typo in the rule that silenced license.unconfirmed: the card shows it again, the configuration shows the typo.
    const broken = CONFIG.replace('license.unconfirmed: off', 'license.unconfirmd: off');
    await client.change(configUri, 2, [{ text: broken }]);
    const onConfig = await client.diagnostics(configUri, p => p.diagnostics.length > 0);
    assert.deepEqual(onConfig.diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['config.unknown-code', 1, 2, 'license.unconfirmd'.length + 2]]);
    assert.equal((onConfig.diagnostics[0].data as { suggestion: string }).suggestion, 'license.unconfirmed');
    await client.diagnostics(cardUri, p => p.diagnostics.some(d => d.code === 'license.unconfirmed'));
    // Closing it unsaved brings back the file on disk.
    await client.close(configUri);
    await client.diagnostics(cardUri, p => !p.diagnostics.some(d => d.code === 'license.unconfirmed'));
  });

  test('a change on disk, announced by the file watcher, re-checks the open cards', async () => {
    const cardUri = uriOf(dir, 'cards/unknown.modelcard.yaml');
    const file = path.join(dir, 'modelcards.config.yaml');
    fs.writeFileSync(file, CONFIG.replace('latency.unlabeled: error', 'latency.unlabeled: off'));
    try {
      await client.filesChanged([pathToFileURL(file).href]);
      await client.diagnostics(cardUri, p => !p.diagnostics.some(d => d.code === 'latency.unlabeled'));
    } finally {
      fs.writeFileSync(file, CONFIG);
      await client.filesChanged([pathToFileURL(file).href]);
    }
    await client.diagnostics(cardUri, p => p.diagnostics.some(d => d.code === 'latency.unlabeled' && d.severity === 1));
  });

  test('a knowledge extension open in the editor is checked on its entries', async () => {
    const uri = uriOf(dir, 'knowledge/acme.knowledge.yaml');
    await client.open(uri, ACME.replace("commercial_use: 'no'", 'commercial_use: sometimes'));
    const published = await client.diagnostics(uri, p => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character]), [['knowledge.invalid', 4, 20]]);
    await client.close(uri);
  });

  test("the editor's explicit settings win over the configuration", async () => {
    const cardUri = uriOf(dir, 'cards/unknown.modelcard.yaml');
    await client.changeSettings({ severity: { 'license.unconfirmed': 'hint', 'latency.unlabeled': 'information' } });
    const published = await client.diagnostics(cardUri, p => p.diagnostics.some(d => d.code === 'license.unconfirmed'));
    assert.equal(published.diagnostics.find(d => d.code === 'license.unconfirmed')?.severity, 4);
    assert.equal(published.diagnostics.find(d => d.code === 'latency.unlabeled')?.severity, 3);
    await client.changeSettings({});
    await client.diagnostics(cardUri, p => !p.diagnostics.some(d => d.code === 'license.unconfirmed'));
  });
});
