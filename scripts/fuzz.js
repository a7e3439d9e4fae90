#!/usr/bin/env node
/**
 * `npm run fuzz`: the reliability fuzz tests with many more cases than `npm test` runs, and a fresh
 * seed each time (printed; replay a failure with FUZZ_SEED=<seed> npm run fuzz).
 *   FUZZ_RUNS        cases of the service fuzzer (default 50000)
 *   FUZZ_FIXES_RUNS  cases of the quick-fix property, fuzzFixes (default 10000: each case tries
 *                    every fix of the card, so it is slower per case)
 *   FUZZ_SEED        fast-check seed of both (default: random)
 * Prints, per fuzzer, how many cases ran.
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '50000',
  FUZZ_FIXES_RUNS: process.env.FUZZ_FIXES_RUNS ?? '10000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31)),
};
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_FIXES_RUNS=${env.FUZZ_FIXES_RUNS} FUZZ_SEED=${env.FUZZ_SEED}`);
const started = Date.now();
const tests = ['fuzzService.test.js', 'fuzzFixes.test.js'].map(name => path.join(root, 'out', 'test', 'reliability', name));
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...tests], { stdio: ['inherit', 'pipe', 'inherit'], env, cwd: root });
let output = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', chunk => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', status => {
  // Each fuzzer logs one line per run: "fuzz (service): 50000 mutated cards ...", "fuzz (fixes): ...".
  const counts = output.split('\n').map(line => line.trim()).filter(line => /^fuzz \((service|fixes)\): \d+ mutated cards/.test(line));
  console.log(`\nfuzz summary (seed ${env.FUZZ_SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s):`);
  for (const line of counts) console.log(`  ${line}`);
  if (counts.length < tests.length) console.log(`  ${tests.length - counts.length} fuzzer(s) did not finish: see the failure above`);
  process.exit(status ?? 1);
});
