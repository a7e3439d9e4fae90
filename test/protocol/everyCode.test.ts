/**
 * Every diagnostic code reaches an editor: each code's example in docs/rules.md, opened in the
 * built server over JSON-RPC, is published with that code and a link to its rules section.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CODES, ruleHref } from '../../server/src/service/codes';
import { ROOT } from '../helpers';
import { TestClient } from './lspClient';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');

/** The first example block of a code's section (before its **Fix** paragraph). */
function exampleOf(code: string): { lang: string; text: string } {
  const start = DOC.indexOf(`## \`${code}\``);
  assert.ok(start >= 0, `docs/rules.md has a section for ${code}`);
  const next = DOC.indexOf('\n## ', start + 1);
  const section = DOC.slice(start, next === -1 ? undefined : next);
  const example = /```(yaml|markdown)\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('**Fix')));
  assert.ok(example, `the ${code} section has an example`);
  return { lang: example[1], text: example[2] };
}

describe('every code over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.start('stdio');
    await client.initialize();
  });
  after(async () => { await client.stop(); });

  for (const code of Object.keys(CODES)) {
    test(code, async () => {
      const { lang, text } = exampleOf(code);
      // The project's own files are checked under their own names.
      const name = code.startsWith('config.') ? 'modelcards.config.yaml'
        : code.startsWith('knowledge.') ? 'acme.knowledge.yaml'
        : lang === 'markdown' ? 'README.md' : 'card.modelcard.yaml';
      const uri = `file:///every-code/${code}/${name}`;
      await client.open(uri, text);
      const published = await client.diagnostics(uri);
      const diagnostic = published.diagnostics.find(d => d.code === code);
      assert.ok(diagnostic, `${code} published; got ${published.diagnostics.map(d => d.code).join(', ')}`);
      assert.equal(diagnostic.codeDescription?.href, ruleHref(code));
      assert.equal(diagnostic.source, 'sts-model-cards');
    });
  }
});
