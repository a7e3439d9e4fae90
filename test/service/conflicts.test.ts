import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, diagnose, knowledge, rangeOf, withCode } from '../helpers';

const only = (text: string, code: string) => withCode(diagnose(text), code);

describe('license.posture-conflict', () => {
  test('permissive posture with a non-commercial code license: error on the posture, related to the license', () => {
    const text = 'license: mit\nsts:\n  licensing:\n    posture: permissive\n    code: cc-by-nc-4.0\n';
    const [diagnostic] = only(text, 'license.posture-conflict');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'permissive'));
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range, rangeOf(text, 'cc-by-nc-4.0'));
    assert.ok(diagnostic.message.includes(knowledge.licenses.find(l => l.id === 'cc-by-nc-4.0')!.source.name), 'the message cites the source');
  });

  test('permissive posture with a non-commercial weights license named under other', () => {
    const text = 'license: other\nlicense_name: nvidia-oneway-noncommercial\nlicense_link: LICENSE\nsts:\n  licensing: { posture: permissive }\n';
    const [diagnostic] = only(text, 'license.posture-conflict');
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range, rangeOf(text, 'nvidia-oneway-noncommercial'));
  });

  test('non-commercial posture with only permissive licenses is information', () => {
    const text = 'license: apache-2.0\nsts:\n  licensing: { posture: non-commercial, code: mit }\n';
    const [diagnostic] = only(text, 'license.posture-conflict');
    assert.equal(diagnostic.severity, 3);
    assert.equal(diagnostic.relatedInformation?.length, 2);
  });

  test('the NVIDIA Open Model License allows commercial use (its text wins over the article)', () => {
    assert.deepEqual(only('license: other\nlicense_name: nvidia-open-model-license\nlicense_link: LICENSE\nsts:\n  licensing: { posture: permissive }\n', 'license.posture-conflict'), []);
  });

  test('consistent postures pass', () => {
    assert.deepEqual(only('license: cc-by-nc-4.0\nsts:\n  licensing: { posture: non-commercial, code: mit }\n', 'license.posture-conflict'), []);
    assert.deepEqual(only('license: cc-by-4.0\nsts:\n  licensing: { posture: permissive, code: mit }\n', 'license.posture-conflict'), []);
  });
});

describe('license.commercial-conflict', () => {
  test('commercial_use: true under a non-commercial weights license', () => {
    const text = 'license: fair-noncommercial-research-license\nsts:\n  licensing: { posture: non-commercial, commercial_use: true }\n';
    const [diagnostic] = only(text, 'license.commercial-conflict');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'true'));
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range, rangeOf(text, 'fair-noncommercial-research-license'));
  });

  test('commercial_use: true under permissive or conditional licenses passes', () => {
    assert.deepEqual(only('license: apache-2.0\nsts:\n  licensing: { posture: permissive, commercial_use: true }\n', 'license.commercial-conflict'), []);
    assert.deepEqual(only('license: llama3.2\nsts:\n  licensing: { posture: permissive, commercial_use: true }\n', 'license.commercial-conflict'), []);
  });
});

describe('license.closed-with-open-weights', () => {
  test('closed-commercial posture with an open weights license: error on the license', () => {
    const text = 'license: apache-2.0\nsts:\n  licensing: { posture: closed-commercial }\n';
    const [diagnostic] = only(text, 'license.closed-with-open-weights');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'apache-2.0'));
    assert.deepEqual(diagnostic.relatedInformation?.[0].location.range, rangeOf(text, 'closed-commercial'));
  });

  test('closed-commercial without a license passes', () => {
    assert.deepEqual(codes(diagnose('sts:\n  family: dual-stream-codec\n  licensing: { posture: closed-commercial }\n')), []);
  });
});

describe('license.sibling-missing', () => {
  test('split-with-sibling without siblings', () => {
    const text = 'license: apache-2.0\nsts:\n  licensing: { posture: split-with-sibling }\n';
    const [diagnostic] = only(text, 'license.sibling-missing');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'split-with-sibling'));
  });

  test('split-with-sibling with a sibling passes', () => {
    const text = 'license: apache-2.0\nsts:\n  licensing:\n    posture: split-with-sibling\n    siblings: [{ name: Qwen3.5-Omni, posture: closed-commercial }]\n';
    assert.deepEqual(only(text, 'license.sibling-missing'), []);
  });
});

describe('license.base-model-conflict', () => {
  test('a permissive fine-tune of a non-commercial base: error on base_model, related to the claim', () => {
    const text = 'license: apache-2.0\nbase_model: nvidia/audio-flamingo-3\nsts:\n  licensing: { posture: permissive, attribution: "Built on AF3." }\n';
    const conflicts = only(text, 'license.base-model-conflict');
    assert.ok(conflicts.length >= 1);
    assert.deepEqual(conflicts[0].range, rangeOf(text, 'nvidia/audio-flamingo-3'));
    assert.deepEqual(conflicts[0].relatedInformation?.[0].location.range, rangeOf(text, 'apache-2.0'));
    assert.equal((conflicts[0].data as { condition: string }).condition, 'non-commercial');
  });

  test('a derivative of a base whose terms pass through, under another license', () => {
    const text = 'license: mit\nbase_model: [kyutai/moshiko-pytorch-bf16, facebook/spiritlm]\nsts:\n  licensing: { posture: non-commercial, attribution: "x" }\n';
    const conflicts = only(text, 'license.base-model-conflict');
    assert.deepEqual(conflicts.map(d => (d.data as { condition: string }).condition), ['non-commercial', 'keep-terms']);
    assert.ok(conflicts.every(d => d.range.start.character === text.split('\n')[1].indexOf('facebook/spiritlm')));
  });

  test('a derivative that keeps the base terms passes', () => {
    const text = 'license: fair-noncommercial-research-license\nbase_model: facebook/spiritlm\nsts:\n  licensing: { posture: non-commercial, attribution: "Built on Spirit LM by Meta." }\n';
    assert.deepEqual(only(text, 'license.base-model-conflict'), []);
  });

  test('an unknown base model yields no claim at all', () => {
    const text = 'license: mit\nbase_model: someone/unknown-model\nsts:\n  family: codec-free\n  licensing: { posture: permissive }\n';
    assert.deepEqual(codes(diagnose(text)), []);
  });
});

describe('license.attribution-missing', () => {
  test('a fine-tune of Moshi (CC BY 4.0) without attribution', () => {
    const text = 'license: other\nlicense_name: nvidia-open-model-license\nlicense_link: LICENSE\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  licensing: { posture: permissive }\n';
    const [diagnostic] = only(text, 'license.attribution-missing');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'kyutai/moshiko-pytorch-bf16'));
    assert.equal(typeof (diagnostic.data as { attribution: string }).attribution, 'string');
  });

  test('with attribution it passes', () => {
    const text = 'license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  family: dual-stream-codec\n  licensing: { posture: permissive, attribution: "Built on Moshi by Kyutai (CC BY 4.0)." }\n';
    assert.deepEqual(codes(diagnose(text)), []);
  });
});

describe('consent.missing', () => {
  test('voice-cloning without consent: warning on the sub-category', () => {
    const text = 'license: mit\nsts:\n  subcategories: [voice-cloning]\n';
    const [diagnostic] = only(text, 'consent.missing');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'voice-cloning'));
  });

  test('with consent it passes', () => {
    assert.deepEqual(only('license: mit\nsts:\n  subcategories: [voice-cloning]\n  consent: { voice_source: licensed actors, consent_obtained: true }\n', 'consent.missing'), []);
  });
});

describe('latency.unlabeled', () => {
  test('a latency figure without kind: warning on its ms', () => {
    const text = 'license: mit\nsts:\n  latency:\n    - { ms: 160, kind: theoretical }\n    - ms: 200\n';
    const diagnostics = only(text, 'latency.unlabeled');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '200'));
  });

  test('labelled figures pass', () => {
    assert.deepEqual(only('license: mit\nsts:\n  latency: [{ ms: 160, kind: theoretical }]\n', 'latency.unlabeled'), []);
  });
});
