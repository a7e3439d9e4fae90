// Runs INSIDE the VS Code extension host, in front of the test suite: the runner writes a small
// entry module per run that does `module.exports = require(<this file>).wrap({...})` and passes
// that module as extensionTestsPath. `wrap` returns a `run` that
//   - copies everything the suite prints (console.log/info/warn/error/debug, process.stdout and
//     process.stderr writes) into a plain file the runner tails, so the runner sees the suite's
//     own lines whatever the workbench does with them (in code-server they otherwise reach only
//     the browser's console, mixed with the workbench's own log lines);
//   - sets a few E2E_* environment variables for the suite;
//   - calls the suite's `run()` unchanged and records whether it resolved or rejected.
// Lines of its own start with SHIM_MARK; everything else in the file is the suite's.
'use strict';
const fs = require('node:fs');
const util = require('node:util');

const SHIM_MARK = '##e2e-shim## ';

function wrap({ suite, output, env = {} }) {
  let fd;
  const write = text => {
    try {
      fd ??= fs.openSync(output, 'a');
      fs.writeSync(fd, text);
    } catch { /* never break the suite over its log */ }
  };
  const mark = text => write(`${SHIM_MARK}${text.replace(/\n/g, `\n${SHIM_MARK}`)}\n`);

  // VS Code's extension host has already replaced console.log & co. (and process.stdout.write
  // and process.stderr.write, which it turns into console.log/console.error calls per line) with
  // non-configurable accessors that ignore assignment, so the shim replaces the global `console`
  // object itself with one that writes each call to the file and then hands it on to VS Code's.
  const hostConsole = globalThis.console;
  const teeConsole = Object.create(hostConsole);
  for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
    Object.defineProperty(teeConsole, method, {
      configurable: true, enumerable: true, writable: true,
      value: function (...args) {
        write(`${util.format(...args)}\n`);
        return hostConsole[method](...args);
      },
    });
  }
  globalThis.console = teeConsole;

  return {
    run(testsRoot, callback) {
      Object.assign(process.env, env);
      mark(`start pid=${process.pid} suite=${suite}`);
      let suiteModule;
      try {
        suiteModule = require(suite);
      } catch (error) {
        mark(`rejected: could not load the suite ${suite}: ${error && error.stack || error}`);
        throw error;
      }
      if (!suiteModule || typeof suiteModule.run !== 'function') {
        const error = new Error(`the suite ${suite} exports no run() function`);
        mark(`rejected: ${error.message}`);
        throw error;
      }
      // As VS Code would: the suite's path, and the old callback form run(testsRoot, (error,
      // failures) => ...) passed through.
      const result = suiteModule.run(suite, (error, failures) => {
        mark(error ? `rejected: ${error && error.stack || error}` : `resolved (callback, failures=${failures})`);
        if (typeof callback === 'function') callback(error, failures);
      });
      if (result && typeof result.then === 'function') {
        return result.then(value => {
          mark('resolved');
          return value;
        }, error => {
          mark(`rejected: ${error && error.stack || error}`);
          throw error;
        });
      }
      return result;
    },
  };
}

module.exports = { wrap, SHIM_MARK };
