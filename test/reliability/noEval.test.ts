/** Security (issue 6): our code has no `eval` and no `new Function` (server/src and client/src). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('server/src and client/src contain no eval( and no new Function', () => {
  const files = ['server/src', 'client/src'].flatMap(dir => tsFiles(path.join(ROOT, dir)));
  assert.ok(files.length > 10, `${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      if (/\beval\s*\(|\bnew\s+Function\b/.test(line)) found.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});
