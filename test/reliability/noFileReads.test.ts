/**
 * Security (issue 6): a card cannot make the extension read files outside what the editor hands
 * it, and `license_link` and other URLs in a card are shown, never fetched.
 *
 * The server and the command line run as real processes with two preloads (`node -r`):
 * test/fixtures/preload/log-file-reads.js logs every public `fs` read, open, listing and lookup to
 * READ_LOG (Node's module loader included), and deny-network-and-processes.js makes every
 * connection or process start throw and logs it to DENY_LOG. A positive control proves the read
 * log works. The hostile cards sit in a temporary tree beside files they point at (a LICENSE with
 * secret content, a "base model" directory, a schema) and point at /etc too, through
 * `license_link`, `base_model`, `$schema`/`$ref` keys, yaml-language-server modelines, YAML tags
 * such as `!include` and path-like `sts` values. The assertions:
 *
 * - server: every path it touches is its own (dist/, schemas/, node_modules/, package.json); none
 *   is in the card tree, the secrets or /etc: card text comes from the protocol only;
 * - command line: in the card tree it reads the card files and lists the directories it walks,
 *   nothing else; never a secret or /etc; the same with worker threads (`--jobs 2`);
 * - neither attempts a connection, and no answer contains the secret;
 * - hovers show knowledge URLs as Markdown links and no image (which the editor would fetch);
 * - statically, only server/src/cli/**, server/src/knowledge/load.ts and server/src/config/nodeProject.ts import fs, and no source
 *   file of the server or the client imports a network or process module.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, Hover, HoverRequest,
  LogMessageNotification, MarkupContent, Position, ShowMessageNotification,
} from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE_NAMES } from '../../server/src/config/configFile';
import { knowledge, ROOT } from '../helpers';
import { SERVER, TestClient } from '../protocol/lspClient';

const READ_PRELOAD = path.join(ROOT, 'test', 'fixtures', 'preload', 'log-file-reads.js');
const DENY_PRELOAD = path.join(ROOT, 'test', 'fixtures', 'preload', 'deny-network-and-processes.js');
const CLI = path.join(ROOT, 'bin', 'modelcard-lint.js');

/** One line of READ_LOG. */
interface Access {
  readonly call: string;
  readonly path?: string;
  readonly fd?: number;
  readonly pid: number;
  readonly thread: number;
  readonly stack: string;
}

/** Calls that read a file's bytes (or open it for that); the rest list directories or look paths up. */
const CONTENT_CALL = /\.(readFile|readFileSync|open|openSync|createReadStream|copyFile|copyFileSync|cp|cpSync|openAsBlob)$/;

// Logs live apart from the card tree, so writing them never looks like the product touching it.
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reads-log-'));
const treeMade = fs.mkdtempSync(path.join(os.tmpdir(), 'reads-cards-'));
/** The card tree, as made and with symlinks resolved (a temporary directory can sit behind one). */
const tree = fs.realpathSync(treeMade);
after(() => {
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.rmSync(treeMade, { recursive: true, force: true });
});

let logs = 0;
function freshLog(name: string): string {
  const log = path.join(logDir, `${name}-${++logs}.log`);
  fs.writeFileSync(log, '');
  return log;
}

function readLog(log: string): Access[] {
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as Access);
}

function within(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function inTree(file: string): boolean {
  return within(file, tree) || within(file, treeMade);
}

function describeAccess(access: Access): string {
  return `${access.call}(${access.path ?? `fd ${String(access.fd)}`}) [pid ${access.pid}, thread ${access.thread}]\n${access.stack}`;
}

function assertNone(accesses: readonly Access[], what: string): void {
  assert.deepEqual(accesses.map(access => `${access.call}(${access.path ?? access.fd})`), [],
    `${what}:\n${accesses.map(describeAccess).join('\n\n')}`);
}

/** What the product may read of its own: its bundles, knowledge base, dependencies and manifest, and the preloads. */
function isProductFile(file: string): boolean {
  return ['dist', 'schemas', 'node_modules'].some(dir => within(file, path.join(ROOT, dir)))
    || file === path.join(ROOT, 'package.json')
    || file === CLI
    || file === READ_PRELOAD || file === DENY_PRELOAD;
}

/**
 * The search for a project configuration: a look for `modelcards.config.yaml` (and its other
 * names) in each directory from a card up to the root, and for `.git`, which ends it. Fixed names,
 * never a path a card names; none exists in the hostile tree, so none is read.
 */
const CONFIG_PROBES = new Set<string>([...CONFIG_FILE_NAMES, '.git']);
function isConfigProbe(access: Access): boolean {
  return access.path !== undefined && CONFIG_PROBES.has(path.basename(access.path));
}

/** Accesses to anything but the product's own files (a descriptor counts only beyond stdin/stdout/stderr). */
function foreign(accesses: readonly Access[]): Access[] {
  return accesses.filter(access => !isConfigProbe(access) && (access.path === undefined ? (access.fd ?? 99) > 2 : !isProductFile(access.path)));
}

function assertNoConnection(denyLog: string): void {
  const calls = fs.readFileSync(denyLog, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as { call: string; stack: string });
  assert.deepEqual(calls.map(call => call.call), [], `denied calls attempted:\n${calls.map(call => call.stack).join('\n\n')}`);
}

// --- The hostile card tree -------------------------------------------------------------------

/** Content no answer and no output may ever contain: it exists only in files the cards point at. */
const SECRET = `SECRET-${process.pid}-${Date.now().toString(36)}-do-not-read`;
const PASSWD_LINE = /root:[^:\s]*:0:0/;

const secretsDir = path.join(tree, 'secrets'); // outside the walked tree
const ws = path.join(tree, 'ws'); // the workspace folder, the server's cwd, the tree the CLI walks
const modelDir = path.join(ws, 'org', 'model');
const moreDir = path.join(ws, 'more');

/** Files with the secret, each pointed at by some card. */
const SECRET_FILES = [
  path.join(secretsDir, 'LICENSE'), path.join(secretsDir, 'secret.txt'), path.join(secretsDir, 'schema.json'),
  path.join(secretsDir, 'secret-model', 'config.json'), path.join(tree, 'secret-model', 'config.json'),
  path.join(ws, 'LICENSE'), path.join(ws, 'secret.txt'), path.join(ws, 'secret-model', 'config.json'),
  path.join(ws, 'org', 'secret-model', 'config.json'),
  path.join(modelDir, 'LICENSE'), path.join(modelDir, 'secret.txt'), path.join(modelDir, 'schema.json'),
  path.join(modelDir, 'notes.md'),
];

/** One hostile card's YAML: `licenseLink` for license_link, and every other key that could hold a path. */
function hostileYaml(licenseLink: string): string {
  const secretUrl = pathToFileURL(path.join(secretsDir, 'secret.txt')).href;
  return [
    '# yaml-language-server: $schema=file:///etc/passwd',
    '# yaml-language-server: $schema=../../../secrets/schema.json',
    '$schema: ./schema.json',
    '$ref: /etc/passwd',
    'license: other',
    'license_name: nvidia-open-model-license',
    `license_link: ${licenseLink}`,
    'base_model: ../secret-model',
    'base_model_relation: finetune',
    'include: !include /etc/passwd',
    `extends: !include ${path.join(secretsDir, 'LICENSE')}`,
    'sts:',
    '  name: ../../../secrets/secret-model',
    '  organization: !include ./secret.txt',
    '  family: dual-stream-codec',
    '  architecture: !!str ../../LICENSE',
    '  subcategories: [voice-cloning]',
    '  duplex: fulll', // a typo, so that quick fixes are offered
    '  codec: { name: /etc/passwd, frame_rate_hz: 12.5 }',
    '  latency:',
    '    - { ms: 170, kind: end-to-end, source: ./secret.txt }',
    '    - { ms: 80, source: ../../../secrets/secret.txt } # no kind: more quick fixes',
    '  licensing:',
    '    posture: permissive',
    '    code: mit',
    '    commercial_use: true',
    '    attribution: !include LICENSE',
    '    siblings:',
    '      - { name: ../secret-model, posture: closed-commercial }',
    `  consent: { voice_source: ${secretUrl}, consent_obtained: false, policy_link: ../../../secrets/LICENSE }`,
    '  training_data:',
    '    hours: 1',
    '    two_channel: true',
    `    sources: [/etc/shadow, ../../../secrets/secret.txt, ${pathToFileURL(path.join(secretsDir, 'LICENSE')).href}]`,
    '',
  ].join('\n');
}

interface Card {
  readonly file: string;
  readonly uri: string;
  readonly text: string;
  /** license_link's value as written. */
  readonly licenseLink: string;
}

function writeTree(): Card[] {
  for (const file of SECRET_FILES) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${SECRET}\n`);
  }
  fs.mkdirSync(moreDir, { recursive: true });
  const cards: Card[] = [];
  const add = (file: string, licenseLink: string, wrap: (yaml: string) => string = yaml => yaml) => {
    const text = wrap(hostileYaml(licenseLink));
    fs.writeFileSync(file, text);
    cards.push({ file, uri: pathToFileURL(file).href, text, licenseLink });
  };
  add(path.join(modelDir, 'x.modelcard.yaml'), 'file:///etc/passwd');
  add(path.join(modelDir, 'README.md'), 'LICENSE', yaml => [
    '---', yaml.trimEnd(), '---', '', '# Hostile', '',
    'See [the license](LICENSE), [the secret](../../../secrets/secret.txt) and ![passwd](/etc/passwd).', '',
  ].join('\n'));
  const links = [
    '../../../../etc/hostname', 'LICENSE', '../LICENSE', '/etc/passwd', path.join(secretsDir, 'LICENSE'),
    pathToFileURL(path.join(secretsDir, 'LICENSE')).href, '~/.ssh/id_rsa', 'http://127.0.0.1:9/LICENSE',
  ];
  links.forEach((link, i) => add(path.join(moreDir, `c${i + 1}.modelcard.yaml`), link));
  return cards;
}

/** The cards the server session opens. */
const cards = writeTree();
/**
 * Every card file the command line finds: those, and copies enough for `--jobs 2` to give both
 * workers files (each takes two batches of 8 at the start).
 */
const cardFiles = new Set(cards.map(card => card.file));
for (let i = 0; i < 8; i++) {
  const copy = path.join(moreDir, 'copies', `d${i + 1}.modelcard.yaml`);
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(cards[2 + i].file, copy);
  cardFiles.add(copy);
}

/**
 * /etc, the secrets directory beside the workspace, and the secret files, wherever they are: what a
 * card's paths lead to, resolved against the card's directory, the workspace or the cwd. (The
 * `secret-model` directories inside the workspace are not in this list: the command line's walk
 * may list them, as any directory; reading their file is what it must not do.)
 */
function isSecretOrSystem(file: string): boolean {
  return within(file, '/etc') || within(file, secretsDir) || SECRET_FILES.includes(file);
}

// --- Positive control ------------------------------------------------------------------------

describe('the read-logging preload (positive control)', () => {
  test('reads, opens, streams and listings are logged with absolute paths, and behave as before', () => {
    const log = freshLog('control');
    const file = path.join(logDir, 'control.txt');
    fs.writeFileSync(file, 'control content');
    const script = [
      "const fs = require('fs');",
      "const out = [fs.readFileSync('control.txt', 'utf8')];",
      "out.push(fs.readdirSync('.').includes('control.txt'));",
      "out.push(typeof fs.realpathSync.native, fs.readFileSync.name);",
      "fs.closeSync(fs.openSync(Buffer.from('control.txt'), 'r'));",
      "let threw = false; try { fs.readFileSync('missing.txt'); } catch (error) { threw = error.code === 'ENOENT'; }",
      'out.push(threw);',
      "fs.promises.readFile(new URL('file://' + process.cwd() + '/control.txt'), 'utf8').then(text => {",
      '  out.push(text);',
      "  fs.createReadStream('control.txt').on('data', () => {}).on('close', () => console.log(JSON.stringify(out)));",
      '});',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-r', READ_PRELOAD, '-e', script], {
      cwd: logDir, env: { ...process.env, READ_LOG: log }, encoding: 'utf8', timeout: 10_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), ['control content', true, 'function', 'readFileSync', true, 'control content']);
    const calls = readLog(log).map(access => `${access.call} ${access.path ?? access.fd}`);
    const realFile = path.join(fs.realpathSync(logDir), 'control.txt');
    for (const expected of [
      `fs.readFileSync ${realFile}`, `fs.readdirSync ${fs.realpathSync(logDir)}`, `fs.openSync ${realFile}`,
      `fs.readFileSync ${path.join(fs.realpathSync(logDir), 'missing.txt')}`, `fs.promises.readFile ${realFile}`,
      `fs.createReadStream ${realFile}`,
    ]) {
      assert.ok(calls.includes(expected), `${expected} not logged; logged:\n${calls.join('\n')}`);
    }
    // The log file itself is written through the original functions, so it never shows up.
    assert.ok(!calls.some(call => call.includes(log)), calls.join('\n'));
  });
});

// --- The language server ---------------------------------------------------------------------

interface SessionResult {
  readonly accesses: Access[];
  readonly denyLog: string;
  /** Every answer and notification the server sent, for the secret check. */
  readonly transcript: string;
  /** The hover on each card's license_link value. */
  readonly licenseLinkHovers: { card: Card; hover: Hover | null }[];
  /** The hover on `license: other` of the first card (its license_name is a known license with a URL). */
  readonly otherLicenseHover: Hover | null;
  readonly allHovers: Hover[];
  readonly stderr: string;
}

/** The start of every token of `text`: where a key, a value, a flow item or a tag begins. */
function tokenStarts(text: string): Position[] {
  const positions: Position[] = [];
  text.split('\n').forEach((line, lineNumber) => {
    for (let character = 0; character < line.length; character++) {
      if (line[character] === ' ') continue;
      if (character === 0 || ' :{[,-'.includes(line[character - 1])) positions.push({ line: lineNumber, character });
    }
  });
  return positions;
}

/** The position inside `key`'s value on its line, past the colon. */
function valuePosition(text: string, key: string): Position {
  const lines = text.split('\n');
  const line = lines.findIndex(candidate => candidate.startsWith(`${key}: `));
  assert.ok(line >= 0, `no '${key}:' line`);
  return { line, character: key.length + 3 };
}

function markdownOf(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents as MarkupContent | string | { value: string } | (string | { value: string })[];
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(part => (typeof part === 'string' ? part : part.value)).join('\n');
  return contents.value;
}

async function runSession(): Promise<SessionResult> {
  const readLogFile = freshLog('server-reads');
  const denyLog = freshLog('server-deny');
  // The workspace as cwd: a read of a relative path from a card would land in the card tree.
  const client = TestClient.start('stdio', {
    nodeArgs: ['-r', DENY_PRELOAD, '-r', READ_PRELOAD], cwd: ws, env: { ...process.env, READ_LOG: readLogFile, DENY_LOG: denyLog },
  });
  const { connection } = client;
  const transcript: unknown[] = [];
  connection.onNotification(LogMessageNotification.type, params => { transcript.push(params); });
  connection.onNotification(ShowMessageNotification.type, params => { transcript.push(params); });
  const waitFor = (uri: string, version: number) => client.diagnostics(uri, params => params.version === version);
  const allHovers: Hover[] = [];
  const hoverAt = async (uri: string, position: Position): Promise<Hover | null> => {
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    transcript.push(hover);
    if (hover) allHovers.push(hover);
    return hover;
  };
  const licenseLinkHovers: { card: Card; hover: Hover | null }[] = [];
  let otherLicenseHover: Hover | null = null;
  try {
    const init = await client.initialize(true, ws);
    assert.ok(init.capabilities.hoverProvider);

    for (const card of cards) {
      const { uri, text } = card;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: card.file.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text },
      });
      const diagnostics = await waitFor(uri, 1);
      const linkAt = valuePosition(text, 'license_link');
      licenseLinkHovers.push({ card, hover: await hoverAt(uri, linkAt) });
      if (card === cards[0]) otherLicenseHover = await hoverAt(uri, valuePosition(text, 'license'));
      // Hover and complete at every token, all at once.
      const positions = tokenStarts(text);
      await Promise.all(positions.map(position => hoverAt(uri, position)));
      const lines = text.split('\n');
      const completions = await Promise.all([
        ...positions,
        ...lines.map((line, index) => ({ line: index, character: line.length })),
      ].map(position => connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })));
      transcript.push(completions);
      const wholeFile = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      transcript.push(await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: wholeFile, context: { diagnostics: diagnostics.diagnostics },
      }));
      transcript.push(await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: wholeFile, context: { diagnostics: diagnostics.diagnostics, only: ['source.fixAll.modelCards'] },
      }));

      // Edit: point license_link somewhere else, and add a key that looks like an include.
      const linkLine = linkAt.line;
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [
          {
            range: { start: { line: linkLine, character: 'license_link: '.length }, end: { line: linkLine, character: lines[linkLine].length } },
            text: '../secret.txt',
          },
          { range: { start: { line: linkLine + 1, character: 0 }, end: { line: linkLine + 1, character: 0 } }, text: '$include: ../../../secrets/schema.json\n' },
        ],
      });
      const changed = await waitFor(uri, 2);
      transcript.push(await hoverAt(uri, { line: linkLine, character: 'license_link: '.length + 2 }));
      transcript.push(await hoverAt(uri, { line: linkLine + 1, character: 12 }));
      transcript.push(await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: linkLine, character: 'license_link: ../'.length } }));
      transcript.push(await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: wholeFile, context: { diagnostics: changed.diagnostics },
      }));
    }
    transcript.push(...client.published);
  } finally {
    // Shutdown and exit, or a kill after 5 s.
    await client.stop();
  }
  assert.equal(await client.exited, 0, `server exit; stderr: ${client.stderr}`);
  return {
    accesses: readLog(readLogFile), denyLog, transcript: JSON.stringify(transcript), licenseLinkHovers,
    otherLicenseHover, allHovers, stderr: client.stderr,
  };
}

describe('the bundled server under the read-logging preload, with hostile cards', () => {
  let session: SessionResult;
  before(async () => { session = await runSession(); }, { timeout: 30_000 });

  test('the log saw the server load its own bundle and knowledge base', () => {
    const paths = session.accesses.map(access => access.path);
    assert.ok(paths.includes(SERVER), 'the read of dist/server.js by the module loader is not logged');
    assert.ok(paths.some(file => file !== undefined && within(file, path.join(ROOT, 'dist')) && file.endsWith('knowledge.json')),
      'the knowledge base read is not logged');
  });

  test('it touches nothing in the card tree: card text comes from the protocol only', () => {
    assertNone(session.accesses.filter(access => access.path !== undefined && inTree(access.path) && !isConfigProbe(access)), 'accesses in the card tree');
  });

  test('it touches nothing a card points at, nor /etc', () => {
    assertNone(session.accesses.filter(access => access.path !== undefined && isSecretOrSystem(access.path)), 'accesses to files the cards name');
  });

  test('every path it touches is its own: dist/, schemas/, node_modules/ or package.json', () => {
    assertNone(foreign(session.accesses), 'accesses outside the extension');
  });

  test('it attempts no connection (license_link and the other URLs are never fetched)', () => {
    assertNoConnection(session.denyLog);
    assert.doesNotMatch(session.stderr, /denied by deny-network-and-processes/);
  });

  test('no answer contains the content of a file the cards point at', () => {
    assert.ok(session.transcript.length > 10_000, 'the session answered almost nothing');
    assert.ok(!session.transcript.includes(SECRET), 'an answer contains the secret');
    assert.doesNotMatch(session.transcript, PASSWD_LINE);
  });

  test('hovers show the knowledge base\'s license URL as a Markdown link, and no image', () => {
    const nvidia = knowledge.licenses.find(license => license.id === 'nvidia-open-model-license');
    assert.ok(nvidia?.url, 'the knowledge base has no URL for nvidia-open-model-license');
    const markdown = markdownOf(session.otherLicenseHover);
    assert.ok(markdown.includes(`](${nvidia.url})`), `no link to ${nvidia.url} in the hover on 'license: other':\n${markdown}`);
    // An image in a hover is fetched by the editor as soon as the hover shows.
    for (const hover of session.allHovers) {
      assert.doesNotMatch(markdownOf(hover), /!\[|<img\b/i, 'a hover holds an image');
    }
  });

  test('a hover on license_link never shows the file it names', () => {
    for (const { card, hover } of session.licenseLinkHovers) {
      assert.ok(!markdownOf(hover).includes(SECRET), `the hover on license_link: ${card.licenseLink} shows the file's content`);
    }
  });

  test('a hover on license_link shows a web URL as a Markdown link, and anything else only as code', () => {
    for (const { card, hover } of session.licenseLinkHovers) {
      const markdown = markdownOf(hover);
      if (/^https?:\/\//.test(card.licenseLink)) {
        assert.ok(markdown.includes(`](${card.licenseLink})`), `no link to ${card.licenseLink} in the hover on license_link:\n${markdown || '(no hover)'}`);
      } else {
        assert.ok(markdown.includes(`\`${card.licenseLink}\``), `${card.licenseLink} is not shown in the hover:\n${markdown || '(no hover)'}`);
        assert.ok(!markdown.includes(']('), `${card.licenseLink} must not become a link:\n${markdown}`);
      }
    }
  });
});

// --- The command line ------------------------------------------------------------------------

function runCli(jobs: number): { accesses: Access[]; stdout: string; denyLog: string } {
  const readLogFile = freshLog(`cli-jobs${jobs}-reads`);
  const denyLog = freshLog(`cli-jobs${jobs}-deny`);
  const run = spawnSync(process.execPath, ['-r', DENY_PRELOAD, '-r', READ_PRELOAD, CLI, '--jobs', String(jobs), '--format', 'json', ws], {
    cwd: ws, env: { ...process.env, READ_LOG: readLogFile, DENY_LOG: denyLog }, encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { path: string }[] };
  assert.equal(report.files.length, cardFiles.size, `checked: ${report.files.map(file => file.path).join(', ')}`);
  return { accesses: readLog(readLogFile), stdout: run.stdout, denyLog };
}

function assertCliReadsOnlyCards(accesses: readonly Access[]): void {
  // Positive: each card was read, so the log does see the reads that matter.
  for (const file of cardFiles) {
    assert.ok(accesses.some(access => access.path === file && CONTENT_CALL.test(access.call)), `the read of ${file} is not logged`);
  }
  assertNone(accesses.filter(access => access.path !== undefined && isSecretOrSystem(access.path)), 'accesses to files the cards name');
  // In the card tree: the card files, and lookups and listings of the directories being walked.
  assertNone(accesses.filter(access => {
    if (access.path === undefined || !inTree(access.path) || cardFiles.has(access.path) || isConfigProbe(access)) return false;
    const walkedDirectory = within(access.path, ws) && fs.statSync(access.path, { throwIfNoEntry: false })?.isDirectory() === true;
    return !walkedDirectory || CONTENT_CALL.test(access.call);
  }), 'accesses in the card tree other than the cards and the walk');
  assertNone(foreign(accesses.filter(access => access.path === undefined || !inTree(access.path))), 'accesses outside the card tree and the tool');
}

describe('the command line under the read-logging preload, with hostile cards', () => {
  test('modelcard-lint --jobs 1 reads the cards and nothing they point at', () => {
    const { accesses, stdout, denyLog } = runCli(1);
    assertCliReadsOnlyCards(accesses);
    assert.ok(!stdout.includes(SECRET), 'the report contains the secret');
    assert.doesNotMatch(stdout, PASSWD_LINE);
    assertNoConnection(denyLog);
  });

  test('modelcard-lint --jobs 2: the worker threads run the preload and read only the cards too', () => {
    const { accesses, stdout, denyLog } = runCli(2);
    const workerThreads = new Set(accesses.filter(access => access.thread !== 0).map(access => access.thread));
    // 18 files on 2 jobs: the workers check them all (the main thread only lists them).
    assert.ok(workerThreads.size >= 1, 'no worker thread logged anything: they did not run the preload, or did not start');
    const readByWorkers = accesses.filter(access => access.thread !== 0 && access.path !== undefined && cardFiles.has(access.path));
    assert.deepEqual(new Set(readByWorkers.map(access => access.path)), cardFiles, 'the workers\' card reads are not all logged');
    assertCliReadsOnlyCards(accesses);
    assert.ok(!stdout.includes(SECRET), 'the report contains the secret');
    assertNoConnection(denyLog);
  });
});

// --- Static: which sources may import fs, network or process modules ------------------------

/** Every module `source` imports or requires at run time (a type-only import is erased by the compiler and does no I/O). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g, // import x from 'm', import 'm', import type …
    /\bexport\s+(type\s+)?[\w*{}\s,$]+?\s+from\s+['"]([^'"]+)['"]/g, // export … from 'm'
    /()\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('m'), import x = require('m')
    /()\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('m')
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      if (!match[1]) found.push(match[2]);
    }
  }
  return found;
}

/** `node:fs/promises` → `fs`. */
function builtinName(specifier: string): string {
  return specifier.replace(/^node:/, '').split('/')[0];
}

const NETWORK_OR_PROCESS = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process']);

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: false }) as string[])
    .filter(file => /\.(ts|js|mjs|cjs)$/.test(file) && !file.endsWith('.d.ts'))
    .map(file => path.posix.join(dir, file.split(path.sep).join('/')));
}

function mayImportFs(file: string): boolean {
  return file.startsWith('server/src/cli/') || file === 'server/src/knowledge/load.ts' || file === 'server/src/config/nodeProject.ts';
}

describe('which sources may touch the file system, the network or processes', () => {
  test('the import scanner finds every form of import (positive control)', () => {
    const source = [
      "import * as fs from 'node:fs';",
      "import {\n  readFileSync,\n  statSync,\n} from 'fs';",
      "import http = require('http');",
      "const net = require( 'node:net' );",
      "export { request } from 'https';",
      "void import('child_process');",
      "import 'node:tls';",
      "import type { Stats } from 'node:fs';",
      "export type { Stats } from 'fs/promises';",
      "import path from 'node:path';",
    ].join('\n');
    assert.deepEqual(runtimeImports(source).sort(), ['child_process', 'fs', 'http', 'https', 'node:fs', 'node:net', 'node:path', 'node:tls'].sort());
  });

  test('only server/src/cli/**, server/src/knowledge/load.ts and server/src/config/nodeProject.ts import fs; nothing imports a network or process module', () => {
    const files = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
    assert.ok(files.includes('server/src/server.ts') && files.includes('server/src/settings.ts') && files.includes('client/src/extension.ts'));
    assert.ok(files.filter(file => file.startsWith('server/src/service/')).length >= 20, 'the service sources were not found');
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of runtimeImports(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
        const name = builtinName(specifier);
        if (name === 'fs' && !mayImportFs(file)) problems.push(`${file} imports '${specifier}'`);
        if (NETWORK_OR_PROCESS.has(name)) problems.push(`${file} imports '${specifier}'`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
