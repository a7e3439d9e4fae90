// code-server mode of the runner: code-server on 127.0.0.1 (its Node extension host runs the
// extension and the suite), Debian's Chromium driven by playwright-core showing the workbench with
// the `payload` that carries extensionDevelopmentPath and extensionTestsPath.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { ROOT, EXIT, RunnerError, log, warn, findChromium, isolatedEnv } = require('./common');
const { provision } = require('./provision');

const LISTENING = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//;
const HOST_EXIT = /Extension Host Process exited with code: (-?\d+|null)(?:, signal: (\w+))?/;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Calls `onLine` for each line of a stream. */
function eachLine(stream, onLine) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', chunk => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    lines.forEach(onLine);
  });
  stream.on('end', () => partial && onLine(partial));
}

/** The workbench's console lines are styled ("%c INFO", "color: #33f", text): keep the text. */
function consoleText(text) {
  return text.replace(/^%c\s*(\w+)\s+color:\s*#[0-9a-f]+\s*/i, '$1 ');
}

function installVsix({ entry, vsix, ctx, logsDir }) {
  log(`installing ${vsix} into the scratch extensions folder`);
  const result = spawnSync(process.execPath, [entry, '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, '--install-extension', vsix, '--force'], {
    env: isolatedEnv(ctx.home), encoding: 'utf8', timeout: 120000,
  });
  const output = `${result.stdout || ''}${result.stderr || ''}`;
  fs.writeFileSync(path.join(logsDir, 'install-extension.log'), output);
  if (result.status !== 0 || /failed|error/i.test(result.stderr || '')) {
    throw new RunnerError(`installing ${vsix} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${output.trim()}`);
  }
  const installed = fs.readdirSync(ctx.extensionsDir).filter(name => !name.startsWith('.') && name !== 'extensions.json');
  log(`installed: ${installed.join(', ') || '(nothing?)'}`);
}

/** Whether any process of the group is still alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends code-server and everything it started (extension host, language server): its process group. */
async function killGroup(pgid) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch { /* gone */ }
  for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
  if (groupAlive(pgid)) {
    warn(`code-server's process group ${pgid} did not end on SIGTERM: SIGKILL`);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch { /* gone */ }
    for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
  }
}

async function run({ options, suite, untrusted, timeoutMs, logsDir, prepareRun, SuiteOutput }) {
  const entry = provision();
  const executablePath = findChromium();
  const ctx = prepareRun({ suite, mode: 'code-server', untrusted, vsix: options.vsix });
  const verbose = process.env.E2E_VERBOSE === '1';
  const output = new SuiteOutput(ctx.suiteOutput, { echo: true, copyTo: path.join(logsDir, 'suite-output.log') });
  const csLog = fs.createWriteStream(path.join(logsDir, 'code-server.log'));
  const browserLog = fs.createWriteStream(path.join(logsDir, 'browser-console.log'));
  const state = { port: undefined, hostExitCode: undefined, hostSignal: undefined, csExited: undefined, pageCrashed: false };
  let cs;
  let browser;
  let page;
  let timedOut = false;
  let startFailed = false;

  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = undefined;
    if (cs) await killGroup(cs.pid);
    cs = undefined;
  };
  let stopping = false;
  const onSignal = signal => {
    stopping = true;
    warn(`${signal}: stopping code-server and the browser`);
    cleanup().finally(() => {
      try {
        if (process.env.E2E_KEEP_TMP !== '1') fs.rmSync(ctx.tmp, { recursive: true, force: true, maxRetries: 3 });
      } catch (error) {
        warn(`could not remove ${ctx.tmp}: ${error.message}`);
      }
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Last resort if the runner dies some other way: no code-server left behind.
  const onExit = () => {
    if (cs && groupAlive(cs.pid)) {
      try {
        process.kill(-cs.pid, 'SIGKILL');
      } catch { /* gone */ }
    }
  };
  process.on('exit', onExit);

  try {
    if (options.vsix) installVsix({ entry, vsix: options.vsix, ctx, logsDir });

    const args = [entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--ignore-last-opened',
      ...(untrusted ? [] : ['--disable-workspace-trust']),
      '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, ctx.workspace];
    csLog.write(`$ ${process.execPath} ${args.join(' ')}\n`);
    // detached: code-server leads a process group of its own, so that it, the extension host and
    // the language server can be ended together.
    cs = spawn(process.execPath, args, { cwd: ctx.workspace, env: isolatedEnv(ctx.home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const csExited = new Promise(resolve => cs.on('exit', (code, signal) => {
      state.csExited = { code, signal };
      resolve();
    }));
    const onCsLine = stream => line => {
      csLog.write(`${stream === 'stderr' ? '[stderr] ' : ''}${line}\n`);
      if (verbose) process.stdout.write(`[code-server] ${line}\n`);
      const listening = LISTENING.exec(line);
      if (listening && !state.port) state.port = Number(listening[1]);
      const exited = HOST_EXIT.exec(line);
      if (exited && state.hostExitCode === undefined) {
        state.hostExitCode = exited[1] === 'null' ? null : Number(exited[1]);
        state.hostSignal = exited[2] && exited[2] !== 'null' ? exited[2] : undefined;
      }
    };
    eachLine(cs.stdout, onCsLine('stdout'));
    eachLine(cs.stderr, onCsLine('stderr'));

    const startDeadline = Date.now() + 60000;
    while (!state.port && !state.csExited && Date.now() < startDeadline) await sleep(100);
    if (!state.port) {
      const tail = fs.existsSync(path.join(logsDir, 'code-server.log')) ? fs.readFileSync(path.join(logsDir, 'code-server.log'), 'utf8').split('\n').slice(-30).join('\n') : '';
      throw new RunnerError(`code-server did not start listening${state.csExited ? ` (it exited with code ${state.csExited.code})` : ' within 60 s'}:\n${tail}`);
    }
    const origin = `http://127.0.0.1:${state.port}`;
    const remote = `vscode-remote://127.0.0.1:${state.port}`;
    const payload = [
      ['extensionDevelopmentPath', `${remote}${options.vsix ? ctx.harness : ROOT}`],
      ['extensionTestsPath', `${remote}${ctx.entry.replace(/\.js$/, '')}`],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(ctx.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`code-server (pid ${cs.pid}) listening on ${origin}; workspace ${ctx.workspace}`);

    const { chromium } = require('playwright-core');
    // The runner handles the signals itself (playwright's own handlers would exit before the cleanup).
    browser = await chromium.launch({
      executablePath, args: CHROMIUM_ARGS, env: isolatedEnv(ctx.home), timeout: 60000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', message => {
      const text = `[${message.type()}] ${consoleText(message.text())}`;
      browserLog.write(`${text}\n`);
      if (verbose) process.stdout.write(`[browser] ${text}\n`);
    });
    page.on('pageerror', error => browserLog.write(`[pageerror] ${error && error.stack || error}\n`));
    page.on('crash', () => {
      state.pageCrashed = true;
      warn('the browser page crashed');
    });
    if (verbose) log(`opening ${url}`);
    browserLog.write(`opening ${url}\n`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

    // Wait for the extension host to exit (it does when the suite's run() settles), or the
    // RESULT line plus a grace period, or the timeout.
    const deadline = Date.now() + timeoutMs;
    const pageOpened = Date.now();
    const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS || 120000);
    let resultSeenAt;
    let lastProgress = Date.now();
    for (;;) {
      output.poll();
      if (state.hostExitCode !== undefined) break;
      if (state.csExited) {
        if (!stopping) warn(`code-server exited unexpectedly (code ${state.csExited.code}, signal ${state.csExited.signal})`);
        break;
      }
      if (state.pageCrashed) break;
      if (output.result && !resultSeenAt) resultSeenAt = Date.now();
      if (resultSeenAt && Date.now() - resultSeenAt > 30000) {
        warn('the suite printed its RESULT line but the extension host has not exited after 30 s: stopping');
        break;
      }
      if (Date.now() > deadline) {
        timedOut = true;
        warn(`timed out after ${timeoutMs} ms (E2E_TIMEOUT_MS)${output.started ? '' : '; the suite never started: see browser-console.log and code-server.log'}`);
        break;
      }
      if (!output.started && Date.now() - pageOpened > startTimeoutMs) {
        startFailed = true;
        warn(`the extension host did not start the suite within ${startTimeoutMs} ms (E2E_START_TIMEOUT_MS): see browser-console.log and code-server.log`);
        break;
      }
      if (!output.started && Date.now() - lastProgress > 30000) {
        warn('still waiting for the extension host to start the suite...');
        lastProgress = Date.now();
      }
      await Promise.race([sleep(200), csExited]);
    }
    await sleep(300);
    output.flush();
    if (state.hostExitCode !== undefined) log(`extension host exited with code ${state.hostExitCode}${state.hostSignal ? `, signal ${state.hostSignal}` : ''}`);
    const failed = timedOut || startFailed || state.hostExitCode !== 0 || !output.result || output.result.failed > 0;
    if (failed && page && !state.pageCrashed) {
      await page.screenshot({ path: path.join(logsDir, 'workbench.png'), timeout: 10000 }).catch(() => {});
    }
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', onExit);
    csLog.end();
    browserLog.end();
    try {
      fs.cpSync(path.join(ctx.userDataDir, 'logs'), path.join(logsDir, 'vscode-logs'), { recursive: true });
    } catch { /* none written */ }
    if (process.env.E2E_KEEP_TMP === '1') log(`scratch folder kept: ${ctx.tmp}`);
    else {
      try {
        fs.rmSync(ctx.tmp, { recursive: true, force: true, maxRetries: 3 });
      } catch (error) {
        warn(`could not remove ${ctx.tmp}: ${error.message}`);
      }
    }
  }
  if (startFailed) throw new RunnerError('the suite never started in the extension host (see the logs above)', EXIT.SETUP);
  return { timedOut, hostExitCode: state.hostExitCode === null ? EXIT.TESTS_FAILED : state.hostExitCode, output };
}

// killGroup, CHROMIUM_ARGS, LISTENING, eachLine and consoleText are also used by scripts/e2e/screenshots.js.
module.exports = { run, killGroup, CHROMIUM_ARGS, LISTENING, eachLine, consoleText };
