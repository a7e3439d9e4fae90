/**
 * The knowledge base in `schemas/*.yaml`: it loads, it holds what the product relies on, its
 * facts agree with the license texts, and a broken copy fails with a message naming the file and
 * the entry at fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KNOWLEDGE_FILES, loadKnowledgeBase } from '../server/src/knowledge/load';
import { FAMILY_IDS, POSTURE_IDS, SUBCATEGORY_IDS } from '../server/src/knowledge/schema';
import type { KnowledgeBase, License } from '../server/src/knowledge/schema';

const schemasDir = path.join(__dirname, '..', '..', 'schemas');

/** Every `license:` id of the Hugging Face Hub (hub-docs docs/hub/repositories-licenses.md). */
const HUB_LICENSE_IDS = [
  'apache-2.0', 'mit', 'openrail', 'bigscience-openrail-m', 'creativeml-openrail-m',
  'bigscience-bloom-rail-1.0', 'bigcode-openrail-m', 'afl-3.0', 'artistic-2.0', 'bsl-1.0', 'bsd',
  'bsd-2-clause', 'bsd-3-clause', 'bsd-3-clause-clear', 'c-uda', 'cc', 'cc0-1.0', 'cc-by-2.0',
  'cc-by-2.5', 'cc-by-3.0', 'cc-by-4.0', 'cc-by-sa-3.0', 'cc-by-sa-4.0', 'cc-by-nc-2.0',
  'cc-by-nc-3.0', 'cc-by-nc-4.0', 'cc-by-nd-4.0', 'cc-by-nc-nd-3.0', 'cc-by-nc-nd-4.0',
  'cc-by-nc-sa-2.0', 'cc-by-nc-sa-3.0', 'cc-by-nc-sa-4.0', 'cdla-sharing-1.0', 'cdla-permissive-1.0',
  'cdla-permissive-2.0', 'wtfpl', 'ecl-2.0', 'epl-1.0', 'epl-2.0', 'etalab-2.0', 'eupl-1.1',
  'eupl-1.2', 'agpl-3.0', 'gfdl', 'gpl', 'gpl-2.0', 'gpl-3.0', 'lgpl', 'lgpl-2.1', 'lgpl-3.0', 'isc',
  'h-research', 'intel-research', 'lppl-1.3c', 'ms-pl', 'apple-ascl', 'apple-amlr', 'mpl-2.0',
  'odc-by', 'odbl', 'openmdw-1.0', 'openmdw-1.1', 'openrail++', 'osl-3.0', 'postgresql', 'ofl-1.1',
  'ncsa', 'unlicense', 'zlib', 'pddl', 'lgpl-lr', 'deepfloyd-if-license',
  'fair-noncommercial-research-license', 'llama2', 'llama3', 'llama3.1', 'llama3.2', 'llama3.3',
  'llama4', 'grok2-community', 'gemma', 'unknown', 'other',
];

/** Names used under `license: other` on real cards. */
const OTHER_LICENSE_NAMES = [
  'nvidia-open-model-license', 'nvidia-oneway-noncommercial', 'qwen-research', 'academic-only',
  'nv-ai-foundation-models-license',
];

let cached: KnowledgeBase | undefined;
function kb(): KnowledgeBase {
  cached ??= loadKnowledgeBase(schemasDir);
  return cached;
}

function license(id: string): License {
  const found = kb().licenses.find(l => l.id === id);
  assert.ok(found, `licenses.yaml has no entry '${id}'`);
  return found;
}

/** Copies schemas/ to a temporary directory, edits one file, and returns the loader's error. */
function loadBrokenCopy(file: string, edit: (text: string) => string): Error {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sts-kb-'));
  try {
    for (const name of KNOWLEDGE_FILES) fs.copyFileSync(path.join(schemasDir, name), path.join(dir, name));
    const original = fs.readFileSync(path.join(dir, file), 'utf8');
    const edited = edit(original);
    assert.notEqual(edited, original, 'the edit must change the file');
    fs.writeFileSync(path.join(dir, file), edited);
    let caught: unknown;
    try {
      loadKnowledgeBase(dir);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof Error, `a broken ${file} must make loadKnowledgeBase throw`);
    return caught;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces exactly one occurrence, so a test cannot pass by editing nothing. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' not found`);
  assert.equal(text.indexOf(from, at + 1), -1, `'${from}' occurs more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const normalize = (value: string) => value.trim().toLowerCase().replace(/[\s_]+/g, '-');

test('the knowledge base in schemas/ loads and passes its cross-checks', () => {
  const loaded = kb();
  assert.ok(loaded.families.length > 0);
  assert.ok(loaded.licenses.length > 0);
  assert.ok(loaded.models.length >= 45, `only ${loaded.models.length} models`);
});

test('every Hugging Face Hub license id is present with hub: true', () => {
  const hub = kb().licenses.filter(l => l.hub);
  assert.equal(hub.length, 83);
  assert.equal(new Set(HUB_LICENSE_IDS).size, 83);
  assert.deepEqual(hub.map(l => l.id).sort(), [...HUB_LICENSE_IDS].sort());
  for (const id of ['apache-2.0', 'mit', 'cc-by-nc-sa-2.0', 'openrail++', 'llama3.1', 'gemma',
    'fair-noncommercial-research-license', 'deepfloyd-if-license', 'grok2-community', 'unknown', 'other']) {
    assert.equal(license(id).hub, true, id);
  }
  assert.equal(license('apache-2.0').name, 'Apache license 2.0');
  assert.equal(license('gemma').url, 'https://ai.google.dev/gemma/terms');
});

test('the names used under license: other are present with hub: false', () => {
  for (const id of OTHER_LICENSE_NAMES) assert.equal(license(id).hub, false, id);
  assert.equal(kb().licenses.length, 83 + OTHER_LICENSE_NAMES.length);
});

test('the five families, four postures and three sub-categories are present', () => {
  assert.deepEqual(kb().families.map(f => f.id), [...FAMILY_IDS]);
  assert.deepEqual(kb().postures.map(p => p.id).sort(), [...POSTURE_IDS].sort());
  assert.deepEqual(kb().subcategories.map(s => s.id).sort(), [...SUBCATEGORY_IDS].sort());
  const numbers = Object.fromEntries(kb().families.map(f => [f.id, f.number]));
  assert.deepEqual(numbers, {
    'dual-stream-codec': 1, 'interleaved-flatten': 2, 'cascade-predictor': 3, 'codec-free': 4, 'near-sts': null,
  });
});

test('every open-weights model with a stated license names a license in licenses.yaml', () => {
  const ids = new Set(kb().licenses.map(l => l.id));
  for (const model of kb().models) {
    if (!model.open_weights) continue;
    for (const id of [model.weights_license, model.code_license]) {
      if (id !== null) assert.ok(ids.has(id), `${model.id}: unknown license '${id}'`);
    }
  }
});

test('a closed model has no weights and no licenses', () => {
  for (const model of kb().models.filter(m => m.posture === 'closed-commercial')) {
    assert.equal(model.open_weights, false, model.id);
    assert.equal(model.weights_license, null, model.id);
  }
});

test('examples agree with the models they name', () => {
  const byId = new Map(kb().models.map(m => [m.id, m]));
  for (const family of kb().families) {
    for (const id of family.examples) assert.equal(byId.get(id)?.family, family.id, `${family.id} example ${id}`);
  }
  for (const posture of kb().postures) {
    for (const id of posture.examples) assert.equal(byId.get(id)?.posture, posture.id, `${posture.id} example ${id}`);
  }
  for (const sub of kb().subcategories) {
    for (const id of sub.examples) assert.ok(byId.get(id)?.subcategories.includes(sub.id), `${sub.id} example ${id}`);
  }
});

test('a split-with-sibling model names a closed sibling', () => {
  const byId = new Map(kb().models.map(m => [m.id, m]));
  for (const model of kb().models.filter(m => m.posture === 'split-with-sibling')) {
    assert.ok(model.siblings.some(s => byId.get(s.model)?.posture === 'closed-commercial'), model.id);
  }
});

test('the models the contract and the real cards rely on are known', () => {
  const byId = new Map(kb().models.map(m => [m.id, m]));
  const moshi = byId.get('moshi');
  assert.equal(moshi?.family, 'dual-stream-codec');
  assert.equal(moshi?.weights_license, 'cc-by-4.0');
  assert.equal(moshi?.code_license, 'mit');
  assert.ok(moshi?.hub_ids.includes('kyutai/moshiko-pytorch-bf16'));
  const personaplex = byId.get('personaplex');
  assert.equal(personaplex?.base_model, 'moshi');
  assert.equal(personaplex?.weights_license, 'nvidia-open-model-license');
  assert.deepEqual(personaplex?.hub_ids, ['nvidia/personaplex-7b-v1']);
  assert.equal(byId.get('covo-audio')?.weights_license, 'academic-only');
  assert.equal(byId.get('step-audio-r1.1')?.weights_license, 'unknown');
  assert.equal(byId.get('seeduplex')?.family, 'dual-stream-codec');
  assert.equal(byId.get('salmonn-omni')?.family, 'codec-free');
  assert.equal(byId.get('unmute')?.family, 'near-sts');
  const hubIds = kb().models.flatMap(m => m.hub_ids);
  for (const id of ['kyutai/moshika-candle-q8', 'kyutai/hibiki-2b-mlx-bf16', 'Qwen/Qwen2.5-Omni-7B',
    'sesame/csm-1b', 'nvidia/audio-flamingo-3-chat', 'nvidia/audio-flamingo-3']) {
    assert.ok(hubIds.includes(id), id);
  }
  assert.equal(new Set(hubIds).size, hubIds.length, 'a Hub id belongs to one model');
});

test('names and aliases do not collide', () => {
  const seen = new Map<string, string>();
  for (const model of kb().models) {
    for (const name of new Set([model.name, ...model.aliases].map(normalize))) {
      assert.ok(!seen.has(name) || seen.get(name) === model.id, `'${name}' names ${seen.get(name)} and ${model.id}`);
      seen.set(name, model.id);
    }
  }
  const licenseNames = new Map<string, string>();
  for (const l of kb().licenses) {
    for (const name of new Set([l.id, l.name, ...l.aliases].map(normalize))) {
      assert.ok(!licenseNames.has(name) || licenseNames.get(name) === l.id, `'${name}' names ${licenseNames.get(name)} and ${l.id}`);
      licenseNames.set(name, l.id);
    }
  }
});

test('evidence phrases are not repeated within a sub-category', () => {
  const key = (phrase: string) => phrase.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  for (const entry of kb().subcategories) {
    const keys = entry.evidence.map(e => key(e.phrase));
    assert.equal(new Set(keys).size, keys.length, `${entry.id} lists a phrase twice`);
  }
});

test('every family has concepts that are evidence for it, and every concept says why', () => {
  const concepts = kb().suggester.concepts;
  for (const family of kb().families) {
    assert.ok(concepts.some(c => family.id in c.evidence), `no concept is evidence for ${family.id}`);
  }
  for (const concept of concepts) assert.ok(concept.why.length >= 20, `${concept.id} needs a reason`);
  assert.ok(kb().suggester.threshold > 0.3 && kb().suggester.threshold < 1);
});

test('license facts follow the license texts', () => {
  const oml = license('nvidia-open-model-license');
  assert.equal(oml.commercial_use, 'yes');
  assert.ok(oml.article_note && oml.article_note.length > 0, 'the NVIDIA Open Model License notes the article disagreement');
  assert.equal(license('cc-by-nc-4.0').commercial_use, 'no');
  assert.equal(license('cc-by-4.0').commercial_use, 'yes');
  assert.equal(license('cc-by-4.0').credit, 'required');
  assert.equal(license('fair-noncommercial-research-license').derivatives_keep_terms, 'yes');
  assert.equal(license('fair-noncommercial-research-license').commercial_use, 'no');
  assert.equal(license('cc-by-nd-4.0').derivatives_keep_terms, 'not-allowed');
  assert.equal(license('cc-by-sa-4.0').derivatives_keep_terms, 'yes');
  assert.equal(license('mit').derivatives_keep_terms, 'no');
  assert.equal(license('llama3.2').commercial_use, 'conditional');
  assert.equal(license('openrail').commercial_use, 'conditional');
  assert.equal(license('nvidia-oneway-noncommercial').commercial_use, 'no');
  assert.equal(license('gpl-3.0').commercial_use, 'unknown');
  for (const id of ['unknown', 'other']) {
    const l = license(id);
    assert.deepEqual([l.commercial_use, l.credit, l.derivatives_keep_terms], ['unknown', 'unknown', 'unknown'], id);
  }
});

test('aliases resolve hand-written license names', () => {
  const byName = (name: string) => kb().licenses.find(l => [l.id, l.name, ...l.aliases].some(n => normalize(n) === normalize(name)))?.id;
  assert.equal(byName('Apache License 2.0'), 'apache-2.0');
  assert.equal(byName('CC BY 4.0'), 'cc-by-4.0');
  assert.equal(byName('FAIR-NC'), 'fair-noncommercial-research-license');
  assert.equal(byName('NVIDIA OneWay Noncommercial License'), 'nvidia-oneway-noncommercial');
  assert.equal(byName('nvidia-oneway-noncommercial-license'), 'nvidia-oneway-noncommercial');
});

test('a family id that is not one fails, naming the file and the entry', () => {
  const error = loadBrokenCopy('models.yaml', text => replaceOnce(text,
    'lab: Kyutai\n  family: dual-stream-codec\n  subcategories: []\n  released: "2024"',
    'lab: Kyutai\n  family: dual-stream\n  subcategories: []\n  released: "2024"'));
  assert.match(error.message, /models\.yaml/);
  assert.match(error.message, /\(moshi\)\.family/);
});

test('a model license missing from licenses.yaml fails, naming the file and the entry', () => {
  const error = loadBrokenCopy('models.yaml', text => replaceOnce(text,
    'weights_license: nvidia-open-model-license', 'weights_license: nvidia-open-model'));
  assert.match(error.message, /models\.yaml personaplex\.weights_license: unknown license 'nvidia-open-model'/);
});

test('an example that is not a known model fails, naming the file and the entry', () => {
  const error = loadBrokenCopy('families.yaml', text => replaceOnce(text, 'examples: [salmonn-omni]', 'examples: [salmon-omni]'));
  assert.match(error.message, /families\.yaml codec-free\.examples: unknown model 'salmon-omni'/);
});

test('a malformed concept pattern fails, naming the file, the concept and the pattern', () => {
  const error = loadBrokenCopy('concepts.yaml', text => replaceOnce(text, '    - inner + monologue*', '    - inner + mo*'));
  assert.match(error.message, /concepts\.yaml/);
  assert.match(error.message, /\(inner-monologue\)\.all/);
  assert.match(error.message, /'mo\*' needs at least 3 letters/);
});

test('a concept that is evidence for an unknown family fails', () => {
  const error = loadBrokenCopy('concepts.yaml', text => replaceOnce(text, 'evidence: { dual-stream-codec: 0.95 }', 'evidence: { dual-stream: 0.95 }'));
  assert.match(error.message, /\(inner-monologue\)\.evidence/);
});

test("a concept's fact named like a concept fails, naming the concept", () => {
  const error = loadBrokenCopy('concepts.yaml', text => replaceOnce(text, '{ cascade-predictor: 0.6 }\n  fact: turn-state-decision\n  all:\n    # Also named', '{ cascade-predictor: 0.6 }\n  fact: micro-turns\n  all:\n    # Also named'));
  assert.match(error.message, /concepts\.yaml duplex-state-predictor\.fact: 'micro-turns' is a concept's id/);
});

test('a concept that yields to a family it is evidence for fails, naming the concept and the family', () => {
  const error = loadBrokenCopy('concepts.yaml', text => replaceOnce(text, '{ near-sts: 0.2 }\n  yields_to: [cascade-predictor]', '{ near-sts: 0.2 }\n  yields_to: [cascade-predictor, near-sts]'));
  assert.match(error.message, /concepts\.yaml text-llm\.yields_to: 'near-sts' is a family this concept is evidence for/);
});

test('a bad commercial_use value fails, naming the file and the license', () => {
  const error = loadBrokenCopy('licenses.yaml', text => replaceOnce(text,
    "- id: mit\n  name: MIT\n  hub: true\n  aliases:\n  - MIT License\n  - The MIT License\n  commercial_use: 'yes'",
    "- id: mit\n  name: MIT\n  hub: true\n  aliases:\n  - MIT License\n  - The MIT License\n  commercial_use: maybe"));
  assert.match(error.message, /licenses\.yaml/);
  assert.match(error.message, /\(mit\)\.commercial_use/);
});
