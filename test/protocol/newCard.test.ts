/**
 * The New Model Card requests over the protocol: the pickers' options from the knowledge base, the
 * defaults a base model implies, and a card (as a snippet and as text) that the same server then
 * checks with no errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { NEW_CARD_DEFAULTS_METHOD, NEW_CARD_METHOD, NEW_CARD_OPTIONS_METHOD, NewCardOptions } from '../../server/src/authoringRequests';
import type { NewCard } from '../../server/src/service/authoring/newCard';
import { TestClient } from './lspClient';
import { knowledge } from '../helpers';

describe('the New Model Card requests', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.start('ipc');
    await client.initialize();
  });
  after(() => client?.stop());

  test('options, defaults and a card with no errors', async () => {
    const options = await client.connection.sendRequest(NEW_CARD_OPTIONS_METHOD) as NewCardOptions;
    assert.deepEqual(options.families.map(f => f.id), knowledge.families.map(f => f.id));
    assert.equal(options.models.length, knowledge.models.length);
    assert.ok(options.licenses.some(l => l.id === 'nvidia-open-model-license' && !l.hub));

    const defaults = await client.connection.sendRequest(NEW_CARD_DEFAULTS_METHOD, { baseModel: 'facebook/spiritlm' }) as { family?: string; license?: string; licenseDetail?: string };
    assert.equal(defaults.license, knowledge.models.find(m => m.id === 'spirit-lm')!.weights_license);
    assert.match(defaults.licenseDetail ?? '', /Source/i);

    const card = await client.connection.sendRequest(NEW_CARD_METHOD, { form: 'yaml', name: 'Protocol Probe', baseModel: 'facebook/spiritlm', subcategories: [] }) as NewCard;
    assert.equal(card.fileName, 'protocol-probe.modelcard.yaml');
    assert.match(card.snippet, /\$\{1:/);
    const uri = 'file:///probe/protocol-probe.modelcard.yaml';
    await client.open(uri, card.text);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics.filter(d => d.severity === DiagnosticSeverity.Error), []);
  });
});
