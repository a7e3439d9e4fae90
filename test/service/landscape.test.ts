/** The landscape as data: placement of known models and cards, lineage, conflicts, unplaced models. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UNSTATED_POSTURE } from '../../server/src/service';
import type { LandscapeCard, ServiceSettings } from '../../server/src/service';
import { documentOf, knowledge, service } from '../helpers';

function card(name: string, text: string, settings?: ServiceSettings): LandscapeCard {
  const summary = service.summarize(documentOf(text, name), settings);
  assert.ok(summary, `${name} is a card`);
  return { summary, label: name };
}

const MOSHI_CARD = 'license: cc-by-4.0\nsts:\n  name: Moshi\n  family: dual-stream-codec\n  licensing: { posture: permissive, code: mit }\n';
const README_DERIVATIVE = '---\nlicense: cc-by-nc-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\n---\n# Tiny Talker\n\nA full-duplex spoken dialogue model fine-tuned from Moshi.\n';

describe('the landscape of the known models alone', () => {
  const landscape = service.landscape([]);

  test('every known model with a family has one chip in its cell; the others are unplaced, with a reason', () => {
    for (const known of knowledge.models) {
      const placed = landscape.models.filter(model => model.id === known.id);
      const unplaced = landscape.unplaced.filter(model => model.id === known.id);
      if (known.family) {
        assert.equal(placed.length, 1, known.id);
        assert.equal(placed[0]!.family, known.family);
        assert.equal(placed[0]!.familyFrom, 'known');
        if (known.posture) assert.deepEqual([placed[0]!.posture, placed[0]!.postureFrom], [known.posture, 'known'], known.id);
        assert.equal(unplaced.length, 0);
      } else {
        assert.equal(placed.length, 0, known.id);
        assert.equal(unplaced.length, 1, known.id);
        assert.match(unplaced[0]!.reason, /architecture/);
      }
    }
  });

  test('columns are the families in the knowledge base order; rows the postures, then "not stated" when used', () => {
    assert.deepEqual(landscape.families.map(f => f.id), knowledge.families.map(f => f.id));
    const rows = landscape.postures.map(p => p.id);
    assert.deepEqual(rows.slice(0, knowledge.postures.length), knowledge.postures.map(p => p.id));
    const unstated = landscape.models.filter(model => model.posture === UNSTATED_POSTURE);
    assert.equal(rows.includes(UNSTATED_POSTURE), unstated.length > 0);
    // A known model without a posture but with a weights license gets the posture the license implies.
    for (const model of landscape.models.filter(m => m.postureFrom === 'licenses')) {
      const license = knowledge.licenses.find(l => l.id === model.weightsLicense)!;
      assert.equal(model.posture, license.commercial_use === 'yes' ? 'permissive' : 'non-commercial', model.id);
    }
  });

  test('lineage from the knowledge base: base models and siblings, each sibling pair once', () => {
    const edges = landscape.lineage.map(edge => `${edge.from} ${edge.kind} ${edge.to}`);
    assert.ok(edges.includes('hibiki base-model moshi'), edges.join('\n'));
    assert.ok(edges.includes('personaplex base-model moshi'));
    const pairs = landscape.lineage.filter(e => e.kind === 'sibling').map(e => [e.from, e.to].sort().join('|'));
    assert.equal(new Set(pairs).size, pairs.length);
    const placed = new Set(landscape.models.map(m => m.id));
    assert.ok(landscape.lineage.every(edge => placed.has(edge.from) && placed.has(edge.to)));
  });

  test('sub-categories get distinct one-letter marks', () => {
    const marks = landscape.subcategories.map(s => s.mark);
    assert.equal(new Set(marks).size, marks.length);
    assert.deepEqual(landscape.subcategories.map(s => s.id), knowledge.subcategories.map(s => s.id));
  });
});

describe('cards on the landscape', () => {
  test('a card that describes a known model takes its place: one chip, the card\'s facts, the card\'s location', () => {
    const landscape = service.landscape([card('moshi.modelcard.yaml', MOSHI_CARD)]);
    const moshi = landscape.models.filter(model => model.id === 'moshi');
    assert.equal(moshi.length, 1);
    assert.equal(moshi[0]!.card?.uri, 'file:///cards/moshi.modelcard.yaml');
    assert.equal(moshi[0]!.familyFrom, 'declared');
    assert.equal(moshi[0]!.codeLicense, 'mit');
    assert.equal(moshi[0]!.card?.stsOffset, MOSHI_CARD.indexOf('sts:'));
  });

  test('a README without an sts block is placed by the family its diagnostics suggest, and by the posture its license implies', () => {
    const landscape = service.landscape([card('README.md', README_DERIVATIVE)]);
    const talker = landscape.models.find(model => model.card?.uri === 'file:///cards/README.md');
    assert.ok(talker, JSON.stringify(landscape.unplaced));
    assert.equal(talker.name, 'Tiny Talker');
    assert.deepEqual([talker.family, talker.familyFrom], ['dual-stream-codec', 'suggested']);
    assert.ok(talker.familyEvidence && talker.familyEvidence.length > 0);
    assert.deepEqual([talker.posture, talker.postureFrom], ['non-commercial', 'licenses']);
    assert.ok(landscape.lineage.some(edge => edge.from === talker.id && edge.to === 'moshi' && edge.kind === 'base-model'));
  });

  test('a card with no family and nothing pointing to one is unplaced, with the reason', () => {
    const landscape = service.landscape([card('x.modelcard.yaml', 'license: mit\nsts:\n  name: Mystery Box\n  licensing: { posture: permissive }\n')]);
    const mystery = landscape.unplaced.find(model => model.name === 'Mystery Box');
    assert.ok(mystery);
    assert.equal(mystery.card?.label, 'x.modelcard.yaml');
    assert.match(mystery.reason, /card does not state/);
    assert.ok(!landscape.models.some(model => model.name === 'Mystery Box'));
  });

  test('a card with a family but no posture sits in the "not stated" row', () => {
    const landscape = service.landscape([card('x.modelcard.yaml', 'sts:\n  name: Quiet One\n  family: codec-free\n')], { knownModels: false });
    assert.deepEqual(landscape.models.map(m => [m.name, m.posture, m.postureFrom]), [['Quiet One', UNSTATED_POSTURE, 'none']]);
    assert.deepEqual(landscape.postures.at(-1), { id: UNSTATED_POSTURE, name: 'Posture not stated' });
  });

  test('the license conflicts its diagnostics report, and none whose code the user turned off', () => {
    const text = 'license: apache-2.0\nbase_model: facebook/spiritlm\nsts:\n  name: Loud Tune\n  family: near-sts\n  licensing: { posture: permissive, code: cc-by-nc-4.0 }\n';
    const codes = (settings?: ServiceSettings) => service.landscape([card('t.modelcard.yaml', text, settings)], { knownModels: false })
      .models[0]!.conflicts.map(c => c.code).sort();
    assert.ok(codes().includes('license.posture-conflict'), codes().join());
    assert.ok(codes().includes('license.base-model-conflict'));
    assert.ok(!codes({ severity: { 'license.base-model-conflict': 'off' } }).includes('license.base-model-conflict'));
  });

  test('lineage between two cards by name; the known models left out on request', () => {
    const base = card('base.modelcard.yaml', 'license: mit\nsts:\n  name: Acme Talk\n  family: interleaved-flatten\n  licensing: { posture: permissive }\n');
    const derived = card('tuned.modelcard.yaml', 'license: mit\nbase_model: acme/acme-talk\nsts:\n  name: Acme Talk Tuned\n  family: interleaved-flatten\n  licensing: { posture: permissive }\n');
    const landscape = service.landscape([base, derived], { knownModels: false });
    assert.equal(landscape.models.length, 2);
    assert.deepEqual(landscape.lineage, [{ from: 'card:file:///cards/tuned.modelcard.yaml', to: 'card:file:///cards/base.modelcard.yaml', kind: 'base-model' }]);
  });

  test('hostile names stay data: nothing is interpreted', () => {
    const landscape = service.landscape([card('h.modelcard.yaml', 'sts:\n  name: "<script>alert(1)</script> & \\"x\\""\n  family: near-sts\n')], { knownModels: false });
    assert.equal(landscape.models[0]!.name, '<script>alert(1)</script> & "x"');
  });
});
