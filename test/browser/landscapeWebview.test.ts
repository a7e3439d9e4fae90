/**
 * The landscape view's webview in a real browser: the page the panel serves (same HTML, same
 * Content Security Policy) with the bundled script (dist/landscapeWebview.js), in Chromium. The
 * map drawn from a posted landscape has one chip per placed model, breaks no CSP rule, reports
 * what it drew, and a click or Enter on a card's chip asks the extension to open that card at its
 * `sts` block; a malformed message is ignored. `acquireVsCodeApi` is the one stand-in: it records
 * what the page posts, as VS Code would receive it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { landscapeWebviewHtml } from '../../client/src/landscape/webviewHtml';
import type { Landscape } from '../../server/src/service';
import { ROOT, service } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require(path.join(ROOT, 'scripts', 'e2e', 'common.js')) as { findChromium(): string | undefined };
const chromiumPath = findChromium();

// The page's globals, as the callbacks below (run in the browser by page.evaluate) use them.
declare const window: { postMessage(message: unknown, targetOrigin: string): void };
declare const document: { querySelector(selector: string): { getBoundingClientRect(): { width: number } } | null };
declare function getComputedStyle(element: unknown): { fill: string };

const NONCE = 'dGVzdG5vbmNlMTIzNDU2';
const STUB = 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: message => window.__posted.push(message) });'
  // Every Content Security Policy violation, whether or not the console reports it.
  + ' window.__violations = []; document.addEventListener("securitypolicyviolation", e => window.__violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));\n';

function exampleLandscape(): Landscape {
  const files = ['good/moshi/README.md', 'good/personaplex.modelcard.yaml', 'bad/conflicts.modelcard.yaml', 'bad/omni-demo/README.md'];
  return service.landscape(files.map(file => {
    const uri = `file:///work/examples/${file}`;
    const document = TextDocument.create(uri, file.endsWith('.md') ? 'markdown' : 'yaml', 1, fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
    return { summary: service.summarize(document)!, label: file };
  }));
}

describe('the landscape webview in Chromium', { skip: chromiumPath ? false : 'Chromium is not installed (Debian: apt-get install chromium)' }, () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const landscape = exampleLandscape();
  const posted = () => page.evaluate(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted) as Promise<Record<string, unknown>[]>;
  const waitForPosted = (type: string, count = 1) => page.waitForFunction(([wanted, n]) =>
    (globalThis as unknown as { __posted: { type: string }[] }).__posted.filter(m => m.type === wanted).length >= (n as number), [type, count] as const);

  before(async () => {
    const script = STUB + fs.readFileSync(path.join(ROOT, 'dist', 'landscapeWebview.js'), 'utf8');
    server = http.createServer((request, response) => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(landscapeWebviewHtml({ nonce: NONCE, scriptUri: '/webview.js', cspSource: origin }));
      else if (request.url === '/favicon.ico') response.writeHead(204).end();
      else if (request.url === '/webview.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else response.writeHead(404).end();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', error => problems.push(`pageerror: ${String(error)}`));
    // Chromium reports each Content Security Policy violation on the console.
    page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await waitForPosted('ready');
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('draws one chip per placed model from a posted landscape, under the CSP, and reports what it drew', async () => {
    await page.evaluate(message => window.postMessage(message, '*'), { type: 'landscape', landscape, cards: 4 });
    await waitForPosted('rendered');
    const rendered = (await posted()).find(m => m.type === 'rendered') as { modelIds: string[]; cardUris: string[]; edges: number; unplaced: number };
    assert.deepEqual([...rendered.modelIds].sort(), landscape.models.map(m => m.id).sort());
    assert.equal(rendered.edges, landscape.lineage.length);
    assert.equal(rendered.unplaced, landscape.unplaced.length);
    assert.ok(rendered.cardUris.includes('file:///work/examples/good/moshi/README.md'));
    assert.match(await page.textContent('#status') ?? '', /4 cards in the workspace/);
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations), []);
    // The SVG's own styles applied (the nonce reached its <style>): a chip's rectangle is filled by CSS, not black.
    const fill = await page.evaluate(() => getComputedStyle(document.querySelector('[data-model-id="moshi"] rect')!).fill);
    assert.notEqual(fill, 'rgb(0, 0, 0)');
    assert.deepEqual(problems, []);
  });

  test('a click, or Enter on a focused chip, asks to open the card at its sts block', async () => {
    const moshi = landscape.models.find(m => m.id === 'moshi')!;
    await page.click('[data-model-id="moshi"]');
    await waitForPosted('open');
    assert.deepEqual((await posted()).filter(m => m.type === 'open').at(-1), { type: 'open', uri: moshi.card!.uri, stsOffset: moshi.card!.stsOffset });

    const conflicts = landscape.models.find(m => m.name === 'Expressive Tune')!;
    await page.focus(`[data-model-id="${conflicts.id}"]`);
    await page.keyboard.press('Enter');
    await waitForPosted('open', 2);
    assert.equal((await posted()).filter(m => m.type === 'open').at(-1)!.uri, conflicts.card!.uri);

    // A known model's chip opens nothing.
    const before = (await posted()).length;
    await page.click('[data-model-id="hibiki"]');
    await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 50)));
    assert.equal((await posted()).length, before);
  });

  test('"Fit to width" scales the map to the view and back', async () => {
    const width = () => page.evaluate(() => document.querySelector('#map svg')!.getBoundingClientRect().width);
    const natural = await width();
    await page.click('#fit');
    assert.ok(await width() < natural, 'fitted is narrower than the natural size');
    assert.equal(await page.getAttribute('#fit', 'aria-pressed'), 'true');
    await page.click('#fit');
    assert.equal(await width(), natural);
  });

  test('a malformed message is ignored: the map stays as it was', async () => {
    const chips = await page.locator('[data-model-id]').count();
    await page.evaluate(() => window.postMessage({ type: 'landscape', landscape: { version: 2, models: 'nope' }, cards: -1 }, '*'));
    await page.evaluate(() => window.postMessage({ type: 'evil', html: '<img src=x onerror=alert(1)>' }, '*'));
    await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 50)));
    assert.equal(await page.locator('[data-model-id]').count(), chips);
    assert.deepEqual(problems, []);
  });
});
