/**
 * Settings: `modelCards.severity`, `modelCards.frontMatter` and `modelCards.filePatterns` take
 * effect on open documents without reopening them. Each test restores what it set.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, describeDiagnostics, open, ours, serverBarrier, setSetting, waitFor, withCode,
} from './helpers';

/** The single diagnostic with `code`, once its severity is `severity`. */
async function severityBecomes(uri: vscode.Uri, code: string, severity: vscode.DiagnosticSeverity): Promise<void> {
  await waitFor(() => {
    const found = withCode(uri, code);
    return found.length === 1 && found[0].severity === severity;
  }, `${code} with severity ${vscode.DiagnosticSeverity[severity]}`, undefined, () => describeDiagnostics(ours(uri)));
}

suite('Settings', () => {
  const touched = new Set<string>();
  async function set(key: string, value: unknown): Promise<void> {
    touched.add(key);
    await setSetting(key, value);
  }
  teardown(async () => {
    for (const key of touched) await setSetting(key, undefined);
    touched.clear();
  });
  suiteTeardown(closeAllEditors);

  test('modelCards.severity: license.unconfirmed becomes an error, then off, then back to a warning', async () => {
    const document = await open('unconfirmed.modelcard.yaml');
    await severityBecomes(document.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Warning);

    await set('severity', { 'license.unconfirmed': 'error' });
    await severityBecomes(document.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Error);

    await set('severity', { 'license.unconfirmed': 'off' });
    await waitFor(() => withCode(document.uri, 'license.unconfirmed').length === 0, 'license.unconfirmed to be off',
      undefined, () => describeDiagnostics(ours(document.uri)));

    await set('severity', undefined);
    await severityBecomes(document.uri, 'license.unconfirmed', vscode.DiagnosticSeverity.Warning);
  });

  test('modelCards.severity for one code leaves the others alone', async () => {
    const document = await open('bad.modelcard.yaml');
    await severityBecomes(document.uri, 'schema.invalid', vscode.DiagnosticSeverity.Error);
    await set('severity', { 'license.unknown-id': 'hint' });
    await severityBecomes(document.uri, 'license.unknown-id', vscode.DiagnosticSeverity.Hint);
    assert.equal(withCode(document.uri, 'schema.invalid')[0]?.severity, vscode.DiagnosticSeverity.Error);
  });

  test('modelCards.frontMatter: false stops checking README front matter, standalone cards still checked', async () => {
    const readme = await open('model/README.md');
    const card = await open('bad.modelcard.yaml');
    await waitFor(() => withCode(readme.uri, 'license.other-incomplete').length === 1, 'license.other-incomplete on model/README.md');

    await set('frontMatter', false);
    await waitFor(() => ours(readme.uri).length === 0, 'no diagnostics on model/README.md with frontMatter off',
      undefined, () => describeDiagnostics(ours(readme.uri)));
    await serverBarrier();
    assert.equal(withCode(card.uri, 'license.unknown-id').length, 1, 'the standalone card is still checked');

    await set('frontMatter', undefined);
    await waitFor(() => withCode(readme.uri, 'license.other-incomplete').length === 1, 'license.other-incomplete back on model/README.md');
  });

  test('modelCards.filePatterns: an extra pattern makes config.yaml a card, removing it makes it plain again', async () => {
    const config = await open('config.yaml');
    await open('bad.modelcard.yaml'); // the server is running
    await serverBarrier();
    assert.equal(describeDiagnostics(ours(config.uri)), '[]');

    await set('filePatterns', ['**/config.yaml']);
    await waitFor(() => withCode(config.uri, 'license.unknown-id').length === 1, 'license.unknown-id on config.yaml once it is a card',
      undefined, () => describeDiagnostics(ours(config.uri)));

    await set('filePatterns', undefined);
    touched.delete('filePatterns');
    await waitFor(() => ours(config.uri).length === 0, 'no diagnostics on config.yaml once the pattern is gone',
      undefined, () => describeDiagnostics(ours(config.uri)));
    await serverBarrier();
    assert.equal(describeDiagnostics(ours(config.uri)), '[]');
  });
});
