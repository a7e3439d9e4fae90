/**
 * `modelCards/landscape` over the protocol: the server places the cards the client sends (an open
 * card with its unsaved text) among the known models, the same landscape the service computes,
 * under each card's configuration, and leaves out what is no card.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LANDSCAPE_METHOD } from '../../server/src/landscapeRequest';
import type { Landscape } from '../../server/src/service';
import { tempTree } from '../cli/harness';
import { TestClient } from './lspClient';
import { documentOf, service } from '../helpers';

const FILES: Record<string, string> = {
  'moshi/README.md': fs.readFileSync(path.join(__dirname, '../../../examples/good/moshi/README.md'), 'utf8'),
  'tune.modelcard.yaml': 'license: apache-2.0\nbase_model: facebook/spiritlm\nsts:\n  name: Loud Tune\n  family: near-sts\n  licensing: { posture: permissive, code: cc-by-nc-4.0 }\n',
  'docs/README.md': '# Documentation\n\nNot a model card.\n',
  'drafts/x.modelcard.yaml': 'sts:\n  name: Draft\n  family: codec-free\n',
  'modelcards.config.yaml': 'ignore: [drafts/]\nrules:\n  license.base-model-conflict: off\n',
};

describe('the landscape request', () => {
  let dir: string;
  let client: TestClient;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;

  before(async () => {
    dir = tempTree({ ...FILES, '.git': null });
    client = TestClient.start('stdio');
    await client.initialize(true, dir);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('places the cards sent among the known models, with unsaved text, configuration and labels', async () => {
    const edited = FILES['tune.modelcard.yaml']!.replace('Loud Tune', 'Quiet Tune');
    await client.open(uri('tune.modelcard.yaml'), edited);
    const landscape = await client.connection.sendRequest(LANDSCAPE_METHOD, {
      cards: Object.entries(FILES).map(([file, text]) => ({ uri: uri(file), text })),
    }) as Landscape;
    const cards = landscape.models.filter(model => model.card);
    assert.deepEqual(cards.map(model => [model.name, model.card!.label]).sort(), [['Moshi', 'moshi/README.md'], ['Quiet Tune', 'tune.modelcard.yaml']]);
    const tune = cards.find(model => model.name === 'Quiet Tune')!;
    // The configuration turns base-model-conflict off; the posture conflict stays.
    assert.ok(!tune.conflicts.some(c => c.code === 'license.base-model-conflict'));
    assert.ok(tune.conflicts.some(c => c.code === 'license.posture-conflict'));
    assert.ok(!landscape.models.some(model => model.name === 'Draft') && !landscape.unplaced.some(model => model.name === 'Draft'), 'ignored by the configuration');

    // The same as the service computes in process for the same texts (the configuration aside).
    const expected = service.landscape([
      { summary: service.summarize(documentOf(FILES['moshi/README.md']!, 'README.md'))!, label: 'moshi/README.md' },
    ]);
    const withoutCards = (l: Landscape) => l.models.filter(model => !model.card).map(model => model.id);
    assert.deepEqual(withoutCards(landscape), withoutCards(expected));
    assert.deepEqual(landscape.unplaced, expected.unplaced);
    await client.close(uri('tune.modelcard.yaml'));
  });

  test('knownModels: false leaves only the cards', async () => {
    const landscape = await client.connection.sendRequest(LANDSCAPE_METHOD, {
      cards: [{ uri: uri('tune.modelcard.yaml'), text: FILES['tune.modelcard.yaml'] }], knownModels: false,
    }) as Landscape;
    assert.deepEqual(landscape.models.map(model => model.name), ['Loud Tune']);
    assert.deepEqual(landscape.unplaced, []);
  });
});
