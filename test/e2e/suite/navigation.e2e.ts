/**
 * Navigation in the real VS Code, through its own commands: the outline of a card, go to
 * definition from a base_model value to the card that describes that model, and find references
 * from that card back to the cards built on it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, open, rangeOf, waitFor } from './helpers';

suite('Navigation', () => {
  test('the outline shows the card\'s keys with the sts block nested', async () => {
    const document = await open('good.modelcard.yaml');
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    }, 'document symbols for good.modelcard.yaml');
    const sts = symbols.find(symbol => symbol.name === 'sts');
    assert.ok(sts, symbols.map(s => s.name).join(', '));
    assert.ok(['name', 'family', 'licensing'].every(key => sts.children.some(child => child.name === key)), sts.children.map(c => c.name).join(', '));
  });

  test('go to definition on base_model opens the card of that model; references lead back', async () => {
    const tuned = await open('lineage/tuned.modelcard.yaml');
    const at = rangeOf(tuned, 'acme/lineage-base').start.translate(0, 3);
    const base = fileUri('lineage/lineage-base/README.md');
    const targets = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', tuned.uri, at);
      return found && found.length > 0 ? found : undefined;
    }, 'a definition for acme/lineage-base');
    const target = targets[0]!;
    assert.equal(('targetUri' in target ? target.targetUri : target.uri).toString(), base.toString());

    const baseDocument = await open('lineage/lineage-base/README.md');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', baseDocument.uri, rangeOf(baseDocument, 'Lineage Base').start);
    assert.ok(references.some(location => location.uri.toString() === tuned.uri.toString()), references.map(l => l.uri.toString()).join(', '));
  });
});
