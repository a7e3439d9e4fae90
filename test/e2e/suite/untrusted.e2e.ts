/**
 * Untrusted workspaces: the extension declares `untrustedWorkspaces: supported`, so cards are
 * checked in Restricted Mode too. Trust cannot be changed from inside the editor; the runner has a
 * mode (E2E_UNTRUSTED=1) that opens the workspace untrusted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, open, waitFor, withCode } from './helpers';

const untrusted = process.env.E2E_UNTRUSTED === '1' || vscode.workspace.isTrusted === false;

suite('Untrusted workspace', () => {
  suiteTeardown(closeAllEditors);

  test('cards are still checked in an untrusted workspace', async function () {
    console.log(`    [observed] E2E_UNTRUSTED=${process.env.E2E_UNTRUSTED ?? '(unset)'}, workspace.isTrusted=${vscode.workspace.isTrusted}`);
    if (!untrusted) this.skip();
    const capabilities = (extension().packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } }).capabilities;
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true);
    const card = await open('bad.modelcard.yaml');
    await waitFor(() => withCode(card.uri, 'license.unknown-id').length === 1, 'license.unknown-id on bad.modelcard.yaml while untrusted');
    const readme = await open('model/README.md');
    await waitFor(() => withCode(readme.uri, 'license.other-incomplete').length === 1, 'license.other-incomplete on model/README.md while untrusted');
    assert.ok(extension().isActive);
  });
});
