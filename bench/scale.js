'use strict';
/**
 * The scale measures: `modelcard-lint` (bin/modelcard-lint.js → dist/cli.js) over 1,000 and
 * 10,000 cards in a directory tree under the OS temp directory, and the card texts for the
 * "many open cards" server measure.
 *
 * The tree mixes generated cards (sizes drawn from the seed, 40 to 400 lines, mean ≈ 120: real
 * Hub READMEs with a Markdown body) with copies of the real fixture cards (one file in five).
 * Peak memory is the child's own maxRSS (process.resourceUsage at exit, through a --require hook),
 * so it needs no /usr/bin/time.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { generateCard, mulberry32 } = require('./generate');

const ROOT = path.join(__dirname, '..');
const REAL = path.join(ROOT, 'test', 'fixtures', 'real-cards');
const now = () => Number(process.hrtime.bigint()) / 1e6;

function realCards() {
  return fs.readdirSync(REAL).filter(f => f.endsWith('.md') && f !== 'SOURCES.md').sort()
    .map(f => fs.readFileSync(path.join(REAL, f), 'utf8'));
}

/** The text of card number `i` of a tree made from `seed` (deterministic). */
function cardText(seed, i, real) {
  if (i % 5 === 4) return real[i % real.length];
  const rand = mulberry32(seed * 100003 + i);
  const lines = 40 + Math.floor(rand() * rand() * 360);
  return generateCard(seed * 7919 + i, lines).markdown;
}

/** Writes `count` cards as org-NN/model-NNNN/README.md under a fresh temp directory. */
function writeTree(count, seed) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `modelcard-bench-${count}-`));
  const real = realCards();
  let bytes = 0;
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `org-${String(i % 100).padStart(2, '0')}`, `model-${String(i).padStart(5, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const text = cardText(seed, i, real);
    bytes += text.length;
    lines += text.split('\n').length - 1;
    fs.writeFileSync(path.join(sub, 'README.md'), text);
  }
  return { dir, bytes, lines };
}

/** Runs modelcard-lint over a directory (with `extraArgs`); wall time and the child's peak RSS. */
function lint(dir, extraArgs = []) {
  const rssFile = path.join(os.tmpdir(), `modelcard-bench-rss-${process.pid}-${Date.now()}.json`);
  const hook = path.join(__dirname, 'maxrss-hook.js');
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, ['--require', hook, path.join(ROOT, 'bin', 'modelcard-lint.js'), ...extraArgs, '--format', 'json', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MODELCARD_BENCH_RSS_FILE: rssFile },
    });
    let stdoutBytes = 0;
    let stderr = '';
    // RSS over time (Linux /proc): does memory keep growing with the files checked, or level off?
    const samples = [];
    const sampler = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        if (kb) samples.push([now() - start, kb / 1024]);
      } catch { /* exited, or not Linux */ }
    }, 50);
    child.stdout.on('data', chunk => { stdoutBytes += chunk.length; });
    child.stderr.on('data', chunk => { stderr += chunk; });
    child.on('error', reject);
    child.on('exit', code => {
      clearInterval(sampler);
      const wallMs = now() - start;
      let usage = {};
      try { usage = JSON.parse(fs.readFileSync(rssFile, 'utf8')); fs.rmSync(rssFile); } catch { /* reported as NaN */ }
      if (code === 2) return reject(new Error(`modelcard-lint exited 2: ${stderr.slice(0, 500)}`));
      const peakOf = (from, to) => Math.max(...samples.filter(([t]) => t >= from * wallMs && t < to * wallMs).map(([, mb]) => mb));
      resolve({
        wallMs, exitCode: code, peakRssMB: (usage.maxRSS ?? NaN) / 1024, outputBytes: stdoutBytes,
        // Peak RSS in the last half of the run over the peak in its second quarter (past start-up).
        rssLateOverEarly: peakOf(0.5, 1) / peakOf(0.25, 0.5),
        rssSamples: samples.length,
      });
    });
  });
}

/**
 * One tree of `count` cards, linted once per variant: `jobs` undefined is the default (worker
 * threads from 200 files, one per CPU), a number passes `--jobs`.
 */
async function lintScale(count, seed, variants = [{ jobs: undefined }]) {
  const tree = writeTree(count, seed);
  try {
    const runs = [];
    for (const { jobs } of variants) {
      const run = await lint(tree.dir, jobs === undefined ? [] : ['--jobs', String(jobs)]);
      runs.push({ cards: count, jobs: jobs ?? 'default', lines: tree.lines, bytes: tree.bytes, ...run, cardsPerSecond: count / (run.wallMs / 1000) });
    }
    return runs;
  } finally {
    fs.rmSync(tree.dir, { recursive: true, force: true });
  }
}

module.exports = { lintScale, cardText, realCards, writeTree };
