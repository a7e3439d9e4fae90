/**
 * The landscape pictures in docs/images (shown in the README) are what `modelcard-lint landscape`
 * draws now: regenerate them with the commands below when the knowledge base or the renderer changes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lint, ROOT } from './cli/harness';

const IMAGES: Record<string, readonly string[]> = {
  'docs/images/landscape-examples.svg': ['landscape', '--format', 'svg', 'examples'],
  'docs/images/landscape-known.svg': ['landscape', '--format', 'svg'],
};

for (const [file, argv] of Object.entries(IMAGES)) {
  test(`${file} is up to date (node bin/modelcard-lint.js ${argv.join(' ')} -o ${file})`, async () => {
    const run = await lint(argv, ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout === fs.readFileSync(path.join(ROOT, file), 'utf8'), `${file} is stale: run node bin/modelcard-lint.js ${argv.join(' ')} -o ${file}`);
  });
}
