// Shared helpers of the editor-test runner (scripts/e2e/*.js): logging, failures with an exit
// code, and looking up programs and Debian packages.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const CACHE_DIR = path.join(ROOT, '.vscode-test');
const EXTENSION_ID = 'sts-model-cards.sts-model-cards';

/** Exit codes of the runner (the suite's own failures exit 1). */
const EXIT = { OK: 0, TESTS_FAILED: 1, SETUP: 2, TIMEOUT: 3, NO_RESULT: 4 };

class RunnerError extends Error {
  constructor(message, code = EXIT.SETUP) {
    super(message);
    this.exitCode = code;
  }
}

function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

function warn(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** The absolute path of a program on PATH, or undefined. */
function which(program) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

/** Whether a Debian package is installed (undefined when dpkg-query is not there). */
function debianPackageInstalled(name) {
  if (!which('dpkg-query')) return undefined;
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && /install ok installed/.test(result.stdout);
}

/** The Chromium binary: $E2E_CHROMIUM, then `chromium` on PATH, then /usr/bin/chromium. */
function findChromium() {
  const candidates = [process.env.E2E_CHROMIUM, which('chromium'), '/usr/bin/chromium'].filter(Boolean);
  return candidates.find(candidate => fs.existsSync(candidate));
}

/** Debian's ripgrep binary. */
function findRipgrep() {
  return [which('rg'), '/usr/bin/rg'].filter(Boolean).find(candidate => fs.existsSync(candidate));
}

/**
 * The Debian packages the code-server mode needs: `libkrb5-dev` (headers for code-server's
 * kerberos module, needed only while provisioning), `ripgrep` (code-server's search) and
 * `chromium` (the browser that shows the workbench). Missing ones are installed with apt when
 * running as root with CI=true or E2E_APT=1; otherwise this fails naming them.
 */
function ensureSystemPackages({ needBuildHeaders }) {
  const checks = [
    { pkg: 'ripgrep', present: () => Boolean(findRipgrep()) },
    { pkg: 'chromium', present: () => Boolean(findChromium()) },
  ];
  if (needBuildHeaders) {
    checks.push({
      pkg: 'libkrb5-dev',
      present: () => debianPackageInstalled('libkrb5-dev') ?? (fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/krb5/krb5.h')),
    });
  }
  let missing = checks.filter(check => !check.present()).map(check => check.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const allowed = process.env.CI === 'true' || process.env.E2E_APT === '1';
  if (!(isRoot && allowed && which('apt-get'))) {
    throw new RunnerError(
      `missing system package(s): ${missing.join(', ')}. Install them with\n` +
      `    apt-get update && apt-get install -y ${missing.join(' ')}\n` +
      `(or run as root with E2E_APT=1 and the runner does it).`);
  }
  log(`installing missing system package(s) with apt: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', process.stderr, process.stderr], env });
    if (result.status !== 0) {
      throw new RunnerError(`apt-get ${args.join(' ')} failed (exit ${result.status}); missing: ${missing.join(', ')}`);
    }
  }
  missing = checks.filter(check => !check.present()).map(check => check.pkg);
  if (missing.length) throw new RunnerError(`still missing after apt-get install: ${missing.join(', ')}`);
}

/**
 * An environment that keeps code-server (and the browser) out of the user's home: code-server
 * writes a default ~/.config/code-server/config.yaml (with a password) and logs under
 * ~/.local/share/code-server, VS Code a device id under ~/.cache, Chromium crash reports under
 * ~/.config/chromium. `home` is a scratch folder of the run; HOME and the XDG folders point into it.
 */
function isolatedEnv(home, extra = {}) {
  const dirs = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), XDG_CACHE_HOME: path.join(home, '.cache') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dirs.XDG_CONFIG_HOME, 'code-server', 'config.yaml');
  fs.mkdirSync(path.dirname(config), { recursive: true });
  if (!fs.existsSync(config)) fs.writeFileSync(config, '# written by scripts/e2e; the runner passes its settings as flags\nauth: none\ncert: false\n');
  const env = { ...process.env, ...dirs, CODE_SERVER_CONFIG: config };
  // Settings of the surrounding shell that would change code-server's behaviour ($PORT overrides
  // --bind-addr's port, $PASSWORD turns authentication on, ...).
  for (const name of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'VSCODE_PROXY_URI', 'CS_DISABLE_FILE_DOWNLOADS',
    'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_CLI', 'XDG_RUNTIME_DIR', 'NODE_OPTIONS']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/** User settings so that nothing (welcome page, walkthroughs, update or telemetry prompts) blocks. */
function userSettings({ untrusted }) {
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'github.copilot.enable': { '*': false },
    'files.autoSave': 'off',
    'editor.accessibilitySupport': 'off',
    'window.confirmBeforeClose': 'never',
  };
  if (untrusted) {
    // Workspace trust stays on; with no start-up prompt the folder simply opens in restricted mode.
    settings['security.workspace.trust.enabled'] = true;
    settings['security.workspace.trust.startupPrompt'] = 'never';
    settings['security.workspace.trust.banner'] = 'never';
  }
  return settings;
}

/**
 * A fresh scratch folder for one code-server session: a copy of `workspaceSource` as the
 * workspace, and empty user data (with `settings` as User/settings.json), extensions and home.
 */
function scratchSession(prefix, workspaceName, workspaceSource, settings) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ctx = {
    tmp,
    workspace: path.join(tmp, workspaceName),
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    home: path.join(tmp, 'home'),
  };
  if (fs.existsSync(workspaceSource)) fs.cpSync(workspaceSource, ctx.workspace, { recursive: true });
  else fs.mkdirSync(ctx.workspace);
  for (const dir of [path.join(ctx.userDataDir, 'User'), ctx.extensionsDir, ctx.home]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(ctx.userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return ctx;
}

module.exports = {
  scratchSession,
  userSettings,
  isolatedEnv,
  ROOT, CODE_SERVER_VERSION, CACHE_DIR, EXTENSION_ID, EXIT, RunnerError,
  log, warn, which, findChromium, findRipgrep, ensureSystemPackages,
};
