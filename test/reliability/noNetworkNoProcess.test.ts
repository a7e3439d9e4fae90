/**
 * Security (issue 6): the server and the command line open no network connection and start no
 * process. Both run as real processes with test/fixtures/preload/deny-network-and-processes.js
 * preloaded (`node -r`): every call that connects (net, tls, http, https, dns) or starts a process
 * (child_process) throws and is logged to DENY_LOG, so an attempt is seen even when the caller
 * swallows the exception. The tests assert the log stays empty; a positive control proves the
 * preload works.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
import { TestClient } from '../protocol/lspClient';

const PRELOAD = path.join(ROOT, 'test', 'fixtures', 'preload', 'deny-network-and-processes.js');
const CLI = path.join(ROOT, 'bin', 'modelcard-lint.js');
const FIXTURE_DIRS = ['test/fixtures/cli', 'test/fixtures/real-cards', 'examples'];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'deny-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

let logs = 0;
function freshLog(): string {
  const log = path.join(scratch, `deny-${++logs}.log`);
  fs.writeFileSync(log, '');
  return log;
}

function assertNothingAttempted(log: string): void {
  const text = fs.readFileSync(log, 'utf8');
  const calls = text.split('\n').filter(Boolean).map(line => JSON.parse(line) as { call: string; stack: string });
  assert.deepEqual(calls.map(call => call.call), [], `denied calls attempted:\n${calls.map(call => call.stack).join('\n\n')}`);
}

describe('the deny preload (positive control)', () => {
  test('a connection attempt is logged and throws, even when the exception is swallowed', () => {
    const log = freshLog();
    const script = [
      "let message = 'no throw';",
      "try { require('net').connect(1, '127.0.0.1'); } catch (error) { message = error.message; }",
      "try { require('child_process').spawnSync('true'); } catch { /* swallowed */ }",
      "try { require('https').get('https://example.com'); } catch { /* swallowed */ }",
      "try { require('dns').promises.lookup('example.com'); } catch { /* swallowed */ }",
      'console.log(message);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-r', PRELOAD, '-e', script], { env: { ...process.env, DENY_LOG: log }, encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /denied by deny-network-and-processes preload: net\.connect/);
    const calls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map(line => (JSON.parse(line) as { call: string }).call);
    assert.deepEqual(calls, ['net.connect', 'child_process.spawnSync', 'https.get', 'dns.promises.lookup']);
  });
});

describe('the bundled server under the deny preload', () => {
  test('a whole editing session attempts no connection and no process', async () => {
    const log = freshLog();
    const client = TestClient.start('stdio', { nodeArgs: ['-r', PRELOAD], env: { ...process.env, DENY_LOG: log } });
    const { connection } = client;
    const waitFor = (uri: string, version: number) => client.diagnostics(uri, params => params.version === version);
    try {
      const init = await client.initialize(true, ROOT);
      assert.ok(init.capabilities.hoverProvider);

      const cards = [
        'test/fixtures/cli/README.md', // front matter
        'test/fixtures/cli/invalid-duplex.modelcard.yaml',
        'test/fixtures/cli/unknown-license.modelcard.yaml',
        'test/fixtures/real-cards/meta_spiritlm_MODEL_CARD.md',
        'examples/bad/conflicts.modelcard.yaml',
      ].filter(file => fs.existsSync(path.join(ROOT, file)));
      assert.ok(cards.length >= 4);
      for (const file of cards) {
        const uri = pathToFileURL(path.join(ROOT, file)).href;
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: file.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text },
        });
        await waitFor(uri, 1);
        // Incremental edits: insert a line, then type into it.
        const lines = text.split('\n');
        const at = Math.min(2, lines.length - 1);
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'license_link: https://example.com/LICENSE\n' }],
        });
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 3 },
          contentChanges: [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'x' }],
        });
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 4 },
          contentChanges: [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 1 } }, text: '' }],
        });
        const diagnostics = await waitFor(uri, 4);
        for (let line = 0; line < Math.min(lines.length, 12); line++) {
          await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 2 } });
          await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: lines[line]?.length ?? 0 } });
        }
        await connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics: diagnostics.diagnostics },
        });
      }
    } finally {
      // Shutdown and exit, or a kill after 5 s.
      await client.stop();
    }
    assert.equal(await client.exited, 0, `server exit; stderr: ${client.stderr}`);
    assert.doesNotMatch(client.stderr, /denied by deny-network-and-processes/);
    assertNothingAttempted(log);
  });
});

describe('the command line under the deny preload', () => {
  test('modelcard-lint --format json over the fixtures attempts no connection and no process', () => {
    const log = freshLog();
    const run = spawnSync(process.execPath, ['-r', PRELOAD, CLI, '--format', 'json', ...FIXTURE_DIRS], {
      cwd: ROOT, env: { ...process.env, DENY_LOG: log }, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { files: unknown[] };
    assert.ok(report.files.length >= 10, `${report.files.length} files`);
    assertNothingAttempted(log);
  });

  test('modelcard-lint --fix over a copy of the fixtures attempts no connection and no process', () => {
    const log = freshLog();
    const copy = path.join(scratch, 'fix');
    for (const dir of FIXTURE_DIRS) fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
    const run = spawnSync(process.execPath, ['-r', PRELOAD, CLI, '--fix', '--format', 'json', '.'], {
      cwd: copy, env: { ...process.env, DENY_LOG: log }, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}: ${run.stderr}`);
    assertNothingAttempted(log);
  });
});
