/**
 * `--fix` leaves every file either untouched or completely fixed, and says which: a read-only
 * file, a file that changed on disk after it was read, a file that is not UTF-8, a symbolic-link
 * loop, and SIGINT mid-run (issue 6, "Nothing lost").
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, BUNDLE, JsonReport, lint, parseJson, tempTree } from './cli/harness';
import { loadProject } from '../server/src/cli/check';
import { ChangedOnDiskError, createFixPass, writeFileAtomically } from '../server/src/cli/fix';
import { main } from '../server/src/cli/main';
import { readCardSource } from '../server/src/cli/readCard';

const TYPOS = '# typos\nlicense: Apache-2.0\nsts:\n  name: Demo\n  famly: codec-free\n  duplex: ful\n  licensing:\n    posture: permissive\n    code: MIT License\n';
const TYPOS_FIXED = '# typos\nlicense: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  duplex: full\n  licensing:\n    posture: permissive\n    code: mit\n';

type FileEntry = JsonReport['files'][number] & { fix?: { status: string; reason?: string }; invalidUtf8At?: number };

function entry(report: JsonReport, name: string): FileEntry {
  const found = report.files.find(file => file.path.split(path.sep).join('/') === name);
  assert.ok(found, `${name} is reported`);
  return found as FileEntry;
}

/** Every file under `dir` (recursively, links not followed) whose name looks like a temporary file. */
function temporaryFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter(name => name.endsWith('.tmp'));
}

describe('--fix leaves a file untouched when it cannot be fixed safely', () => {
  test('a read-only file: left as it was (bytes and mode), reported as not fixed, exit 2; the others are fixed', async () => {
    const dir = tempTree({ 'locked.modelcard.yaml': TYPOS, 'open.modelcard.yaml': TYPOS });
    const locked = path.join(dir, 'locked.modelcard.yaml');
    fs.chmodSync(locked, 0o444);
    const run = await lint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(fs.readFileSync(locked, 'utf8'), TYPOS);
    assert.equal(fs.statSync(locked).mode & 0o777, 0o444);
    assert.equal(fs.readFileSync(path.join(dir, 'open.modelcard.yaml'), 'utf8'), TYPOS_FIXED);
    const report = parseJson(run);
    assert.equal(entry(report, 'locked.modelcard.yaml').fix?.status, 'not-fixed');
    assert.equal(entry(report, 'open.modelcard.yaml').fix?.status, 'fixed');
    // The unfixed file is reported with its problems as they are on disk.
    assert.ok(entry(report, 'locked.modelcard.yaml').diagnostics.some(d => d.code === 'schema.invalid'));
    assert.deepEqual(temporaryFiles(dir), []);
  });

  test('in text format the unfixed file is named on stderr, and stdout keeps its format', async () => {
    const dir = tempTree({ 'locked.modelcard.yaml': TYPOS, 'open.modelcard.yaml': TYPOS });
    fs.chmodSync(path.join(dir, 'locked.modelcard.yaml'), 0o444);
    const run = await lint(['--fix', '.'], dir);
    assert.equal(run.code, 2);
    const stderrLines = run.stderr.trim().split('\n');
    assert.equal(stderrLines.length, 1, run.stderr);
    assert.ok(stderrLines[0].includes('locked.modelcard.yaml'), run.stderr);
    assert.ok(!run.stderr.includes('open.modelcard.yaml'));
    // Diagnostic lines (the unfixed file's), then the summary: nothing about fixes on stdout.
    const stdoutLines = run.stdout.trim().split('\n');
    assert.ok(stdoutLines.slice(0, -1).every(line => line.startsWith('locked.modelcard.yaml:')), run.stdout);
    assert.match(stdoutLines.at(-1) ?? '', /^\d+ problems? \(/);
  });

  test('a file that changed on disk after it was read is not replaced', async () => {
    const dir = tempTree({ 'a.modelcard.yaml': TYPOS });
    const file = path.join(dir, 'a.modelcard.yaml');
    const source = readCardSource(file);
    const document = TextDocument.create(`file://${file}`, 'yaml', 1, source.text);
    // Someone saves the file between the read and the write.
    const edited = TYPOS.replace('Demo', 'Demo 2');
    fs.writeFileSync(file, edited);
    const result = await createFixPass()({ absPath: file, displayPath: 'a.modelcard.yaml', requireFrontMatter: false }, source, document, loadProject({ none: true }).forFile(file).service);
    assert.equal(result.outcome?.status, 'not-fixed');
    assert.equal(result.document, document, 'the report is on the text that was read');
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    assert.deepEqual(fs.readdirSync(dir), ['a.modelcard.yaml']);
  });

  test('writeFileAtomically with the expected bytes: replaces when they match, throws ChangedOnDiskError when not', async () => {
    const dir = tempTree({ 'x.yaml': 'old\n' });
    const file = path.join(dir, 'x.yaml');
    await assert.rejects(writeFileAtomically(file, 'new\n', Buffer.from('older\n')), ChangedOnDiskError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(dir), ['x.yaml']);
    await writeFileAtomically(file, 'new\n', Buffer.from('old\n'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
    assert.deepEqual(fs.readdirSync(dir), ['x.yaml']);
  });

  test('a file that is not valid UTF-8 is checked but never rewritten', async () => {
    // `# caf\xe9` (Latin-1), then a card with fixable typos.
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${TYPOS}`)]);
    const dir = tempTree();
    const file = path.join(dir, 'latin1.modelcard.yaml');
    fs.writeFileSync(file, bytes);

    const check = await lint(['--format', 'json', '.'], dir);
    assert.equal(check.code, 1, 'the errors of the card, and no failure for the encoding alone');
    const checked = entry(parseJson(check), 'latin1.modelcard.yaml');
    assert.equal(checked.invalidUtf8At, 5);
    const unknownId = checked.diagnostics.find(d => d.code === 'license.unknown-id');
    assert.deepEqual(unknownId?.range.start, { line: 2, character: 9 }, 'positions are those of the decoded text');

    const fix = await lint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(fix.code, 2);
    assert.ok(fs.readFileSync(file).equals(bytes), 'not a byte changed');
    assert.equal(entry(parseJson(fix), 'latin1.modelcard.yaml').fix?.status, 'not-fixed');

    const text = await lint(['.'], dir);
    assert.ok(text.stderr.includes('latin1.modelcard.yaml'), text.stderr);
  });
});

describe('--fix in a tree with symbolic-link loops', { skip: process.platform === 'win32' && 'symlinks need privileges on Windows' }, () => {
  test('terminates, fixes each real card once, reports the looping link as unreadable (exit 2)', async () => {
    const dir = tempTree({ 'a/card.modelcard.yaml': TYPOS });
    fs.symlinkSync('..', path.join(dir, 'a', 'up'));
    fs.symlinkSync('.', path.join(dir, 'a', 'here'));
    fs.symlinkSync('self.modelcard.yaml', path.join(dir, 'self.modelcard.yaml'));
    const run = await lint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(run.code, 2, run.stderr);
    const report = parseJson(run);
    assert.deepEqual(report.files.map(file => file.path.split(path.sep).join('/')), ['a/card.modelcard.yaml', 'self.modelcard.yaml']);
    assert.equal(entry(report, 'a/card.modelcard.yaml').fix?.status, 'fixed');
    assert.ok(entry(report, 'self.modelcard.yaml').error?.startsWith('ELOOP'), entry(report, 'self.modelcard.yaml').error);
    assert.equal(fs.readFileSync(path.join(dir, 'a', 'card.modelcard.yaml'), 'utf8'), TYPOS_FIXED);
    assert.ok(fs.lstatSync(path.join(dir, 'self.modelcard.yaml')).isSymbolicLink());
  });
});

describe('a signal stops the run between two files', () => {
  test('aborted before the first file: nothing read or written, interrupted reported, exit 130', async () => {
    const dir = tempTree({ 'a.modelcard.yaml': TYPOS, 'b.modelcard.yaml': TYPOS });
    const stop = new AbortController();
    stop.abort('SIGINT');
    let stdout = '';
    let stderr = '';
    const code = await main(['--fix', '--format', 'json', '.'], { stdout: t => { stdout += t; }, stderr: t => { stderr += t; }, cwd: dir, signal: stop.signal });
    assert.equal(code, 130);
    const report = JSON.parse(stdout) as JsonReport & { interrupted?: { signal: string; checked: number; total: number } };
    assert.deepEqual(report.files, []);
    assert.deepEqual(report.interrupted, { signal: 'SIGINT', checked: 0, total: 2 });
    assert.ok(stderr.length > 0);
    for (const name of ['a.modelcard.yaml', 'b.modelcard.yaml']) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), TYPOS);
  });

  const skip = !fs.existsSync(BUNDLE) ? 'dist/cli.js is not built' : process.platform === 'win32' && 'POSIX signals';
  // 1,500 files are checked on worker threads by default; `--jobs 1` checks them on the main thread.
  for (const [signal, jobs] of [['SIGINT', []], ['SIGTERM', []], ['SIGINT', ['--jobs', '1']]] as const) {
    test(`${signal} to the real bin mid --fix ${jobs.join(' ')}: every file untouched or completely fixed, the report says which`, { skip }, async () => {
      const count = 1500;
      const files: Record<string, string> = {};
      for (let i = 0; i < count; i++) files[`d${String(i % 30).padStart(2, '0')}/c${String(i).padStart(4, '0')}.modelcard.yaml`] = TYPOS;
      const dir = tempTree(files);
      const child = spawn(process.execPath, [BIN, '--fix', ...jobs, '--format', 'json', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        // Interrupt as soon as the first file is reported fixed: the run is then surely mid-way.
        if (!sent && stdout.includes('"status": "fixed"')) {
          sent = true;
          child.kill(signal);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      const code = await new Promise<number | null>(resolve => child.on('close', resolve));
      assert.ok(sent, 'a file was fixed before the end');
      assert.equal(code, signal === 'SIGINT' ? 130 : 143, stderr);
      assert.ok(stderr.includes(signal), stderr);

      const report = JSON.parse(stdout) as JsonReport & { interrupted?: { signal: string; checked: number; total: number } };
      assert.equal(report.interrupted?.signal, signal);
      assert.equal(report.interrupted?.total, count);
      assert.equal(report.interrupted?.checked, report.files.length);
      assert.ok(report.files.length < count, `stopped early (${report.files.length} of ${count})`);
      const reported = new Map(report.files.map(file => [file.path.split(path.sep).join('/'), (file as FileEntry).fix?.status]));
      for (const name of Object.keys(files)) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        if (reported.has(name)) {
          assert.equal(reported.get(name), 'fixed', name);
          assert.equal(text, TYPOS_FIXED, name);
        } else {
          assert.equal(text, TYPOS, `${name} was not reached and is untouched`);
        }
      }
      assert.deepEqual(temporaryFiles(dir), []);
    });
  }
});
