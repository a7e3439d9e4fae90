/**
 * Code actions: the quick fix for an unknown license id replaces exactly the value, and the
 * diagnostic goes away.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, open, revert, waitFor, withCode } from './helpers';

function isCodeAction(item: vscode.Command | vscode.CodeAction): item is vscode.CodeAction {
  return !('command' in item && typeof item.command === 'string');
}

suite('Code actions', () => {
  const edited: vscode.TextDocument[] = [];
  teardown(async () => {
    for (const document of edited.splice(0)) await revert(document);
  });
  suiteTeardown(closeAllEditors);

  test("the unknown license id 'Apache-2.0' is fixed to 'apache-2.0', and only that changes", async () => {
    const document = await open('bad.modelcard.yaml');
    edited.push(document);
    const original = fs.readFileSync(document.uri.fsPath, 'utf8');
    assert.equal(document.getText(), original);
    const [diagnostic] = await waitFor(() => {
      const found = withCode(document.uri, 'license.unknown-id');
      return found.length === 1 ? found : undefined;
    }, 'license.unknown-id on bad.modelcard.yaml');

    const actions = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>(
        'vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const fixes = (all ?? []).filter(isCodeAction).filter(action => action.title === "Replace with 'apache-2.0'");
      return fixes.length > 0 ? fixes : undefined;
    }, "a 'Replace with 'apache-2.0'' code action");
    const [fix] = actions;
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries a workspace edit');

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const expected = original.replace(/^license: Apache-2\.0$/m, 'license: apache-2.0');
    assert.notEqual(expected, original);
    assert.equal(document.getText(), expected, 'only the license value changed');

    await waitFor(() => withCode(document.uri, 'license.unknown-id').length === 0, 'license.unknown-id to disappear after the fix');
    assert.equal(withCode(document.uri, 'schema.invalid').length, 1, 'the other problem (duplex) is still reported');
  });

  test('the enum fix for duplex offers the allowed values', async () => {
    const document = await open('bad.modelcard.yaml');
    const [diagnostic] = await waitFor(() => {
      const found = withCode(document.uri, 'schema.invalid');
      return found.length === 1 ? found : undefined;
    }, 'schema.invalid on bad.modelcard.yaml');
    const titles = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>(
        'vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const found = (all ?? []).map(item => item.title).filter(title => /^Replace with '(full|half|none)'$/.test(title));
      return found.length === 3 ? found : undefined;
    }, 'three duplex fixes');
    assert.deepEqual([...titles].sort(), ["Replace with 'full'", "Replace with 'half'", "Replace with 'none'"]);
  });

  test("'Fix all safe problems' applies the safe license fix and leaves the choice (duplex) alone", async () => {
    const document = await open('bad.modelcard.yaml');
    edited.push(document);
    const original = fs.readFileSync(document.uri.fsPath, 'utf8');
    await waitFor(() => withCode(document.uri, 'license.unknown-id').length === 1, 'license.unknown-id on bad.modelcard.yaml');
    const fixAll = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>(
        'vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.modelCards');
      return (all ?? []).filter(isCodeAction).find(action => action.title === 'Fix all safe problems');
    }, "the 'Fix all safe problems' source action");
    assert.equal(fixAll.kind?.value, 'source.fixAll.modelCards');
    assert.ok(fixAll.edit && await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(document.getText(), original.replace(/^license: Apache-2\.0$/m, 'license: apache-2.0'));
    await waitFor(() => withCode(document.uri, 'license.unknown-id').length === 0, 'license.unknown-id to disappear after fix-all');
    assert.equal(withCode(document.uri, 'schema.invalid').length, 1, 'duplex needs a choice, so fix-all leaves it');
  });
});
