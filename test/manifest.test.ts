/** The extension manifest (package.json) agrees with the code it describes. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CODES } from '../server/src/service/codes';
import { ROOT } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the severity setting lists every diagnostic code', () => {
  const severity = manifest.contributes.configuration.properties['modelCards.severity'];
  assert.deepEqual(severity.propertyNames.enum, Object.keys(CODES));
  assert.deepEqual(severity.additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
});

test('the extension declares untrusted-workspace support and a vscode engine the test VS Code can load', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  const [major, minor] = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
  assert.ok(major === 1 && minor <= 100, `engines.vscode ${manifest.engines.vscode} must be at most 1.100`);
});

test('the bin and the bundles it names exist after the build', () => {
  assert.ok(fs.existsSync(path.join(ROOT, manifest.bin['modelcard-lint'])));
  assert.ok(fs.existsSync(path.join(ROOT, manifest.main)));
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server.js')));
});

test('the web extension: a browser entry, its worker server, virtual workspaces, a workspace extension kind', () => {
  assert.ok(fs.existsSync(path.join(ROOT, manifest.browser)), manifest.browser);
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'browserServer.js')));
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.deepEqual(manifest.extensionKind, ['workspace']);
  // The browser bundles reach no Node module: a web worker has none (vscode is the editor's API).
  for (const bundle of [manifest.browser, 'dist/browserServer.js']) {
    const requires = [...fs.readFileSync(path.join(ROOT, bundle), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(match => match[1]);
    assert.deepEqual([...new Set(requires)].filter(name => name !== 'vscode'), [], bundle);
  }
});

test('every bin exists after the build', () => {
  for (const [name, file] of Object.entries(manifest.bin as Record<string, string>)) assert.ok(fs.existsSync(path.join(ROOT, file)), name);
});
