/**
 * The command line (design/model-card-format.md, section 4): formats, exit status, discovery.
 * Most cases run `main` in-process; a few spawn the real bin against the esbuild bundle.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../server/src/service';
import {
  BIN, BUNDLE, codesOf, FIXTURES, fixture, lint, parseJson, pathsOf, ROOT, spawnLint, tempTree,
} from './cli/harness';

const GOOD = 'good.modelcard.yaml';
const WARNING = 'unknown-license.modelcard.yaml';
const INVALID = 'invalid-duplex.modelcard.yaml';
const NO_LICENSE = 'no-license.modelcard.yaml';
const SYNTAX = 'syntax.modelcard.yaml';

/** One text report line: `path:line:column: severity code message`. */
const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) (\S+) (.+)$/;

describe('text format', () => {
  test('a clean card: no diagnostic lines, a summary, exit 0', async () => {
    const run = await lint([GOOD]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stdout);
    assert.doesNotMatch(lines[0], TEXT_LINE);
    assert.match(lines[0], /1 file/);
  });

  test('a warning: path:line:column (1-based), severity, code; exit 0', async () => {
    const run = await lint([WARNING]);
    assert.equal(run.code, 0);
    const lines = run.stdout.trimEnd().split('\n');
    const line = lines.find(l => l.includes(' license.unknown-id '));
    assert.ok(line, run.stdout);
    const match = TEXT_LINE.exec(line);
    assert.ok(match, line);
    // `license: Apache-2.0`: the value starts on line 1, column 10.
    assert.deepEqual(match.slice(1, 6), [WARNING, '1', '10', 'warning', 'license.unknown-id']);
    assert.ok(lines.slice(0, -1).every(l => TEXT_LINE.test(l)), run.stdout);
    assert.match(lines.at(-1)!, /\bproblems?\b.*1 warning\b/);
  });

  test('an error: exit 1, one line per diagnostic', async () => {
    const run = await lint([INVALID, WARNING]);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const reported = lines.filter(line => TEXT_LINE.test(line)).map(line => TEXT_LINE.exec(line)!.slice(1, 6));
    assert.ok(reported.some(([file, line, , severity, code]) =>
      file === INVALID && line === '3' && severity === 'error' && code === 'schema.invalid'), lines.join('\n'));
    assert.ok(reported.some(([file, , , , code]) => file === WARNING && code === 'license.unknown-id'));
    assert.match(lines.at(-1)!, /error/);
    assert.doesNotMatch(lines.at(-1)!, TEXT_LINE);
  });

  test('a directory with no cards says so and exits 0', async () => {
    const dir = tempTree({ 'notes.txt': 'hello', 'config.yaml': 'a: 1\n' });
    const run = await lint(['.'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /no model cards/i);
  });
});

describe('json format', () => {
  test('one object, every file listed, 0-based ranges, severity names', async () => {
    const run = await lint(['--format', 'json', GOOD, WARNING, INVALID]);
    assert.equal(run.code, 1);
    const report = parseJson(run);
    assert.equal(report.version, 1);
    assert.deepEqual(pathsOf(report), [GOOD, INVALID, WARNING]);
    assert.deepEqual(report.files[0].diagnostics, []);

    const warning = report.files[2].diagnostics.find(d => d.code === 'license.unknown-id');
    assert.ok(warning);
    assert.equal(warning.severity, 'warning');
    assert.equal(typeof warning.message, 'string');
    assert.deepEqual(warning.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 19 } });
    assert.ok(warning.data && typeof warning.data === 'object' && 'suggestion' in warning.data);

    const invalid = report.files[1].diagnostics.find(d => d.code === 'schema.invalid');
    assert.ok(invalid);
    assert.equal(invalid.severity, 'error');
    // `  duplex: sometimes` is the third line: 0-based line 2, value at character 10.
    assert.deepEqual(invalid.range.start, { line: 2, character: 10 });
    for (const d of report.files.flatMap(file => file.diagnostics)) {
      assert.deepEqual(Object.keys(d).filter(key => !['code', 'severity', 'message', 'range', 'data'].includes(key)), []);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    }
  });

  test('license.missing and yaml.syntax are errors: exit 1', async () => {
    const run = await lint(['--format=json', NO_LICENSE, SYNTAX]);
    assert.equal(run.code, 1);
    const report = parseJson(run);
    assert.ok(codesOf(report, NO_LICENSE).includes('license.missing'));
    assert.ok(codesOf(report, SYNTAX).includes('yaml.syntax'));
    assert.ok(report.files.every(file => file.diagnostics.every(d => d.code !== 'yaml.syntax' || d.severity === 'error')));
  });

  test('a Markdown card: ranges point into the Markdown file', async () => {
    const run = await lint(['-f', 'json', 'README.md']);
    const report = parseJson(run);
    const warning = report.files[0].diagnostics.find(d => d.code === 'license.unknown-id');
    assert.ok(warning, run.stdout);
    // `license: Apache-2.0` is the third line of README.md, after `---` and `language`.
    assert.deepEqual(warning.range.start, { line: 2, character: 9 });
  });
});

describe('sarif format', () => {
  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
      results: {
        ruleId: string; ruleIndex: number; level: string; message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      }[];
    }[];
  }

  test('SARIF 2.1.0: one rule per code, results with 1-based regions', async () => {
    const dir = tempTree({ 'cards/sub/bad.modelcard.yaml': fixture(INVALID), 'cards/warn.modelcard.yaml': fixture(WARNING) });
    const run = await lint(['--format', 'sarif', 'cards'], dir);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'modelcard-lint');
    assert.match(sarifRun.tool.driver.informationUri, /^https:\/\//);

    const rules = sarifRun.tool.driver.rules;
    assert.deepEqual(rules.map(rule => rule.id), Object.keys(CODES));
    for (const rule of rules) {
      const info = CODES[rule.id as keyof typeof CODES];
      assert.equal(rule.shortDescription.text, info.summary);
      assert.equal(rule.defaultConfiguration.level, info.severity === 'error' ? 'error' : info.severity === 'warning' ? 'warning' : 'note');
    }

    for (const result of sarifRun.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    const invalid = sarifRun.results.find(result => result.ruleId === 'schema.invalid');
    assert.ok(invalid);
    assert.equal(invalid.level, 'error');
    assert.equal(invalid.locations[0].physicalLocation.artifactLocation.uri, 'cards/sub/bad.modelcard.yaml');
    assert.deepEqual(
      [invalid.locations[0].physicalLocation.region.startLine, invalid.locations[0].physicalLocation.region.startColumn],
      [3, 11]);
    const warning = sarifRun.results.find(result => result.ruleId === 'license.unknown-id');
    assert.ok(warning);
    assert.equal(warning.level, 'warning');
    assert.equal(warning.locations[0].physicalLocation.artifactLocation.uri, 'cards/warn.modelcard.yaml');
    assert.deepEqual(warning.locations[0].physicalLocation.region, { startLine: 1, startColumn: 10, endLine: 1, endColumn: 20 });
    assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  });

  test('a clean card: no results, exit 0', async () => {
    const run = await lint(['--format', 'sarif', GOOD]);
    assert.equal(run.code, 0);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('discovery', () => {
  const README_CARD = fixture('README.md');

  test('a directory walk finds cards by name, Markdown only with front matter, skips node_modules and .git', async () => {
    const dir = tempTree({
      'a.modelcard.yaml': fixture(GOOD),
      'modelcard.yml': fixture(GOOD),
      'models/x/modelcard.yaml': fixture(GOOD),
      'models/x/README.md': README_CARD,
      'models/y/README.md': '# No front matter\n\nJust prose.\n',
      'models/y/MODEL_CARD.md': README_CARD,
      'models/y/voice.modelcard.md': README_CARD,
      'models/y/config.yaml': 'license: nonsense\n',
      'models/y/card.yaml': 'license: nonsense\n',
      'node_modules/pkg/modelcard.yaml': fixture(INVALID),
      '.git/modelcard.yaml': fixture(INVALID),
      'deep/node_modules/z.modelcard.yaml': fixture(INVALID),
    });
    const run = await lint(['--format', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(pathsOf(parseJson(run)), [
      'a.modelcard.yaml',
      'modelcard.yml',
      'models/x/README.md',
      'models/x/modelcard.yaml',
      'models/y/MODEL_CARD.md',
      'models/y/voice.modelcard.md',
    ]);
  });

  test('paths keep the directory as given; a symlink loop is searched once', async () => {
    const dir = tempTree({ 'cards/one.modelcard.yaml': fixture(GOOD) });
    fs.symlinkSync('..', path.join(dir, 'cards', 'up'));
    const run = await lint(['--format', 'json', path.join(dir, 'cards')], ROOT);
    assert.equal(run.code, 0);
    assert.deepEqual(parseJson(run).files.map(file => file.path), [path.join(dir, 'cards', 'one.modelcard.yaml')]);
  });

  test('a file named explicitly is checked whatever its name; each file once', async () => {
    const dir = tempTree({ 'card.yaml': fixture(INVALID), 'notes.md': '# no front matter\n', 'x.modelcard.yaml': fixture(GOOD) });
    const run = await lint(['--format', 'json', 'card.yaml', 'notes.md', '.', 'x.modelcard.yaml'], dir);
    assert.equal(run.code, 1);
    const report = parseJson(run);
    assert.deepEqual(pathsOf(report), ['card.yaml', 'notes.md', 'x.modelcard.yaml']);
    assert.ok(codesOf(report, 'card.yaml').includes('schema.invalid'));
    assert.deepEqual(codesOf(report, 'notes.md'), ['sts.missing']);
  });

  test('a glob is expanded, skipping node_modules', async () => {
    const dir = tempTree({
      'cards/a.modelcard.yaml': fixture(GOOD),
      'cards/nested/b.yaml': fixture(WARNING),
      'cards/node_modules/c.yaml': fixture(INVALID),
      'other/d.yaml': fixture(INVALID),
    });
    const run = await lint(['--format', 'json', 'cards/**/*.yaml'], dir);
    assert.equal(run.code, 0, run.stderr);
    const report = parseJson(run);
    assert.deepEqual(pathsOf(report), ['cards/a.modelcard.yaml', 'cards/nested/b.yaml']);
    assert.ok(codesOf(report, 'cards/nested/b.yaml').includes('license.unknown-id'));
    assert.ok(!codesOf(report).includes('schema.invalid'));
  });

  test('a glob that matches nothing is a usage error; the other paths are still checked', async () => {
    const dir = tempTree({ 'a.modelcard.yaml': fixture(INVALID) });
    const run = await lint(['--format', 'json', 'missing/*.yaml', 'a.modelcard.yaml'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /missing\/\*\.yaml/);
    assert.deepEqual(pathsOf(parseJson(run)), ['a.modelcard.yaml']);
  });
});

describe('unreadable files', () => {
  function treeWithDanglingCard(): string {
    const dir = tempTree({ 'good.modelcard.yaml': fixture(GOOD), 'bad.modelcard.yaml': fixture(INVALID) });
    fs.symlinkSync(path.join(dir, 'does-not-exist.yaml'), path.join(dir, 'x.modelcard.yaml'));
    return dir;
  }

  test('json: reported with an error, the other files still checked, exit 2 (over 1)', async () => {
    const run = await lint(['--format', 'json', '.'], treeWithDanglingCard());
    assert.equal(run.code, 2);
    const report = parseJson(run);
    assert.deepEqual(pathsOf(report), ['bad.modelcard.yaml', 'good.modelcard.yaml', 'x.modelcard.yaml']);
    const broken = report.files[2];
    assert.equal(typeof broken.error, 'string');
    assert.deepEqual(broken.diagnostics, []);
    assert.ok(codesOf(report, 'bad.modelcard.yaml').includes('schema.invalid'));
  });

  test('text: the read error on stderr, the report on stdout, exit 2', async () => {
    const run = await lint(['.'], treeWithDanglingCard());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /x\.modelcard\.yaml/);
    assert.match(run.stdout, /^bad\.modelcard\.yaml:3:\d+: error schema\.invalid /m);
    assert.doesNotMatch(run.stdout, /^x\.modelcard\.yaml:/m);
  });

  test('sarif: a tool execution notification, executionSuccessful false', async () => {
    const run = await lint(['--format', 'sarif', '.'], treeWithDanglingCard());
    assert.equal(run.code, 2);
    const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1);
    assert.equal(invocation.toolExecutionNotifications[0].level, 'error');
  });
});

describe('usage and exit status', () => {
  test('an unknown option: exit 2, nothing checked', async () => {
    const run = await lint(['--frobnicate', GOOD]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--frobnicate/);
    assert.equal(run.stdout, '');
  });

  test('a bad or missing --format value: exit 2', async () => {
    for (const argv of [['--format', 'xml', GOOD], ['--format=', GOOD], [GOOD, '--format']]) {
      const run = await lint(argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.equal(run.stdout, '');
      assert.notEqual(run.stderr, '');
    }
  });

  test('no paths: exit 2', async () => {
    const run = await lint([]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--help/);
  });

  test('a nonexistent path: exit 2, the other files still reported', async () => {
    const run = await lint(['--format', 'json', 'no-such-card.modelcard.yaml', WARNING]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no-such-card\.modelcard\.yaml/);
    assert.deepEqual(pathsOf(parseJson(run)), [WARNING]);
  });

  test('--help prints usage, exit 0; --version prints the package version', async () => {
    const help = await lint(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /modelcard-lint/);
    assert.match(help.stdout, /--format/);
    const version = await lint(['--version']);
    assert.equal(version.code, 0);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), manifest.version);
  });
});

describe('the bin', () => {
  const skip = fs.existsSync(BUNDLE) ? false : `dist/cli.js is not built (run the bundling step); ${BIN} needs it`;

  test('json on a bad card: exit 1, the same report as in-process', { skip }, async () => {
    const child = spawnLint(['--format', 'json', INVALID, GOOD]);
    assert.equal(child.code, 1, child.stderr);
    const inProcess = await lint(['--format', 'json', INVALID, GOOD]);
    assert.deepEqual(JSON.parse(child.stdout), JSON.parse(inProcess.stdout));
  });

  test('text on a clean card: exit 0; usage error: exit 2; --version', { skip }, () => {
    assert.equal(spawnLint([GOOD]).code, 0);
    const bad = spawnLint(['--format', 'yaml', GOOD]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /yaml/);
    assert.match(spawnLint(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });

  test('the fixtures directory itself', { skip }, () => {
    const child = spawnLint(['--format', 'json', FIXTURES], ROOT);
    assert.equal(child.code, 1);
    const report = JSON.parse(child.stdout) as { files: { path: string }[] };
    assert.ok(report.files.some(file => file.path.endsWith('README.md')));
  });
});
