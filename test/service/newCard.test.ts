/**
 * The new-card generator (server/src/service/authoring/newCard.ts): for every known model as base
 * model, for no base and for a Hub id the knowledge base does not know, in both forms and with the
 * sub-categories that change the card, the generated card raises no error under the linter's own
 * rules, and only the warnings its choices imply; the snippet expands to the plain text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parse } from 'yaml';
import type { KnowledgeBase, KnownModel } from '../../server/src/knowledge/schema';
import { createModelCardService } from '../../server/src/service';
import { defaultsFor, newCard, NewCardChoices } from '../../server/src/service/authoring/newCard';
import { KnowledgeIndex } from '../../server/src/service/knowledgeIndex';
import { documentOf, knowledge, service } from '../helpers';

const index = new KnowledgeIndex(knowledge);

// --- A snippet expander that follows the LSP snippet grammar --------------------------------------
//   any         ::= tabstop | placeholder | choice | text
//   tabstop     ::= '$' int | '${' int '}'
//   placeholder ::= '${' int ':' any* '}'
//   choice      ::= '${' int '|' choicetext (',' choicetext)* '|}'
//   text: '\' escapes '$', '}' and '\'; in a choice's text it escapes ',', '|' and '\'.
// Strict where the grammar is loose: an unescaped '}' or '$' in text, a variable, or an
// unterminated construct is an error, as is a tab stop mirrored without a default anywhere.

interface Expansion {
  readonly text: string;
  /** Each tab stop's default (the first placeholder or choice with that number). */
  readonly defaults: ReadonlyMap<number, string>;
  /** Tab stops in order of appearance, with their number and whether they define a default. */
  readonly stops: readonly { n: number; defines: boolean }[];
}

function expandSnippet(snippet: string): Expansion {
  type Node = { kind: 'text'; value: string } | { kind: 'stop'; n: number; children?: Node[]; options?: string[] };
  let at = 0;
  const fail = (message: string): never => { throw new Error(`${message} at offset ${at}: …${snippet.slice(Math.max(0, at - 20), at + 20)}…`); };
  const int = () => {
    const match = /^\d+/.exec(snippet.slice(at));
    if (!match) fail('a tab stop number expected');
    at += match![0].length;
    return Number(match![0]);
  };
  function parseAny(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => { if (text) nodes.push({ kind: 'text', value: text }); text = ''; };
    while (at < snippet.length) {
      const c = snippet[at];
      if (c === '\\') {
        const next = snippet[at + 1];
        if (next === '$' || next === '}' || next === '\\') { text += next; at += 2; }
        else fail('a backslash that escapes nothing');
      } else if (c === '}') {
        if (inPlaceholder) break;
        fail("an unescaped '}' in text");
      } else if (c === '$') {
        flush();
        at++;
        if (/\d/.test(snippet[at] ?? '')) { nodes.push({ kind: 'stop', n: int() }); continue; }
        if (snippet[at] !== '{') fail("an unescaped '$' (or a variable) in text");
        at++;
        const n = int();
        if (snippet[at] === '}') { at++; nodes.push({ kind: 'stop', n }); continue; }
        if (snippet[at] === ':') {
          at++;
          const children = parseAny(true);
          if (snippet[at] !== '}') fail('an unterminated placeholder');
          at++;
          nodes.push({ kind: 'stop', n, children });
          continue;
        }
        if (snippet[at] === '|') {
          at++;
          const options: string[] = [''];
          for (;;) {
            const ch = snippet[at];
            if (ch === undefined) fail('an unterminated choice');
            if (ch === '\\' && [',', '|', '\\'].includes(snippet[at + 1])) { options[options.length - 1] += snippet[at + 1]; at += 2; }
            else if (ch === ',') { options.push(''); at++; }
            else if (ch === '|' && snippet[at + 1] === '}') { at += 2; break; }
            else if (ch === '|') fail("an unescaped '|' in a choice");
            else { options[options.length - 1] += ch; at++; }
          }
          nodes.push({ kind: 'stop', n, options });
          continue;
        }
        fail('a malformed tab stop');
      } else {
        text += c;
        at++;
      }
    }
    flush();
    return nodes;
  }
  const tree = parseAny(false);
  if (at !== snippet.length) fail('trailing text');

  const defaults = new Map<number, string>();
  const stops: { n: number; defines: boolean }[] = [];
  const collect = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind !== 'stop') continue;
      stops.push({ n: node.n, defines: node.children !== undefined || node.options !== undefined });
      if (node.children) collect(node.children);
      if (!defaults.has(node.n)) {
        if (node.options) defaults.set(node.n, node.options[0]);
        else if (node.children) defaults.set(node.n, render(node.children));
      }
    }
  };
  const render = (nodes: Node[]): string => nodes.map(node => {
    if (node.kind === 'text') return node.value;
    if (node.n === 0) return '';
    const value = defaults.get(node.n);
    if (node.options) return node.options[0];
    if (node.children) return render(node.children);
    if (value === undefined) throw new Error(`tab stop $${node.n} mirrors nothing`);
    return value;
  }).join('');
  collect(tree);
  return { text: render(tree), defaults, stops };
}

// --- Helpers ---------------------------------------------------------------------------------------

function validate(card: { text: string; fileName: string }, svc = service): Diagnostic[] {
  return svc.validate(documentOf(card.text, card.fileName));
}

const codesOf = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map(d => String(d.code)))].sort();
const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);

/** The YAML of a card: the front matter of a README, or the whole standalone file. */
function yamlOf(card: { text: string; fileName: string }): Record<string, any> {
  if (!card.fileName.endsWith('.md')) return parse(card.text);
  const close = card.text.indexOf('\n---\n', 4);
  return parse(card.text.slice(4, close + 1));
}

/**
 * The only non-error codes a generated card may get, and why: `license.unconfirmed` when neither the
 * user nor the base model gives a license (the card says `unknown`, the honest value); and
 * `family.missing` when neither gives a family (the card cannot know it: the Architecture paragraph
 * the user writes is what its suggestion then reads).
 */
function expectedCodes(choices: NewCardChoices): string[] {
  const expected: string[] = [];
  if (!choices.family) expected.push('family.missing');
  const license = choices.license ? index.licenseNamed(choices.license) : undefined;
  if (!license || license.id === 'unknown') expected.push('license.unconfirmed');
  return expected.sort();
}

const SUBCATEGORY_SETS: readonly string[][] = [
  [], ['voice-cloning'], ['translation-duplex'], ['reasoning-realtime'],
  ['reasoning-realtime', 'translation-duplex', 'voice-cloning'],
];
const FORMS = ['readme', 'yaml'] as const;
const UNKNOWN_HUB_ID = 'acme-research/speech-base-7b';

describe('newCard: every base model, both forms, every sub-category set that matters', () => {
  const bases: (string | undefined)[] = [undefined, UNKNOWN_HUB_ID, ...knowledge.models.map(m => m.id), ...knowledge.models.flatMap(m => m.hub_ids)];
  const seen = new Map<string, number>();

  test(`${bases.length} bases × ${FORMS.length} forms × ${SUBCATEGORY_SETS.length} sub-category sets, with the defaults: no error, only the implied warnings`, () => {
    for (const baseModel of bases) {
      const defaults = defaultsFor(index, baseModel);
      for (const form of FORMS) {
        for (const subcategories of SUBCATEGORY_SETS) {
          const choices: NewCardChoices = { form, name: 'Acme Talk', baseModel, family: defaults.family, license: defaults.license, subcategories, organization: 'Acme Labs' };
          const card = newCard(index, choices);
          const label = `${baseModel ?? '(no base)'} / ${form} / [${subcategories}]`;
          assert.deepEqual(card.problems, [], label);
          const diagnostics = validate(card);
          assert.deepEqual(errorsOf(diagnostics), [], label);
          assert.deepEqual(codesOf(diagnostics), expectedCodes(choices), label);
          for (const code of codesOf(diagnostics)) seen.set(code, (seen.get(code) ?? 0) + 1);
          assert.equal(expandSnippet(card.snippet).text, card.text, `${label}: the snippet at its defaults is the text`);
        }
      }
    }
    // The whole list of non-error codes the generated cards get, for the report.
    assert.deepEqual([...seen.keys()].sort(), ['family.missing', 'license.unconfirmed']);
  });

  test('with any family chosen, even one other than the base model\'s: only license.unconfirmed remains, and only for an unknown license', () => {
    for (const baseModel of bases) {
      const defaults = defaultsFor(index, baseModel);
      for (const family of knowledge.families.map(f => f.id)) {
        for (const form of FORMS) {
          const choices: NewCardChoices = { form, name: 'Acme Talk', baseModel, family, license: defaults.license, subcategories: ['voice-cloning'] };
          const card = newCard(index, choices);
          const diagnostics = validate(card);
          const label = `${baseModel ?? '(no base)'} / ${family} / ${form}`;
          assert.deepEqual(errorsOf(diagnostics), [], label);
          assert.deepEqual(codesOf(diagnostics), expectedCodes(choices), label);
        }
      }
    }
  });

  test('every license of the knowledge base, with every family or none: no error, only the implied warnings', () => {
    for (const license of knowledge.licenses) {
      for (const family of [undefined, ...knowledge.families.map(f => f.id)]) {
        for (const form of FORMS) {
          const choices: NewCardChoices = { form, name: 'Acme Talk', family, license: license.id };
          const card = newCard(index, choices);
          const label = `${license.id} / ${family} / ${form}`;
          assert.deepEqual(card.problems, [], label);
          const diagnostics = validate(card);
          assert.deepEqual(errorsOf(diagnostics), [], label);
          assert.deepEqual(codesOf(diagnostics), expectedCodes(choices), label);
          assert.equal(expandSnippet(card.snippet).text, card.text, label);
        }
      }
    }
  });
});

describe('newCard: licensing', () => {
  const licensingOf = (card: { text: string; fileName: string }) => yamlOf(card).sts.licensing;

  test('a derivative of Spirit-LM (FAIR-NC) keeps the license, is non-commercial and credits it: no base-model conflict', () => {
    const defaults = defaultsFor(index, 'spirit-lm');
    assert.equal(defaults.license, 'fair-noncommercial-research-license');
    assert.equal(defaults.family, 'near-sts');
    assert.match(defaults.licenseDetail!, /no commercial use/);
    assert.ok(defaults.licenseDetail!.includes(index.licenseById.get('fair-noncommercial-research-license')!.source.name), 'the detail names its source');
    for (const form of FORMS) {
      const card = newCard(index, { form, name: 'Expressive Tune', baseModel: 'Spirit LM', ...defaults });
      const yaml = yamlOf(card);
      assert.equal(yaml.license, 'fair-noncommercial-research-license');
      assert.equal(yaml.base_model, 'spirit-lm');
      assert.deepEqual(licensingOf(card), { posture: 'non-commercial', commercial_use: false, attribution: 'Built on Spirit-LM by Meta (FAIR Noncommercial Research License).' });
      assert.deepEqual(codesOf(validate(card)), []);
    }
  });

  test('a license that would drop the base model\'s terms is not used: the base\'s license stays, and the problem is said', () => {
    for (const license of ['apache-2.0', 'cc-by-nc-4.0', 'unknown', 'other']) {
      const card = newCard(index, { form: 'readme', name: 'Tune', baseModel: 'spirit-lm', license });
      assert.equal(card.problems.length, 1, license);
      assert.match(card.problems[0], /must stay under fair-noncommercial-research-license/);
      assert.equal(yamlOf(card).license, 'fair-noncommercial-research-license');
      assert.deepEqual(codesOf(validate(card)), [], license);
    }
  });

  test('a non-commercial base whose terms do not pass on: another non-commercial license is honoured, a commercial one is not', () => {
    // Audio Flamingo 3: NVIDIA OneWay Noncommercial, derivative terms not recorded.
    const honoured = newCard(index, { form: 'yaml', name: 'Tune', baseModel: 'nvidia/audio-flamingo-3', license: 'cc-by-nc-4.0' });
    assert.deepEqual(honoured.problems, []);
    assert.deepEqual(licensingOf(honoured), { posture: 'non-commercial', commercial_use: false });
    assert.deepEqual(codesOf(validate(honoured)), []);
    const refused = newCard(index, { form: 'yaml', name: 'Tune', baseModel: 'nvidia/audio-flamingo-3', license: 'mit' });
    assert.match(refused.problems[0], /forbids commercial use, and mit allows it/);
    assert.equal(yamlOf(refused).license, 'other');
    assert.equal(yamlOf(refused).license_name, 'nvidia-oneway-noncommercial');
    assert.deepEqual(codesOf(validate(refused)), []);
  });

  test('a license the Hub has no id for is written as other + license_name + license_link', () => {
    const personaplex = newCard(index, { form: 'yaml', name: 'Persona Tune', baseModel: 'nvidia/personaplex-7b-v1', ...defaultsFor(index, 'nvidia/personaplex-7b-v1') });
    const yaml = yamlOf(personaplex);
    const nvidia = index.licenseById.get('nvidia-open-model-license')!;
    assert.deepEqual([yaml.license, yaml.license_name, yaml.license_link], ['other', nvidia.id, nvidia.url]);
    assert.deepEqual(licensingOf(personaplex).posture, 'permissive');
    // Without a link in the knowledge base, the license file of the repository stands in.
    const academic = yamlOf(newCard(index, { form: 'yaml', name: 'Omni Tune', license: 'academic-only' }));
    assert.deepEqual([academic.license, academic.license_name, academic.license_link], ['other', 'academic-only', 'LICENSE']);
  });

  test('a derivative of Moshi (CC BY 4.0) gets the attribution line the rule proposes, and a permissive posture', () => {
    const card = newCard(index, { form: 'readme', name: 'Moshi Tune', baseModel: 'kyutai/moshiko-pytorch-bf16', ...defaultsFor(index, 'moshi') });
    const licensing = licensingOf(card);
    assert.equal(licensing.posture, 'permissive');
    assert.equal(licensing.commercial_use, true);
    const withoutCredit = card.text.replace(/^ {4}attribution: .*\n/m, '');
    const [missing] = validate({ text: withoutCredit, fileName: card.fileName }).filter(d => d.code === 'license.attribution-missing');
    assert.equal(licensing.attribution, (missing.data as { attribution: string }).attribution);
  });

  test('posture follows the license: permissive when it allows commercial use, non-commercial when not or not known', () => {
    const postureFor = (license: string) => licensingOf(newCard(index, { form: 'yaml', name: 'X', license }));
    assert.deepEqual(postureFor('apache-2.0'), { posture: 'permissive', commercial_use: true });
    assert.deepEqual(postureFor('cc-by-nc-4.0'), { posture: 'non-commercial', commercial_use: false });
    assert.deepEqual(postureFor('llama3.2'), { posture: 'permissive' });
    assert.deepEqual(postureFor('unknown'), { posture: 'non-commercial' });
    assert.deepEqual(postureFor('bsd-3-clause'), { posture: 'non-commercial' });
  });

  test('the README\'s License section states the facts and their source', () => {
    const card = newCard(index, { form: 'readme', name: 'X', license: 'cc-by-nc-4.0' });
    const license = index.licenseById.get('cc-by-nc-4.0')!;
    const section = card.text.slice(card.text.indexOf('## License'), card.text.indexOf('## Citation'));
    assert.match(section, /\*\*Commercial use:\*\* not allowed\./);
    assert.ok(section.includes(license.source.name), section);
  });
});

describe('newCard: bases from an extended knowledge base (CC BY-NC, CC BY-NC-SA, CC BY-ND)', () => {
  const base = knowledge.models.find(m => m.id === 'moshi')!;
  const model = (id: string, license: string): KnownModel => ({ ...base, id, name: `Acme ${id}`, aliases: [], lab: 'Acme', weights_license: license, hub_ids: [`acme/${id}`], siblings: [] });
  const extended: KnowledgeBase = { ...knowledge, models: [...knowledge.models, model('nc-base', 'cc-by-nc-4.0'), model('nc-sa-base', 'cc-by-nc-sa-4.0'), model('nd-base', 'cc-by-nd-4.0')] };
  const extendedService = createModelCardService({ knowledge: extended });

  test('a CC BY-NC base: non-commercial posture, its license kept, credit given; no conflict', () => {
    for (const id of ['acme/nc-base', 'acme/nc-sa-base']) {
      const defaults = defaultsFor(extended, id);
      const card = newCard(extended, { form: 'readme', name: 'Tune', baseModel: id, ...defaults });
      assert.deepEqual(card.problems, []);
      assert.equal(yamlOf(card).sts.licensing.posture, 'non-commercial');
      assert.deepEqual(codesOf(validate(card, extendedService)), [], id);
    }
  });

  test('a CC BY-ND base allows no derivative: said in problems, and the rule agrees', () => {
    const card = newCard(extended, { form: 'yaml', name: 'Tune', baseModel: 'acme/nd-base', ...defaultsFor(extended, 'acme/nd-base') });
    assert.match(card.problems.join('\n'), /allows no derivatives/);
    assert.deepEqual(codesOf(validate(card, extendedService)), ['license.base-model-conflict']);
  });
});

describe('newCard: the family and the prose', () => {
  test('the prefilled architecture paragraph agrees with the family: without sts.family, the suggestion is that family or none', () => {
    for (const family of knowledge.families) {
      for (const form of FORMS) {
        const card = newCard(index, { form, name: 'Acme Talk', family: family.id, license: 'apache-2.0' });
        const text = card.text.replace(`  family: ${family.id}\n`, '');
        const [missing] = validate({ text, fileName: card.fileName }).filter(d => d.code === 'family.missing');
        const suggestion = (missing.data as { suggestion: { family: string } | null }).suggestion;
        assert.ok(suggestion === null || suggestion.family === family.id, `${family.id} / ${form}: ${JSON.stringify(suggestion)}`);
      }
    }
  });

  test('voice cloning brings sts.consent and a Voice and consent section; without it, neither', () => {
    const cloning = newCard(index, { form: 'readme', name: 'X', license: 'mit', subcategories: ['voice-cloning'] });
    assert.deepEqual(yamlOf(cloning).sts.consent, { voice_source: 'whose voices: the speakers or recordings it was built on', consent_obtained: false });
    assert.match(cloning.text, /^## Voice and consent$/m);
    const plain = newCard(index, { form: 'readme', name: 'X', license: 'mit' });
    assert.equal(yamlOf(plain).sts.consent, undefined);
    assert.doesNotMatch(plain.text, /Voice and consent/);
  });

  test('latency entries carry a kind; the README has the template\'s sections and the STS ones', () => {
    const card = newCard(index, { form: 'readme', name: 'X', family: 'cascade-predictor', license: 'mit', subcategories: ['voice-cloning'] });
    assert.deepEqual(yamlOf(card).sts.latency, [{ ms: 0, kind: 'end-to-end' }]);
    const headings = card.text.split('\n').filter(line => line.startsWith('## ')).map(line => line.slice(3));
    assert.deepEqual(headings, ['Model Details', 'Architecture', 'Uses', 'Bias, Risks and Limitations', 'Training Details', 'Evaluation', 'Latency', 'Voice and consent', 'License', 'Citation']);
    assert.ok(card.text.includes(knowledge.families.find(f => f.id === 'cascade-predictor')!.latency_meaning), 'the family\'s latency meaning guides the Latency section');
  });

  test('the standalone form is YAML only, with sts.architecture, named after the model', () => {
    const card = newCard(index, { form: 'yaml', name: 'Acme Talk 2', family: 'codec-free', license: 'mit' });
    assert.equal(card.fileName, 'acme-talk-2.modelcard.yaml');
    const yaml = yamlOf(card);
    assert.match(yaml.sts.architecture, /Codec-free single decoder family/);
    assert.equal(yaml.sts.family, 'codec-free');
    assert.doesNotMatch(card.text, /^---|^#{1,6} [A-Z]|^## /m, 'no front matter, no Markdown heading');
  });
});

describe('newCard: snippet syntax', () => {
  test('the name is tab stop 1, mirrored in the heading; numbers run from 1 without gaps; $0 ends it', () => {
    const card = newCard(index, { form: 'readme', name: 'Acme Talk', baseModel: 'moshi', ...defaultsFor(index, 'moshi'), organization: 'Acme' });
    assert.match(card.snippet, /^ {2}name: \$\{1:Acme Talk\}$/m);
    assert.match(card.snippet, /^# \$\{1\}$/m);
    const { stops, defaults } = expandSnippet(card.snippet);
    const numbers = [...new Set(stops.map(s => s.n))].filter(n => n !== 0).sort((a, b) => a - b);
    assert.deepEqual(numbers, numbers.map((_, k) => k + 1));
    for (const n of numbers) assert.equal(stops.filter(s => s.n === n && s.defines).length, 1, `tab stop ${n} has one default`);
    assert.equal(defaults.get(1), 'Acme Talk');
    assert.ok(card.snippet.endsWith('$0'));
    assert.equal(stops.filter(s => s.n === 0).length, 1);
  });

  test('$, } and \\ in names and prices are escaped; quotes and colons make quoted YAML; the card still passes', () => {
    for (const name of ['Price $5/h {beta}', 'Talk: v2 "fast" \\ slow', '${1:not a tab stop}', 'Ünïcode ✓ #1']) {
      for (const form of FORMS) {
        const card = newCard(index, { form, name, license: 'mit', family: 'near-sts', organization: 'Org $ } \\' });
        assert.equal(expandSnippet(card.snippet).text, card.text, name);
        const yaml = yamlOf(card);
        assert.equal(yaml.sts.name, name);
        assert.equal(yaml.sts.organization, 'Org $ } \\');
        assert.deepEqual(codesOf(validate(card)), [], `${name} / ${form}`);
      }
    }
  });

  test('the expander rejects what the grammar does not allow', () => {
    for (const bad of ['a } b', 'cost $ 5', '${1:open', '${1|a,b}', '$TM_FILENAME', 'x \\q']) {
      assert.throws(() => expandSnippet(bad), Error, bad);
    }
    assert.equal(expandSnippet('a ${1:b \\} c} $1 ${2|x\\,y,z|} \\$0 $0').text, 'a b } c b } c x,y $0 ');
  });
});

describe('newCard: choices that cannot be honoured', () => {
  test('unknown family, license and sub-category: problems with a suggestion, and a card that still passes', () => {
    const card = newCard(index, { form: 'readme', name: 'X', family: 'dual-stream', license: 'apache-2.1', subcategories: ['voice-clone', 'voice-cloning'] });
    assert.deepEqual(card.problems.map(p => p.replace(/:.*$/, '')), [
      "unknown family 'dual-stream' (did you mean 'dual-stream-codec'?)",
      "unknown license 'apache-2.1' (did you mean 'apache-2.0'?)",
      "unknown sub-category 'voice-clone' (did you mean 'voice-cloning'?)",
    ]);
    assert.equal(errorsOf(validate(card)).length, 0);
  });

  test('license names and aliases are accepted and written as the id', () => {
    assert.equal(yamlOf(newCard(index, { form: 'yaml', name: 'X', license: 'Apache License 2.0' })).license, 'apache-2.0');
    assert.equal(yamlOf(newCard(index, { form: 'yaml', name: 'X', license: 'FAIR-NC' })).license, 'fair-noncommercial-research-license');
  });

  test('a base model that is no Hub id is left out; a bare name close to a known model is questioned', () => {
    const spaced = newCard(index, { form: 'yaml', name: 'X', baseModel: 'my base model' });
    assert.match(spaced.problems[0], /neither a known model nor a Hub id/);
    assert.equal(yamlOf(spaced).base_model, undefined);
    assert.match(newCard(index, { form: 'yaml', name: 'X', baseModel: 'moshii' }).problems[0], /did you mean 'moshi'/i);
  });

  test('defaultsFor: a known model by id, name, alias or Hub id; nothing for an unknown Hub id', () => {
    const expected = defaultsFor(knowledge, 'moshi');
    for (const id of ['Moshi', 'Moshiko', 'kyutai/moshika-candle-q8']) assert.deepEqual(defaultsFor(index, id), expected, id);
    assert.deepEqual(expected.family, 'dual-stream-codec');
    assert.deepEqual(defaultsFor(index, UNKNOWN_HUB_ID), {});
    assert.deepEqual(defaultsFor(index), {});
    // A known model without a recorded license: its family, and the detail says so.
    const chroma = defaultsFor(index, 'flashlabs-chroma');
    assert.equal(chroma.license, undefined);
    assert.match(chroma.licenseDetail!, /records no weights license/);
  });
});
