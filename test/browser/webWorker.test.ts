/**
 * The browser build of the language server (dist/browserServer.js) in a real browser: Debian's
 * Chromium, driven by playwright-core, loads it as a web worker from a local page and talks LSP to
 * it over postMessage (test/browser/page/pageClient.ts). On the example cards, in a workspace whose
 * modelcards.config.yaml the worker can only read through the client (as in vscode.dev), the
 * diagnostics, hovers and quick fixes must be the Node server's for the same files on disk, and so
 * must the diagnostics a second worker gives a client that pulls them (LSP 3.17).
 *
 * Needs Chromium (Debian: `apt-get install chromium`; .ci/run installs it); skipped with a message without.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { parseJson, spawnLint, tempTree } from '../cli/harness';
import { TestClient } from '../protocol/lspClient';
import { ROOT } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require(path.join(ROOT, 'scripts', 'e2e', 'common.js')) as { findChromium(): string | undefined };
const chromiumPath = findChromium();
if (!chromiumPath) process.stderr.write('webWorker.test: skipped: Chromium is not installed (Debian: apt-get install chromium)\n');

const VIRTUAL_ROOT = 'vscode-vfs://github/acme/cards';
/** A configuration the worker can only get through the client: it must change what is reported. */
const CONFIG = 'rules:\n  latency.unlabeled: error\n  consent.missing: off\n';
const CARDS = [
  { from: 'examples/bad/conflicts.modelcard.yaml', to: 'conflicts.modelcard.yaml', hoverKey: 'base_model' },
  { from: 'examples/bad/typos.modelcard.yaml', to: 'typos.modelcard.yaml', hoverKey: 'license' },
  { from: 'examples/bad/omni-demo/README.md', to: 'omni-demo/README.md', hoverKey: 'license' },
  { from: 'examples/good/moshi/README.md', to: 'moshi/README.md', hoverKey: 'license' },
  { from: 'examples/good/personaplex.modelcard.yaml', to: 'personaplex.modelcard.yaml', hoverKey: 'license' },
];

interface PageLsp {
  start(rootUri: string, files: Record<string, string>, workspaceDiagnostics?: boolean): Promise<{ name: string; pulls: boolean }>;
  workspaceReports(expected: string[]): Promise<Record<string, Diagnostic[]>>;
  changeFile(uri: string, text: string): Promise<void>;
  nextReport(uri: string): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId: string): Promise<Diagnostic[]>;
  hover(uri: string, position: Position): Promise<unknown>;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<unknown[] | null>;
  readRequests(): number;
}

/** Serves the page, its bundled client and the worker build, from this machine only. */
async function servePage(): Promise<{ server: http.Server; url: string }> {
  const bundle = await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'browser', 'page', 'pageClient.ts')],
    bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning',
  });
  const routes: Record<string, () => { type: string; body: string | Buffer }> = {
    '/': () => ({ type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>worker</title><script src="/page.js"></script>' }),
    '/page.js': () => ({ type: 'text/javascript', body: bundle.outputFiles[0]!.text }),
    '/dist/browserServer.js': () => ({ type: 'text/javascript', body: fs.readFileSync(path.join(ROOT, 'dist', 'browserServer.js')) }),
  };
  const server = http.createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!route) return void response.writeHead(404).end();
    const { type, body } = route();
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** The worker's answers name its virtual URIs; the Node server's, file URIs. */
const toFileUris = (value: unknown, dir: string): unknown => JSON.parse(JSON.stringify(value ?? null)
  .split(VIRTUAL_ROOT).join(pathToFileURL(dir).href));

describe('the browser build in Chromium (web worker)', { skip: chromiumPath ? false : 'Chromium is not installed' }, () => {
  let dir: string;
  let node: TestClient;
  let browser: Browser;
  let page: Page;
  let served: { server: http.Server; url: string };
  const pageErrors: string[] = [];
  const client = (which: 'lsp' | 'lspPull') => <K extends keyof PageLsp>(method: K, ...args: Parameters<PageLsp[K]>) =>
    page.evaluate(([target, name, params]) => ((globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[target]![name as string]!)(...(params as unknown[])),
      [which, method, args] as const) as Promise<Awaited<ReturnType<PageLsp[K]>>>;
  const lsp = client('lsp');
  const lspPull = client('lspPull');

  before(async () => {
    const files = Object.fromEntries(CARDS.map(card => [card.to, fs.readFileSync(path.join(ROOT, card.from), 'utf8')]));
    dir = tempTree({ ...files, 'modelcards.config.yaml': CONFIG, '.git': null });
    node = TestClient.start('stdio');
    await node.initialize(true, dir);

    served = await servePage();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'], timeout: 60_000 });
    page = await browser.newPage();
    page.on('pageerror', error => pageErrors.push(String(error)));
    await page.goto(served.url);
    await page.waitForFunction(() => 'lsp' in globalThis);
    // The editor's file system as the worker's client sees it: the same files, and a .git entry.
    const virtualFiles = Object.fromEntries([...Object.entries({ ...files, 'modelcards.config.yaml': CONFIG, '.git/HEAD': 'ref: refs/heads/main\n' })]
      .map(([name, text]) => [`${VIRTUAL_ROOT}/${name}`, text]));
    assert.deepEqual(await lsp('start', VIRTUAL_ROOT, virtualFiles), { name: 'sts-model-cards', pulls: false });
    assert.deepEqual(await lspPull('start', VIRTUAL_ROOT, virtualFiles, true), { name: 'sts-model-cards', pulls: true });
  });

  test('the worker checks the cards that are not open, listed and read through the client, as modelcard-lint does', async () => {
    const cli = parseJson(spawnLint(['--format', 'json', '.'], dir));
    const expected = Object.fromEntries(cli.files.map(file => [`${VIRTUAL_ROOT}/${file.path.split(path.sep).join('/')}`,
      file.diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort()]));
    assert.deepEqual(Object.keys(expected).sort(), CARDS.map(card => `${VIRTUAL_ROOT}/${card.to}`).sort());
    const reports = await lspPull('workspaceReports', Object.keys(expected));
    for (const [uri, keys] of Object.entries(expected)) {
      assert.deepEqual(reports[uri]!.map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort(), keys, uri);
    }
    assert.deepEqual(Object.keys(reports).filter(uri => !(uri in expected)), [], 'nothing but the cards');

    // A card changed in the editor's file system is read again through the client and re-checked.
    const changed = `${VIRTUAL_ROOT}/personaplex.modelcard.yaml`;
    const text = fs.readFileSync(path.join(dir, 'personaplex.modelcard.yaml'), 'utf8');
    const next = lspPull('nextReport', changed);
    await lspPull('changeFile', changed, text.replace(/^license: .*$/m, 'license: bogus-license'));
    assert.ok((await next).some(d => d.code === 'license.unknown-id'), 'the change was read and checked');
  });

  after(async () => {
    await browser?.close();
    served?.server.close();
    await node?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const card of CARDS) {
    test(`${card.from}: the worker's diagnostics, hover and quick fixes are the Node server's`, async t => {
      const text = fs.readFileSync(path.join(dir, card.to), 'utf8');
      const fileUri = pathToFileURL(path.join(dir, card.to)).href;
      const virtualUri = `${VIRTUAL_ROOT}/${card.to}`;
      const languageId = card.to.endsWith('.md') ? 'markdown' : 'yaml';

      await node.open(fileUri, text);
      const expected = (await node.diagnostics(fileUri)).diagnostics;
      const seen = await lsp('open', virtualUri, text, languageId);
      assert.deepEqual(toFileUris(seen, dir), expected);
      // The same from a worker whose client pulls (vscode.dev's), the configuration fetched first.
      assert.deepEqual(toFileUris(await lspPull('open', virtualUri, text, languageId), dir), expected, 'pulled');

      const line = text.split('\n').findIndex(l => l.startsWith(`${card.hoverKey}:`));
      const position = { line, character: 2 };
      const hover = await lsp('hover', virtualUri, position);
      assert.ok(hover, `a hover on ${card.hoverKey}`);
      assert.deepEqual(toFileUris(hover, dir), await node.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fileUri }, position }));

      for (const diagnostic of expected) {
        const fromNode = await node.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: fileUri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const virtualDiagnostic = seen[expected.indexOf(diagnostic)]!;
        const fromWorker = await lsp('codeActions', virtualUri, virtualDiagnostic.range, [virtualDiagnostic]);
        assert.deepEqual(toFileUris(fromWorker, dir), fromNode, `quick fixes for ${String(diagnostic.code)}`);
      }
      await node.close(fileUri);
      assert.deepEqual(pageErrors, []);
      t.diagnostic(`the worker published ${seen.length} diagnostics (${[...new Set(seen.map(d => String(d.code)))].join(', ') || 'none'}), equal to the Node server's, as were the hover and the quick fixes of each`);
    });
  }

  test('the configuration reached the worker through the client and changed what it reports', async () => {
    assert.ok(await lsp('readRequests') > 0);
    const text = fs.readFileSync(path.join(dir, 'conflicts.modelcard.yaml'), 'utf8');
    const diagnostics = await lsp('open', `${VIRTUAL_ROOT}/conflicts.modelcard.yaml`, text, 'yaml');
    const codes = diagnostics.map(d => `${String(d.code)}:${d.severity}`);
    assert.ok(codes.includes('latency.unlabeled:1'), `latency.unlabeled as an error: ${codes.join(', ')}`);
    assert.ok(!codes.some(code => code.startsWith('consent.missing')), `consent.missing off: ${codes.join(', ')}`);
  });
});
