/**
 * Hover: a family value explains the family (its name as the knowledge base states it), a
 * license name states the license's facts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { closeAllEditors, extension, hoverText, open, rangeOf, waitFor } from './helpers';

/** The family's name from the extension's own knowledge base, read at run time. */
function familyName(id: string): string {
  const file = path.join(extension().extensionPath, 'schemas', 'families.yaml');
  const data = parse(fs.readFileSync(file, 'utf8')) as { families: { id: string; name: string }[] };
  const family = data.families.find(entry => entry.id === id);
  if (!family) throw new Error(`no family '${id}' in ${file}`);
  return family.name;
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position, expected: string): Promise<string> {
  return waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    return text.includes(expected) ? text : undefined;
  }, `a hover containing '${expected}' at ${position.line}:${position.character} of ${vscode.workspace.asRelativePath(document.uri)}`);
}

suite('Hover', () => {
  suiteTeardown(closeAllEditors);

  test('a family value shows the family name and id', async () => {
    const document = await open('good.modelcard.yaml');
    const value = rangeOf(document, 'dual-stream-codec');
    const name = familyName('dual-stream-codec');
    const text = await hoverAt(document, value.start.translate(0, 4), name);
    assert.ok(text.includes('dual-stream-codec'), text);
  });

  test("a license_name (nvidia-open-model-license) states 'Commercial use'", async () => {
    const document = await open('good.modelcard.yaml');
    const value = rangeOf(document, 'nvidia-open-model-license');
    const text = await hoverAt(document, value.start.translate(0, 3), 'Commercial use');
    assert.ok(text.includes('NVIDIA Open Model License'), text);
  });

  test('the hover of a family value in a README front matter', async () => {
    const document = await open('model/README.md');
    const value = rangeOf(document, 'dual-stream-codec');
    await hoverAt(document, value.start.translate(0, 1), familyName('dual-stream-codec'));
  });
});
