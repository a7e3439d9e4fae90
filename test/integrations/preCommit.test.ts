/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit` (Debian package
 * `pre-commit`) the way a user's repository runs it: a hook repository at a committed rev,
 * installed by pre-commit itself (`language: node`: an npm install, build and pack of the hook
 * repository into a node environment under PRE_COMMIT_HOME), then run on staged cards.
 *
 * The hook repository is a temporary git repository holding this checkout's files as they are on
 * disk (tracked and untracked, minus what .gitignore leaves out), so uncommitted changes are
 * tested too; in CI it equals HEAD. The first install takes about half a minute (npm fetches
 * the devDependencies the build needs); the checks after it take well under a second each.
 * Skipped only when `pre-commit` is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { BIN, JsonReport, ROOT } from '../cli/harness';

const HOOK_ID = 'modelcard-lint';
const GOOD = ['examples/good/personaplex.modelcard.yaml', 'examples/good/moshi/README.md'];
const BAD = ['examples/bad/typos.modelcard.yaml', 'examples/bad/conflicts.modelcard.yaml', 'examples/bad/omni-demo/README.md'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const RUN_TIMEOUT_MS = 60_000;

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const skip = preCommitVersion.error || preCommitVersion.status !== 0
  ? 'the pre-commit executable is not installed (Debian: apt-get install pre-commit)'
  : false;

/** The environment of every command: no npm lifecycle variables from an enclosing `npm test`, fixed git identity. */
function environment(preCommitHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_(lifecycle|package|command|execpath|node_execpath|config_(local_prefix|global_prefix|prefix))|INIT_CWD$)/i.test(name)) continue;
    env[name] = value;
  }
  return {
    ...env,
    PRE_COMMIT_HOME: preCommitHome,
    // npm (run by pre-commit to install the hook) from its cache only: tests reach no network.
    npm_config_offline: 'true',
    PRE_COMMIT_COLOR: 'never',
    GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

interface Run { readonly status: number | null; readonly output: string; readonly ms: number }

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeout = RUN_TIMEOUT_MS): Run {
  const started = Date.now();
  const child: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (child.error) throw child.error;
  return { status: child.status, output: `${child.stdout}${child.stderr}`, ms: Date.now() - started };
}

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const result = run('git', args, cwd, env);
  assert.equal(result.status, 0, `git ${args.join(' ')}:\n${result.output}`);
  return result.output.trim();
}

/** This checkout's files as they are on disk, committed into a fresh git repository at `dir`; returns the commit. */
function hookRepository(dir: string, env: NodeJS.ProcessEnv): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, `git ls-files in ${ROOT}: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, file);
    let stats: fs.Stats;
    try { stats = fs.lstatSync(from); } catch { continue; } // deleted in the working tree
    const to = path.join(dir, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (stats.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else if (stats.isFile()) { fs.copyFileSync(from, to); fs.chmodSync(to, stats.mode & 0o777); }
  }
  assert.ok(fs.existsSync(path.join(dir, '.pre-commit-hooks.yaml')), '.pre-commit-hooks.yaml is not in the hook repository');
  git(dir, env, 'init', '-q', '-b', 'main');
  git(dir, env, 'add', '-A');
  git(dir, env, 'commit', '-q', '--no-verify', '-m', 'hook repository');
  return git(dir, env, 'rev-parse', 'HEAD');
}

/** A repository using the hook at `rev`, with `cards` (repository paths) copied in at the same relative paths and staged. */
function userRepository(dir: string, hookDir: string, rev: string, cards: readonly string[], env: NodeJS.ProcessEnv): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, env, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${JSON.stringify(hookDir)}\n    rev: ${rev}\n    hooks:\n      - id: ${HOOK_ID}\n`);
  for (const card of cards) {
    fs.mkdirSync(path.dirname(path.join(dir, card)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, card), path.join(dir, card));
  }
  git(dir, env, 'add', '-A');
}

/** modelcard-lint's own report on `cards`, run directly from this checkout in `cwd`. */
function cliReport(cwd: string, cards: readonly string[]): JsonReport {
  const child = spawnSync(process.execPath, [BIN, '--format', 'json', ...cards], { cwd, encoding: 'utf8' });
  assert.ok(child.status === 0 || child.status === 1, `modelcard-lint exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout) as JsonReport;
}

describe('the pre-commit hook', { skip }, () => {
  let work = '';
  let env: NodeJS.ProcessEnv = {};
  let hookDir = '';
  let rev = '';

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcl-pre-commit-'));
    env = environment(path.join(work, 'pre-commit-home'));
    hookDir = path.join(work, 'hook');
    fs.mkdirSync(hookDir);
    rev = hookRepository(hookDir, env);
    // Install the hook's environment once (what the first `git commit` after `pre-commit install` does).
    const installer = path.join(work, 'installer');
    userRepository(installer, hookDir, rev, [], env);
    const install = run('pre-commit', ['install-hooks'], installer, env, INSTALL_TIMEOUT_MS);
    assert.equal(install.status, 0, `pre-commit could not install the hook (${install.ms} ms):\n${install.output}`);
    console.log(`${preCommitVersion.stdout.trim()}: hook environment installed in ${(install.ms / 1000).toFixed(1)} s`);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the hook definition: language node, entry modelcard-lint, all the staged cards in one process', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    const hook = hooks.find(h => h.id === HOOK_ID);
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'modelcard-lint');
    assert.equal(hook.require_serial, true);
    assert.notEqual(hook.pass_filenames, false);
    const files = new RegExp(String(hook.files));
    for (const name of ['README.md', 'a/b/README.md', 'MODEL_CARD.md', 'x.modelcard.md', 'modelcard.yaml', 'modelcard.yml', 'a/m.modelcard.yaml', 'm.modelcard.yml']) {
      assert.match(name, files, `${name} should go to the hook`);
    }
    for (const name of ['readme.md', 'NOTES.md', 'config.yaml', 'x.modelcard.json', 'mymodelcard.yaml', 'README.md.orig', 'modelcards.config.yaml']) {
      assert.doesNotMatch(name, files, `${name} should not go to the hook`);
    }
  });

  test('bad cards staged: the hook fails and prints every diagnostic modelcard-lint reports', () => {
    const dir = path.join(work, 'bad');
    userRepository(dir, hookDir, rev, [...GOOD, ...BAD], env);
    const result = run('pre-commit', ['run', '--color=never'], dir, env);
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, new RegExp(`^${HOOK_ID}\\.+Failed$`, 'm'), result.output);
    assert.match(result.output, /- exit code: 1/);

    const report = cliReport(dir, BAD);
    const expected = report.files.flatMap(file => file.diagnostics.map(d =>
      `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} `));
    assert.ok(expected.length >= 10, `expected the bad examples to have diagnostics: ${JSON.stringify(report)}`);
    assert.ok(report.files.some(file => file.diagnostics.some(d => d.severity === 'error')));
    for (const line of expected) assert.ok(result.output.includes(line), `missing '${line}' in:\n${result.output}`);
    for (const code of new Set(report.files.flatMap(file => file.diagnostics.map(d => d.code)))) {
      assert.ok(result.output.includes(` ${code} `), `missing code ${code}`);
    }
    for (const good of GOOD) assert.ok(!result.output.includes(`${good}:`), `${good} should have no diagnostics:\n${result.output}`);
  });

  test('installed as a git hook: a commit with a bad card is refused', () => {
    const dir = path.join(work, 'commit');
    userRepository(dir, hookDir, rev, [BAD[0]], env);
    const install = run('pre-commit', ['install'], dir, env);
    assert.equal(install.status, 0, install.output);
    const commit = run('git', ['commit', '-m', 'add a card'], dir, env);
    assert.notEqual(commit.status, 0, commit.output);
    assert.match(commit.output, /schema\.invalid/);
    assert.notEqual(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], dir, env).status, 0, 'nothing was committed');
  });

  test('only good cards staged: the hook passes', () => {
    const dir = path.join(work, 'good');
    userRepository(dir, hookDir, rev, GOOD, env);
    const result = run('pre-commit', ['run', '--color=never'], dir, env);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, new RegExp(`^${HOOK_ID}\\.+Passed$`, 'm'));
  });

  test('a plain README.md (no front matter) staged beside a good card: the hook passes and prints nothing', () => {
    const dir = path.join(work, 'plain-readme');
    userRepository(dir, hookDir, rev, [GOOD[0]], env);
    fs.writeFileSync(path.join(dir, 'README.md'), '# A project\n\nIts README is not a model card.\n');
    git(dir, env, 'add', 'README.md');
    const result = run('pre-commit', ['run', '--color=never'], dir, env);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, new RegExp(`^${HOOK_ID}\\.+Passed$`, 'm'));
    assert.doesNotMatch(result.output, /README\.md:/, result.output);
  });

  test('no card staged: the hook is skipped', () => {
    const dir = path.join(work, 'no-cards');
    userRepository(dir, hookDir, rev, [], env);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a card\n');
    git(dir, env, 'add', 'notes.txt');
    const result = run('pre-commit', ['run', '--color=never'], dir, env);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, new RegExp(`^${HOOK_ID}\\.+\\(no files to check\\)Skipped$`, 'm'), result.output);
  });
});
