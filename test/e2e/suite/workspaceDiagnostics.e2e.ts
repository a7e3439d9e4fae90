/**
 * The workspace's unopened cards in the real VS Code: their problems are in the Problems panel
 * (vscode.languages.getDiagnostics) without opening them, a card created on disk is checked, and
 * a card deleted loses its problems. VS Code's client pulls (LSP 3.17 workspace diagnostics), so
 * these come through the workspace request, not a background push.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, fileUri, open, ours, waitFor, withCode } from './helpers';

suite('Workspace diagnostics', () => {
  test('VS Code pulls the diagnostics (LSP 3.17)', async () => {
    await open('good.modelcard.yaml');
    const model = await waitFor(async () => vscode.commands.executeCommand<string | undefined>('modelCards.diagnosticModel'), 'a running server');
    assert.equal(model, 'pull');
  });

  test("an unopened card's problems are listed without opening it", async () => {
    await open('good.modelcard.yaml');
    const unopened = fileUri('unopened/never-opened.modelcard.yaml');
    await waitFor(() => withCode(unopened, 'license.unknown-id').length === 1, 'license.unknown-id on the unopened card',
      undefined, () => describeDiagnostics(ours(unopened)));
    assert.ok(!vscode.workspace.textDocuments.some(document => document.uri.toString() === unopened.toString()), 'the card was not opened');
  });

  test('a card created on disk is checked, and loses its problems when deleted', async () => {
    await open('good.modelcard.yaml');
    const created = fileUri('unopened/created.modelcard.yaml');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('license: bogus-license\n'));
    try {
      await waitFor(() => withCode(created, 'license.unknown-id').length === 1, 'license.unknown-id on the created card',
        undefined, () => describeDiagnostics(ours(created)));
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitFor(() => ours(created).length === 0, 'no problems for the deleted card', undefined, () => describeDiagnostics(ours(created)));
  });
});
