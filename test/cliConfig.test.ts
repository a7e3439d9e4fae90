/**
 * modelcard-lint with a project configuration: per-card resolution, rules, ignore, files, a
 * knowledge extension, --config / --no-config / --print-config, and bad configuration reported at
 * its file:line:column with exit status 2 while the rest is still checked with the defaults.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lint, spawnLint, tempTree } from './cli/harness';
import { ROOT } from './helpers';

/** A knowledge extension adding one license (test/fixtures/config/acme.knowledge.yaml). */
const ACME = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'config', 'acme.knowledge.yaml'), 'utf8');

/** A card under the extension's license with a permissive posture: a conflict only the extension's facts reveal. */
const ACME_CARD = 'license: other\nlicense_name: acme-research-license\nlicense_link: https://acme.example/license\nsts:\n  family: dual-stream-codec\n  licensing: { posture: permissive }\n';

/** A repository (a `.git` directory stops the search) with a configuration, an extension and cards. */
function project(config: string, extra: Record<string, string | null> = {}): string {
  return tempTree({
    '.git': null,
    'modelcards.config.yaml': config,
    'knowledge/acme.knowledge.yaml': ACME,
    'cards/acme.modelcard.yaml': ACME_CARD,
    'cards/unknown.modelcard.yaml': 'license: unknown\nsts: { family: codec-free }\n',
    'cards/drafts/broken.modelcard.yaml': 'license: bogus-license\n',
    'cards/extra.card.yaml': 'license: unknown\n',
    ...extra,
  });
}

const GOOD = 'rules:\n  license.unconfirmed: off\nignore: [cards/drafts/]\nfiles: ["cards/*.card.yaml"]\nknowledge: [knowledge/acme.knowledge.yaml]\n';

interface JsonReport { files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[] }

describe('modelcard-lint with a configuration file', () => {
  test('rules, ignore, files and a knowledge extension all apply; a clean run exits 0', async () => {
    const dir = project(GOOD);
    const run = await lint(['--format', 'json', '.'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map(f => f.path).sort(), [
      path.join('cards', 'acme.modelcard.yaml'), path.join('cards', 'extra.card.yaml'), path.join('cards', 'unknown.modelcard.yaml'),
    ], 'drafts/ is ignored, extra.card.yaml is a card by `files`');
    const codes = report.files.flatMap(f => f.diagnostics.map(d => d.code));
    assert.deepEqual(codes, ['license.posture-conflict'], "the extension's license forbids commercial use; license.unconfirmed is off");
    assert.equal(run.code, 1);
  });

  test('--no-config checks with the defaults: everything found again', async () => {
    const dir = project(GOOD);
    const report = JSON.parse((await lint(['--format', 'json', '--no-config', '.'], dir)).stdout) as JsonReport;
    const codes = report.files.flatMap(f => f.diagnostics.map(d => d.code));
    assert.ok(!codes.includes('license.posture-conflict'), 'without the extension the license is not known');
    assert.ok(codes.includes('license.unconfirmed'));
    assert.ok(report.files.some(f => f.path.includes('drafts')), 'nothing is ignored');
    assert.ok(!report.files.some(f => f.path.endsWith('extra.card.yaml')), 'no extra card patterns');
  });

  test('--config FILE is used for every card, wherever it lives', async () => {
    const dir = project(GOOD, { 'other/strict.yaml': 'rules:\n  license.unconfirmed: error\n' });
    const run = await lint(['--format', 'json', '--config', 'other/strict.yaml', 'cards/unknown.modelcard.yaml'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    const unconfirmed = report.files[0].diagnostics.find(d => d.code === 'license.unconfirmed');
    assert.equal(unconfirmed?.severity, 'error');
    assert.equal(run.code, 1);
    const missing = await lint(['--config', 'nope.yaml', 'cards'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the configuration file 'nope\.yaml'/);
    assert.equal((await lint(['--config', 'x.yaml', '--no-config', 'cards'], dir)).code, 2);
  });

  test('an ignored file named on the command line is not checked, and text output says so', async () => {
    const dir = project(GOOD);
    const run = await lint([path.join('cards', 'drafts', 'broken.modelcard.yaml')], dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /is ignored by the configuration: not checked/);
  });

  test('a bad configuration: each problem at file:line:column, the rest checked with the defaults, exit 2', async () => {
    const dir = project('rules:\n  license.unknwn-id: off\n  family.missing: loud\nignores: [x]\nknowledge: [knowledge/missing.yaml]\n');
    const run = await lint(['.'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^modelcards\.config\.yaml:2:3: error config\.unknown-code Unknown diagnostic code 'license\.unknwn-id': did you mean 'license\.unknown-id'\?$/m);
    assert.match(run.stdout, /^modelcards\.config\.yaml:3:19: error config\.invalid /m);
    assert.match(run.stdout, /^modelcards\.config\.yaml:4:1: error config\.unknown-key Unknown key 'ignores' under the configuration: did you mean 'ignore'\?$/m);
    assert.match(run.stdout, /^modelcards\.config\.yaml:5:13: error config\.file-not-found /m);
    // The cards are still checked, with the defaults where the configuration could not be read.
    assert.match(run.stdout, /^cards[/\\]drafts[/\\]broken\.modelcard\.yaml:1:10: warning license\.unknown-id /m, "'ignores' is not 'ignore'");
    assert.match(run.stdout, /^cards[/\\]unknown\.modelcard\.yaml:1:10: warning license\.unconfirmed /m);
  });

  test('a bad knowledge extension is reported on its entry, in JSON and SARIF too', async () => {
    const dir = project(GOOD, { 'knowledge/acme.knowledge.yaml': ACME.replace("commercial_use: 'no'", 'commercial_use: sometimes') });
    const json = await lint(['--format', 'json', '.'], dir);
    assert.equal(json.code, 2);
    const report = JSON.parse(json.stdout) as JsonReport;
    const extension = report.files.find(f => f.path === path.join('knowledge', 'acme.knowledge.yaml'));
    assert.deepEqual(extension?.diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character]), [['knowledge.invalid', 4, 20]]);
    assert.ok(!report.files.some(f => f.diagnostics.some(d => d.code === 'license.posture-conflict')), 'without its license, no conflict is known');
    const sarif = JSON.parse((await lint(['--format', 'sarif', '.'], dir)).stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0].results.some(result => result.ruleId === 'knowledge.invalid'));
  });

  test('--print-config shows what applies to a card, as JSON', async () => {
    const dir = project(`extends: base.yaml\n${GOOD}`, { 'base.yaml': 'rules:\n  sts.missing: off\nfrontMatter: false\n' });
    const run = await lint(['--print-config', 'cards/acme.modelcard.yaml'], dir);
    assert.equal(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout);
    assert.deepEqual(printed.configFiles, ['modelcards.config.yaml', 'base.yaml']);
    assert.deepEqual(printed.rules, { 'sts.missing': 'off', 'license.unconfirmed': 'off' });
    assert.equal(printed.frontMatter, false);
    assert.deepEqual(printed.knowledge, [path.join('knowledge', 'acme.knowledge.yaml')]);
    assert.equal(printed.ignored, false);
    assert.deepEqual(printed.problems, []);
    const drafts = JSON.parse((await lint(['--print-config', 'cards/drafts/broken.modelcard.yaml'], dir)).stdout);
    assert.equal(drafts.ignored, true);
  });

  test('the bundled bin with worker threads resolves configurations the same way', () => {
    const dir = project(GOOD);
    const sequential = spawnLint(['--format', 'json', '--jobs', '1', '.'], dir);
    const parallel = spawnLint(['--format', 'json', '--jobs', '2', '.'], dir);
    assert.equal(parallel.stdout, sequential.stdout);
    assert.equal(parallel.code, sequential.code);
    assert.ok(!sequential.stdout.includes('license.unconfirmed'));
  });
});
