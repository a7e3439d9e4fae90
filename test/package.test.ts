/**
 * The .vsix: the manifest has what the Marketplace needs, the icon is a 128x128 PNG, .vscodeignore
 * ships the bundles and the knowledge base (schemas/*.yaml and the prebuilt dist/knowledge.json)
 * and nothing else, and the packaged extension works on its own (its server and its CLI find
 * their knowledge base inside the package).
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { listFiles, PackageManager } from '@vscode/vsce';
import { loadKnowledgeBase, readPrebuiltKnowledgeBase } from '../server/src/knowledge/load';
import { ROOT } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The categories the Marketplace accepts (VS Code extension manifest reference). */
const CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization',
];

/** Every file the .vsix must hold, beside vsce's own extension.vsixmanifest and [Content_Types].xml. */
function expectedFiles(): string[] {
  const schemas = fs.readdirSync(path.join(ROOT, 'schemas')).filter(name => name.endsWith('.yaml'));
  assert.ok(schemas.includes('families.yaml'));
  return [
    'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'docs/rules.md', 'bin/modelcard-lint.js', 'bin/modelcard-language-server.js',
    ...['client', 'server', 'cli', 'browserClient', 'browserServer', 'landscapeWebview'].flatMap(bundle => [`dist/${bundle}.js`, `dist/${bundle}.js.map`]), 'dist/knowledge.json',
    ...schemas.map(name => `schemas/${name}`), 'schemas/sentence-owner.json', 'schemas/modelcard.schema.json', 'schemas/modelcards.config.schema.json',
    'schemas/knowledge-extension.schema.json',
  ].sort();
}

/** Paths that must never ship: sources, tests, build output, dependencies, caches, tooling. */
const FORBIDDEN = /^(client\/src|server\/src|src|test|out|node_modules|\.vscode-test|examples|scripts|bench|\.ci|\.git)\/|(^|\/)tsconfig[^/]*\.json$|\.ts$|\.vsix$/;

describe('the manifest', () => {
  test('has the fields the Marketplace needs', () => {
    for (const field of ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'icon', 'homepage']) {
      assert.equal(typeof manifest[field], 'string', `package.json "${field}"`);
      assert.ok(manifest[field].trim(), `package.json "${field}" is not empty`);
    }
    assert.equal(manifest.name, 'sts-model-cards');
    assert.equal(manifest.publisher, 'sts-model-cards');
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.equal(manifest.license, 'MIT');
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
    assert.match(manifest.homepage, /^https:\/\//);
    assert.match(manifest.bugs.url, /^https:\/\//);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  test('uses Marketplace categories and at most 30 keywords', () => {
    assert.ok(manifest.categories.length > 0);
    for (const category of manifest.categories) assert.ok(CATEGORIES.includes(category), `unknown category '${category}'`);
    assert.ok(manifest.categories.includes('Linters'));
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(new Set(manifest.keywords).size, manifest.keywords.length, 'no duplicate keywords');
    for (const keyword of manifest.keywords) assert.ok(typeof keyword === 'string' && keyword.trim());
  });

  test('describes every setting', () => {
    const sections = [manifest.contributes.configuration].flat();
    const properties = sections.flatMap(section => Object.entries(section.properties ?? {})) as [string, Record<string, unknown>][];
    assert.ok(properties.length > 0);
    for (const [name, property] of properties) {
      const description = property.markdownDescription ?? property.description;
      assert.ok(typeof description === 'string' && description.trim().length > 10, `${name} has a description`);
    }
  });

  test('packages with vsce offline: bundled, so no dependency listing, and no "files" next to .vscodeignore', () => {
    assert.match(manifest.scripts.package, /\bvsce package\b.*--no-dependencies/);
    assert.equal(manifest.files, undefined, 'vsce refuses a "files" property together with .vscodeignore');
    assert.ok(fs.existsSync(path.join(ROOT, '.vscodeignore')));
  });

  test('ships a MIT LICENSE and a CHANGELOG entry for this version', () => {
    const license = fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    assert.match(license, /^MIT License/);
    assert.match(license, /Copyright \(c\) 2026 STS Model Cards contributors/);
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## [${manifest.version}]`), `CHANGELOG.md has a ${manifest.version} section`);
  });
});

/** CRC-32 as PNG uses it (zlib.crc32 needs Node 20.15). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

test('the icon is a 128x128 PNG', () => {
  const png = fs.readFileSync(path.join(ROOT, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.readUInt32BE(8), 13, 'IHDR length');
  assert.equal(png.toString('ascii', 12, 16), 'IHDR', 'the first chunk is IHDR');
  assert.equal(png.readUInt32BE(16), 128, 'width');
  assert.equal(png.readUInt32BE(20), 128, 'height');
  assert.equal(png[24], 8, 'bit depth');
  assert.ok([2, 6].includes(png[25]), 'truecolour (RGB or RGBA)');
  assert.equal(png.readUInt32BE(29), crc32(png.subarray(12, 29)), 'IHDR CRC');
  assert.equal(png.toString('ascii', png.length - 8, png.length - 4), 'IEND');
});

test('.vscodeignore ships exactly the bundles, the knowledge base and the Marketplace files', async () => {
  const files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).sort();
  for (const file of files) assert.doesNotMatch(file, FORBIDDEN);
  assert.deepEqual(files, expectedFiles());
});

/** The entries of a zip archive (the .vsix), read from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const entries = new Map<string, Buffer>();
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    assert.equal(archive.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return entries;
}

/** Sends LSP messages over stdio and collects what comes back (`Content-Length` framing). */
class StdioLsp {
  private buffer = Buffer.alloc(0);
  private readonly messages: Record<string, any>[] = [];
  private stderr = '';
  constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const header = this.buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.toString('ascii', 0, header))?.[1]);
        if (this.buffer.length < header + 4 + length) return;
        this.messages.push(JSON.parse(this.buffer.toString('utf8', header + 4, header + 4 + length)));
        this.buffer = this.buffer.subarray(header + 4 + length);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
  }
  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }
  async waitFor(match: (message: Record<string, any>) => boolean, what: string): Promise<Record<string, any>> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        const stderr = this.stderr.split('\n').filter(line => line.length < 300).join('\n'); // not minified source lines
        assert.fail(`no ${what} from the packaged server (exit code ${this.child.exitCode}); stderr:\n${stderr}`);
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}

describe('the packaged .vsix', () => {
  const CARD = 'license: apache2\nlanguage: [en]\n';
  let dir: string;
  let entries: Map<string, Buffer>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-'));
    const packagePath = path.join(dir, 'sts-model-cards.vsix');
    // vsce's own packaging without its prepublish step (`npm test` has just built dist/, and a
    // rebuild would rewrite dist/ under the other test files running in parallel). Internal to
    // @vscode/vsce 3.9 (pinned ~3.9.2); `npm run package` runs the public command.
    const { pack } = require('@vscode/vsce/out/package') as {
      pack(options: { cwd: string; dependencies: boolean; packagePath: string }): Promise<unknown>;
    };
    const log = console.log;
    console.log = () => {}; // vsce prints the file tree
    try {
      await pack({ cwd: ROOT, dependencies: false, packagePath });
    } finally {
      console.log = log;
    }
    entries = unzip(fs.readFileSync(packagePath));
    for (const [name, data] of entries) {
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data);
    }
    fs.writeFileSync(path.join(dir, 'card.modelcard.yaml'), CARD);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('holds the bundles and the knowledge base under extension/, and no sources or tests', () => {
    const names = [...entries.keys()];
    for (const name of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/server.js',
      'extension/dist/client.js', 'extension/dist/browserClient.js', 'extension/dist/browserServer.js', 'extension/dist/cli.js', 'extension/schemas/families.yaml', 'extension/images/icon.png']) {
      assert.ok(names.includes(name), `${name} in the .vsix`);
    }
    for (const name of names) {
      assert.doesNotMatch(name, /(^|\/)(src|test|out|node_modules|examples|scripts)\//, name);
      assert.doesNotMatch(name, /\.ts$/, name);
    }
    assert.ok(names.length === expectedFiles().length + 2, `${names.length} entries:\n${names.join('\n')}`);
  });

  test('its prebuilt knowledge base matches its schemas/ and the YAML they hold', () => {
    const schemas = path.join(dir, 'extension', 'schemas');
    const prebuilt = readPrebuiltKnowledgeBase(path.join(dir, 'extension', 'dist', 'knowledge.json'), schemas);
    assert.ok(prebuilt, 'dist/knowledge.json is in the .vsix and was built from the packaged schemas/*.yaml');
    assert.deepEqual(prebuilt, loadKnowledgeBase(schemas));
  });

  test('its server starts over stdio and finds its knowledge base', async () => {
    const child = spawn(process.execPath, [path.join(dir, 'extension', 'dist', 'server.js'), '--stdio'], { cwd: dir });
    const lsp = new StdioLsp(child);
    try {
      lsp.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      const initialized = await lsp.waitFor(message => message.id === 1, 'initialize response');
      assert.equal(initialized.error, undefined);
      assert.ok(initialized.result.capabilities.textDocumentSync, 'capabilities');
      lsp.send({ method: 'initialized', params: {} });
      const uri = 'file:///packaged/card.modelcard.yaml';
      lsp.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: CARD } } });
      const published = await lsp.waitFor(
        message => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri, 'diagnostics');
      const unknown = published.params.diagnostics.find((d: { code: string }) => d.code === 'license.unknown-id');
      assert.equal(unknown?.data?.suggestion, 'apache-2.0', 'the license list from schemas/licenses.yaml is loaded');
      lsp.send({ id: 2, method: 'shutdown' });
      await lsp.waitFor(message => message.id === 2, 'shutdown response');
      lsp.send({ method: 'exit' });
    } finally {
      child.kill();
    }
  });

  test('its command line runs from the package', () => {
    const run = spawnSync(process.execPath, [path.join(dir, 'extension', 'bin', 'modelcard-lint.js'), '--format', 'json', 'card.modelcard.yaml'],
      { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [file] = JSON.parse(run.stdout).files;
    assert.equal(file.diagnostics[0].code, 'license.unknown-id');
    assert.equal(file.diagnostics[0].data.suggestion, 'apache-2.0');
  });
});
