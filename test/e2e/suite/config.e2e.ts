/**
 * The project configuration in the real VS Code: test/e2e/workspace/configured holds a
 * modelcards.config.yaml and a knowledge extension. Their rules and license apply to the cards
 * there; typing in the configuration re-checks the open cards at once, a mistake in it is
 * underlined on its key, and a setting the user sets wins over it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, describeDiagnostics, open, ours, rangeOf, replace, revert, serverBarrier, setSetting, waitFor, withCode,
} from './helpers';

async function severityOf(uri: vscode.Uri, code: string, severity: vscode.DiagnosticSeverity | undefined): Promise<void> {
  await waitFor(() => {
    const found = withCode(uri, code);
    return severity === undefined ? found.length === 0 : found.length === 1 && found[0].severity === severity;
  }, `${code} ${severity === undefined ? 'absent' : `as ${vscode.DiagnosticSeverity[severity]}`}`, undefined, () => describeDiagnostics(ours(uri)));
}

suite('Project configuration', () => {
  let config: vscode.TextDocument | undefined;
  teardown(async () => {
    if (config) await revert(config);
    await setSetting('severity', undefined);
  });
  suiteTeardown(closeAllEditors);

  test("its knowledge extension's license and its rules apply to the cards below it", async () => {
    const acme = await open('configured/acme.modelcard.yaml');
    await severityOf(acme.uri, 'license.posture-conflict', vscode.DiagnosticSeverity.Error);
    assert.equal(withCode(acme.uri, 'license.unknown-id').length, 0);
    const card = await open('configured/unconfirmed.modelcard.yaml');
    await serverBarrier();
    assert.equal(withCode(card.uri, 'license.unconfirmed').length, 0, describeDiagnostics(ours(card.uri)));
    // The same card outside the configured folder gets the default.
    const outside = await open('unconfirmed.modelcard.yaml');
    await severityOf(outside.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Warning);
  });

  test('typing in the configuration re-checks the open cards, and a mistake in it is underlined on its key', async () => {
    const card = await open('configured/unconfirmed.modelcard.yaml');
    config = await open('configured/modelcards.config.yaml');
    await replace(config, rangeOf(config, 'license.unconfirmed: off'), 'license.unconfirmed: error');
    await severityOf(card.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Error);

    await replace(config, rangeOf(config, 'license.unconfirmed: error'), 'license.unconfirmd: error');
    await waitFor(() => withCode(config!.uri, 'config.unknown-code').length === 1, 'config.unknown-code on the configuration',
      undefined, () => describeDiagnostics(ours(config!.uri)));
    const [typo] = withCode(config.uri, 'config.unknown-code');
    assert.equal(config.getText(typo.range), 'license.unconfirmd');
    assert.match(typo.message, /did you mean 'license\.unconfirmed'/);
    // The misspelt rule silences nothing: the default comes back.
    await severityOf(card.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Warning);

    await revert(config);
    await severityOf(card.uri, 'license.unconfirmed', undefined);
    await waitFor(() => ours(config!.uri).length === 0, 'the reverted configuration to be clean');
  });

  test('a severity the user sets wins over the configuration', async () => {
    const card = await open('configured/unconfirmed.modelcard.yaml');
    await setSetting('severity', { 'license.unconfirmed': 'hint' });
    await severityOf(card.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Hint);
    await setSetting('severity', undefined);
    await severityOf(card.uri, 'license.unconfirmed', undefined);
  });
});
