/**
 * `modelcard-lint init`: writes a new card (README.md or <slug>.modelcard.yaml) that the checker
 * itself passes, never overwrites a file, and refuses choices it cannot honour with a suggestion.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { runInit } from '../server/src/cli/init';
import { defaultsFor, newCard } from '../server/src/service/authoring/newCard';
import { codesOf, CliRun, lint, parseJson, tempTree } from './cli/harness';
import { knowledge } from './helpers';

async function init(argv: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runInit(argv, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; }, cwd });
  return { code, stdout, stderr };
}

/** The checker's JSON report on one file: exit status and codes. */
async function check(file: string, cwd: string): Promise<{ code: number; codes: string[] }> {
  const run = await lint(['--format', 'json', file], cwd);
  return { code: run.code, codes: codesOf(parseJson(run)) };
}

describe('modelcard-lint init', () => {
  test('a README for a Moshi fine-tune in a directory: the same text as newCard gives, and the checker passes it', async () => {
    const dir = tempTree();
    const run = await init(['--base-model', 'kyutai/moshiko-pytorch-bf16', '--name', 'Moshi Tune', '--subcategory', 'voice-cloning'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /wrote README\.md \(README with front matter for 'Moshi Tune'\)/);
    assert.match(run.stderr, /family: dual-stream-codec \(from the base model\)/);
    assert.match(run.stderr, /license: cc-by-4\.0 \(from the base model\)/);
    assert.match(run.stderr, /check: no problems/);
    const text = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    const defaults = defaultsFor(knowledge, 'kyutai/moshiko-pytorch-bf16');
    assert.equal(text, newCard(knowledge, {
      form: 'readme', name: 'Moshi Tune', baseModel: 'kyutai/moshiko-pytorch-bf16', family: defaults.family, license: defaults.license, subcategories: ['voice-cloning'],
    }).text);
    assert.deepEqual(await check('.', dir), { code: 0, codes: [] });
    assert.equal((await lint(['.'], dir)).code, 0);
  });

  test('a standalone YAML card named after the model, in a directory it creates', async () => {
    const dir = tempTree();
    const run = await init(['cards', '--form', 'yaml', '--name', 'Acme Talk', '--family', 'interleaved-flatten', '--license', 'Apache 2.0', '--organization', 'Acme'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote cards[\\/]acme-talk\.modelcard\.yaml \(standalone YAML card for 'Acme Talk'\)/);
    assert.match(run.stderr, /license: apache-2\.0\n/);
    const card = parse(fs.readFileSync(path.join(dir, 'cards', 'acme-talk.modelcard.yaml'), 'utf8'));
    assert.equal(card.license, 'apache-2.0');
    assert.equal(card.sts.family, 'interleaved-flatten');
    assert.equal(card.sts.organization, 'Acme');
    assert.deepEqual(card.sts.licensing, { posture: 'permissive', commercial_use: true });
    assert.deepEqual(await check('cards', dir), { code: 0, codes: [] });
  });

  test('a card file name as the path: its form and its name come from it', async () => {
    const dir = tempTree({ models: null });
    const run = await init(['models/expressive-tune.modelcard.yaml', '--base-model', 'spirit-lm'], dir);
    assert.equal(run.code, 0, run.stderr);
    const card = parse(fs.readFileSync(path.join(dir, 'models', 'expressive-tune.modelcard.yaml'), 'utf8'));
    assert.equal(card.sts.name, 'expressive-tune');
    assert.equal(card.license, 'fair-noncommercial-research-license');
    assert.equal(card.sts.licensing.posture, 'non-commercial');
    assert.match(run.stderr, /inherited: Spirit-LM is under FAIR Noncommercial Research License/);
    assert.deepEqual(await check('models', dir), { code: 0, codes: [] });
  });

  test('without a license or a family, the card says unknown and the checker only warns', async () => {
    const dir = tempTree();
    const run = await init(['--name', 'Bare'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /check: warning family\.missing, warning license\.unconfirmed/);
    const checked = await check('README.md', dir);
    assert.deepEqual(checked, { code: 0, codes: ['family.missing', 'license.unconfirmed'] });
  });

  test('never overwrites: an existing README.md or named file stays as it was, exit 2', async () => {
    const dir = tempTree({ 'README.md': 'my own card\n', 'x.modelcard.yaml': 'license: mit\n' });
    const run = await init(['--license', 'mit', '--family', 'near-sts'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /'README\.md' already exists: not overwritten/);
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), 'my own card\n');
    const named = await init(['x.modelcard.yaml', '--license', 'mit'], dir);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /already exists/);
    assert.equal(fs.readFileSync(path.join(dir, 'x.modelcard.yaml'), 'utf8'), 'license: mit\n');
  });

  test('an unknown family, license or sub-category: exit 2 with a suggestion, nothing written', async () => {
    const dir = tempTree();
    const run = await init(['--family', 'dual-stream', '--license', 'apache-2.1', '--subcategory', 'voice-clone'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown family 'dual-stream' \(did you mean 'dual-stream-codec'\?\)/);
    assert.match(run.stderr, /unknown license 'apache-2\.1' \(did you mean 'apache-2\.0'\?\)/);
    assert.match(run.stderr, /unknown sub-category 'voice-clone' \(did you mean 'voice-cloning'\?\)/);
    assert.match(run.stderr, /nothing written/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('a license that drops the base model\'s terms: exit 2, nothing written', async () => {
    const dir = tempTree();
    const run = await init(['--base-model', 'spirit-lm', '--license', 'apache-2.0'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /must stay under fair-noncommercial-research-license/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('usage errors: an unknown option or form, a missing value, two paths, a form against the file name', async () => {
    const dir = tempTree();
    for (const argv of [['--bogus'], ['--form', 'json'], ['--family'], ['a', 'b'], ['x.modelcard.yaml', '--form', 'readme'], ['notes.yaml']]) {
      const run = await init(argv, dir);
      assert.equal(run.code, 2, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /modelcard-lint init: /);
    }
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('--help prints the usage, exit 0', async () => {
    const run = await init(['--help'], tempTree());
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: modelcard-lint init \[path\]/);
    assert.match(run.stdout, /--base-model <id>/);
  });

  test("a project's knowledge extension is used: a base model it adds passes on its license", async () => {
    const dir = tempTree({
      'modelcards.config.yaml': 'knowledge:\n  - acme.knowledge.yaml\n',
      'acme.knowledge.yaml': [
        'licenses:',
        '  - id: acme-research-license',
        '    name: ACME Research License',
        '    hub: false',
        "    commercial_use: 'no'",
        '    credit: required',
        "    derivatives_keep_terms: 'yes'",
        '    source: { name: ACME legal, url: https://acme.example/license }',
        'models:',
        '  - id: acme-talk',
        '    name: ACME Talk',
        '    lab: ACME',
        '    family: dual-stream-codec',
        '    released: "2026-11"',
        '    open_weights: true',
        '    weights_license: acme-research-license',
        '    code_license: mit',
        '    posture: non-commercial',
        '    base_model: moshi',
        '    hub_ids: [acme/acme-talk-7b]',
        '    source: { name: ACME release notes, url: https://acme.example/talk }',
        '',
      ].join('\n'),
      tune: null,
    });
    const run = await init(['tune', '--base-model', 'acme/acme-talk-7b'], dir);
    assert.equal(run.code, 0, run.stderr);
    const text = fs.readFileSync(path.join(dir, 'tune', 'README.md'), 'utf8');
    const card = parse(text.slice(4, text.indexOf('\n---\n', 4) + 1));
    assert.deepEqual([card.license, card.license_name, card.sts.family, card.sts.licensing.posture], ['other', 'acme-research-license', 'dual-stream-codec', 'non-commercial']);
    assert.deepEqual(await check('tune', dir), { code: 0, codes: [] });
  });
});
