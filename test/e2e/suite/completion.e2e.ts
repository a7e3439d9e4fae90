/** Completion: family ids after `family: ` under `sts`, license ids after `license: `. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionLabels, open, waitFor } from './helpers';

const FAMILIES = ['dual-stream-codec', 'interleaved-flatten', 'cascade-predictor', 'codec-free', 'near-sts'];

async function completeAt(document: vscode.TextDocument, position: vscode.Position, expected: readonly string[]): Promise<string[]> {
  let labels: string[] = [];
  return waitFor(async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    labels = completionLabels(list);
    return expected.every(label => labels.includes(label)) ? labels : undefined;
  }, `completion offering ${expected.join(', ')} at ${position.line}:${position.character}`, undefined,
  () => `labels offered: ${JSON.stringify(labels.slice(0, 30))}`);
}

suite('Completion', () => {
  suiteTeardown(closeAllEditors);

  test('`  family: |` offers the five family ids', async () => {
    const document = await open('completion.modelcard.yaml');
    const line = document.lineAt(4);
    assert.equal(line.text, '  family: ', 'completion.modelcard.yaml line 5 must be "  family: "');
    const labels = await completeAt(document, line.range.end, FAMILIES);
    for (const family of FAMILIES) assert.ok(labels.includes(family), family);
  });

  test('`license: |` offers apache-2.0 and mit', async () => {
    const document = await open('completion.modelcard.yaml');
    const line = document.lineAt(0);
    assert.equal(line.text, 'license: ', 'completion.modelcard.yaml line 1 must be "license: "');
    const labels = await completeAt(document, line.range.end, ['apache-2.0', 'mit']);
    assert.ok(!labels.includes('dual-stream-codec'), 'no family ids among license values');
  });
});
