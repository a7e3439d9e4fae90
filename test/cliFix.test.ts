/**
 * `modelcard-lint --fix` (design/model-card-format.md, section 4): applies every fix that is safe
 * without a choice, writing each file atomically (a temporary file, then a rename); nothing else on
 * disk changes. The report and the exit status are those of the fixed files.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE, codesOf, fixture, lint, parseJson, spawnLint, tempTree } from './cli/harness';
import { writeFileAtomically } from '../server/src/cli/fix';

const TYPOS = '# typos\nlicense: Apache-2.0\nsts:\n  name: Demo\n  famly: codec-free\n  duplex: ful\n  licensing:\n    posture: permissive\n    code: MIT License\n';
const TYPOS_FIXED = '# typos\nlicense: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  duplex: full\n  licensing:\n    posture: permissive\n    code: mit\n';

/** Every entry under a directory, recursively, with its content (or null for a directory). */
function snapshot(dir: string): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        result[name] = null;
        walk(name);
      } else {
        result[name] = fs.readFileSync(path.join(dir, name), 'latin1');
      }
    }
  };
  walk('');
  return result;
}

function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

describe('--fix', () => {
  test('fixes what is safe, rewrites only the cards it changed, and reports the fixed files', async () => {
    const dir = tempTree({
      'typos.modelcard.yaml': TYPOS,
      'unknown-license.modelcard.yaml': fixture('unknown-license.modelcard.yaml'),
      'invalid-duplex.modelcard.yaml': fixture('invalid-duplex.modelcard.yaml'),
      'good.modelcard.yaml': fixture('good.modelcard.yaml'),
      'notes.txt': 'license: Apache-2.0\n',
    });
    const before = snapshot(dir);
    const untouched = fs.statSync(path.join(dir, 'invalid-duplex.modelcard.yaml'));
    const run = await lint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const after = snapshot(dir);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no file added or removed (no temporary file left)');
    assert.equal(after['typos.modelcard.yaml'], TYPOS_FIXED);
    assert.equal(after['unknown-license.modelcard.yaml'], 'license: apache-2.0\nlanguage: [en]\n');
    // A choice is not made for the user: that card, the clean one and the non-card stay as they were.
    for (const name of ['invalid-duplex.modelcard.yaml', 'good.modelcard.yaml', 'notes.txt']) assert.equal(after[name], before[name], name);
    assert.equal(fs.statSync(path.join(dir, 'invalid-duplex.modelcard.yaml')).mtimeMs, untouched.mtimeMs);

    const report = parseJson(run);
    assert.deepEqual(codesOf(report, 'typos.modelcard.yaml'), []);
    assert.deepEqual(codesOf(report, 'unknown-license.modelcard.yaml'), []);
    assert.ok(codesOf(report, 'invalid-duplex.modelcard.yaml').includes('schema.invalid'));
  });

  test('the exit status is that of the fixed files', async () => {
    const dir = tempTree({ 'a.modelcard.yaml': 'license: mit\nsts:\n  family: codec-free\n  duplex: ful\n' });
    assert.equal((await lint(['a.modelcard.yaml'], dir)).code, 1);
    const run = await lint(['--fix', 'a.modelcard.yaml'], dir);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(read(dir, 'a.modelcard.yaml'), 'license: mit\nsts:\n  family: codec-free\n  duplex: full\n');
    // A second run has nothing left to do.
    const again = await lint(['--fix', 'a.modelcard.yaml'], dir);
    assert.equal(again.code, 0);
    assert.equal(read(dir, 'a.modelcard.yaml'), 'license: mit\nsts:\n  family: codec-free\n  duplex: full\n');
  });

  test('keeps CRLF and lone-CR line ends, comments and key order', async () => {
    const dir = tempTree({
      'crlf.modelcard.yaml': TYPOS.replace(/\n/g, '\r\n'),
      'cr.modelcard.yaml': TYPOS.replace(/\n/g, '\r'),
    });
    const run = await lint(['--fix', '.'], dir);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(read(dir, 'crlf.modelcard.yaml'), TYPOS_FIXED.replace(/\n/g, '\r\n'));
    assert.equal(read(dir, 'cr.modelcard.yaml'), TYPOS_FIXED.replace(/\n/g, '\r'));
  });

  test('fixes Markdown front matter and leaves the body alone', async () => {
    const readme = fixture('README.md');
    const dir = tempTree({ 'README.md': readme, 'docs/README.md': '# Not a card\n\nlicense: Apache-2.0\n' });
    const run = await lint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(read(dir, 'README.md'), readme.replace('license: Apache-2.0', 'license: apache-2.0'));
    assert.equal(read(dir, 'docs/README.md'), '# Not a card\n\nlicense: Apache-2.0\n');
    assert.ok(!codesOf(parseJson(run)).includes('license.unknown-id'));
  });

  test('writes atomically: a new file takes the name, with the original mode', async () => {
    const dir = tempTree({ 'a.modelcard.yaml': TYPOS });
    const file = path.join(dir, 'a.modelcard.yaml');
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    const run = await lint(['--fix', 'a.modelcard.yaml'], dir);
    assert.equal(run.code, 0, run.stdout);
    const stat = fs.statSync(file);
    assert.equal(read(dir, 'a.modelcard.yaml'), TYPOS_FIXED);
    assert.equal(stat.mode & 0o777, 0o640);
    if (process.platform !== 'win32') assert.notEqual(stat.ino, inode, 'replaced by a rename, not rewritten in place');
    assert.deepEqual(fs.readdirSync(dir), ['a.modelcard.yaml']);
  });

  test('a symbolic link stays a link; the file it points to is fixed', { skip: process.platform === 'win32' && 'symlinks need privileges on Windows' }, async () => {
    const dir = tempTree({ 'real/card.modelcard.yaml': TYPOS });
    fs.symlinkSync(path.join(dir, 'real', 'card.modelcard.yaml'), path.join(dir, 'link.modelcard.yaml'));
    const run = await lint(['--fix', 'link.modelcard.yaml'], dir);
    assert.equal(run.code, 0, run.stdout);
    assert.ok(fs.lstatSync(path.join(dir, 'link.modelcard.yaml')).isSymbolicLink());
    assert.equal(read(dir, 'real/card.modelcard.yaml'), TYPOS_FIXED);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['card.modelcard.yaml']);
  });

  test('a card that does not parse, or has only choices, is not written', async () => {
    const syntax = fixture('syntax.modelcard.yaml');
    const dir = tempTree({ 'syntax.modelcard.yaml': syntax, 'no-license.modelcard.yaml': fixture('no-license.modelcard.yaml') });
    const before = snapshot(dir);
    const run = await lint(['--fix', '.'], dir);
    assert.equal(run.code, 1);
    assert.deepEqual(snapshot(dir), before);
  });

  test('a directory it cannot write to: exit 2, the file as it was, nothing left behind', {
    skip: (process.platform === 'win32' || process.getuid?.() === 0) && 'needs a non-root POSIX user',
  }, async () => {
    const dir = tempTree({ 'locked/a.modelcard.yaml': TYPOS, 'b.modelcard.yaml': TYPOS });
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    try {
      const run = await lint(['--fix', '--format', 'json', '.'], dir);
      assert.equal(run.code, 2);
      const report = parseJson(run);
      const locked = report.files.find(file => file.path.endsWith('a.modelcard.yaml'));
      assert.match(locked?.error ?? '', /cannot apply the fixes/);
      assert.equal(read(dir, 'locked/a.modelcard.yaml'), TYPOS);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'locked')), ['a.modelcard.yaml']);
      // The other file is still fixed and reported.
      assert.equal(read(dir, 'b.modelcard.yaml'), TYPOS_FIXED);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  test('--help no longer calls it unavailable', async () => {
    const help = await lint(['--help']);
    assert.match(help.stdout, /--fix/);
    assert.doesNotMatch(help.stdout, /not available/);
  });
});

describe('writeFileAtomically', () => {
  test('replaces the content, keeps the mode, leaves no temporary file', async () => {
    const dir = tempTree({ 'x.yaml': 'old\n' });
    const file = path.join(dir, 'x.yaml');
    fs.chmodSync(file, 0o600);
    await writeFileAtomically(file, 'new\r\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new\r\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['x.yaml']);
  });

  test('when the rename fails, the temporary file is removed', async () => {
    // Renaming a file over a directory fails, even for root.
    const dir = tempTree({ 'target.yaml/inside.txt': 'kept' });
    await assert.rejects(writeFileAtomically(path.join(dir, 'target.yaml'), 'x'));
    assert.deepEqual(snapshot(dir), { 'target.yaml': null, [path.join('target.yaml', 'inside.txt')]: 'kept' });
  });

  test('a missing file is an error, and nothing is created', async () => {
    const dir = tempTree();
    await assert.rejects(writeFileAtomically(path.join(dir, 'missing.yaml'), 'x'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});

describe('--fix through the bin', () => {
  const skip = fs.existsSync(BUNDLE) ? false : 'dist/cli.js is not built (run the bundling step)';

  test('the bundled command line fixes a card', { skip }, () => {
    const dir = tempTree({ 'a.modelcard.yaml': TYPOS, 'README.md': fixture('README.md') });
    const child = spawnLint(['--fix', '--format', 'json', '.'], dir);
    assert.equal(child.code, 0, child.stderr);
    assert.equal(read(dir, 'a.modelcard.yaml'), TYPOS_FIXED);
    assert.match(read(dir, 'README.md'), /license: apache-2\.0/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['README.md', 'a.modelcard.yaml']);
  });
});
