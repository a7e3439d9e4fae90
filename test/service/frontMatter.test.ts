import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locateCard } from '../../server/src/service/cardLocator';
import { codes, diagnose, rangeOf, withCode } from '../helpers';

const BODY = 'license: Apache-2.0\nlanguage: [en]\n';

describe('finding the card in a Markdown file', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    test(`front matter with ${name} line ends keeps ranges in the file's own lines`, () => {
      const text = ['---', 'license: Apache-2.0', 'language: [en]', '---', '# Title', ''].join(eol);
      const [diagnostic] = withCode(diagnose(text, 'README.md'), 'license.unknown-id');
      assert.deepEqual(diagnostic.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 19 } });
    });
  }

  test('leading blank lines before the opening marker are allowed, as on the Hub', () => {
    const text = `\n\n---\n${BODY}---\nbody\n`;
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'license.unknown-id');
    assert.equal(diagnostic.range.start.line, 3);
  });

  test('the closing marker may carry trailing spaces and tabs', () => {
    const located = locateCard(`---\n${BODY}--- \t\nbody`, 'markdown');
    assert.equal(located.kind, 'front-matter');
  });

  test('a body horizontal rule after the front matter is not part of it', () => {
    const text = `---\n${BODY}---\n# Title\n\n---\n\nmore: text\n`;
    assert.deepEqual(codes(diagnose(text, 'README.md')), ['license.unknown-id', 'sts.missing']);
  });

  test('a Markdown card without front matter gets one information diagnostic on its first line', () => {
    const text = '# Meta Spirit LM Model Card\n\nSome prose.\n';
    const diagnostics = diagnose(text, 'MODEL_CARD.md');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'sts.missing');
    assert.equal(diagnostics[0].severity, 3);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '# Meta Spirit LM Model Card'));
    assert.equal((diagnostics[0].data as { frontMatter: boolean }).frontMatter, false);
  });

  test('an unclosed front matter is reported on its opening marker', () => {
    const text = `---\n${BODY}# Title\n`;
    const diagnostics = diagnose(text, 'README.md');
    assert.deepEqual(codes(diagnostics), ['yaml.syntax']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '---'));
  });

  test('the Markdown body is never validated as YAML', () => {
    const text = `---\nlicense: mit\nsts: { family: codec-free }\n---\n: not [ yaml {\n`;
    assert.deepEqual(codes(diagnose(text, 'README.md')), []);
  });

  test('front matter checks can be turned off', () => {
    assert.deepEqual(diagnose(`---\n${BODY}---\n`, 'README.md', { frontMatter: false }), []);
  });

  test('a standalone YAML card is the whole file', () => {
    const text = BODY;
    const [diagnostic] = withCode(diagnose(text), 'license.unknown-id');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'Apache-2.0'));
  });
});
