import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, diagnose } from '../helpers';

describe('suppression comments', () => {
  test('disable-next-line drops the named code on the next line only', () => {
    const text = [
      'license: mit',
      'sts:',
      '  family: codec-free',
      '  latency:',
      '    # modelcard-disable-next-line latency.unlabeled',
      '    - ms: 200',
      '    - ms: 300',
      '',
    ].join('\n');
    const diagnostics = diagnose(text);
    assert.deepEqual(codes(diagnostics), ['latency.unlabeled']);
    assert.equal(diagnostics[0].range.start.line, 6);
  });

  test('disable-next-line with another code keeps this one', () => {
    const text = 'sts:\n  family: codec-free\n  # modelcard-disable-next-line consent.missing\n  duplex: sometimes\nlicense: mit\n';
    assert.deepEqual(codes(diagnose(text)), ['schema.invalid']);
  });

  test('disable drops codes in the whole file, several at once', () => {
    const text = '# modelcard-disable license.unconfirmed, latency.unlabeled, family.missing\nlicense: unknown\nsts:\n  latency: [{ ms: 1 }]\n  duplex: sometimes\n';
    assert.deepEqual(codes(diagnose(text)), ['schema.invalid']);
  });

  test('directives work inside front matter and after a value on the same line', () => {
    const text = '---\nlicense: unknown # modelcard-disable license.unconfirmed\n---\n';
    assert.deepEqual(codes(diagnose(text, 'README.md')), ['sts.missing']);
  });

  test('a directive in the Markdown body does not count', () => {
    const text = '---\nlicense: unknown\nsts: { family: codec-free }\n---\n# modelcard-disable license.unconfirmed\n';
    assert.deepEqual(codes(diagnose(text, 'README.md')), ['license.unconfirmed']);
  });

  test('a directive without codes drops every code on the next line', () => {
    const text = 'license: mit\nsts:\n  family: codec-free\n  # modelcard-disable-next-line\n  duplex: sometimes\n';
    assert.deepEqual(codes(diagnose(text)), []);
  });

  test('diagnostics link to their section of the rules reference', () => {
    const [diagnostic] = diagnose('license: unknown\n');
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\.md#licenseunconfirmed$/);
  });
});
