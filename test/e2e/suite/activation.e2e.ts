/**
 * Activation: the extension is installed and activates on YAML/Markdown; the language server
 * starts only once a card is open; cards get our diagnostics and other files never do.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, describeDiagnostics, extension, open, ours, serverBarrier, serverPids, waitFor,
} from './helpers';

const CARD_NAME = /(\.modelcard\.(ya?ml|md)|[\\/]modelcard\.ya?ml|[\\/](README|MODEL_CARD)\.md)$/i;

suite('Activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension is installed; activation state before any card is open is reported', () => {
    const ext = extension();
    const manifest = ext.packageJSON as { activationEvents?: string[]; main?: string };
    const openCards = vscode.workspace.textDocuments.filter(document => CARD_NAME.test(document.uri.path));
    // Observations for the report: what activated the extension (the workspace holds
    // *.modelcard.yaml files, so `workspaceContains` may already have) and whether a server runs.
    console.log(`    [observed] at suite start: isActive=${ext.isActive}, activationEvents=${JSON.stringify(manifest.activationEvents)}, `
      + `open card documents=${openCards.length}, server processes=${JSON.stringify(serverPids())}, `
      + `workspace trusted=${vscode.workspace.isTrusted}, vscode ${vscode.version}`);
    assert.equal(manifest.main, './dist/client.js');
  });

  test('opening non-cards (YAML, Markdown, a README without front matter) starts no language server', async function () {
    const ext = extension();
    const openCardsBefore = vscode.workspace.textDocuments.filter(document => CARD_NAME.test(document.uri.path));
    const serversBefore = serverPids();
    await open('config.yaml');
    await open('notes.md');
    await open('plain/README.md');
    // `onLanguage:yaml` / `onLanguage:markdown` activate it, if `workspaceContains` has not already.
    await waitFor(() => ext.isActive, 'the extension to be active after opening YAML and Markdown files');
    const serversAfter = serverPids();
    console.log(`    [observed] after opening config.yaml, notes.md, plain/README.md: isActive=${ext.isActive}, server processes=${JSON.stringify(serversAfter)}`);
    if (serversAfter === undefined) return; // processes cannot be listed on this platform
    if (openCardsBefore.length > 0 || (serversBefore?.length ?? 0) > 0) {
      console.log('    [observed] a card was already open or a server already ran: the "no server yet" check does not apply');
      return;
    }
    assert.deepEqual(serversAfter, [], 'no card is open, so the client must not have started the language server');
  });

  test('opening a standalone card starts the server and publishes diagnostics from our source', async () => {
    const document = await open('bad.modelcard.yaml');
    const diagnostics = await waitFor(() => {
      const found = ours(document.uri);
      return found.length > 0 ? found : undefined;
    }, 'diagnostics from sts-model-cards on bad.modelcard.yaml');
    assert.ok(diagnostics.every(diagnostic => diagnostic.source === 'sts-model-cards'));
    const pids = serverPids();
    console.log(`    [observed] after opening bad.modelcard.yaml: server processes=${JSON.stringify(pids)}`);
    if (pids) assert.equal(pids.length, 1, `exactly one language server process, got ${JSON.stringify(pids)}`);
    assert.ok(extension().isActive);
  });

  test('a README.md with front matter gets diagnostics from our source', async () => {
    const document = await open('model/README.md');
    await waitFor(() => ours(document.uri).length > 0, 'diagnostics from sts-model-cards on model/README.md');
  });

  test('config.yaml, notes.md and a README.md without front matter get no diagnostics from our source', async () => {
    const documents = [await open('config.yaml'), await open('notes.md'), await open('plain/README.md')];
    // Anything the server would say about them is said before it reports a card opened after them.
    await serverBarrier();
    for (const document of documents) {
      assert.equal(describeDiagnostics(ours(document.uri)), '[]', `${vscode.workspace.asRelativePath(document.uri)} is not a card`);
    }
  });
});
