/**
 * Diagnostics as the editor shows them: codes, exact ranges, severities, source and the link to
 * the rule's documentation, on a standalone card, a README's front matter and an unsaved card;
 * and fresh diagnostics after an edit.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, codeOf, describeDiagnostics, open, ours, rangeOf, rangeText, replace, revert, serverBarrier,
  untitledCard, waitFor, withCode,
} from './helpers';

interface Expected {
  readonly code: string;
  readonly range: string;
  readonly severity: vscode.DiagnosticSeverity;
}

function summary(diagnostics: readonly vscode.Diagnostic[]): Expected[] {
  return diagnostics
    .map(diagnostic => ({ code: codeOf(diagnostic), range: rangeText(diagnostic.range), severity: diagnostic.severity }))
    .sort((a, b) => a.range.localeCompare(b.range) || a.code.localeCompare(b.code));
}

/** Waits until the document's diagnostics are exactly `expected` (codes, ranges, severities). */
async function expectExactly(uri: vscode.Uri, expected: Expected[], what: string): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify(expected);
  let last: vscode.Diagnostic[] = [];
  try {
    await waitFor(() => {
      last = ours(uri);
      return JSON.stringify(summary(last)) === want;
    }, what);
  } catch (error) {
    assert.fail(`${what}: expected ${want}, the editor shows ${describeDiagnostics(last)} (${(error as Error).message})`);
  }
  return last;
}

suite('Diagnostics', () => {
  const edited: vscode.TextDocument[] = [];
  teardown(async () => {
    for (const document of edited.splice(0)) await revert(document);
  });
  suiteTeardown(closeAllEditors);

  test('bad.modelcard.yaml: license.unknown-id on the value, schema.invalid on duplex', async () => {
    const document = await open('bad.modelcard.yaml');
    const diagnostics = await expectExactly(document.uri, [
      { code: 'license.unknown-id', range: '0:9-0:19', severity: vscode.DiagnosticSeverity.Warning },
      { code: 'schema.invalid', range: '5:10-5:19', severity: vscode.DiagnosticSeverity.Error },
    ], 'the diagnostics of bad.modelcard.yaml');
    assert.equal(document.getText(diagnostics.find(d => codeOf(d) === 'license.unknown-id')!.range), 'Apache-2.0');
    assert.equal(document.getText(diagnostics.find(d => codeOf(d) === 'schema.invalid')!.range), 'sometimes');
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'sts-model-cards');
      assert.ok(diagnostic.message.length > 0);
      // With a codeDescription, the code is `{ value, target }` and links to the rule's section.
      if (typeof diagnostic.code === 'object') {
        const anchor = codeOf(diagnostic).replace(/[^a-z0-9-]/g, '');
        assert.match(diagnostic.code.target.toString(), new RegExp(`rules\\.md#${anchor}$`));
      }
    }
  });

  test('model/README.md (license: other in front matter): license.other-incomplete at line 1', async () => {
    const document = await open('model/README.md');
    const [diagnostic] = await expectExactly(document.uri, [
      { code: 'license.other-incomplete', range: '1:9-1:14', severity: vscode.DiagnosticSeverity.Warning },
    ], 'the diagnostics of model/README.md');
    assert.equal(document.getText(diagnostic.range), 'other');
  });

  test('good.modelcard.yaml (the card format example) has no diagnostics', async () => {
    const document = await open('good.modelcard.yaml');
    await serverBarrier();
    assert.equal(describeDiagnostics(ours(document.uri)), '[]');
  });

  test('an edit yields fresh diagnostics, and reverting brings the old ones back', async () => {
    const document = await open('bad.modelcard.yaml');
    edited.push(document);
    await waitFor(() => withCode(document.uri, 'schema.invalid').length === 1, 'schema.invalid on bad.modelcard.yaml');
    // Fix duplex and insert a line above, which moves the license diagnostic down one line.
    await replace(document, rangeOf(document, 'sometimes'), 'full');
    await replace(document, new vscode.Range(0, 0, 0, 0), '# edited by the editor tests\n');
    await expectExactly(document.uri, [
      { code: 'license.unknown-id', range: '1:9-1:19', severity: vscode.DiagnosticSeverity.Warning },
    ], 'the diagnostics of the edited bad.modelcard.yaml');
    await revert(document);
    await expectExactly(document.uri, [
      { code: 'license.unknown-id', range: '0:9-0:19', severity: vscode.DiagnosticSeverity.Warning },
      { code: 'schema.invalid', range: '5:10-5:19', severity: vscode.DiagnosticSeverity.Error },
    ], 'the diagnostics of the reverted bad.modelcard.yaml');
  });

  test('an unsaved (untitled) card is checked too', async () => {
    const document = await untitledCard('license: unknown\nsts:\n  family: codec-free\n  duplex: maybe\n', 'unsaved');
    await expectExactly(document.uri, [
      { code: 'license.unconfirmed', range: '0:9-0:16', severity: vscode.DiagnosticSeverity.Warning },
      { code: 'schema.invalid', range: '3:10-3:15', severity: vscode.DiagnosticSeverity.Error },
    ], 'the diagnostics of an untitled card');
  });

  test('every card file name of the format is checked (modelcard.yaml/.yml, *.modelcard.yml/.md, MODEL_CARD.md)', async () => {
    const names = ['names/modelcard.yaml', 'names/modelcard.yml', 'names/speech.modelcard.yml', 'names/speech.modelcard.md', 'names/MODEL_CARD.md'];
    for (const name of names) {
      const document = await open(name);
      const line = name.endsWith('.md') ? 1 : 0; // below the '---' of a Markdown card
      await expectExactly(document.uri, [
        { code: 'license.unconfirmed', range: `${line}:9-${line}:16`, severity: vscode.DiagnosticSeverity.Warning },
      ], `the diagnostics of ${name}`);
    }
  });

  test('a MODEL_CARD.md without front matter hears sts.missing on its first line', async () => {
    const document = await open('other/MODEL_CARD.md');
    await expectExactly(document.uri, [
      { code: 'sts.missing', range: `0:0-0:${document.lineAt(0).text.length}`, severity: vscode.DiagnosticSeverity.Information },
    ], 'the diagnostics of other/MODEL_CARD.md');
  });

  test('front matter typed into a plain README.md makes it a card; removing it makes it plain again', async () => {
    const document = await open('plain/README.md');
    edited.push(document);
    await serverBarrier();
    assert.equal(describeDiagnostics(ours(document.uri)), '[]');
    await replace(document, new vscode.Range(0, 0, 0, 0), '---\nlicense: other\nsts:\n  family: codec-free\n---\n');
    await expectExactly(document.uri, [
      { code: 'license.other-incomplete', range: '1:9-1:14', severity: vscode.DiagnosticSeverity.Warning },
    ], 'the diagnostics of plain/README.md with front matter');
    await revert(document);
    await waitFor(() => ours(document.uri).length === 0, 'no diagnostics once the front matter is gone',
      undefined, () => describeDiagnostics(ours(document.uri)));
  });
});
