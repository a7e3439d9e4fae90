// Electron mode of the runner: @vscode/test-electron's runTests with a desktop VS Code, either
// VSCODE_EXECUTABLE_PATH or one it downloads. Where the download fails (no internet here), the
// runner falls back to code-server mode: this returns { fallback: true }.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, CACHE_DIR, EXIT, RunnerError, log, warn } = require('./common');

async function run({ options, suite, untrusted, timeoutMs, logsDir, prepareRun, SuiteOutput }) {
  const testElectron = require('@vscode/test-electron');
  let executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (executable && !fs.existsSync(executable)) throw new RunnerError(`VSCODE_EXECUTABLE_PATH=${executable}: no such file`);
  if (!executable) {
    try {
      log('no VSCODE_EXECUTABLE_PATH: downloading VS Code with @vscode/test-electron');
      executable = await testElectron.downloadAndUnzipVSCode({ cachePath: CACHE_DIR, version: process.env.E2E_VSCODE_VERSION || undefined, timeout: 20000 });
    } catch (error) {
      warn(`could not download VS Code (${error && error.message || error}); falling back to code-server mode`);
      return { fallback: true };
    }
  }
  if (untrusted) warn('E2E_UNTRUSTED=1 has no effect in electron mode: @vscode/test-electron always passes --disable-workspace-trust');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    warn('no DISPLAY: desktop VS Code needs one on Linux (run under xvfb-run -a)');
  }

  const ctx = prepareRun({ suite, mode: 'electron', untrusted: false, vsix: options.vsix });
  // VS Code's own stdout carries the suite's lines in this mode; the shim's copy is only parsed.
  const output = new SuiteOutput(ctx.suiteOutput, { echo: false, copyTo: path.join(logsDir, 'suite-output.log') });
  const poller = setInterval(() => output.poll(), 250);
  let hostExitCode;
  let timedOut = false;
  let timer;
  try {
    if (options.vsix) {
      const [cli, ...cliArgs] = testElectron.resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
      log(`installing ${options.vsix} into the scratch extensions folder`);
      const result = spawnSync(cli, [...cliArgs, '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, '--install-extension', options.vsix, '--force'], {
        encoding: 'utf8', shell: process.platform === 'win32', timeout: 120000,
      });
      fs.writeFileSync(path.join(logsDir, 'install-extension.log'), `${result.stdout || ''}${result.stderr || ''}`);
      if (result.status !== 0) throw new RunnerError(`installing ${options.vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
    const runs = testElectron.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: options.vsix ? ctx.harness : ROOT,
      extensionTestsPath: ctx.entry,
      launchArgs: [ctx.workspace, `--user-data-dir=${ctx.userDataDir}`, `--extensions-dir=${ctx.extensionsDir}`],
    }).then(code => code, error => {
      if (error && typeof error.code === 'number') return error.code;
      if (error instanceof testElectron.TestRunFailedError) return EXIT.TESTS_FAILED;
      throw error;
    });
    const timeout = new Promise(resolve => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const first = await Promise.race([runs, timeout]);
    if (first === 'timeout') {
      timedOut = true;
      warn(`timed out after ${timeoutMs} ms (E2E_TIMEOUT_MS); VS Code is left to @vscode/test-electron's cleanup on exit`);
    } else {
      hostExitCode = first;
    }
  } finally {
    clearTimeout(timer);
    clearInterval(poller);
    output.flush();
    try {
      fs.cpSync(path.join(ctx.userDataDir, 'logs'), path.join(logsDir, 'vscode-logs'), { recursive: true });
    } catch { /* none written */ }
    if (process.env.E2E_KEEP_TMP === '1') log(`scratch folder kept: ${ctx.tmp}`);
    else if (!timedOut) fs.rmSync(ctx.tmp, { recursive: true, force: true });
  }
  if (timedOut) {
    // runTests keeps VS Code running; end the runner (and with it VS Code's pipes) after reporting.
    setTimeout(() => process.exit(EXIT.TIMEOUT), 1000).unref();
  }
  return { timedOut, hostExitCode, output };
}

module.exports = { run };
