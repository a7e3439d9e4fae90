/**
 * The GitHub Action (action.yml + scripts/action/run.sh). A small runner below executes the
 * composite action's `run` steps the way GitHub's runner does (bash -eo pipefail, the step's
 * `env` with its `${{ inputs.* }}` expressions evaluated against the inputs and their defaults,
 * GITHUB_ACTION_PATH, GITHUB_OUTPUT per step, the action's outputs from the steps' outputs);
 * `uses:` steps (actions/setup-node) are left out, the Node.js running this test stands in.
 * It understands only the expressions the action uses and fails on any other, so the action
 * cannot grow one this test does not check.
 *
 * Most tests use this checkout as the action's directory (dist/ is built: the build step has
 * nothing to do); one copies the checkout's files without dist/ and node_modules/, as GitHub
 * downloads the action, and lets the build step run `npm ci` (about half a minute).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { BIN, JsonReport, ROOT } from '../cli/harness';

interface ActionInput { description?: string; required?: boolean; default?: string }
interface ActionStep { id?: string; name?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }
interface ActionFile {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const ACTION_FILE = path.join(ROOT, 'action.yml');
const RUN_SH = path.join(ROOT, 'scripts', 'action', 'run.sh');
const action = parse(fs.readFileSync(ACTION_FILE, 'utf8')) as ActionFile;

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;

/** Every `${{ … }}` in the action file, as its inner text. */
function expressions(): string[] {
  return [...fs.readFileSync(ACTION_FILE, 'utf8').matchAll(EXPRESSION)].map(match => match[1]);
}

interface Context {
  readonly inputs: Readonly<Record<string, string>>;
  readonly actionPath: string;
  readonly steps: Record<string, Record<string, string>>;
}

function evaluate(text: string, context: Context): string {
  return text.replace(EXPRESSION, (_, expression: string) => {
    let match = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expression);
    if (match) {
      const name = match[1];
      assert.ok(name in action.inputs, `action.yml uses undeclared input '${name}'`);
      return context.inputs[name] ?? action.inputs[name].default ?? '';
    }
    if (expression === 'github.action_path') return context.actionPath;
    match = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expression);
    if (match) return context.steps[match[1]]?.[match[2]] ?? '';
    throw new Error(`action.yml: an expression this test does not understand: \${{ ${expression} }}`);
  });
}

/** `name=value` lines and `name<<DELIMITER` blocks, as GitHub reads $GITHUB_OUTPUT. */
function readOutputFile(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!fs.existsSync(file)) return outputs;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      assert.ok(end > i, `unterminated ${heredoc[1]} in GITHUB_OUTPUT`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    assert.ok(eq > 0, `malformed GITHUB_OUTPUT line: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

interface ActionRun {
  /** The exit status of the step that failed, or 0. */
  readonly status: number;
  readonly failedStep?: string;
  readonly stdout: string;
  readonly stderr: string;
  /** The action's outputs (action.yml `outputs`), evaluated after the steps. */
  readonly outputs: Record<string, string>;
  /** Each step's raw GITHUB_OUTPUT file content, by step id. */
  readonly outputFiles: Record<string, string>;
}

function runAction(workspace: string, inputs: Record<string, string>, actionPath = ROOT): ActionRun {
  const context: Context = { inputs, actionPath, steps: {} };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mcl-action-runner-'));
  let stdout = '';
  let stderr = '';
  const outputFiles: Record<string, string> = {};
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      if (step.uses !== undefined) continue;
      assert.equal(step.shell, 'bash', `step ${step.name}: shell`);
      const outputFile = path.join(scratch, `output-${index}`);
      fs.writeFileSync(outputFile, '');
      const script = path.join(scratch, `step-${index}.sh`);
      fs.writeFileSync(script, evaluate(step.run ?? '', context));
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const name of Object.keys(env)) if (/^(GITHUB_|INPUT_|RUNNER_)/.test(name)) delete env[name];
      // npm from its cache only: tests reach no network (npm ci has filled the cache with the lock file's packages).
      Object.assign(env, {
        npm_config_offline: 'true',
        GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile,
      });
      for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), context);
      const cwd = step['working-directory'] ? evaluate(step['working-directory'], context) : workspace;
      const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
      if (child.error) throw child.error;
      stdout += child.stdout;
      stderr += child.stderr;
      outputFiles[step.id ?? String(index)] = fs.readFileSync(outputFile, 'utf8');
      if (step.id) context.steps[step.id] = readOutputFile(outputFile);
      if (child.status !== 0) {
        return { status: child.status ?? -1, failedStep: step.name, stdout, stderr, outputs: actionOutputs(context), outputFiles };
      }
    }
    return { status: 0, stdout, stderr, outputs: actionOutputs(context), outputFiles };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function actionOutputs(context: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value, context)]));
}

const workspaces: string[] = [];
after(() => { for (const dir of workspaces) fs.rmSync(dir, { recursive: true, force: true }); });

/** A workspace holding these repository files at the same relative paths. */
function workspace(files: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcl-action-'));
  workspaces.push(dir);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  }
  return dir;
}

/** modelcard-lint's JSON report on `args`, run directly in `cwd`. */
function cliReport(cwd: string, args: readonly string[]): JsonReport {
  const child = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  assert.ok(child.status === 0 || child.status === 1, `modelcard-lint exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout) as JsonReport;
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string } }; results: {
    ruleId: string; level: string; message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
  }[] }[];
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `path:line:column level code` of each diagnostic, sorted: from the CLI's JSON and from the SARIF log. */
function fromJson(report: JsonReport): string[] {
  return report.files.flatMap(file => file.diagnostics.map(d =>
    `${file.path.split(path.sep).join('/')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${LEVEL[d.severity]} ${d.code}`)).sort();
}
function fromSarif(log: SarifLog): string[] {
  return log.runs[0].results.map(r => {
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
    return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:${region.startColumn} ${r.level} ${r.ruleId}`;
  }).sort();
}

function readSarif(file: string): SarifLog {
  assert.ok(fs.existsSync(file), `${file} was not written`);
  const log = JSON.parse(fs.readFileSync(file, 'utf8')) as SarifLog;
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  assert.equal(log.runs[0].tool.driver.name, 'modelcard-lint');
  return log;
}

function count(report: JsonReport, severities: readonly string[]): number {
  return report.files.reduce((n, file) => n + file.diagnostics.filter(d => severities.includes(d.severity)).length, 0);
}

const CARDS = ['examples/good', 'examples/bad'];

describe('action.yml', () => {
  test('a composite action whose run steps are bash', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    const uses = action.runs.steps.filter(step => step.uses !== undefined).map(step => step.uses);
    assert.deepEqual(uses, ['actions/setup-node@v4']);
    for (const step of action.runs.steps.filter(s => s.uses === undefined)) assert.equal(step.shell, 'bash', step.name);
  });

  test('the inputs, with their defaults and descriptions', () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on-error', 'node-version', 'paths', 'sarif-file']);
    assert.equal(action.inputs.paths.default, '.');
    assert.equal(action.inputs['sarif-file'].default, 'modelcard-lint.sarif');
    assert.equal(action.inputs['fail-on-error'].default, 'true');
    assert.equal(action.inputs.config.default, '');
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, `input ${name} has a description`);
      assert.notEqual(input.required, true, `input ${name} is optional`);
    }
  });

  test('every ${{ inputs.X }} is a declared input, every declared input is used, and no other expression appears', () => {
    const used = new Set<string>();
    for (const expression of expressions()) {
      const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expression);
      if (input) {
        assert.ok(input[1] in action.inputs, `\${{ ${expression} }}: no input '${input[1]}'`);
        used.add(input[1]);
      } else {
        assert.match(expression, /^(github\.action_path|steps\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+)$/, `unexpected expression \${{ ${expression} }}`);
      }
    }
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
  });

  test('the INPUT_* variables the check step sets are exactly those run.sh reads', () => {
    const step = action.runs.steps.find(s => s.id === 'lint');
    assert.ok(step && step.run?.includes('scripts/action/run.sh'), 'the lint step runs scripts/action/run.sh');
    const set = Object.keys(step.env ?? {}).sort();
    const code = fs.readFileSync(RUN_SH, 'utf8').split('\n').filter(line => !/^\s*#/.test(line)).join('\n');
    const read = [...new Set([...code.matchAll(/\bINPUT_[A-Z0-9_]+/g)].map(m => m[0]))].sort();
    assert.deepEqual(set, read);
    // Each one is its input's name the way GitHub would spell it for a JavaScript action.
    for (const [name, value] of Object.entries(step.env ?? {})) {
      const input = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(value);
      assert.ok(input, `${name}: ${value}`);
      assert.equal(name, `INPUT_${input[1].toUpperCase().replace(/-/g, '_')}`);
    }
  });

  test('the outputs come from the check step', () => {
    assert.deepEqual(Object.keys(action.outputs).sort(), ['error-count', 'note-count', 'sarif-file', 'warning-count']);
    for (const [name, output] of Object.entries(action.outputs)) {
      assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
      assert.ok(output.description);
    }
  });
});

describe('running the action', () => {
  test('bad and good cards, fail-on-error by default: the SARIF equals the CLI report, the outputs are set, then it fails', () => {
    const dir = workspace(CARDS);
    const run = runAction(dir, { paths: CARDS.join('\n') });
    assert.equal(run.status, 1, run.stderr + run.stdout);
    assert.equal(run.failedStep, 'Check model cards');

    const report = cliReport(dir, CARDS);
    const sarif = readSarif(path.join(dir, 'modelcard-lint.sarif'));
    assert.ok(fromJson(report).length >= 10);
    assert.deepEqual(fromSarif(sarif), fromJson(report));
    assert.deepEqual(sarif.runs[0].results.map(r => r.ruleId).sort(), report.files.flatMap(f => f.diagnostics.map(d => d.code)).sort());

    assert.deepEqual(run.outputs, {
      'sarif-file': 'modelcard-lint.sarif',
      'error-count': String(count(report, ['error'])),
      'warning-count': String(count(report, ['warning'])),
      'note-count': String(count(report, ['information', 'hint'])),
    });
    assert.ok(Number(run.outputs['error-count']) > 0);
    // The text report: one line per diagnostic, and a summary.
    for (const line of fromJson(report)) {
      const [where, level, code] = line.split(' ');
      assert.ok(run.stdout.includes(`${where}: ${level} ${code} `), `no '${line}' in:\n${run.stdout}`);
    }
    assert.match(run.stdout, new RegExp(`modelcard-lint: ${run.outputs['error-count']} errors, .* SARIF: modelcard-lint\\.sarif`));
  });

  test('fail-on-error false: the same SARIF and outputs, and the step succeeds', () => {
    const dir = workspace(CARDS);
    const run = runAction(dir, { paths: CARDS.join('\n'), 'fail-on-error': 'false', 'sarif-file': 'reports/cards.sarif' });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const sarif = readSarif(path.join(dir, 'reports', 'cards.sarif'));
    assert.deepEqual(fromSarif(sarif), fromJson(cliReport(dir, CARDS)));
    assert.equal(run.outputs['sarif-file'], 'reports/cards.sarif');
    assert.ok(Number(run.outputs['error-count']) > 0);
  });

  test('good cards only, default paths (the workspace): no results, exit 0', () => {
    const dir = workspace(['examples/good']);
    const run = runAction(dir, {});
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const sarif = readSarif(path.join(dir, 'modelcard-lint.sarif'));
    assert.deepEqual(sarif.runs[0].results, []);
    assert.equal(run.outputs['error-count'], '0');
    assert.equal(run.outputs['warning-count'], '0');
    assert.match(run.stdout, /modelcard-lint: no problems in the cards\. SARIF: modelcard-lint\.sarif/);
  });

  test('paths: one per line, spaces trimmed, a quoted glob expanded by modelcard-lint; config: used for every card', () => {
    const dir = workspace(CARDS);
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'rules:\n  license.unknown-id: error\n');
    const run = runAction(dir, { paths: '  examples/bad/*.modelcard.yaml  \n\n examples/good \n', config: 'strict.yaml', 'fail-on-error': 'false' });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const args = ['--config', 'strict.yaml', 'examples/bad/*.modelcard.yaml', 'examples/good'];
    const report = cliReport(dir, args);
    const sarif = readSarif(path.join(dir, 'modelcard-lint.sarif'));
    assert.deepEqual(fromSarif(sarif), fromJson(report));
    assert.ok(fromSarif(sarif).some(line => line.endsWith(' error license.unknown-id')), 'the configuration applied');
    assert.ok(!fromSarif(sarif).some(line => line.startsWith('examples/bad/omni-demo/')), 'only the glob\'s files from examples/bad');
  });

  test('a configuration file that does not exist: exit 2 even with fail-on-error false, no SARIF file left', () => {
    const dir = workspace(CARDS);
    const run = runAction(dir, { paths: 'examples/good', config: 'missing.yaml', 'fail-on-error': 'false' });
    assert.equal(run.status, 2, run.stderr + run.stdout);
    assert.match(run.stderr, /cannot read the configuration file 'missing\.yaml'/);
    assert.ok(!fs.existsSync(path.join(dir, 'modelcard-lint.sarif')));
    assert.equal(run.outputFiles.lint, '');
  });

  test('a path that names nothing: exit 2, the SARIF for the rest is written and says the run was incomplete', () => {
    const dir = workspace(CARDS);
    const run = runAction(dir, { paths: 'examples/bad\nno-such-dir', 'fail-on-error': 'false' });
    assert.equal(run.status, 2, run.stderr + run.stdout);
    const sarif = readSarif(path.join(dir, 'modelcard-lint.sarif'));
    assert.ok(sarif.runs[0].results.length > 0);
    assert.match(run.stdout, /The check was incomplete: 1 tool error above/);
  });

  test('fail-on-error other than true or false: exit 2 before checking', () => {
    const dir = workspace(CARDS);
    const run = runAction(dir, { 'fail-on-error': 'yes' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /fail-on-error must be 'true' or 'false', not 'yes'/);
    assert.ok(!fs.existsSync(path.join(dir, 'modelcard-lint.sarif')));
  });

  test('from a fresh download of the action (no dist/, no node_modules/): the build step builds it, then it checks', () => {
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const actionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'mcl-action-path-'));
    workspaces.push(actionPath);
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(actionPath, file)), { recursive: true });
      fs.cpSync(path.join(ROOT, file), path.join(actionPath, file));
    }
    assert.ok(!fs.existsSync(path.join(actionPath, 'dist')));
    const dir = workspace(CARDS);
    const started = Date.now();
    const run = runAction(dir, { paths: CARDS.join('\n') }, actionPath);
    console.log(`the action's build step (npm ci) and check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(run.status, 1, `${run.failedStep}:\n${run.stderr}${run.stdout}`);
    assert.equal(run.failedStep, 'Check model cards');
    assert.ok(fs.existsSync(path.join(actionPath, 'dist', 'cli.js')));
    assert.deepEqual(fromSarif(readSarif(path.join(dir, 'modelcard-lint.sarif'))), fromJson(cliReport(dir, CARDS)));
  });
});
