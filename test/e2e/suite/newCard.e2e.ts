/**
 * New Model Card in the real VS Code, through its quick picks: README form, the default name, Moshi
 * as the base model (the third item), the family and license the base implies, no sub-category.
 * The card written has zero errors, and the command never overwrites an existing file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fileUri, ours, serverBarrier, waitFor } from './helpers';

const step = () => vscode.commands.executeCommand<string | undefined>('modelCards.newCardState');

/** Waits for a step of the flow to be on screen, moves the selection `down` rows, and accepts. */
async function answer(expected: string, down = 0): Promise<void> {
  await waitFor(async () => (await step()) === expected, `New Model Card step ${expected}`, undefined, () => 'the step on screen was different');
  for (let i = 0; i < down; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

suite('New Model Card', () => {
  const folder = fileUri('my-speech-model');
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  });

  test('through the quick picks to a card with zero errors', async () => {
    const created = vscode.commands.executeCommand<vscode.Uri | undefined>('modelCards.newCard');
    await answer('1/6');
    await answer('2/6');
    await answer('3/6', 2);
    await answer('4/6');
    await answer('5/6');
    await answer('6/6');
    const uri = await created;
    assert.ok(uri, 'the command wrote a card');
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'README.md').toString());
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri.toString());
    assert.match(document!.getText(), /base_model: kyutai\/moshiko-pytorch-bf16/);
    assert.match(document!.getText(), /family: dual-stream-codec/);
    // Once a card opened after it is reported, the new card's report is in: "no errors" is then a fact.
    await serverBarrier();
    assert.deepEqual(ours(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error), [], describeDiagnostics(ours(uri)));
  });

  test('it does not overwrite a card that exists', async () => {
    const created = vscode.commands.executeCommand<vscode.Uri | undefined>('modelCards.newCard');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'README.md')));
    for (const [expected, down] of [['1/6', 0], ['2/6', 0], ['3/6', 2], ['4/6', 0], ['5/6', 0], ['6/6', 0]] as const) await answer(expected, down);
    assert.equal(await created, undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'README.md'))), before);
  });
});
