import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, diagnose, withCode } from '../helpers';

describe('yaml.syntax', () => {
  test('an unterminated flow sequence is an error at the parser position', () => {
    const text = 'license: mit\nlanguage: [en\n';
    const diagnostics = diagnose(text);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual([...new Set(codes(diagnostics))], ['yaml.syntax']);
    assert.equal(diagnostics[0].severity, 1);
    assert.ok(diagnostics.every(d => d.range.start.line >= 1 && d.range.end.line <= 2));
  });

  test('inside front matter the position is shifted into the Markdown file', () => {
    const text = '---\nlicense: mit\nlicense: apache-2.0\n---\n# Card\n';
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'yaml.syntax');
    assert.equal(diagnostic.range.start.line, 2);
    assert.equal(diagnostic.range.start.character, 0);
  });

  test('an alias to a missing anchor is reported, not thrown', () => {
    const diagnostics = diagnose('license: *nothing\n');
    assert.deepEqual(codes(diagnostics), ['yaml.syntax']);
  });

  test('a custom tag is a warning and is never resolved', () => {
    const diagnostics = withCode(diagnose('license: mit\nsts:\n  name: !!python/object x\n'), 'yaml.syntax');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 2);
  });

  test('valid YAML gets no yaml.syntax', () => {
    assert.deepEqual(withCode(diagnose('license: mit\nsts: { family: codec-free }\n'), 'yaml.syntax'), []);
  });
});
