#!/usr/bin/env node
// The editor-test runner: `npm run test:e2e` (docs/e2e.md).
//
//   node scripts/e2e/run.js [--vsix <file.vsix>] [--mode code-server|electron]
//
// Runs the extension test suite (out/e2e/suite/index.js, mocha inside the extension host) in a
// real VS Code: through @vscode/test-electron when VSCODE_EXECUTABLE_PATH is set or
// E2E_MODE=electron, otherwise (the default, and the fallback when VS Code cannot be downloaded)
// in code-server's Node extension host with Debian's Chromium showing the workbench.
//
// Exit codes: 0 all tests passed; 1 a test failed, or the suite's run() rejected (or the extension
// host's own non-zero code); 2 setup or provisioning failed; 3 timed out; 4 no `E2E RESULT:` line.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, CACHE_DIR, EXIT, RunnerError, log, warn, scratchSession, userSettings } = require('./common');
const { SHIM_MARK } = require('./host-shim');

const RESULT_LINE = /E2E RESULT:\s*(\d+)\s+passed,\s*(\d+)\s+failed/;
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

function usage() {
  return `usage: node scripts/e2e/run.js [--vsix <file.vsix>] [--mode code-server|electron]

Environment:
  E2E_MODE=code-server|electron   choose the mode (default: electron if VSCODE_EXECUTABLE_PATH is set)
  VSCODE_EXECUTABLE_PATH          a VS Code (electron mode) to run instead of downloading one
  E2E_TESTS_PATH                  the suite module (default out/e2e/suite/index)
  E2E_TIMEOUT_MS                  overall timeout of the run (default 600000)
  E2E_START_TIMEOUT_MS            how long the suite may take to start once the workbench opened (default 120000)
  E2E_UNTRUSTED=1                 leave workspace trust on: the workspace opens untrusted (code-server)
  E2E_APT=1                       install missing Debian packages with apt (as root; CI=true does too)
  E2E_LOGS_DIR                    where this run's logs go (default .vscode-test/e2e-logs/<time>)
  E2E_KEEP_TMP=1                  keep the run's scratch folder (workspace, user data) afterwards
  E2E_VERBOSE=1                   also echo code-server's log and the browser console
  E2E_CHROMIUM                    the Chromium binary (default: chromium on PATH, /usr/bin/chromium)`;
}

function parseArgs(argv) {
  const options = { vsix: undefined, mode: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!inline) throw new RunnerError(`${arg.split('=')[0]} needs a value\n${usage()}`);
      return inline;
    };
    if (arg === '--vsix' || arg.startsWith('--vsix=')) options.vsix = path.resolve(value());
    else if (arg === '--mode' || arg.startsWith('--mode=')) options.mode = value();
    else if (arg === '-h' || arg === '--help') {
      console.log(usage());
      process.exit(0);
    } else throw new RunnerError(`unknown argument ${arg}\n${usage()}`);
  }
  return options;
}

/** The suite module: $E2E_TESTS_PATH or out/e2e/suite/index, checked to exist. */
function resolveSuite() {
  const given = process.env.E2E_TESTS_PATH || path.join(ROOT, 'out', 'e2e', 'suite', 'index');
  const absolute = path.resolve(given);
  const file = [absolute, `${absolute}.js`, path.join(absolute, 'index.js')].find(candidate => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
  if (!file) {
    throw new RunnerError(`the test suite ${absolute}(.js) does not exist. ` +
      (process.env.E2E_TESTS_PATH ? 'Check E2E_TESTS_PATH.' : 'Build it first: npm run build (or npx tsc -b).'));
  }
  return file;
}

function newestMtime(dir, pattern) {
  let newest = 0;
  const walk = current => {
    let entries = [];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

/** The extension under development must be built; warn when sources are newer than the build. */
function checkBuild({ vsix, suite }) {
  if (!vsix) {
    for (const file of ['dist/client.js', 'dist/server.js']) {
      if (!fs.existsSync(path.join(ROOT, file))) throw new RunnerError(`${file} is missing: run npm run build first`);
    }
    const sources = Math.max(newestMtime(path.join(ROOT, 'client', 'src'), /\.ts$/), newestMtime(path.join(ROOT, 'server', 'src'), /\.ts$/));
    const built = Math.min(...['dist/client.js', 'dist/server.js'].map(file => fs.statSync(path.join(ROOT, file)).mtimeMs));
    if (sources > built) warn('warning: client/ or server/ sources are newer than dist/: run npm run build to test the current code');
  }
  if (!process.env.E2E_TESTS_PATH) {
    const sources = newestMtime(path.join(ROOT, 'test', 'e2e', 'suite'), /\.ts$/);
    if (sources > newestMtime(path.dirname(suite), /\.js$/)) warn('warning: test/e2e/suite sources are newer than out/e2e/suite: run npx tsc -b');
  }
}

function timestamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** This run's log folder; older runs' folders beyond the last 10 are removed. */
function makeLogsDir() {
  if (process.env.E2E_LOGS_DIR) {
    const dir = path.resolve(process.env.E2E_LOGS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  const parent = path.join(CACHE_DIR, 'e2e-logs');
  fs.mkdirSync(parent, { recursive: true });
  const dir = path.join(parent, `${timestamp()}-${process.pid}`);
  fs.mkdirSync(dir);
  const runs = fs.readdirSync(parent).filter(name => /^\d{8}-\d{6}-\d+$/.test(name)).sort();
  const running = name => {
    try {
      process.kill(Number(name.split('-')[2]), 0);
      return true;
    } catch {
      return false;
    }
  };
  // Keep the last 10, and never the folder of a run still going (another terminal's, say).
  for (const old of runs.slice(0, Math.max(0, runs.length - 10)).filter(name => !running(name))) {
    fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  }
  return dir;
}

/** The scratch folder of a run: workspace copy, user data, extensions, home, the suite's entry. */
function prepareRun({ suite, mode, untrusted, vsix }) {
  const session = scratchSession('sts-e2e-', 'workspace', path.join(ROOT, 'test', 'e2e', 'workspace'), userSettings({ untrusted }));
  const tmp = session.tmp;
  const ctx = {
    ...session,
    suiteOutput: path.join(tmp, 'suite-output.log'),
    entry: path.join(tmp, 'entry', 'index.js'),
    suite,
  };
  fs.mkdirSync(path.dirname(ctx.entry), { recursive: true });
  fs.writeFileSync(ctx.suiteOutput, '');
  if (vsix) {
    // VS Code runs extensionTestsPath only together with an extensionDevelopmentPath. With --vsix
    // the extension under test is the installed one, so the development path is an empty
    // extension of another id that only makes VS Code run the tests.
    ctx.harness = path.join(tmp, 'vsix-harness');
    fs.mkdirSync(ctx.harness);
    fs.writeFileSync(path.join(ctx.harness, 'package.json'), `${JSON.stringify({
      name: 'e2e-vsix-harness', publisher: 'sts-model-cards-e2e', version: '0.0.0', private: true,
      description: 'Written by scripts/e2e/run.js: lets VS Code run the tests against an installed .vsix.',
      engines: { vscode: '*' },
    }, null, 2)}\n`);
  }
  const env = { E2E_MODE: mode, E2E_WORKSPACE: ctx.workspace, E2E_UNTRUSTED: untrusted ? '1' : '0' };
  fs.writeFileSync(ctx.entry, `// Written by scripts/e2e/run.js for one run: the suite behind the runner's shim.\n` +
    `module.exports = require(${JSON.stringify(path.join(__dirname, 'host-shim.js'))}).wrap(${JSON.stringify({ suite, output: ctx.suiteOutput, env }, null, 2)});\n`);
  return ctx;
}

/**
 * Follows the file the shim writes the suite's output to: echoes the suite's lines (unless the
 * mode already shows them), notes the RESULT line and whether run() resolved or rejected.
 */
class SuiteOutput {
  constructor(file, { echo, copyTo }) {
    this.file = file;
    this.echo = echo;
    this.copyTo = copyTo;
    this.offset = 0;
    this.partial = '';
    this.result = undefined;
    this.status = undefined; // 'resolved' | 'rejected'
    this.rejection = undefined;
    this.started = false;
  }

  poll() {
    let fd;
    try {
      fd = fs.openSync(this.file, 'r');
      const size = fs.fstatSync(fd).size;
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const text = this.partial + buffer.toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop();
      lines.forEach(line => this.line(line));
    } catch { /* not there yet */ } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  flush() {
    this.poll();
    if (this.partial) this.line(this.partial);
    this.partial = '';
    if (this.copyTo) {
      try {
        fs.copyFileSync(this.file, this.copyTo);
      } catch { /* nothing written */ }
    }
  }

  line(line) {
    if (line.startsWith(SHIM_MARK)) {
      const text = line.slice(SHIM_MARK.length);
      if (text.startsWith('start')) {
        this.started = true;
        log(`suite started in the extension host (${text.slice('start '.length)})`);
      } else if (text.startsWith('resolved')) {
        this.status = 'resolved';
        log(`suite run() ${text}`);
      } else if (text.startsWith('rejected')) {
        this.status = 'rejected';
        this.rejection = text.slice('rejected: '.length);
        warn(`suite run() ${text}`);
      } else if (text) {
        warn(`  ${text}`); // further lines of a rejection's stack
        if (this.status === 'rejected') this.rejection += `\n${text}`;
      }
      return;
    }
    if (this.echo) process.stdout.write(`${line}\n`);
    const match = RESULT_LINE.exec(line.replace(ANSI, ''));
    if (match) this.result = { passed: Number(match[1]), failed: Number(match[2]) };
  }
}

/** The runner's exit code from what the run saw. */
function decide({ timedOut, hostExitCode, output }) {
  const result = output.result;
  if (timedOut) return { code: EXIT.TIMEOUT, why: 'timed out' };
  if (hostExitCode !== undefined && hostExitCode !== 0) {
    const code = Number.isInteger(hostExitCode) && hostExitCode > 0 && hostExitCode < 256 ? hostExitCode : EXIT.TESTS_FAILED;
    return { code, why: `the extension host exited with code ${hostExitCode}` };
  }
  if (output.status === 'rejected') return { code: EXIT.TESTS_FAILED, why: 'the suite\'s run() rejected' };
  if (!result) return { code: EXIT.NO_RESULT, why: 'the suite printed no "E2E RESULT: <n> passed, <m> failed" line' };
  if (result.failed > 0) return { code: EXIT.TESTS_FAILED, why: `${result.failed} test(s) failed` };
  if (hostExitCode === undefined) return { code: EXIT.TESTS_FAILED, why: 'the extension host did not report its exit code' };
  return { code: EXIT.OK, why: 'all tests passed' };
}

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  let mode = options.mode || process.env.E2E_MODE || (process.env.VSCODE_EXECUTABLE_PATH ? 'electron' : 'code-server');
  if (!['code-server', 'electron'].includes(mode)) throw new RunnerError(`unknown mode "${mode}" (code-server or electron)`);
  if (options.vsix && !fs.existsSync(options.vsix)) throw new RunnerError(`--vsix ${options.vsix}: no such file (build it with npm run package)`);
  const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 600000);
  if (!(timeoutMs > 0)) throw new RunnerError(`E2E_TIMEOUT_MS=${process.env.E2E_TIMEOUT_MS} is not a positive number`);
  const untrusted = process.env.E2E_UNTRUSTED === '1';
  const suite = resolveSuite();
  checkBuild({ vsix: options.vsix, suite });
  const logsDir = makeLogsDir();
  log(`mode ${mode}${options.vsix ? `, extension from ${options.vsix}` : ', extension from the working tree'}${untrusted ? ', untrusted workspace' : ''}; suite ${suite.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, suite) : suite}; logs in ${logsDir}`);

  let outcome;
  if (mode === 'electron') {
    outcome = await require('./electron').run({ options, suite, untrusted, timeoutMs, logsDir, prepareRun, SuiteOutput });
    if (outcome.fallback) mode = 'code-server';
  }
  if (mode === 'code-server') {
    outcome = await require('./code-server').run({ options, suite, untrusted, timeoutMs, logsDir, prepareRun, SuiteOutput });
  }
  const { code, why } = decide(outcome);
  const result = outcome.output.result;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = result ? `${result.passed} passed, ${result.failed} failed` : 'no result line';
  const line = `[e2e] ${code === 0 ? 'PASS' : 'FAIL'}: ${counts} (${why}; extension host exit code ${outcome.hostExitCode ?? 'unknown'}; ${seconds} s; exit ${code}; logs: ${logsDir})`;
  (code === 0 ? process.stdout : process.stderr).write(`${line}\n`);
  return code;
}

if (require.main === module) {
  main().then(code => {
    process.exitCode = code;
  }, error => {
    process.stderr.write(`[e2e] ERROR: ${error instanceof RunnerError ? error.message : (error && error.stack) || error}\n`);
    process.exitCode = error instanceof RunnerError ? error.exitCode : EXIT.SETUP;
  });
}

module.exports = { decide, RESULT_LINE };
