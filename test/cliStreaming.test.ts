/**
 * The command line streams its reports (so memory stays flat however many files it checks); the
 * streamed JSON and SARIF are byte for byte what pretty-printing the whole value would give.
 * Also the UTF-8 check `--fix` relies on.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, tempTree } from './cli/harness';
import { JsonArrayStream, STREAMED } from '../server/src/cli/jsonStream';
import { firstInvalidUtf8 } from '../server/src/cli/readCard';

function streamed(skeleton: unknown, items: unknown[], tail?: unknown): string {
  let text = '';
  const stream = new JsonArrayStream(skeleton, chunk => { text += chunk; });
  for (const item of items) stream.item(item);
  stream.end(tail);
  return text;
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('JsonArrayStream', () => {
  test('equals JSON.stringify(value, null, 2) for empty, one and many items, at any depth', () => {
    const items = [{ a: 1, b: ['x', { c: 'line\nbreak' }] }, 'two', [], {}, null];
    for (const n of [0, 1, items.length]) {
      const some = items.slice(0, n);
      assert.equal(streamed({ version: 1, files: STREAMED }, some), pretty({ version: 1, files: some }));
      assert.equal(streamed({ runs: [{ tool: 'x', results: STREAMED, after: 1 }] }, some), pretty({ runs: [{ tool: 'x', results: some, after: 1 }] }));
    }
  });

  test('a tail given at the end replaces what follows the array', () => {
    const text = streamed({ files: STREAMED }, [1], { files: STREAMED, interrupted: { checked: 1 } });
    assert.equal(text, pretty({ files: [1], interrupted: { checked: 1 } }));
  });

  test('property: any JSON items stream to the same text', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue()), items => {
      assert.equal(streamed({ v: 1, files: STREAMED }, items), pretty({ v: 1, files: items }));
    }), { seed: 20251125, numRuns: 300 });
  });
});

describe('streamed reports of a run', () => {
  test('json and sarif output over the CLI fixtures are exactly the pretty-printed documents', async () => {
    for (const format of ['json', 'sarif']) {
      const run = await lint(['--format', format, '.']);
      assert.ok(run.stdout.length > 1000, format);
      assert.equal(run.stdout, pretty(JSON.parse(run.stdout)), format);
    }
  });

  test('a run with no cards still prints a valid document', async () => {
    const dir = tempTree({ 'notes.txt': 'nothing' });
    for (const format of ['json', 'sarif']) {
      const run = await lint(['--format', format, '.'], dir);
      assert.equal(run.stdout, pretty(JSON.parse(run.stdout)), format);
    }
    assert.deepEqual(JSON.parse((await lint(['--format', 'json', '.'], dir)).stdout), { version: 1, files: [] });
  });
});

describe('firstInvalidUtf8', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const decodes = (bytes: Uint8Array) => { try { strict.decode(bytes); return true; } catch { return false; } };

  test('known ill-formed sequences', () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], 2],
      [[0x61, 0xe9, 0x62], 1], // Latin-1 é
      [[0xc0, 0x80], 0], // overlong NUL
      [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0x61, 0xe2, 0x82], 1], // truncated €
      [[0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], 7], // € and 😀
    ];
    for (const [bytes, expected] of cases) assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected, bytes.join(' '));
  });

  test('property: agrees with a strict TextDecoder', () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4)), { maxLength: 24 });
    fc.assert(fc.property(fc.oneof(utf8ish.map(a => Uint8Array.from(a)), fc.string({ unit: 'binary' }).map(s => new TextEncoder().encode(s))), bytes => {
      const offset = firstInvalidUtf8(bytes);
      assert.equal(offset === bytes.length, decodes(bytes));
      assert.ok(decodes(bytes.subarray(0, offset)), 'everything before the offset is valid');
    }), { seed: 20251125, numRuns: 2000 });
  });
});

describe('worker threads', () => {
  test('--jobs 2 gives exactly the output of --jobs 1, in every format, over every fixture', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      for (const target of ['.', '../real-cards/*.md', '../../../examples']) {
        const one = await lint(['--jobs', '1', '--format', format, target]);
        const two = await lint(['--jobs', '2', '--format', format, target]);
        assert.ok(one.stdout.length > 100, `${format} ${target}`);
        assert.deepEqual(two, one, `${format} ${target}`);
      }
    }
  });

  test('--fix on workers fixes every card once, as the main thread does', async () => {
    const typos = 'license: Apache-2.0\nsts:\n  famly: codec-free\n  duplex: ful\n';
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i % 4}/c${i}.modelcard.yaml`] = typos;
    const parallel = tempTree(files);
    const sequential = tempTree(files);
    const two = await lint(['--fix', '--jobs', '2', '--format', 'json', '.'], parallel);
    const one = await lint(['--fix', '--jobs', '1', '--format', 'json', '.'], sequential);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.code, one.code);
    for (const name of Object.keys(files)) {
      assert.equal(fs.readFileSync(path.join(parallel, name), 'utf8'), fs.readFileSync(path.join(sequential, name), 'utf8'), name);
      assert.notEqual(fs.readFileSync(path.join(parallel, name), 'utf8'), typos, `${name} was fixed`);
    }
  });

  test('--fix with one file reached by several paths (links) fixes it once, without a spurious conflict', { skip: process.platform === 'win32' && 'links need privileges on Windows' }, async () => {
    const typos = 'license: Apache-2.0\nsts:\n  famly: codec-free\n  duplex: ful\n';
    // Batches are 8 files in path order and each worker starts with two: a0–a7 and b0–b7 go to
    // one worker, c0–c7 (links to a0–a7) to the other at the same moment, so without the guard
    // both would fix the same files at once.
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`a${i}.modelcard.yaml`] = files[`b${i}.modelcard.yaml`] = typos;
    const dir = tempTree(files);
    for (let i = 0; i < 8; i++) {
      if (i % 2 === 0) fs.symlinkSync(`a${i}.modelcard.yaml`, path.join(dir, `c${i}.modelcard.yaml`));
      else fs.linkSync(path.join(dir, `a${i}.modelcard.yaml`), path.join(dir, `c${i}.modelcard.yaml`));
    }
    const run = await lint(['--fix', '--jobs', '2', '--format', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stdout);
    const report = JSON.parse(run.stdout) as { files: { path: string; fix?: { status: string } }[] };
    assert.ok(report.files.every(file => file.fix?.status !== 'not-fixed'), run.stdout);
    assert.ok(fs.lstatSync(path.join(dir, 'c0.modelcard.yaml')).isSymbolicLink());
    for (let i = 0; i < 8; i++) assert.notEqual(fs.readFileSync(path.join(dir, `a${i}.modelcard.yaml`), 'utf8'), typos);
  });

  test('--jobs needs a whole number from 1', async () => {
    for (const bad of [['--jobs'], ['--jobs', '0'], ['--jobs=x'], ['-j', '1.5'], ['--jobs', '1000']]) {
      const run = await lint([...bad, '.']);
      assert.equal(run.code, 2, bad.join(' '));
      assert.equal(run.stdout, '');
    }
    assert.equal((await lint(['-j', '3', '--format', 'json', '.'])).code, (await lint(['--format', 'json', '.'])).code);
  });
});
