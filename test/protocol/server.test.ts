/** The built server (dist/server.js) over a real JSON-RPC connection, stdio and node IPC. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeAction, CodeActionRequest, CompletionRequest, HoverRequest, MarkupContent, TextDocumentSyncKind, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { knowledge, rangeOf } from '../helpers';
import { TestClient } from './lspClient';

const CARD = 'license: Apache-2.0\nsts:\n  family: codec-free\n  duplex: full\n';
const codesOf = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.map(d => String(d.code)).sort();

for (const transport of ['stdio', 'ipc'] as const) {
  describe(`language server over ${transport}`, () => {
    let client: TestClient;
    before(async () => { client = TestClient.start(transport); });
    after(async () => { await client.stop(); });

    test('initialize announces incremental sync and the server name', async () => {
      const result = await client.initialize();
      const sync = result.capabilities.textDocumentSync;
      assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
      assert.equal(result.serverInfo?.name, 'sts-model-cards');
    });

    test('didOpen publishes diagnostics with exact ranges', async () => {
      const uri = `file:///${transport}/open.modelcard.yaml`;
      await client.open(uri, CARD);
      const published = await client.diagnostics(uri);
      assert.equal(published.version, 1);
      assert.deepEqual(codesOf(published), ['license.unknown-id']);
      const unknownId = published.diagnostics.find(d => d.code === 'license.unknown-id')!;
      assert.deepEqual(unknownId.range, rangeOf(CARD, 'Apache-2.0'));
      assert.equal(unknownId.source, 'sts-model-cards');
      assert.deepEqual((unknownId.data as { suggestion: string }).suggestion, 'apache-2.0');
    });

    test('incremental didChange updates the diagnostics for the new version', async () => {
      const uri = `file:///${transport}/change.modelcard.yaml`;
      await client.open(uri, CARD);
      await client.diagnostics(uri, params => params.version === 1);
      // Fix the license id in place: replace "A" of Apache with "a" (line 0, character 9).
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, text: 'a' }]);
      const fixed = await client.diagnostics(uri, params => params.version === 2);
      assert.ok(!fixed.diagnostics.some(d => d.code === 'license.unknown-id'));
      // Two edits in one notification: break the duplex value, then add a line above it.
      await client.change(uri, 3, [
        { range: { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } }, text: 'sometimes' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  name: Test\n' },
      ]);
      const broken = await client.diagnostics(uri, params => params.version === 3);
      const invalid = broken.diagnostics.find(d => d.code === 'schema.invalid')!;
      assert.deepEqual(invalid.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 19 } });
    });

    test('a Markdown card is checked through its front matter, with ranges in the Markdown file', async () => {
      const uri = `file:///${transport}/README.md`;
      const text = '# not yet\n';
      await client.open(uri, `---\nlicense: other\n---\n${text}`);
      const published = await client.diagnostics(uri);
      const incomplete = published.diagnostics.find(d => d.code === 'license.other-incomplete')!;
      assert.deepEqual(incomplete.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } });
    });

    test('a plain README without front matter gets nothing', async () => {
      const uri = `file:///${transport}/plain/README.md`;
      await client.open(uri, '# A project\n\nNot a model card.\n');
      assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    });

    test('a settings change re-applies severities without reopening', async () => {
      const uri = `file:///${transport}/settings.modelcard.yaml`;
      await client.open(uri, 'license: unknown\nsts: { family: codec-free }\n');
      const before = await client.diagnostics(uri, params => params.diagnostics.some(d => d.code === 'license.unconfirmed'));
      assert.equal(before.diagnostics.find(d => d.code === 'license.unconfirmed')!.severity, 2);
      await client.changeSettings({ severity: { 'license.unconfirmed': 'error' } });
      const raised = await client.diagnostics(uri, params => params.diagnostics.find(d => d.code === 'license.unconfirmed')?.severity === 1);
      assert.equal(raised.version, 1);
      await client.changeSettings({ severity: { 'license.unconfirmed': 'off' } });
      await client.diagnostics(uri, params => !params.diagnostics.some(d => d.code === 'license.unconfirmed'));
      await client.changeSettings({});
      await client.diagnostics(uri, params => params.diagnostics.some(d => d.code === 'license.unconfirmed'));
      assert.ok(client.configurationRequests > 0, 'the server pulled settings through workspace/configuration');
    });

    test('closing a document clears its diagnostics', async () => {
      const uri = `file:///${transport}/close.modelcard.yaml`;
      await client.open(uri, CARD);
      await client.diagnostics(uri, params => params.diagnostics.length > 0);
      await client.close(uri);
      await client.diagnostics(uri, params => params.diagnostics.length === 0);
    });
  });
}

describe('settings pushed by a client without workspace/configuration', () => {
  test('didChangeConfiguration settings apply directly', async () => {
    const client = TestClient.start('stdio');
    try {
      await client.initialize(false);
      const uri = 'file:///push/card.modelcard.yaml';
      await client.open(uri, 'license: unknown\n');
      await client.diagnostics(uri, params => params.diagnostics.some(d => d.code === 'license.unconfirmed'));
      await client.changeSettings({ severity: { 'license.unconfirmed': 'off' } });
      await client.diagnostics(uri, params => !params.diagnostics.some(d => d.code === 'license.unconfirmed'));
      assert.equal(client.configurationRequests, 0);
    } finally {
      await client.stop();
    }
  });
});

describe('hover over the protocol', () => {
  test('a family value shows its definition from the knowledge base, on the value range', async () => {
    const client = TestClient.start('stdio');
    try {
      await client.initialize();
      const uri = 'file:///hover/card.modelcard.yaml';
      const text = 'license: mit\nsts:\n  family: codec-free\n';
      await client.open(uri, text);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 12 } });
      assert.deepEqual(hover?.range, rangeOf(text, 'codec-free'));
      const family = knowledge.families.find(f => f.id === 'codec-free')!;
      assert.ok((hover!.contents as MarkupContent).value.includes(family.name));
      const onKey = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
      assert.deepEqual(onKey?.range, rangeOf(text, 'license'));
    } finally {
      await client.stop();
    }
  });
});

describe('completion over the protocol', () => {
  test('family values and license ids are offered with edits replacing the typed word', async () => {
    const client = TestClient.start('stdio');
    try {
      const init = await client.initialize();
      assert.ok(init.capabilities.completionProvider);
      const uri = 'file:///completion/card.modelcard.yaml';
      const text = 'license: apa\nsts:\n  family: \n';
      await client.open(uri, text);
      const licenses = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
      const items = Array.isArray(licenses) ? licenses : licenses!.items;
      const apache = items.find(item => item.label === 'apache-2.0')!;
      assert.deepEqual((apache.textEdit as TextEdit).range, rangeOf(text, 'apa'));
      const families = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 10 } });
      const labels = (Array.isArray(families) ? families : families!.items).map(item => item.label).sort();
      assert.deepEqual(labels, knowledge.families.map(f => f.id).sort());
    } finally {
      await client.stop();
    }
  });
});

describe('code actions over the protocol', () => {
  test('the preferred quick fix replaces an unknown license id, and applying it clears the diagnostic', async () => {
    const client = TestClient.start('stdio');
    try {
      const init = await client.initialize();
      assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.modelCards']);
      const uri = 'file:///actions/card.modelcard.yaml';
      const text = 'license: Apache-2.0\nsts:\n  family: codec-free\n';
      await client.open(uri, text);
      const published = await client.diagnostics(uri, params => params.diagnostics.length > 0);
      const diagnostic = published.diagnostics.find(d => d.code === 'license.unknown-id')!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const preferred = actions.find(action => action.isPreferred)!;
      assert.equal(preferred.kind, 'quickfix');
      const edits = preferred.edit!.changes![uri];
      assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits), text.replace('Apache-2.0', 'apache-2.0'));
      // Send the edits as the editor would: incremental changes, last first so ranges stay valid.
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      await client.change(uri, 2, sorted.map(edit => ({ range: edit.range, text: edit.newText })));
      const after = await client.diagnostics(uri, params => params.version === 2);
      assert.deepEqual(after.diagnostics, []);
    } finally {
      await client.stop();
    }
  });

  test('a source.fixAll request returns the fix-all action', async () => {
    const client = TestClient.start('stdio');
    try {
      await client.initialize();
      const uri = 'file:///actions/all.modelcard.yaml';
      const text = 'license: Apache-2.0\nsts:\n  famly: codec-free\n';
      await client.open(uri, text);
      await client.diagnostics(uri, params => params.diagnostics.length > 0);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.modelCards');
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), actions[0].edit!.changes![uri]);
      assert.equal(fixed, 'license: apache-2.0\nsts:\n  family: codec-free\n');
    } finally {
      await client.stop();
    }
  });
});
