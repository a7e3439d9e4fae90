/**
 * The STS Landscape view in the real VS Code: the command opens a webview that draws the
 * workspace's cards among the known models, and redraws when a card changes. What was drawn is
 * read back from the webview's DOM (it reports the chips it holds; modelCards.landscapeState).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fileUri, open, rangeOf, replace, revert, waitFor } from './helpers';

interface Rendered {
  modelIds: string[];
  cardUris: string[];
  edges: number;
  unplaced: number;
}

const state = () => vscode.commands.executeCommand<Rendered | undefined>('modelCards.landscapeState');

suite('Landscape view', () => {
  let edited: vscode.TextDocument | undefined;
  teardown(async () => {
    if (edited) await revert(edited);
    edited = undefined;
  });
  suiteTeardown(closeAllEditors);

  test('the command draws the workspace cards among the known models, with lineage', async () => {
    await open('good.modelcard.yaml');
    await vscode.commands.executeCommand('modelCards.showLandscape');
    const good = fileUri('good.modelcard.yaml').toString();
    const drawn = await waitFor(async () => {
      const rendered = await state();
      return rendered && rendered.cardUris.includes(good) ? rendered : undefined;
    }, 'the landscape view to draw good.modelcard.yaml');
    // The PersonaPlex card takes the known model's place; Moshi and Hibiki are known models.
    assert.ok(drawn.modelIds.includes('personaplex'), drawn.modelIds.join(', '));
    assert.equal(drawn.modelIds.filter(id => id === 'personaplex').length, 1);
    assert.ok(drawn.modelIds.includes('moshi') && drawn.modelIds.includes('hibiki'));
    assert.ok(drawn.modelIds.includes(`card:${fileUri('restart.modelcard.yaml').toString()}`), 'a card that is no known model has its own chip');
    assert.ok(drawn.edges > 0);
    assert.ok(drawn.unplaced > 0, 'closed models without a disclosed architecture are listed as unplaced');
  });

  test('it redraws when a card changes: a card that loses its family leaves the grid', async () => {
    await vscode.commands.executeCommand('modelCards.showLandscape');
    const chip = `card:${fileUri('restart.modelcard.yaml').toString()}`;
    await waitFor(async () => (await state())?.modelIds.includes(chip), 'the Restart Demo chip');
    edited = await open('restart.modelcard.yaml');
    await replace(edited, rangeOf(edited, 'family: codec-free'), 'famly: codec-free');
    await waitFor(async () => {
      const rendered = await state();
      return rendered && !rendered.modelIds.includes(chip) ? rendered : undefined;
    }, 'the Restart Demo chip to leave the grid');
    await revert(edited);
    edited = undefined;
    await waitFor(async () => (await state())?.modelIds.includes(chip), 'the Restart Demo chip to come back');
  });
});
