import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, diagnose, rangeOf, withCode } from '../helpers';

const card = (sts: string) => `license: mit\nsts:\n${sts}`;

describe('schema.invalid', () => {
  test('an enum value out of the list points at the value and lists the allowed ones', () => {
    const text = card('  duplex: sometimes\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'sometimes'));
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual((diagnostic.data as { allowed: string[] }).allowed, ['full', 'half', 'none']);
  });

  test('an unknown family lists the five families', () => {
    const text = card('  family: dual-stream\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'dual-stream', 0));
    assert.equal((diagnostic.data as { allowed: string[] }).allowed.length, 5);
  });

  test('a value of the wrong type inside a list item', () => {
    const text = card('  latency:\n    - { ms: 200, kind: theoretical }\n    - ms: fast\n      kind: end-to-end\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'fast'));
  });

  test('a sub-category list item out of the enum points at that item', () => {
    const text = card('  subcategories: [translation-duplex, singing]\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'singing'));
  });

  test('a malformed release date', () => {
    const text = card('  released: January 2026\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'January 2026'));
  });

  test('release dates written YYYY, YYYY-MM and YYYY-MM-DD pass', () => {
    for (const released of ['2026', '2026-01', '2026-01-15']) {
      assert.deepEqual(withCode(diagnose(card(`  released: ${released}\n`)), 'schema.invalid'), [], released);
    }
  });

  test('a Hub key with the wrong value: pipeline_tag outside the Hub list', () => {
    const text = 'license: mit\npipeline_tag: speech-to-speech\n';
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'speech-to-speech'));
    assert.ok((diagnostic.data as { allowed: string[] }).allowed.includes('audio-to-audio'));
  });

  test('a block mapping where text is expected is reported on its key, not the whole block', () => {
    const text = card('  name:\n    first: a\n    second: b\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'name'));
  });

  test('a card that is a list, not a mapping, is reported on its first line only', () => {
    const text = '- license: mit\n- language: en\n';
    const diagnostics = diagnose(text);
    assert.deepEqual(codes(diagnostics), ['schema.invalid']);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.equal(diagnostics[0].range.end.line, 0);
  });

  test('the contract example card is valid', () => {
    const text = [
      'license: other', 'license_name: nvidia-open-model-license',
      'license_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
      'base_model: kyutai/moshiko-pytorch-bf16', 'base_model_relation: finetune', 'language: [en]', 'pipeline_tag: audio-to-audio',
      'sts:', '  name: PersonaPlex', '  organization: NVIDIA ADLR', '  released: 2026-01', '  family: dual-stream-codec',
      '  architecture: >', '    Fine-tune of Moshi over the Mimi codec.', '  subcategories: []', '  duplex: full',
      '  codec: { name: mimi, frame_rate_hz: 12.5 }', '  parameters: 7B',
      '  latency:', '    - { ms: 170, kind: end-to-end, source: "average first response" }',
      '  licensing:', '    posture: permissive', '    code: mit', '    commercial_use: true',
      '    attribution: "Built on Moshi by Kyutai (CC BY 4.0)."', '  training_data: { hours: 3467, two_channel: true }', '',
    ].join('\n');
    assert.deepEqual(withCode(diagnose(text), 'schema.invalid'), []);
    assert.deepEqual(withCode(diagnose(text), 'schema.missing'), []);
    assert.deepEqual(withCode(diagnose(text), 'schema.unknown-key'), []);
  });
});

describe('schema.missing', () => {
  test('licensing without posture is reported on the licensing key', () => {
    const text = card('  licensing:\n    code: mit\n');
    const diagnostics = withCode(diagnose(text), 'schema.missing');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'licensing'));
    assert.equal((diagnostics[0].data as { key: string }).key, 'posture');
  });

  test('a latency entry without ms is reported on the entry', () => {
    const text = card('  latency:\n    - kind: end-to-end\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.missing');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'kind'));
  });

  test('a flow-mapping sibling without posture is reported on that mapping', () => {
    const text = card('  licensing:\n    posture: split-with-sibling\n    siblings:\n      - { name: CSM-Medium }\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.missing');
    assert.deepEqual(diagnostic.range, rangeOf(text, '{ name: CSM-Medium }'));
  });

  test('no diagnostic when required keys are there', () => {
    assert.deepEqual(withCode(diagnose(card('  licensing:\n    posture: permissive\n')), 'schema.missing'), []);
  });
});

describe('schema.unknown-key', () => {
  test('a misspelled key under sts is a warning on the key with the closest known key', () => {
    const text = card('  famly: codec-free\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.unknown-key');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'famly'));
    assert.equal(diagnostic.severity, 2);
    assert.equal((diagnostic.data as { suggestion: string }).suggestion, 'family');
  });

  test('nested objects under sts are checked too', () => {
    const text = card('  licensing:\n    posture: permissive\n    comercial_use: true\n');
    const [diagnostic] = withCode(diagnose(text), 'schema.unknown-key');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'comercial_use'));
    assert.equal((diagnostic.data as { suggestion: string }).suggestion, 'commercial_use');
  });

  test('a key nothing like any known key gets a null suggestion', () => {
    const [diagnostic] = withCode(diagnose(card('  xyzzy: 1\n')), 'schema.unknown-key');
    assert.equal((diagnostic.data as { suggestion: unknown }).suggestion, null);
  });

  test('unknown top-level keys are accepted, as on the Hub', () => {
    assert.deepEqual(withCode(diagnose('license: mit\narxiv: 2507.08128\ngeo: ip_location\ninference: false\n'), 'schema.unknown-key'), []);
  });
});

describe('schema.invalid with a known alias', () => {
  test('pipeline_tag speech-to-speech names the Hub task audio-to-audio', () => {
    const text = 'license: mit\npipeline_tag: speech-to-speech\n';
    const [diagnostic] = withCode(diagnose(text), 'schema.invalid');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'speech-to-speech'));
    assert.equal((diagnostic.data as { suggestion: string }).suggestion, 'audio-to-audio');
  });
});
