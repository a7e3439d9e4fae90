// Provisions code-server (VS Code's workbench and Node extension host, from the npm registry)
// into .vscode-test/code-server-<version>/ without any download but the npm registry's, as
// /work/shared/notes/real-vscode-here.md describes. Runs once: a marker file records success.
//
//   node scripts/e2e/provision.js          provision (or check) and print the folder
//
// code-server is never a dependency of package.json: its postinstall would break `npm install`.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { CODE_SERVER_VERSION, CACHE_DIR, RunnerError, log, warn, findRipgrep, ensureSystemPackages, isolatedEnv } = require('./common');

const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(CODE_SERVER_DIR, '.e2e-provisioned');
const LOG_FILE = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}.provision.log`);
const LOCK_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}.lock`);
const ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
const NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'];

function isProvisioned() {
  try {
    return fs.readFileSync(MARKER, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(ENTRY);
  } catch {
    return false;
  }
}

let logFd;
function step(title, command, args, options = {}) {
  log(`  ${title}`);
  fs.writeSync(logFd, `\n$ (cd ${options.cwd || process.cwd()} && ${command} ${args.join(' ')})\n`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', logFd, logFd],
    ...options,
    env: options.fullEnv || { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...options.env },
  });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status}${result.signal ? `, signal ${result.signal}` : ''}`;
    let tail = '';
    try {
      tail = fs.readFileSync(LOG_FILE, 'utf8').split('\n').slice(-40).join('\n');
    } catch { /* no log */ }
    throw new RunnerError(`provisioning code-server failed at "${title}" (${command} ${args.join(' ')}: ${reason}).\n` +
      `Last lines of ${LOG_FILE}:\n${tail}`);
  }
  return result;
}

/** A lock so that two runs do not provision into the same folder at once. */
function acquireLock() {
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
    } catch { /* being written */ }
    let alive = false;
    if (owner) {
      try {
        process.kill(owner, 0);
        alive = true;
      } catch { /* gone */ }
    }
    if (owner && !alive) {
      warn(`removing the stale provisioning lock of process ${owner}`);
      fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new RunnerError(`timed out waiting for the provisioning lock ${LOCK_DIR}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  }
}

/** Runs `code-server --version` (with a scratch home) and checks it names the expected version. */
function checkVersion() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cs-version-'));
  try {
    const output = step('check the version', process.execPath, [ENTRY, '--version'], {
      stdio: ['ignore', 'pipe', logFd], encoding: 'utf8', fullEnv: isolatedEnv(home),
    }).stdout;
    fs.writeSync(logFd, output);
    const line = output.split('\n').find(text => text.startsWith(`${CODE_SERVER_VERSION} `));
    if (!line) throw new RunnerError(`code-server --version printed "${output.trim()}", expected ${CODE_SERVER_VERSION}`);
    return line.trim();
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Provisions code-server once; returns the path of its `out/node/entry.js`. */
function provision() {
  if (isProvisioned()) {
    ensureSystemPackages({ needBuildHeaders: false });
    return ENTRY;
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const release = acquireLock();
  try {
    if (isProvisioned()) return ENTRY; // another run finished it while this one waited
    ensureSystemPackages({ needBuildHeaders: true });
    const started = Date.now();
    log(`provisioning code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), CODE_SERVER_DIR) || CODE_SERVER_DIR} (once; log: ${LOG_FILE})`);
    logFd = fs.openSync(LOG_FILE, 'w');
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true }); // a partial earlier attempt
    const staging = `${CODE_SERVER_DIR}.download-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    step('npm pack (npm registry)', 'npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', staging], { cwd: staging });
    const tarball = fs.readdirSync(staging).find(name => name.endsWith('.tgz'));
    if (!tarball) throw new RunnerError(`npm pack code-server@${CODE_SERVER_VERSION} produced no tarball in ${staging}`);
    step('unpack', 'tar', ['-xzf', path.join(staging, tarball), '-C', staging]);
    fs.renameSync(path.join(staging, 'package'), CODE_SERVER_DIR);
    fs.rmSync(staging, { recursive: true, force: true });

    const vscodeDir = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
    step('npm install in lib/vscode', 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir });
    // node-pty's install script runs `npx node-gyp`, which needs the "yes".
    step('npm rebuild native modules in lib/vscode', 'npm', ['rebuild', ...NATIVE_MODULES], { cwd: vscodeDir, env: { npm_config_yes: 'true' } });
    const rgLink = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    fs.mkdirSync(path.dirname(rgLink), { recursive: true });
    fs.rmSync(rgLink, { force: true });
    fs.symlinkSync(findRipgrep(), rgLink);
    const asar = path.join(vscodeDir, 'node_modules.asar');
    fs.rmSync(asar, { recursive: true, force: true });
    fs.symlinkSync('node_modules', asar);

    step('npm install at the top', 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: CODE_SERVER_DIR });
    step('npm rebuild argon2', 'npm', ['rebuild', 'argon2'], { cwd: CODE_SERVER_DIR });

    const version = checkVersion();
    fs.writeFileSync(MARKER, `${CODE_SERVER_VERSION}\n`);
    log(`code-server ready: ${version} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return ENTRY;
  } finally {
    if (logFd !== undefined) fs.closeSync(logFd);
    logFd = undefined;
    release();
  }
}

module.exports = { provision, CODE_SERVER_DIR };

if (require.main === module) {
  try {
    provision();
    console.log(CODE_SERVER_DIR);
  } catch (error) {
    process.stderr.write(`[e2e] ERROR: ${error.message}\n`);
    process.exit(error.exitCode || 2);
  }
}
