import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, diagnose, rangeOf, withCode } from '../helpers';

const suggestionOf = (text: string, code = 'license.unknown-id') =>
  (withCode(diagnose(text), code)[0]?.data as { suggestion: unknown } | undefined)?.suggestion;

describe('license.missing', () => {
  test('a front-matter card without license is an error on the opening marker', () => {
    const text = '---\nlanguage: [en]\nsts: { family: codec-free }\n---\n';
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'license.missing');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, rangeOf(text, '---'));
  });

  test('a standalone card without license is reported on its first key', () => {
    const text = 'language: [en]\nsts: { family: codec-free }\n';
    const [diagnostic] = withCode(diagnose(text), 'license.missing');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'language'));
  });

  test('an empty license value is reported on the key', () => {
    const text = 'license:\nsts: { family: codec-free }\n';
    const [diagnostic] = withCode(diagnose(text), 'license.missing');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'license'));
  });

  test('a closed-commercial model may have no license', () => {
    assert.deepEqual(withCode(diagnose('sts:\n  licensing: { posture: closed-commercial }\n'), 'license.missing'), []);
  });

  test('no diagnostic when a license is there', () => {
    assert.deepEqual(withCode(diagnose('license: mit\n'), 'license.missing'), []);
  });
});

describe('license.unknown-id', () => {
  test('a Hub id in the wrong case suggests the id', () => {
    const text = 'license: Apache-2.0\n';
    const [diagnostic] = withCode(diagnose(text), 'license.unknown-id');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'Apache-2.0'));
    assert.equal(diagnostic.severity, 2);
    assert.equal(suggestionOf(text), 'apache-2.0');
  });

  test('a family named without a version suggests its newest version', () => {
    assert.equal(suggestionOf('license: cc-by-nc\n'), 'cc-by-nc-4.0');
    assert.equal(suggestionOf('license: cc-by-sa\n'), 'cc-by-sa-4.0');
  });

  test('a license written as its name suggests the id', () => {
    assert.equal(suggestionOf('license: CC BY 4.0\n'), 'cc-by-4.0');
    assert.equal(suggestionOf('license: apache 2\n'), 'apache-2.0');
  });

  test('a typo suggests the nearest id', () => {
    assert.equal(suggestionOf('license: mti\n'), 'mit');
  });

  test('nothing close gives a null suggestion', () => {
    assert.equal(suggestionOf('license: my-own-terms-for-everyone\n'), null);
  });

  test('each item of a license list is checked on its own', () => {
    const text = 'license:\n  - mit\n  - GPL-3\n';
    const diagnostics = withCode(diagnose(text), 'license.unknown-id');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'GPL-3'));
  });

  test('licensing.code accepts Hub ids and known names, and flags others', () => {
    assert.deepEqual(withCode(diagnose('license: mit\nsts:\n  licensing: { posture: permissive, code: mit }\n'), 'license.unknown-id'), []);
    assert.deepEqual(withCode(diagnose('license: mit\nsts:\n  licensing: { posture: non-commercial, code: nvidia-open-model-license }\n'), 'license.unknown-id'), []);
    const text = 'license: mit\nsts:\n  licensing: { posture: permissive, code: MIT License }\n';
    const [diagnostic] = withCode(diagnose(text), 'license.unknown-id');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'MIT License'));
    assert.equal((diagnostic.data as { suggestion: string }).suggestion, 'mit');
  });

  test('every Hub id passes', () => {
    for (const id of ['apache-2.0', 'mit', 'cc-by-4.0', 'cc-by-nc-4.0', 'fair-noncommercial-research-license', 'llama3.2', 'gemma', 'openrail++']) {
      assert.deepEqual(withCode(diagnose(`license: ${id}\n`), 'license.unknown-id'), [], id);
    }
  });
});

describe('license.name-as-id', () => {
  test('a known license name used as the license id says to use other + license_name', () => {
    const text = 'license: nvidia-open-model-license\n';
    const diagnostics = diagnose(text);
    assert.deepEqual(codes(diagnostics).filter(code => code.startsWith('license.')), ['license.name-as-id']);
    assert.deepEqual(diagnostics.find(d => d.code === 'license.name-as-id')!.range, rangeOf(text, 'nvidia-open-model-license'));
  });
});

describe('license.other-incomplete', () => {
  test('other without license_name and license_link', () => {
    const text = 'license: other\nlanguage: [en]\n';
    const [diagnostic] = withCode(diagnose(text), 'license.other-incomplete');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'other'));
    assert.deepEqual((diagnostic.data as { missing: string[] }).missing, ['license_name', 'license_link']);
  });

  test('other with a name but no link', () => {
    const [diagnostic] = withCode(diagnose('license: other\nlicense_name: my-terms\n'), 'license.other-incomplete');
    assert.deepEqual((diagnostic.data as { missing: string[] }).missing, ['license_link']);
  });

  test('other with both is complete', () => {
    assert.deepEqual(withCode(diagnose('license: other\nlicense_name: my-terms\nlicense_link: LICENSE\n'), 'license.other-incomplete'), []);
  });
});

describe('license.known-id-as-name', () => {
  test('a Hub id as license_name is information on the name, related to license: other', () => {
    const text = 'license: other\nlicense_name: apache-2.0\nlicense_link: LICENSE\n';
    const diagnostics = diagnose(text);
    assert.deepEqual(codes(diagnostics), ['license.known-id-as-name']);
    const [diagnostic] = withCode(diagnostics, 'license.known-id-as-name');
    assert.equal(diagnostic.severity, 3);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'apache-2.0'));
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range, rangeOf(text, 'other'));
  });

  test('a license_name that is not a Hub id is fine', () => {
    assert.deepEqual(withCode(diagnose('license: other\nlicense_name: nvidia-open-model-license\nlicense_link: LICENSE\n'), 'license.known-id-as-name'), []);
  });
});

describe('license.unconfirmed', () => {
  test('license: unknown is a warning on the value', () => {
    const text = 'license: unknown\n';
    const diagnostics = diagnose(text);
    assert.deepEqual(codes(diagnostics).filter(code => code.startsWith('license.')), ['license.unconfirmed']);
    assert.deepEqual(diagnostics.find(d => d.code === 'license.unconfirmed')!.range, rangeOf(text, 'unknown'));
  });

  test('a stated license is not unconfirmed', () => {
    assert.deepEqual(withCode(diagnose('license: mit\n'), 'license.unconfirmed'), []);
  });
});

describe('severity settings', () => {
  test('a code can be raised, lowered or turned off', () => {
    const text = 'license: unknown\n';
    assert.equal(withCode(diagnose(text, undefined, { severity: { 'license.unconfirmed': 'error' } }), 'license.unconfirmed')[0].severity, 1);
    assert.equal(withCode(diagnose(text, undefined, { severity: { 'license.unconfirmed': 'hint' } }), 'license.unconfirmed')[0].severity, 4);
    assert.deepEqual(withCode(diagnose(text, undefined, { severity: { 'license.unconfirmed': 'off' } }), 'license.unconfirmed'), []);
  });
});
