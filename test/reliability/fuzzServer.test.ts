/**
 * Fuzzing through the real server (issue 6): random edit sequences (characters and lines inserted
 * and deleted at random valid positions) on fixture cards, sent as incremental didChange to ONE
 * dist/server.js --stdio. After each sequence: the server is alive, a hover, the outline, the links,
 * definition, references and completion are answered (outline and link ranges inside the text), every
 * range published for the last version is inside the document, and the last diagnostics equal
 * those of opening the final text fresh (a new uri, same file name): incremental state never drifts.
 * A second server, whose client pulls diagnostics (LSP 3.17), gets the same didOpen and didChange
 * messages; its answer to a document pull of the final version equals the pushed diagnostics.
 * fast-check, recorded seed: FUZZ_SERVER_RUNS (default 50), FUZZ_SERVER_SEED (default fixed).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionRequest, ConfigurationRequest, createProtocolConnection, DefinitionRequest, DocumentLinkRequest, DocumentSymbolRequest, ReferencesRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest,
  ProtocolConnection, PublishDiagnosticsNotification, PublishDiagnosticsParams, RegistrationRequest, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, DocumentDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-types';
import { ROOT } from '../helpers';
import { assertRangesValid } from './ranges';
import { PULLING_CAPABILITIES, TestClient } from '../protocol/lspClient';

const RUNS = Number(process.env.FUZZ_SERVER_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SERVER_SEED ?? 20261125);
const SERVER = path.join(ROOT, 'dist', 'server.js');

const FIXTURES = [
  'test/fixtures/cli/README.md',
  'test/fixtures/cli/good.modelcard.yaml',
  'test/fixtures/cli/invalid-duplex.modelcard.yaml',
  'test/fixtures/cli/no-license.modelcard.yaml',
  'test/fixtures/cli/syntax.modelcard.yaml',
  'test/fixtures/cli/unknown-license.modelcard.yaml',
  'test/fixtures/real-cards/meta_spiritlm_MODEL_CARD.md',
  ...fs.readdirSync(path.join(ROOT, 'examples', 'bad')).map(name => `examples/bad/${name}`),
  ...fs.readdirSync(path.join(ROOT, 'examples', 'good')).map(name => `examples/good/${name}`),
].filter(file => fs.existsSync(path.join(ROOT, file)) && /\.(ya?ml|md)$/.test(file))
  .map(file => ({ name: path.basename(file), text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'delete-line' | 'duplicate-line'; at: number };

const where = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const), at: where,
    text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\r\n', ': ', '- ', '  ', '\t', '#', '---\n', '"', '[', '{', 'license: ', 'sts:\n  family: ')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: where }),
);

/** The [start, end) offsets replaced and the new text, for `e` applied to `text`. */
function replacement(text: string, e: Edit): { start: number; end: number; insert: string } {
  const offset = Math.floor(e.at * (text.length + 1));
  if (e.kind === 'insert') return { start: offset, end: offset, insert: e.text };
  if (e.kind === 'delete') return { start: offset, end: Math.min(text.length, offset + e.length), insert: '' };
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (e.kind === 'delete-line') return { start: lineStart, end: lineEnd, insert: '' };
  const line = text.slice(lineStart, lineEnd);
  return { start: lineStart, end: lineStart, insert: line.endsWith('\n') ? line : `${line}\n` };
}

let child: ReturnType<typeof spawn>;
let connection: ProtocolConnection;
let stderr = '';
const published: PublishDiagnosticsParams[] = [];

function waitFor(uri: string, version: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = published.find(params => params.uri === uri && params.version === version);
      if (found) return resolve(found);
      if (child.exitCode !== null) return reject(new Error(`server exited (${child.exitCode}); stderr: ${stderr}`));
      if (Date.now() > deadline) return reject(new Error(`no diagnostics for ${uri} v${version}; stderr: ${stderr}`));
      setTimeout(poll, 2);
    };
    poll();
  });
}

/** A client that pulls diagnostics (LSP 3.17): its server is sent every didOpen, didChange and didClose too. */
let pulling: TestClient;

/** Sends a notification to both servers. */
async function notifyBoth<P>(type: { method: string }, params: P): Promise<void> {
  await connection.sendNotification(type.method, params);
  await pulling.connection.sendNotification(type.method, params);
}

before(async () => {
  pulling = TestClient.start('stdio');
  await pulling.initialize(true, undefined, undefined, PULLING_CAPABILITIES);
  child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', chunk => { stderr += String(chunk); });
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, params => { published.push(params); });
  connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await pulling?.stop();
  try {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
  } finally {
    connection.dispose();
    if (child.exitCode === null) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => { child.kill(); resolve(); }, 5000);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
  }
});

const key = (d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

let run = 0;
let withDiagnostics = 0;
test(`random incremental edit sequences through the server (${RUNS} runs, seed ${SEED})`, { timeout: 120_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: FIXTURES.length - 1 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.nat(), async (index, batches, hoverAt) => {
      const { name, text: original } = FIXTURES[index];
      run++;
      const uri = `file:///fuzz/edited-${run}/${name}`;
      const freshUri = `file:///fuzz/fresh-${run}/${name}`;
      const languageId = name.endsWith('.md') ? 'markdown' : 'yaml';
      let document = TextDocument.create(uri, languageId, 1, original);
      await notifyBoth(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: original } });
      // Each batch is one didChange with one or more content changes, applied in order.
      for (const batch of batches) {
        const contentChanges = [];
        for (const e of batch) {
          const { start, end, insert } = replacement(document.getText(), e);
          const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
          contentChanges.push(change);
          document = TextDocument.update(document, [change], document.version);
        }
        const version = document.version + 1;
        document = TextDocument.create(uri, languageId, version, document.getText());
        await notifyBoth(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      }
      const final = document.getText();
      const last = await waitFor(uri, document.version);
      assert.equal(child.exitCode, null, 'server alive');
      for (const params of published.filter(p => p.uri === uri && p.version === document.version)) assertRangesValid(final, params.diagnostics, `${uri} v${document.version}`);
      const position = document.positionAt(hoverAt % (final.length + 1));
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      // Every other request on the mangled text: answered (never an error response), ranges inside it.
      const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[] | null;
      const flat = (list: readonly DocumentSymbol[]): DocumentSymbol[] => list.flatMap(symbol => [symbol, ...flat(symbol.children ?? [])]);
      assertRangesValid(final, flat(symbols ?? []).flatMap(symbol => [{ range: symbol.range }, { range: symbol.selectionRange }]) as Diagnostic[], `${uri} symbols`);
      const links = await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
      assertRangesValid(final, (links ?? []) as unknown as Diagnostic[], `${uri} links`);
      await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
      await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
      await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });

      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: freshUri, languageId, version: 1, text: final } });
      const fresh = await waitFor(freshUri, 1);
      if (fresh.diagnostics.length > 0) withDiagnostics++;
      assert.deepEqual(last.diagnostics.map(key).sort(), fresh.diagnostics.map(key).sort(), `${name}: incremental vs fresh`);
      const pulled = await pulling.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.deepEqual(pulled.kind === 'full' ? pulled.items : undefined, last.diagnostics, `${name}: pulled vs pushed`);
      await notifyBoth(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: freshUri } });
      published.splice(0, published.length);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.equal(child.exitCode, null, 'server alive after all runs');
  assert.equal(pulling.process.exitCode, null, 'the pulling client\'s server alive after all runs');
  assert.deepEqual(pulling.published, [], 'nothing pushed to a client that pulls');
  assert.ok(withDiagnostics > run / 4, `only ${withDiagnostics} of ${run} final texts had diagnostics`);
  console.log(`fuzzServer: ${run} sequences (seed ${SEED}) over ${FIXTURES.length} fixtures, ${withDiagnostics} with diagnostics`);
});
