'use strict';
/**
 * The protocol measures: our server (dist/server.js) and yaml-language-server, each spawned over
 * stdio with the same card and schema, driven by a minimal LSP client.
 *   - cold start: from spawn to the first publishDiagnostics of the opened card;
 *   - typing: single-character edits to the card, one at a time, time from each didChange to the
 *     publishDiagnostics that follows it (ours carries the version; yaml-language-server does not,
 *     so the next publication for the URI after the change is taken);
 *   - resident memory with many cards open (ours): didOpen each, wait for all diagnostics, read
 *     VmRSS/VmHWM of the server process from /proc.
 * yaml-language-server debounces validation (validationDelayMs = 200 in its yamlSettings); ours
 * coalesces with setImmediate (one event-loop turn). The debounce is reported separately.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');

const ROOT = path.join(__dirname, '..');
const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schemas', 'modelcard.schema.json')).href;
const YLS_DEBOUNCE_MS = readYlsDebounce();
const now = () => Number(process.hrtime.bigint()) / 1e6;

function readYlsDebounce() {
  try {
    const file = require.resolve('yaml-language-server/out/server/src/yamlSettings.js');
    const match = /validationDelayMs\s*=\s*(\d+)/.exec(fs.readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const SERVERS = {
  ours: {
    command: [path.join(ROOT, 'dist', 'server.js'), '--stdio'],
    debounceMs: 0,
    debounceNote: 'setImmediate (one event-loop turn)',
  },
  anchor: {
    command: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
    debounceMs: YLS_DEBOUNCE_MS ?? 200,
    debounceNote: `setTimeout ${YLS_DEBOUNCE_MS ?? 200} ms (yamlSettings.validationDelayMs)`,
  },
};

const YLS_SETTINGS = { validate: true, hover: false, completion: false, schemas: { [SCHEMA_URI]: '*' }, schemaStore: { enable: false } };

/** Spawns a server and returns a client with a waiter for diagnostics. */
function startServer(which) {
  const spec = SERVERS[which];
  const spawnedAt = now();
  const child = spawn(process.execPath, spec.command, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', () => {});
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const published = new Map();
  connection.onNotification('textDocument/publishDiagnostics', params => {
    const at = now();
    published.set(params.uri, (published.get(params.uri) ?? 0) + 1);
    const list = waiters.get(params.uri);
    if (list && list.length) {
      const waiter = list[0];
      if (waiter.version === undefined || params.version === undefined || params.version === waiter.version) {
        list.shift();
        waiter.resolve({ at, params });
      }
    }
  });
  connection.onRequest('workspace/configuration', params => params.items.map(item => (item.section === 'yaml' ? YLS_SETTINGS : {})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('telemetry/event', () => {});
  connection.listen();

  const nextDiagnostics = (uri, version) => new Promise(resolve => {
    if (!waiters.has(uri)) waiters.set(uri, []);
    waiters.get(uri).push({ version, resolve });
  });

  /**
   * `workspace`: a folder whose cards our server checks in the background (workspace diagnostics).
   * `pull`: the client pulls diagnostics (LSP 3.17), as VS Code's does, instead of being pushed to.
   */
  async function initialize(workspace, pull = false) {
    const rootUri = workspace ? require('node:url').pathToFileURL(workspace).href : null;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: which === 'anchor', didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
      initializationOptions: workspace ? { workspaceDiagnostics: true } : {},
    });
    await connection.sendNotification('initialized', {});
    if (which === 'anchor') await connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YLS_SETTINGS } });
  }

  function open(uri, languageId, text, version = 1) {
    return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  function change(uri, version, changes) {
    return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  function memory() {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = key => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
    } catch {
      return { rssMB: NaN, hwmMB: NaN };
    }
  }

  async function stop() {
    try {
      await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
      connection.sendNotification('exit');
    } catch { /* the server may be gone already */ }
    await new Promise(resolve => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000);
      child.on('exit', () => { clearTimeout(timer); resolve(); });
    });
    connection.dispose();
  }

  /** A document pull: resolves with when the answer came. */
  async function pullDocument(uri) {
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return { at: now(), report };
  }

  /** Keeps a workspace pull open, as VS Code does, counting the cards streamed to it. */
  function pullWorkspace() {
    const token = 'bench-workspace';
    const cancel = new rpc.CancellationTokenSource();
    connection.onProgress(new rpc.ProgressType(), token, partial => {
      for (const item of partial.items) published.set(item.uri, (published.get(item.uri) ?? 0) + 1);
    });
    connection.sendRequest('workspace/diagnostic', { previousResultIds: [], partialResultToken: token }, cancel.token).catch(() => undefined);
    return () => cancel.cancel();
  }

  return { spec, spawnedAt, child, initialize, open, change, nextDiagnostics, pullDocument, pullWorkspace, memory, stop, published };
}

/** Spawn → initialize → didOpen → first diagnostics of the card, `runs` times, alternating servers. */
async function coldStart(text, { runs }) {
  const samples = { ours: [], anchor: [] };
  const counts = {};
  for (let run = 0; run < runs; run++) {
    for (const which of run % 2 === 0 ? ['ours', 'anchor'] : ['anchor', 'ours']) {
      const server = startServer(which);
      const uri = `file:///bench/cold-${run}/card.modelcard.yaml`;
      const first = server.nextDiagnostics(uri);
      await server.initialize();
      await server.open(uri, 'yaml', text);
      const { at, params } = await first;
      samples[which].push(at - server.spawnedAt);
      counts[which] = params.diagnostics.length;
      await server.stop();
    }
  }
  return { samples, diagnostics: counts };
}

/**
 * Types `edits` characters, one didChange each, into the architecture prose of the card, waiting
 * for each change's diagnostics before the next keystroke.
 */
async function typingSession(which, text, { edits, warmup = 5, workspace, pull = false }) {
  const server = startServer(which);
  const uri = workspace ? require('node:url').pathToFileURL(require('node:path').join(workspace, 'typing.modelcard.yaml')).href : `file:///bench/typing-${which}/card.modelcard.yaml`;
  await server.initialize(workspace, pull);
  // A pulling client asks after each change (VS Code's does); a pushed one waits for the version.
  const diagnosticsOf = version => (pull ? server.pullDocument(uri) : server.nextDiagnostics(uri, version));
  const stopPulling = pull ? server.pullWorkspace() : () => undefined;
  if (pull) await server.open(uri, 'yaml', text, 1);
  const opened = diagnosticsOf(1);
  if (!pull) await server.open(uri, 'yaml', text, 1);
  await opened;
  const lines = text.split('\n');
  // The first prose line of the folded `architecture: >` block; type at its end.
  const proseLine = lines.findIndex(line => line.startsWith('  architecture:')) + 1;
  let column = lines[proseLine].length;
  const typed = ' and the decoder streams audio frames while the user keeps speaking to it';
  const samples = [];
  let version = 1;
  for (let i = 0; i < warmup + edits; i++) {
    const ch = typed[i % typed.length];
    version++;
    const waiting = pull ? undefined : server.nextDiagnostics(uri, version);
    const start = now();
    await server.change(uri, version, [{ range: { start: { line: proseLine, character: column }, end: { line: proseLine, character: column } }, text: ch }]);
    const { at } = await (waiting ?? server.pullDocument(uri));
    column++;
    if (i >= warmup) samples.push(at - start);
  }
  const memory = server.memory();
  // How many other documents got diagnostics meanwhile (a workspace's cards, checked in the background).
  const published = [...server.published.keys()].filter(other => other !== uri).length;
  stopPulling();
  await server.stop();
  return { samples, memory, published };
}

/** Opens `cards` documents in one server and reads its resident memory once all are diagnosed. */
async function openMany(which, cards) {
  const server = startServer(which);
  await server.initialize();
  const before = server.memory();
  const waits = [];
  for (let i = 0; i < cards.length; i++) {
    const uri = `file:///bench/open/${String(i).padStart(5, '0')}/README.md`;
    waits.push(server.nextDiagnostics(uri, 1));
    await server.open(uri, 'markdown', cards[i], 1);
  }
  const start = now();
  await Promise.all(waits);
  const settled = now() - start;
  // Let a GC cycle run as it would while the user reads; then read RSS.
  await new Promise(r => setTimeout(r, 500));
  const after = server.memory();
  await server.stop();
  return { before, after, settledMs: settled };
}

module.exports = { coldStart, typingSession, openMany, SERVERS, YLS_DEBOUNCE_MS };
