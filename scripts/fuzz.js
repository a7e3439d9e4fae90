#!/usr/bin/env node
/**
 * `npm run fuzz`: the reliability fuzz tests with many more cases than `npm test` runs, and a fresh
 * seed each time (printed; replay a failure with FUZZ_SEED=<seed> npm run fuzz).
 *   FUZZ_RUNS  cases of the service fuzzer (default 50000)
 *   FUZZ_SEED  fast-check seed (default: random)
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '50000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31)),
};
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${env.FUZZ_SEED}`);
const tests = ['fuzzService.test.js'].map(name => path.join(root, 'out', 'test', 'reliability', name));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...tests], { stdio: 'inherit', env, cwd: root });
process.exit(result.status ?? 1);
