#!/usr/bin/env node
// Screenshots of the extension at work for the docs: `npm run screenshots`.
//
//   node scripts/e2e/screenshots.js [--out <dir>] [--review]     (default docs/images)
//
// Starts code-server as the editor-test runner does (same provisioning in .vscode-test/, same
// isolation, 127.0.0.1 on a port of the system's choosing) but not in test mode: a normal
// workbench with the working tree as the extension under development (`payload` with
// extensionDevelopmentPath only), on a scratch copy of examples/ (trusted: workspace trust is off).
// Debian's Chromium, driven by playwright-core at 1400x900, then
//   diagnostics.png    bad/typos.modelcard.yaml with its squiggles
//   problems.png       the same with the Problems panel open
//   hover.png          the hover on `dual-stream-codec` in good/personaplex.modelcard.yaml
//   hover-conflict.png the hover on `cc-by-nc-4.0` in bad/conflicts.modelcard.yaml (diagnostics + info)
//   quickfix.png       the code-action menu (Ctrl+.) on `Apache-2.0` in bad/typos.modelcard.yaml
//   landscape-light.png, landscape-dark.png
//                      the STS Landscape view (its webview): fitted to the view in the light theme,
//                      at its natural size in the dark theme
//   newcard-base.png   New Model Card's base-model picker, filtered to "moshi"
//   newcard-license.png  its license picker, the base's license preselected with the terms it passes on
//   newcard.png        the card it wrote, the first tab stop selected
//   landscape-known.png  docs/images/landscape-known.svg (modelcard-lint landscape) as a picture:
//                      the Marketplace does not show SVG in a README
// With --review, more views (the hover and quick fixes on other tokens, all problems) go to the
// logs folder for judging the messages; they are not meant for the docs.
// Waits poll the page (squiggles, rows, hover) rather than sleeping; only short settles follow.
// Logs (code-server, browser console, a picture of the page when a step fails) go to
// .vscode-test/screenshot-logs/<time>/. Needs `npm run build` first (dist/).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ROOT, CACHE_DIR, RunnerError, log, warn, findChromium, isolatedEnv, scratchSession, userSettings } = require('./common');
const { provision } = require('./provision');
const { killGroup, CHROMIUM_ARGS, LISTENING, eachLine, consoleText } = require('./code-server');

const VIEWPORT = { width: 1400, height: 900 };
const STEP_TIMEOUT_MS = 60000;
const SETTLE_MS = 400;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function parseArgs(argv) {
  const options = { out: path.join(ROOT, 'docs', 'images'), review: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') options.out = path.resolve(argv[++i] || '');
    else if (arg.startsWith('--out=')) options.out = path.resolve(arg.slice('--out='.length));
    else if (arg === '--review') options.review = true;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node scripts/e2e/screenshots.js [--out <dir>] [--review]\n'
        + '  --out     where the docs pictures go (default docs/images)\n'
        + '  --review  also take views for judging the messages (hovers, menus, all problems) into the logs folder');
      process.exit(0);
    } else throw new RunnerError(`unknown argument ${arg}`);
  }
  return options;
}

/** User settings: the runner's quiet defaults (nothing pops up), and a plain, readable editor. */
const USER_SETTINGS = {
  ...userSettings({ untrusted: false }),
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
};

function prepare() {
  return scratchSession('sts-shots-', 'examples', path.join(ROOT, 'examples'), USER_SETTINGS);
}

function logsFolder() {
  const parent = path.join(CACHE_DIR, 'screenshot-logs');
  fs.mkdirSync(parent, { recursive: true });
  const runs = fs.readdirSync(parent).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - 4))) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  const dir = path.join(parent, `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Starts code-server on 127.0.0.1:<free port>; resolves with { cs, port }. */
async function startCodeServer({ entry, ctx, csLog }) {
  const args = [entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--ignore-last-opened', '--disable-workspace-trust',
    '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, ctx.workspace];
  csLog.write(`$ ${process.execPath} ${args.join(' ')}\n`);
  const cs = spawn(process.execPath, args, { cwd: ctx.workspace, env: isolatedEnv(ctx.home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let port;
  let exited;
  cs.on('exit', code => {
    exited = code;
  });
  const onLine = stream => line => {
    csLog.write(`${stream === 'stderr' ? '[stderr] ' : ''}${line}\n`);
    if (process.env.E2E_VERBOSE === '1') process.stdout.write(`[code-server] ${line}\n`);
    const listening = LISTENING.exec(line);
    if (listening && !port) port = Number(listening[1]);
  };
  eachLine(cs.stdout, onLine('stdout'));
  eachLine(cs.stderr, onLine('stderr'));
  const deadline = Date.now() + 60000;
  while (!port && exited === undefined && Date.now() < deadline) await sleep(100);
  if (!port) throw new RunnerError(`code-server did not start listening${exited !== undefined ? ` (it exited with code ${exited})` : ' within 60 s'}; see code-server.log`);
  return { cs, port };
}

// ---------------------------------------------------------------------------------------------
// Workbench steps

async function step(what, action) {
  log(what);
  try {
    return await action();
  } catch (error) {
    throw new Error(`${what}: ${error && error.message || error}`);
  }
}

async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: STEP_TIMEOUT_MS });
  // The explorer lists the workspace (examples/: bad, good).
  await page.waitForFunction(() => [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')]
    .some(row => /\bbad\b/.test(row.textContent || '')), undefined, { timeout: STEP_TIMEOUT_MS });
}

/** Quick Open (Ctrl+P), type `name`, Enter; waits for its editor tab to be active and its text shown. */
async function quickOpen(page, name, firstLineText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  // The row Enter picks: the list first shows recently opened files, then the filtered ones.
  await page.waitForFunction(wanted => {
    const focused = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    return focused && (focused.textContent || '').includes(wanted);
  }, name, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.waitForFunction(({ wanted, text }) => {
    const tab = document.querySelector('.tabs-container .tab.active');
    const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    return tab && (tab.getAttribute('aria-label') || tab.textContent || '').includes(wanted)
      && lines && (lines.textContent || '').replace(/\u00a0/g, ' ').includes(text);
  }, { wanted: name, text: firstLineText }, { timeout: STEP_TIMEOUT_MS });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Polls until the active editor shows error/warning squiggles and their number stays put for a moment. */
async function waitForSquiggles(page) {
  const count = () => page.evaluate(() => document.querySelectorAll(
    '.editor-group-container.active .monaco-editor .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-warning').length);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = await count();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
    if (now > 0 && Date.now() - stableSince >= 500) return now;
    if (Date.now() > deadline) throw new Error(`no squiggles in the editor after ${STEP_TIMEOUT_MS} ms (last count ${now})`);
    await sleep(50);
  }
}

/** The centre of the first occurrence of `text` on the active editor's rendered lines. */
async function textCentre(page, text) {
  const point = await page.evaluate(wanted => {
    const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const flat = (line.textContent || '').replace(/\u00a0/g, ' ');
      const at = flat.indexOf(wanted);
      if (at === -1) continue;
      // Map the offset in the line to (text node, offset) pairs across the token spans.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let seen = 0;
      let start;
      let end;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!start && at < seen + length) start = [node, at - seen];
        if (!end && at + wanted.length <= seen + length) end = [node, at + wanted.length - seen];
        seen += length;
      }
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`"${text}" is not on the editor's visible lines`);
  return point;
}

/** A spot in the editor below the text, where the mouse shows nothing. */
async function parkMouse(page) {
  await page.mouse.move(VIEWPORT.width - 200, VIEWPORT.height - 120);
}

/** Hovers `text` in the active editor and waits for a visible, filled-in hover that mentions `expect`. */
async function hover(page, text, expect) {
  await parkMouse(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-hover')].some(el => el.offsetParent !== null && !el.classList.contains('hidden')),
    undefined, { timeout: 10000 }).catch(() => {});
  const { x, y } = await textCentre(page, text);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 3 });
  await page.waitForFunction(wanted => [...document.querySelectorAll('.monaco-editor .monaco-hover')].some(el => {
    if (el.offsetParent === null || el.classList.contains('hidden')) return false;
    const content = el.textContent || '';
    return content.includes(wanted) && !/Loading\.\.\./.test(content);
  }), expect, { timeout: STEP_TIMEOUT_MS });
}

async function shot(page, file) {
  await sleep(SETTLE_MS);
  await page.screenshot({ path: file });
  log(`wrote ${path.relative(ROOT, file)}`);
}

/** The frame of the landscape webview, once it has drawn its map. */
async function landscapeFrame(page) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const drawn = await frame.evaluate(() => document.querySelectorAll('#map svg [data-model-id]').length).catch(() => 0);
      if (drawn > 0) return frame;
    }
    await sleep(200);
  }
  throw new Error(`the landscape view drew no chips within ${STEP_TIMEOUT_MS} ms`);
}

/** Runs a command by its title from the Command Palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.waitForFunction(wanted => {
    const focused = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    return focused && (focused.textContent || '').includes(wanted);
  }, title, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Waits for New Model Card's picker or input box of step `n` (its title says "(n/6)"). */
async function newCardStep(page, n) {
  await page.waitForFunction(wanted => [...document.querySelectorAll('.quick-input-widget .quick-input-title')]
    .some(title => title.offsetParent !== null && (title.textContent || '').includes(wanted)), `(${n}/6)`, { timeout: STEP_TIMEOUT_MS });
}

async function takeNewCardShots(page, out) {
  await step('starting New Model Card from the Command Palette', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill('>STS Model Cards: New Model Card');
    await page.waitForFunction(() => /New Model Card/.test(document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent || ''),
      undefined, { timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await newCardStep(page, 1);
  });
  await step('the form and the name (defaults)', async () => {
    await page.keyboard.press('Enter');
    await newCardStep(page, 2);
    await page.keyboard.press('Enter');
    await newCardStep(page, 3);
  });
  await step('filtering the base models to "moshi"', async () => {
    await page.locator('.quick-input-widget .quick-input-box input').fill('moshi');
    await page.waitForFunction(() => /Moshi/.test(document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent || ''),
      undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(out, 'newcard-base.png'));
  await step('the family (preselected)', async () => {
    await page.keyboard.press('Enter');
    await newCardStep(page, 4);
    await page.keyboard.press('Enter');
    await newCardStep(page, 5);
  });
  await shot(page, path.join(out, 'newcard-license.png'));
  await step('the license and the sub-categories', async () => {
    await page.keyboard.press('Enter');
    await newCardStep(page, 6);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      return lines && /base_model: kyutai/.test((lines.textContent || '').replace(/\u00a0/g, ' '));
    }, undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(out, 'newcard.png'));
  // Leave the snippet, and save the card so closing the editors later asks nothing.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => !document.querySelector('.tabs-container .tab.active.dirty'), undefined, { timeout: STEP_TIMEOUT_MS });
}

async function takeLandscapeShots(page, out) {
  await step('closing the editors and the side bar', async () => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  });
  await step('opening the STS Landscape view', async () => {
    await runCommand(page, 'STS Model Cards: Show STS Landscape');
    await landscapeFrame(page);
  });
  // The whole map first (Fit to width), then, in the dark theme, at its natural size.
  await step('Fit to width', async () => {
    const frame = await landscapeFrame(page);
    await frame.click('#fit');
    await frame.waitForFunction(() => document.getElementById('map')?.classList.contains('fit'), undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(out, 'landscape-light.png'));
  await step('Actual size', async () => {
    const frame = await landscapeFrame(page);
    await frame.click('#fit');
  });
  await step('switching to the dark theme (Preferences: Color Theme, Ctrl+K Ctrl+T)', async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill('Dark Modern');
    await page.waitForFunction(() => /Dark Modern/.test(document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent || ''),
      undefined, { timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark'), undefined, { timeout: STEP_TIMEOUT_MS });
    await landscapeFrame(page);
  });
  await shot(page, path.join(out, 'landscape-dark.png'));
}

async function takeScreenshots(page, out) {
  await step('waiting for the workbench', () => waitForWorkbench(page));

  await step('opening bad/typos.modelcard.yaml', () => quickOpen(page, 'typos.modelcard.yaml', 'license: Apache-2.0'));
  const squiggles = await step('waiting for squiggles in typos.modelcard.yaml', () => waitForSquiggles(page));
  log(`${squiggles} squiggle decorations`);
  await parkMouse(page);
  await shot(page, path.join(out, 'diagnostics.png'));

  await step('opening the Problems panel (Ctrl+Shift+M)', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length > 0, undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(out, 'problems.png'));
  await step('closing the panel (Ctrl+J)', async () => {
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  });

  await step('opening good/personaplex.modelcard.yaml', () => quickOpen(page, 'personaplex.modelcard.yaml', 'license: other'));
  await step('hovering dual-stream-codec', () => hover(page, 'dual-stream-codec', 'dual-stream'));
  await shot(page, path.join(out, 'hover.png'));

  await step('opening bad/conflicts.modelcard.yaml', () => quickOpen(page, 'conflicts.modelcard.yaml', 'license: apache-2.0'));
  await step('waiting for squiggles in conflicts.modelcard.yaml', () => waitForSquiggles(page));
  await step('hovering cc-by-nc-4.0', () => hover(page, 'cc-by-nc-4.0', 'cc-by-nc-4.0'));
  await shot(page, path.join(out, 'hover-conflict.png'));

  await step('opening bad/typos.modelcard.yaml again', () => quickOpen(page, 'typos.modelcard.yaml', 'license: Apache-2.0'));
  await step('waiting for squiggles in typos.modelcard.yaml', () => waitForSquiggles(page));
  await step('the code-action menu (Ctrl+.) on Apache-2.0', async () => {
    const { x, y } = await textCentre(page, 'Apache-2.0');
    await page.mouse.click(x, y);
    await parkMouse(page);
    await page.keyboard.press('Control+.');
    await page.waitForFunction(() => [...document.querySelectorAll('.action-widget .monaco-list-row')]
      .some(row => row.offsetParent !== null), undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(out, 'quickfix.png'));
  await page.keyboard.press('Escape');
  await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => {});
}

/** With --review: more views for judging the messages, into the logs folder (not for the docs). */
async function takeReviewShots(page, dir) {
  await step('review: hovering Apache-2.0 in typos.modelcard.yaml', () => hover(page, 'Apache-2.0', 'apache-2.0'));
  await shot(page, path.join(dir, 'review-hover-unknown-license.png'));
  await step('review: the code-action menu on speech-to-speech', async () => {
    await parkMouse(page);
    const { x, y } = await textCentre(page, 'speech-to-speech');
    await page.mouse.click(x, y);
    await parkMouse(page);
    await page.keyboard.press('Control+.');
    await page.waitForFunction(() => [...document.querySelectorAll('.action-widget .monaco-list-row')]
      .some(row => row.offsetParent !== null), undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(dir, 'review-quickfix-pipeline-tag.png'));
  await page.keyboard.press('Escape');
  await step('review: opening bad/conflicts.modelcard.yaml', () => quickOpen(page, 'conflicts.modelcard.yaml', 'license: apache-2.0'));
  await step('review: hovering facebook/spiritlm', () => hover(page, 'facebook/spiritlm', 'spiritlm'));
  await shot(page, path.join(dir, 'review-hover-base-model.png'));
  await step('review: the code-action menu on facebook/spiritlm', async () => {
    await parkMouse(page);
    const { x, y } = await textCentre(page, 'facebook/spiritlm');
    await page.mouse.click(x, y);
    await parkMouse(page);
    await page.keyboard.press('Control+.');
    await page.waitForFunction(() => [...document.querySelectorAll('.action-widget .monaco-list-row')]
      .some(row => row.offsetParent !== null), undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(dir, 'review-quickfix-base-model.png'));
  await page.keyboard.press('Escape');
  await step('review: opening the Problems panel on conflicts.modelcard.yaml', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length > 0, undefined, { timeout: STEP_TIMEOUT_MS });
  });
  await shot(page, path.join(dir, 'review-problems-all.png'));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new RunnerError(`${file} is missing: run npm run build first`);
  }
  const entry = provision();
  const executablePath = findChromium();
  const logsDir = logsFolder();
  const ctx = prepare();
  fs.mkdirSync(options.out, { recursive: true });
  const csLog = fs.createWriteStream(path.join(logsDir, 'code-server.log'));
  const browserLog = fs.createWriteStream(path.join(logsDir, 'browser-console.log'));
  let cs;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = undefined;
    if (cs) await killGroup(cs.pid);
    cs = undefined;
    try {
      fs.rmSync(ctx.tmp, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      warn(`could not remove ${ctx.tmp}: ${error.message}`);
    }
  };
  const onSignal = signal => {
    warn(`${signal}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const onExit = () => {
    if (cs) {
      try {
        process.kill(-cs.pid, 'SIGKILL');
      } catch { /* gone */ }
    }
  };
  process.on('exit', onExit);

  let page;
  try {
    const started = await startCodeServer({ entry, ctx, csLog });
    cs = started.cs;
    const origin = `http://127.0.0.1:${started.port}`;
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${started.port}${ROOT}`]];
    const url = `${origin}/?folder=${encodeURIComponent(ctx.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`code-server (pid ${cs.pid}) on ${origin}; workspace ${ctx.workspace}; logs in ${logsDir}`);

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath, args: CHROMIUM_ARGS, env: isolatedEnv(ctx.home), timeout: 60000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', message => browserLog.write(`[${message.type()}] ${consoleText(message.text())}\n`));
    page.on('pageerror', error => browserLog.write(`[pageerror] ${error && error.stack || error}\n`));
    browserLog.write(`opening ${url}\n`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await takeScreenshots(page, options.out);
    await takeNewCardShots(page, options.out);
    await takeLandscapeShots(page, options.out);
    await step('drawing docs/images/landscape-known.svg as a PNG', async () => {
      const svgPage = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
      await svgPage.setContent(fs.readFileSync(path.join(ROOT, 'docs', 'images', 'landscape-known.svg'), 'utf8'));
      await svgPage.locator('svg').first().screenshot({ path: path.join(options.out, 'landscape-known.png') });
      await svgPage.close();
      log(`wrote ${path.relative(ROOT, path.join(options.out, 'landscape-known.png'))}`);
    });
    if (options.review) await takeReviewShots(page, logsDir);
  } catch (error) {
    if (page) await page.screenshot({ path: path.join(logsDir, 'failed.png'), timeout: 10000 }).catch(() => {});
    throw error instanceof RunnerError ? error : new RunnerError(`${error && error.message || error} (see ${logsDir})`, 1);
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', onExit);
    csLog.end();
    browserLog.end();
  }
}

if (require.main === module) {
  main().then(() => log('screenshots done'), error => {
    process.stderr.write(`[screenshots] ERROR: ${error instanceof RunnerError ? error.message : (error && error.stack) || error}\n`);
    process.exitCode = error instanceof RunnerError ? error.exitCode : 1;
  });
}
