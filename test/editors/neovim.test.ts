/**
 * The standalone language server (bin/modelcard-language-server.js) driven by a client nobody here
 * wrote: Neovim's built-in LSP client, headless (test/editors/neovim/drive.lua). For each example
 * card the diagnostics Neovim stored must be the ones modelcard-lint reports for the same file, its
 * hover and code actions the ones our own protocol client gets, and applying the first quick fix
 * in Neovim must make the server re-check without the diagnostic it fixed.
 *
 * Needs Neovim 0.7 or later on PATH (Debian: `apt-get install neovim`; .ci/run installs it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, HoverRequest, Hover } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JsonDiagnostic, parseJson, spawnLint, tempTree } from '../cli/harness';
import { TestClient } from '../protocol/lspClient';
import { ROOT } from '../helpers';

const SERVER_BIN = path.join(ROOT, 'bin', 'modelcard-language-server.js');
const DRIVER = path.join(ROOT, 'test', 'editors', 'neovim', 'drive.lua');

/** Neovim's version if it is installed and new enough for vim.lsp + vim.diagnostic, else why not. */
function neovim(): { version: string } | { missing: string } {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return { missing: 'Neovim is not installed (Debian: apt-get install neovim)' };
  const match = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(run.stdout);
  if (!match || (Number(match[1]) === 0 && Number(match[2]) < 7)) return { missing: `Neovim 0.7+ needed, found ${run.stdout.split('\n')[0]}` };
  return { version: match[0] };
}
const nvim = neovim();
if ('missing' in nvim) process.stderr.write(`neovim.test: skipped: ${nvim.missing}\n`);

/** What drive.lua writes. Columns are Neovim's: 0-based bytes in the line. */
interface NeovimDiagnostic { code?: string; severity: number; lnum: number; col: number; end_lnum: number; end_col: number; message: string; source?: string }
interface NeovimRun {
  published: boolean;
  filetype: string;
  diagnostics: NeovimDiagnostic[];
  hover?: Hover | null;
  actions?: { title: string; kind?: string }[];
  fixed_code?: string;
  republished?: boolean;
  after_fix?: NeovimDiagnostic[];
  text_after_fix?: string;
  error?: string;
}

/** Opens `card` in headless Neovim with the server attached; resolves with what Neovim received. */
function runNeovim(card: string, hover: { line: number; character: number }): Promise<NeovimRun> {
  const out = `${card}.nvim.json`;
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${DRIVER}`], {
      cwd: path.dirname(card), stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MC_SERVER_CMD: JSON.stringify([process.execPath, SERVER_BIN, '--stdio']),
        MC_CARD: card, MC_OUT: out, MC_HOVER: `${hover.line},${hover.character}`,
      },
    });
    let output = '';
    child.stdout.on('data', chunk => { output += String(chunk); });
    child.stderr.on('data', chunk => { output += String(chunk); });
    // The driver waits at most 30 s for each answer; this only catches a Neovim that never quits.
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, 120_000);
    child.on('exit', code => {
      clearTimeout(timer);
      if (!fs.existsSync(out)) return reject(new Error(`Neovim exited ${code} without writing ${out}: ${output}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimRun);
    });
  });
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as Record<string, number>;

/** A CLI diagnostic as Neovim stores it: byte columns, numbered severity. */
function asNeovim(text: string, d: JsonDiagnostic): string {
  const lines = text.split('\n');
  const byteColumn = (line: number, character: number) => Buffer.byteLength((lines[line] ?? '').slice(0, character));
  return summary({
    code: d.code, severity: SEVERITY[d.severity]!, message: d.message,
    lnum: d.range.start.line, col: byteColumn(d.range.start.line, d.range.start.character),
    end_lnum: d.range.end.line, end_col: byteColumn(d.range.end.line, d.range.end.character),
  });
}
const summary = (d: Omit<NeovimDiagnostic, 'source'>) => `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col} ${d.severity} ${d.code} ${d.message}`;

/** Example cards (copied to a temp folder, so a fix applied in Neovim touches no repository file). */
const CARDS: readonly { from: string; to: string; hoverKey: string; replace?: readonly [string, string] }[] = [
  { from: 'examples/bad/conflicts.modelcard.yaml', to: 'conflicts.modelcard.yaml', hoverKey: 'base_model' },
  { from: 'examples/bad/omni-demo/README.md', to: 'omni-demo/README.md', hoverKey: 'license' },
  { from: 'examples/good/moshi/README.md', to: 'moshi/README.md', hoverKey: 'license' },
  // Not ASCII where a diagnostic is: Neovim's byte columns and LSP's UTF-16 characters part ways.
  { from: 'examples/bad/typos.modelcard.yaml', to: 'typos-ünïcode.modelcard.yaml', hoverKey: 'license', replace: ['March 2026', 'März 2026 — “draft”'] },
];

function retext(text: string, replace?: readonly [string, string]): string {
  if (!replace) return text;
  assert.ok(text.includes(replace[0]), `'${replace[0]}' in the example`);
  return text.replace(replace[0], replace[1]);
}

describe('the language server in Neovim (a real third-party LSP client)', { skip: 'missing' in nvim ? nvim.missing : false }, () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = tempTree(Object.fromEntries(CARDS.map(card => [card.to, retext(fs.readFileSync(path.join(ROOT, card.from), 'utf8'), card.replace)])));
    client = TestClient.start('stdio');
    await client.initialize(true, dir);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const card of CARDS) {
    test(`${card.from}: Neovim receives the CLI's diagnostics, our hover and quick fixes, and a fix applied re-checks`, async t => {
      const file = path.join(dir, card.to);
      const text = fs.readFileSync(file, 'utf8');
      const line = text.split('\n').findIndex(l => l.startsWith(`${card.hoverKey}:`));
      assert.ok(line >= 0, `${card.hoverKey}: in ${card.from}`);
      const hoverAt = { line, character: 2 };

      const cli = parseJson(spawnLint(['--format', 'json', file], dir));
      const expected = cli.files.flatMap(f => f.diagnostics);
      const seen = await runNeovim(file, hoverAt);
      assert.equal(seen.error, undefined);
      assert.ok(seen.published, 'Neovim got the server\'s diagnostics');
      assert.equal(seen.filetype, card.to.endsWith('.md') ? 'markdown' : 'yaml');
      assert.deepEqual(seen.diagnostics.map(summary).sort(), expected.map(d => asNeovim(text, d)).sort());
      assert.ok(seen.diagnostics.every(d => d.source === 'sts-model-cards'));
      t.diagnostic(`Neovim ${'version' in nvim ? nvim.version : ''} stored ${seen.diagnostics.length} diagnostics (${[...new Set(seen.diagnostics.map(d => d.code))].join(', ') || 'none'}); quick fixes at the first: ${seen.actions?.map(a => a.title).join('; ') ?? 'none'}${seen.fixed_code ? `; after applying the first, ${seen.after_fix!.length} diagnostics` : ''}`);

      // The same requests from our own protocol client, on the same text.
      const uri = pathToFileURL(file).href;
      await client.open(uri, text);
      const published = await client.diagnostics(uri);
      const ours = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
      assert.ok(ours, `a hover on ${card.hoverKey}`);
      assert.deepEqual(seen.hover, ours);
      const first = published.diagnostics[0];
      const actions = first && await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: first.range, context: { diagnostics: [first], only: ['quickfix'] },
      }) as CodeAction[];
      await client.close(uri);
      if (!first) {
        assert.equal(seen.actions, undefined);
        return;
      }
      assert.deepEqual(seen.actions, actions.map(action => ({ title: action.title, kind: action.kind })));
      if (!seen.fixed_code) return;
      assert.ok(seen.republished, 'the server re-checked the card after Neovim applied the fix');
      const count = (list: readonly NeovimDiagnostic[]) => list.filter(d => d.code === seen.fixed_code).length;
      assert.equal(count(seen.after_fix!), count(seen.diagnostics) - 1, `one ${seen.fixed_code} fewer after the fix`);
      // Neovim applied exactly the bytes of the server's edit: the rest is as the user wrote it.
      const edits = actions[0]!.edit!.changes![uri]!;
      assert.equal(`${seen.text_after_fix}\n`, TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits));
    });
  }
});

describe('modelcard-language-server, the bin', () => {
  test('without a transport it prints its usage and exits 2; --version prints the version', () => {
    const bare = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /--stdio/);
    const version = spawnSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
