/**
 * The editor test suite's entry point, in the @vscode/test-electron form: the runner loads this
 * file inside the extension host and awaits `run()`. Every `*.e2e.js` file next to it is a test
 * file; the last line printed is `E2E RESULT: <passed> passed, <failed> failed`, which the runner
 * parses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // E2E_GREP runs only the tests whose full title matches (a debugging aid).
  const grep = process.env.E2E_GREP || undefined;
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(__dirname).filter(name => name.endsWith('.e2e.js')).sort(byArea);
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  console.log(`E2E files: ${files.join(', ')}`);

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
        resolve({ passes, failures, pending });
      });
    } catch (error) {
      // A test file that does not load is a failure the runner must see, not a silent zero.
      console.error(`E2E suite could not start: ${(error as Error).stack ?? String(error)}`);
      console.log('E2E RESULT: 0 passed, 1 failed');
      reject(error);
    }
  });

  if (stats.pending > 0) console.log(`E2E skipped: ${stats.pending}`);
  console.log(`E2E RESULT: ${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0) throw new Error(`${stats.failures} editor test(s) failed`);
}

/**
 * Activation first (it observes the extension before any card is open), restart last (it kills
 * and replaces the language server, and a failure there can leave a second client behind), the
 * others alphabetically; they do not depend on each other.
 */
function byArea(a: string, b: string): number {
  const rank = (name: string) => (name.startsWith('activation.') ? 0 : name.startsWith('restart.') ? 2 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
