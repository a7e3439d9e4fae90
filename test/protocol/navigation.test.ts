/**
 * Navigation over the protocol: go to definition from a `base_model` value to the workspace card
 * that describes the model (open or not), find references from a card to the cards built on it,
 * the outline, document links, and the block snippets in completion.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest, DefinitionRequest, DocumentLinkRequest, DocumentSymbolRequest, InsertTextFormat, LocationLink, ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import type { CompletionList, DocumentSymbol, Location } from 'vscode-languageserver-types';
import { tempTree } from '../cli/harness';
import { TestClient } from './lspClient';

const BASE = '---\nlicense: cc-by-4.0\nlicense_link: https://creativecommons.org/licenses/by/4.0/\nsts:\n  name: Tiny Base\n  family: dual-stream-codec\n  licensing: { posture: permissive }\n---\n# Tiny Base\n\n## Architecture\n\nTwo streams.\n';
const DERIVED = 'license: cc-by-4.0\nbase_model: acme/tiny-base\nsts:\n  name: Tiny Tuned\n  family: dual-stream-codec\n  licensing: { posture: permissive, attribution: "Built on Tiny Base." }\n';
const SECOND = '---\nlicense: cc-by-4.0\nbase_model:\n  - other/unrelated\n  - acme/tiny-base\n---\n# Second\n';

describe('navigation across the workspace\'s cards', () => {
  let dir: string;
  let client: TestClient;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;

  before(async () => {
    dir = tempTree({ '.git': null, 'tiny-base/README.md': BASE, 'derived.modelcard.yaml': DERIVED, 'second/README.md': SECOND });
    client = TestClient.start('stdio');
    client.settings = { workspaceDiagnostics: true };
    await client.initialize(true, dir);
    // The scan has read the cards once each has been reported.
    for (const file of ['tiny-base/README.md', 'derived.modelcard.yaml', 'second/README.md']) await client.diagnostics(uri(file));
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('go to definition on a base_model value opens the card that describes it, unopened', async () => {
    await client.open(uri('derived.modelcard.yaml'), DERIVED);
    const links = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri('derived.modelcard.yaml') }, position: { line: 1, character: 16 },
    }) as LocationLink[];
    assert.equal(links.length, 1);
    assert.equal(links[0]!.targetUri, uri('tiny-base/README.md'));
    assert.deepEqual(links[0]!.originSelectionRange, { start: { line: 1, character: 12 }, end: { line: 1, character: 26 } });
    // Lands on the card's name: line 4 of the README, `Tiny Base`.
    assert.deepEqual(links[0]!.targetSelectionRange, { start: { line: 4, character: 8 }, end: { line: 4, character: 17 } });
    const none = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('derived.modelcard.yaml') }, position: { line: 0, character: 3 } });
    assert.ok(none === null || (Array.isArray(none) && none.length === 0));
    await client.close(uri('derived.modelcard.yaml'));
  });

  test('find references from a card lists the cards that name it as their base', async () => {
    await client.open(uri('tiny-base/README.md'), BASE);
    const locations = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('tiny-base/README.md') }, position: { line: 4, character: 10 }, context: { includeDeclaration: false },
    }) as Location[];
    assert.deepEqual(locations.map(l => `${path.relative(dir, new URL(l.uri).pathname)} ${l.range.start.line}:${l.range.start.character}`).sort(),
      ['derived.modelcard.yaml 1:12', 'second/README.md 4:4']);
    const withDeclaration = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('tiny-base/README.md') }, position: { line: 4, character: 10 }, context: { includeDeclaration: true },
    }) as Location[];
    assert.equal(withDeclaration.length, 3);
  });

  test('the outline holds the front matter\'s keys and the Markdown headings; links cover license_link and Hub ids', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('tiny-base/README.md') } }) as DocumentSymbol[];
    const names = symbols.map(s => s.name);
    assert.ok(names.includes('license') && names.includes('sts'), names.join(', '));
    assert.ok(names.includes('Tiny Base'), names.join(', '));
    const sts = symbols.find(s => s.name === 'sts')!;
    assert.deepEqual(sts.children?.map(c => c.name), ['name', 'family', 'licensing']);

    await client.open(uri('second/README.md'), SECOND);
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri('second/README.md') } });
    assert.deepEqual(links?.map(l => l.target).sort(), ['https://huggingface.co/acme/tiny-base', 'https://huggingface.co/other/unrelated']);
    await client.close(uri('second/README.md'));
  });

  test('completion offers the sts block as a snippet where a top-level key may go', async () => {
    const text = 'license: mit\n\n';
    await client.open(uri('fresh.modelcard.yaml'), text);
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri('fresh.modelcard.yaml') }, position: { line: 1, character: 0 } }) as CompletionList;
    const snippet = list.items.find(item => item.insertTextFormat === InsertTextFormat.Snippet && /sts/.test(item.label));
    assert.ok(snippet, list.items.map(i => i.label).join(', '));
    await client.close(uri('fresh.modelcard.yaml'));
  });
});
