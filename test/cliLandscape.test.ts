/**
 * `modelcard-lint landscape`: the map of the example cards among the known models as Markdown,
 * SVG (the renderer the VS Code view uses, byte for byte), HTML and JSON; usage errors.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { renderLandscapeSvg } from '../server/src/render';
import { cardKindOf, Landscape } from '../server/src/service';
import { lint, ROOT, tempTree } from './cli/harness';
import { service } from './helpers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { descendants, parseXml } from './render/xmlTree';

const EXAMPLES = path.join(ROOT, 'examples');

describe('modelcard-lint landscape', () => {
  test('Markdown by default: one table row per posture, the example cards in bold, their lineage', async () => {
    const run = await lint(['landscape', '.'], EXAMPLES);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.split('\n').filter(line => line.startsWith('| **'));
    const json = JSON.parse((await lint(['landscape', '--format', 'json', '.'], EXAMPLES)).stdout) as Landscape;
    assert.equal(rows.length, json.postures.length);
    for (const model of json.models.filter(m => m.card)) assert.ok(run.stdout.includes(`**${model.name}**`), model.name);
    assert.match(run.stdout, /Expressive Tune → Spirit-LM \(base model\)/);
  });

  test('SVG: the same bytes as the shared renderer draws for the same cards', async () => {
    const dir = tempTree();
    const out = path.join(dir, 'map.svg');
    const run = await lint(['landscape', '--format', 'svg', '--output', out, '.'], EXAMPLES);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote .*map\.svg \(\d+ models placed, \d+ unplaced\)/);
    const svg = fs.readFileSync(out, 'utf8');

    const files = ['bad/conflicts.modelcard.yaml', 'bad/no-license.modelcard.yaml', 'bad/omni-demo/README.md', 'bad/typos.modelcard.yaml', 'good/moshi/README.md', 'good/personaplex.modelcard.yaml'];
    const cards = files.map(file => {
      const uri = pathToFileURL(path.join(EXAMPLES, file)).href;
      const document = TextDocument.create(uri, cardKindOf(uri) === 'markdown' ? 'markdown' : 'yaml', 1, fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
      return { summary: { ...service.summarize(document)!, uri: file }, label: file };
    });
    const expected = renderLandscapeSvg(service.landscape(cards), { theme: 'light', title: 'STS model landscape: 6 cards among the known models' });
    assert.equal(svg, expected);

    const root = parseXml(svg);
    const cardChips = descendants(root).filter(element => element.attributes['data-card-uri'] !== undefined && element.attributes['data-model-id'] !== undefined);
    assert.deepEqual(new Set(cardChips.map(chip => chip.attributes['data-model-id'])), new Set(['moshi', 'personaplex', 'card:bad/conflicts.modelcard.yaml', 'card:bad/no-license.modelcard.yaml']));
    // Cards are named by their path as given: no absolute path of this machine in a shared picture.
    assert.ok(!svg.includes(EXAMPLES) && !svg.includes('file://'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('HTML holds the SVG and no script; dark theme', async () => {
    const run = await lint(['landscape', '--format', 'html', '--theme', 'dark', 'good'], EXAMPLES);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/i);
    assert.ok(run.stdout.includes('<svg'));
    assert.ok(!/<script/i.test(run.stdout));
  });

  test('no paths: the known models alone, as the service computes them; --no-known-models: the cards alone', async () => {
    const known = JSON.parse((await lint(['landscape', '--format', 'json'], EXAMPLES)).stdout) as Landscape;
    assert.deepEqual(known, JSON.parse(JSON.stringify(service.landscape([]))));
    const cardsOnly = JSON.parse((await lint(['landscape', '--format', 'json', '--no-known-models', 'good'], EXAMPLES)).stdout) as Landscape;
    assert.deepEqual(cardsOnly.models.map(model => model.name).sort(), ['Moshi', 'PersonaPlex']);
    assert.ok(cardsOnly.models.every(model => model.card));
  });

  test('usage errors and unreadable paths exit 2 with a message', async () => {
    const format = await lint(['landscape', '--format', 'pdf'], EXAMPLES);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format 'pdf'/);
    const missing = await lint(['landscape', 'no/such/dir'], EXAMPLES);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/dir/);
    const help = await lint(['landscape', '--help'], EXAMPLES);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format svg\|html\|md\|json/);
  });
});
