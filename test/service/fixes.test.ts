/**
 * Quick fixes: each fix's exact resulting text, with LF, CRLF (and lone CR) line ends and inside
 * Markdown front matter; what is safe; fix-all; and the edit toolkit on its own.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createCodeActionProvider, EditComposer, FIX_ALL_KIND, textDocument } from '../../server/src/service/fixes/codeActions';
import { readCardText } from '../../server/src/service/fixes/cardText';
import {
  applyEdits, deletePair, findPair, insertAtEnd, insertAtTop, insertPair, renameKey, replaceScalar, setAtPath,
} from '../../server/src/service/fixes/edits';
import { map, quoted, scalarText, seq, text } from '../../server/src/service/fixes/newValues';
import { documentOf, knowledge, service } from '../helpers';
import { isMap, isScalar, YAMLMap } from 'yaml';
import { lookup } from '../../server/src/service/yamlCard';

const provider = createCodeActionProvider({ knowledge, findings: (document, settings) => service.findings(document, settings) });

const YAML_NAME = 'card.modelcard.yaml';
const MARKDOWN_NAME = 'README.md';

function withEol(value: string, eol: string): string {
  return value.replace(/\r\n|\r|\n/g, eol);
}

function inFrontMatter(yaml: string): string {
  return `---\n${yaml}---\n\n# Demo\n\nSome prose.\n`;
}

/** Every quick fix offered for the diagnostics with `code`. */
function actionsFor(value: string, name: string, code: string): { actions: CodeAction[]; document: TextDocument; diagnostics: Diagnostic[] } {
  const document = documentOf(value, name);
  const diagnostics = service.validate(document).filter(diagnostic => diagnostic.code === code);
  const actions = diagnostics.flatMap(diagnostic => provider.codeActions(document, diagnostic.range, [diagnostic], { only: ['quickfix'] }));
  return { actions, document, diagnostics };
}

function apply(document: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(document, action.edit!.changes![document.uri]);
}

/** The text after the action titled `title` (the only action when no title is given). */
function fixed(value: string, name: string, code: string, title?: string): string {
  const { actions, document } = actionsFor(value, name, code);
  const matching = title === undefined ? actions : actions.filter(action => action.title === title);
  assert.equal(matching.length, 1, `one '${title ?? '(any)'}' fix for ${code}; offered: ${actions.map(a => a.title).join(' | ')}`);
  return apply(document, matching[0]);
}

/**
 * Checks a fix's exact result on a standalone card with LF, CRLF and CR line ends, and (unless
 * `yamlOnly`) the same YAML in the front matter of a Markdown card, LF and CRLF.
 */
function expectFix(before: string, code: string, title: string | undefined, after: string, options: { yamlOnly?: boolean } = {}): void {
  for (const eol of ['\n', '\r\n', '\r']) {
    assert.equal(fixed(withEol(before, eol), YAML_NAME, code, title), withEol(after, eol), `${code} ${title} (${JSON.stringify(eol)})`);
  }
  if (options.yamlOnly) return;
  for (const eol of ['\n', '\r\n']) {
    assert.equal(fixed(withEol(inFrontMatter(before), eol), MARKDOWN_NAME, code, title), withEol(inFrontMatter(after), eol), `${code} ${title} (front matter, ${JSON.stringify(eol)})`);
  }
}

function titles(value: string, code: string, name = YAML_NAME): string[] {
  return actionsFor(value, name, code).actions.map(action => action.title);
}

function safeTitles(value: string, code: string, name = YAML_NAME): string[] {
  return actionsFor(value, name, code).actions.filter(action => (action.data as { safe: boolean }).safe).map(action => action.title);
}

describe('schema fixes', () => {
  const duplex = 'sts:\n  name: Demo\n  family: dual-stream-codec\n  duplex: ful # sic\n';

  test('schema.invalid: a near-typo is the one safe, preferred fix; the others are choices', () => {
    expectFix(duplex, 'schema.invalid', "Replace with 'full'", 'sts:\n  name: Demo\n  family: dual-stream-codec\n  duplex: full # sic\n');
    const { actions } = actionsFor(duplex, YAML_NAME, 'schema.invalid');
    assert.deepEqual(actions.map(action => action.title), ["Replace with 'full'", "Replace with 'half'", "Replace with 'none'"]);
    assert.deepEqual(actions.map(action => action.isPreferred === true), [true, false, false]);
    assert.deepEqual(actions.map(action => (action.data as { safe: boolean }).safe), [true, false, false]);
    assert.ok(actions.every(action => action.kind === 'quickfix'));
  });

  test('schema.invalid keeps the quoting style', () => {
    expectFix('sts:\n  family: codec-free\n  duplex: "ful"\n', 'schema.invalid', "Replace with 'full'", 'sts:\n  family: codec-free\n  duplex: "full"\n');
    expectFix("sts:\n  family: codec-free\n  duplex: 'ful'\n", 'schema.invalid', "Replace with 'full'", "sts:\n  family: codec-free\n  duplex: 'full'\n");
  });

  test('schema.invalid: far from every value, no fix is safe', () => {
    assert.deepEqual(safeTitles('sts:\n  family: codec-free\n  duplex: sometimes\n', 'schema.invalid'), []);
    // Two allowed values within two edits: a choice.
    assert.deepEqual(safeTitles('sts:\n  family: codec-free\n  duplex: hull\n', 'schema.invalid'), []);
  });

  test('schema.invalid on a long list offers the five nearest values', () => {
    const card = 'license: mit\npipeline_tag: text-to-speach-synthesis\n';
    assert.equal(titles(card, 'schema.invalid').length, 5);
    assert.equal(titles(card, 'schema.invalid')[0], "Replace with 'text-to-speech'");
    assert.deepEqual(safeTitles(card, 'schema.invalid'), []);
    expectFix('license: mit\npipeline_tag: audio-to-audo\n', 'schema.invalid', "Replace with 'audio-to-audio'", 'license: mit\npipeline_tag: audio-to-audio\n');
  });

  test('schema.invalid with a known alias offers the value it means first, preferred but not safe', () => {
    const card = 'license: mit\npipeline_tag: speech-to-speech\n';
    assert.deepEqual(titles(card, 'schema.invalid').slice(0, 2), ["Replace with 'audio-to-audio'", "Replace with 'text-to-speech'"]);
    assert.deepEqual(safeTitles(card, 'schema.invalid'), []);
    expectFix(card, 'schema.invalid', "Replace with 'audio-to-audio'", 'license: mit\npipeline_tag: audio-to-audio\n');
  });

  test('schema.unknown-key: rename to the suggestion, keeping value and comments', () => {
    expectFix('sts:\n  name: Demo\n  famly: codec-free  # the family\n', 'schema.unknown-key', "Rename 'famly' to 'family'",
      'sts:\n  name: Demo\n  family: codec-free  # the family\n');
    assert.deepEqual(safeTitles('sts:\n  famly: codec-free\n', 'schema.unknown-key'), ["Rename 'famly' to 'family'"]);
  });

  test('schema.unknown-key: no rename onto a key that is already there', () => {
    assert.deepEqual(titles('sts:\n  family: codec-free\n  famly: codec-free\n', 'schema.unknown-key'), []);
  });

  test('schema.missing posture: one action per posture, inserted first, at the mapping\'s indentation', () => {
    const card = 'license: mit\nsts:\n    name: Demo\n    family: codec-free\n    licensing:\n        code: mit # code\n';
    assert.deepEqual(titles(card, 'schema.missing'), [
      "Add 'posture: permissive'", "Add 'posture: non-commercial'", "Add 'posture: split-with-sibling'",
    ]);
    expectFix(card, 'schema.missing', "Add 'posture: permissive'",
      'license: mit\nsts:\n    name: Demo\n    family: codec-free\n    licensing:\n        posture: permissive\n        code: mit # code\n');
    const { actions } = actionsFor(card, YAML_NAME, 'schema.missing');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.every(action => !(action.data as { safe: boolean }).safe));
  });

  test('schema.missing posture in a flow mapping', () => {
    expectFix('license: mit\nsts: { name: Demo, family: codec-free, licensing: { code: mit } }\n', 'schema.missing', "Add 'posture: permissive'",
      'license: mit\nsts: { name: Demo, family: codec-free, licensing: { posture: permissive, code: mit } }\n');
  });
});

describe('license fixes', () => {
  test('license.unknown-id: replace with the suggestion (safe), in place', () => {
    expectFix('license: Apache-2.0  # weights\nlanguage: [en]\n', 'license.unknown-id', "Replace with 'apache-2.0'",
      'license: apache-2.0  # weights\nlanguage: [en]\n');
    expectFix('license: [mit, CC-BY-4.0]\n', 'license.unknown-id', "Replace with 'cc-by-4.0'", 'license: [mit, cc-by-4.0]\n');
    expectFix('license: mit\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive\n    code: MIT License\n', 'license.unknown-id', "Replace with 'mit'",
      'license: mit\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive\n    code: mit\n');
    assert.deepEqual(safeTitles('license: Apache-2.0\n', 'license.unknown-id'), ["Replace with 'apache-2.0'"]);
  });

  test('license.other-incomplete: placeholders right after license', () => {
    expectFix('license: other\nlanguage:\n- en\n', 'license.other-incomplete', 'Add placeholder license_name and license_link',
      'license: other\nlicense_name: custom-license\nlicense_link: LICENSE\nlanguage:\n- en\n');
    expectFix('license: other\nlicense_name: nvidia-open-model-license\ntags: [audio]\n', 'license.other-incomplete', 'Add license_link',
      'license: other\nlicense_name: nvidia-open-model-license\nlicense_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/\ntags: [audio]\n');
    assert.deepEqual(safeTitles('license: other\n', 'license.other-incomplete'), []);
  });

  test('license.other-incomplete: the license the Markdown body names', () => {
    const before = '---\r\nlicense: other\r\n---\r\n# Demo\r\nReleased under the NVIDIA OneWay Noncommercial License.\r\n';
    assert.deepEqual(titles(before, 'license.other-incomplete', MARKDOWN_NAME), [
      "Add license_name and license_link for 'nvidia-oneway-noncommercial'", 'Add placeholder license_name and license_link',
    ]);
    assert.equal(fixed(before, MARKDOWN_NAME, 'license.other-incomplete', "Add license_name and license_link for 'nvidia-oneway-noncommercial'"),
      '---\r\nlicense: other\r\nlicense_name: nvidia-oneway-noncommercial\r\nlicense_link: LICENSE\r\n---\r\n# Demo\r\nReleased under the NVIDIA OneWay Noncommercial License.\r\n');
  });

  test('license.known-id-as-name: license: <id>, license_name removed, license_link kept (safe)', () => {
    expectFix('license: other # see below\nlicense_name: cc-by-4.0\nlicense_link: https://creativecommons.org/licenses/by/4.0/\nlanguage: [en]\n',
      'license.known-id-as-name', "Use 'license: cc-by-4.0'",
      'license: cc-by-4.0 # see below\nlicense_link: https://creativecommons.org/licenses/by/4.0/\nlanguage: [en]\n');
    assert.deepEqual(safeTitles('license: other\nlicense_name: mit\nlicense_link: x\n', 'license.known-id-as-name'), ["Use 'license: mit'"]);
  });

  test('license.name-as-id: license: other plus license_name and the known link (safe)', () => {
    expectFix('license: nvidia-open-model-license\nlanguage: [en]\n', 'license.name-as-id', "Use 'license: other' with license_name 'nvidia-open-model-license'",
      'license: other\nlicense_name: nvidia-open-model-license\nlicense_link: https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/\nlanguage: [en]\n');
    assert.equal(safeTitles('license: nvidia-open-model-license\n', 'license.name-as-id').length, 1);
    // Another license_name is there: overwriting it is a choice.
    assert.deepEqual(safeTitles('license: nvidia-open-model-license\nlicense_name: something-else\n', 'license.name-as-id'), []);
  });

  test('license.missing: a choice of licenses at the top, with a licensing block under sts', () => {
    const card = '# no license yet\nlanguage: [en]\nsts:\n  name: Demo\n  family: codec-free\n';
    assert.deepEqual(titles(card, 'license.missing'), [
      "Add 'license: apache-2.0' (posture permissive)", "Add 'license: mit' (posture permissive)", "Add 'license: cc-by-4.0' (posture permissive)",
      "Add 'license: cc-by-nc-4.0' (posture non-commercial)", "Add 'license: other' with placeholder license_name and license_link",
    ]);
    assert.deepEqual(safeTitles(card, 'license.missing'), []);
    expectFix(card, 'license.missing', "Add 'license: apache-2.0' (posture permissive)",
      '# no license yet\nlicense: apache-2.0\nlanguage: [en]\nsts:\n  name: Demo\n  family: codec-free\n  licensing:\n    posture: permissive\n    code: apache-2.0\n',
      { yamlOnly: true });
    // In front matter: right after the opening '---' line.
    assert.equal(fixed(inFrontMatter(card), MARKDOWN_NAME, 'license.missing', "Add 'license: other' with placeholder license_name and license_link"),
      inFrontMatter('license: other\nlicense_name: custom-license\nlicense_link: LICENSE\n# no license yet\nlanguage: [en]\nsts:\n  name: Demo\n  family: codec-free\n'));
  });

  test('license.missing: only licenses that fit the declared posture; an empty license is filled', () => {
    assert.deepEqual(titles('sts:\n  family: codec-free\n  licensing:\n    posture: non-commercial\n', 'license.missing'), [
      "Add 'license: cc-by-nc-4.0'", "Add 'license: other' with placeholder license_name and license_link",
    ]);
    expectFix('license:\nlanguage: [en]\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive\n', 'license.missing', "Add 'license: mit'",
      'license: mit\nlanguage: [en]\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive\n');
  });

  const conflict = 'license: cc-by-nc-4.0\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive # wrong\n    commercial_use: true\n';

  test('license.posture-conflict: the suggested posture (preferred, not safe)', () => {
    expectFix(conflict, 'license.posture-conflict', "Change posture to 'non-commercial'",
      'license: cc-by-nc-4.0\nsts:\n  family: codec-free\n  licensing:\n    posture: non-commercial # wrong\n    commercial_use: true\n');
    const { actions } = actionsFor(conflict, YAML_NAME, 'license.posture-conflict');
    assert.equal(actions[0].isPreferred, true);
    assert.equal((actions[0].data as { safe: boolean }).safe, false);
  });

  test('license.commercial-conflict: commercial_use: false (not safe)', () => {
    expectFix(conflict, 'license.commercial-conflict', 'Set commercial_use to false',
      'license: cc-by-nc-4.0\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive # wrong\n    commercial_use: false\n');
    assert.deepEqual(safeTitles(conflict, 'license.commercial-conflict'), []);
  });

  test('license.attribution-missing: the suggested credit under licensing (safe)', () => {
    expectFix('license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  family: dual-stream-codec\n  licensing:\n    posture: permissive\n    code: mit\n    commercial_use: true\n',
      'license.attribution-missing', 'Add licensing.attribution',
      'license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  family: dual-stream-codec\n  licensing:\n    posture: permissive\n    code: mit\n    commercial_use: true\n    attribution: "Built on Moshi by Kyutai (Creative Commons Attribution 4.0)."\n');
    assert.deepEqual(safeTitles('license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  family: dual-stream-codec\n  licensing:\n    posture: permissive\n', 'license.attribution-missing'), ['Add licensing.attribution']);
  });

  test('license.attribution-missing without licensing: creates it with the implied posture (not safe)', () => {
    const card = 'license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  name: Derived\n  family: dual-stream-codec\n';
    expectFix(card, 'license.attribution-missing', 'Add licensing.attribution',
      'license: cc-by-4.0\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  name: Derived\n  family: dual-stream-codec\n  licensing:\n    posture: permissive\n    attribution: "Built on Moshi by Kyutai (Creative Commons Attribution 4.0)."\n');
    assert.deepEqual(safeTitles(card, 'license.attribution-missing'), []);
  });

  test('license.sibling-missing: the sibling the knowledge base knows, in the file\'s sequence style', () => {
    expectFix('license: apache-2.0\nlanguage:\n- en\nsts:\n  name: Sesame CSM-1B\n  family: dual-stream-codec\n  licensing:\n    posture: split-with-sibling\n',
      'license.sibling-missing', "Add sibling 'Sesame CSM-Medium 8B' to licensing.siblings",
      'license: apache-2.0\nlanguage:\n- en\nsts:\n  name: Sesame CSM-1B\n  family: dual-stream-codec\n  licensing:\n    posture: split-with-sibling\n    siblings:\n    - { name: Sesame CSM-Medium 8B, posture: closed-commercial }\n');
  });

  test('license.sibling-missing: a stub, also in an empty flow list', () => {
    expectFix('license: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  licensing: { posture: split-with-sibling, siblings: [] }\n',
      'license.sibling-missing', 'Add a sibling stub to licensing.siblings',
      'license: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  licensing: { posture: split-with-sibling, siblings: [{ name: SIBLING-NAME, posture: closed-commercial }] }\n');
    expectFix('license: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  licensing:\n    posture: split-with-sibling\n',
      'license.sibling-missing', 'Add a sibling stub to licensing.siblings',
      'license: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  licensing:\n    posture: split-with-sibling\n    siblings:\n      - { name: SIBLING-NAME, posture: closed-commercial }\n');
  });

  test('license.closed-with-open-weights: remove the license lines, or change the posture', () => {
    const card = 'license: apache-2.0\nlicense_link: https://www.apache.org/licenses/LICENSE-2.0\nlanguage: [en]\nsts:\n  family: codec-free\n  licensing:\n    posture: closed-commercial\n';
    assert.deepEqual(titles(card, 'license.closed-with-open-weights'), [
      'Remove the weights license (the weights are not released)', "Change posture to 'permissive'",
    ]);
    expectFix(card, 'license.closed-with-open-weights', 'Remove the weights license (the weights are not released)',
      'language: [en]\nsts:\n  family: codec-free\n  licensing:\n    posture: closed-commercial\n');
    expectFix(card, 'license.closed-with-open-weights', "Change posture to 'permissive'",
      'license: apache-2.0\nlicense_link: https://www.apache.org/licenses/LICENSE-2.0\nlanguage: [en]\nsts:\n  family: codec-free\n  licensing:\n    posture: permissive\n');
    assert.deepEqual(safeTitles(card, 'license.closed-with-open-weights'), []);
  });
});

describe('sts fixes', () => {
  test('consent.missing: a consent stub under sts, after subcategories', () => {
    expectFix('license: apache-2.0\nsts:\n  family: codec-free\n  subcategories:\n    - voice-cloning\n  licensing:\n    posture: permissive\n',
      'consent.missing', 'Add sts.consent (voice source and consent)',
      'license: apache-2.0\nsts:\n  family: codec-free\n  subcategories:\n    - voice-cloning\n  consent: { voice_source: "", consent_obtained: false }\n  licensing:\n    posture: permissive\n');
  });

  test('latency.unlabeled: three kinds; flow entries get `, kind: ...`, block entries a line', () => {
    const card = 'license: mit\nsts:\n  family: codec-free\n  latency:\n    - { ms: 200 }\n    - ms: 160\n      source: paper\n';
    const { actions } = actionsFor(card, YAML_NAME, 'latency.unlabeled');
    assert.deepEqual(actions.map(action => action.title), [
      "Add 'kind: theoretical'", "Add 'kind: model-only'", "Add 'kind: end-to-end'",
      "Add 'kind: theoretical'", "Add 'kind: model-only'", "Add 'kind: end-to-end'",
    ]);
    assert.ok(actions.every(action => !(action.data as { safe: boolean }).safe && !action.isPreferred));
    for (const eol of ['\n', '\r\n', '\r']) {
      const document = documentOf(withEol(card, eol), YAML_NAME);
      assert.equal(apply(document, actionsFor(withEol(card, eol), YAML_NAME, 'latency.unlabeled').actions[2]),
        withEol('license: mit\nsts:\n  family: codec-free\n  latency:\n    - { ms: 200, kind: end-to-end }\n    - ms: 160\n      source: paper\n', eol));
      assert.equal(apply(document, actionsFor(withEol(card, eol), YAML_NAME, 'latency.unlabeled').actions[4]),
        withEol('license: mit\nsts:\n  family: codec-free\n  latency:\n    - { ms: 200 }\n    - ms: 160\n      kind: model-only\n      source: paper\n', eol));
    }
  });

  test('latency.unlabeled on the last line of a file without a final line end', () => {
    assert.equal(fixed('license: mit\nsts:\n  family: codec-free\n  latency:\n    - ms: 5', YAML_NAME, 'latency.unlabeled', "Add 'kind: theoretical'"),
      'license: mit\nsts:\n  family: codec-free\n  latency:\n    - ms: 5\n      kind: theoretical');
  });

  /** A diagnostic as the family rules report it, for fixes that read only its data. */
  function familyDiagnostic(document: TextDocument, code: string, needle: string, family: string | null): Diagnostic {
    const offset = document.getText().indexOf(needle);
    return {
      code, source: 'sts-model-cards', message: '',
      range: { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) },
      data: { suggestion: family && { family, confidence: 0.9, evidence: ['two parallel audio streams'] } },
    };
  }

  test('family.missing: family after name (safe); no suggestion, no fix', () => {
    for (const eol of ['\n', '\r\n']) {
      const document = documentOf(withEol('sts:\n  name: Demo\n  duplex: full\n', eol), YAML_NAME);
      const actions = provider.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        [familyDiagnostic(document, 'family.missing', 'sts', 'dual-stream-codec')], { only: ['quickfix'] });
      assert.deepEqual(actions.map(action => [action.title, action.isPreferred, (action.data as { safe: boolean }).safe]), [["Set family to 'dual-stream-codec'", true, true]]);
      assert.equal(apply(document, actions[0]), withEol('sts:\n  name: Demo\n  family: dual-stream-codec\n  duplex: full\n', eol));
      assert.deepEqual(provider.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        [familyDiagnostic(document, 'family.missing', 'sts', null)]), []);
    }
    // Without a name, first under sts.
    const document = documentOf('sts:\n  duplex: full\n', YAML_NAME);
    const [action] = provider.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [familyDiagnostic(document, 'family.missing', 'sts', 'codec-free')], { only: ['quickfix'] });
    assert.equal(apply(document, action), 'sts:\n  family: codec-free\n  duplex: full\n');
  });

  test('family.missing from the service: the known model\'s family', () => {
    expectFix('license: apache-2.0\nsts:\n  name: Sesame CSM-1B\n  duplex: full\n', 'family.missing', "Set family to 'dual-stream-codec'",
      'license: apache-2.0\nsts:\n  name: Sesame CSM-1B\n  family: dual-stream-codec\n  duplex: full\n');
  });

  test('family.mismatch: the suggested family replaces the declared one (safe)', () => {
    const document = documentOf('sts:\n  name: Demo\n  family: "near-sts"\n', YAML_NAME);
    const diagnostic = familyDiagnostic(document, 'family.mismatch', '"near-sts"', 'cascade-predictor');
    const actions = provider.codeActions(document, diagnostic.range, [diagnostic], { only: ['quickfix'] });
    assert.deepEqual(actions.map(action => action.title), ["Change family to 'cascade-predictor'"]);
    assert.equal(apply(document, actions[0]), 'sts:\n  name: Demo\n  family: "cascade-predictor"\n');
  });

  test('sts.missing: an sts block at the end of the front matter', () => {
    for (const eol of ['\n', '\r\n']) {
      const before = withEol('---\nlicense: cc-by-nc-4.0\nlanguage:\n- en\n---\n# Demo Model\n\nProse.\n', eol);
      assert.equal(fixed(before, MARKDOWN_NAME, 'sts.missing', "Add an 'sts' block"),
        withEol('---\nlicense: cc-by-nc-4.0\nlanguage:\n- en\nsts:\n  name: Demo Model\n  licensing:\n    posture: non-commercial\n---\n# Demo Model\n\nProse.\n', eol));
    }
    assert.deepEqual(safeTitles('---\nlicense: mit\n---\n', 'sts.missing', MARKDOWN_NAME), []);
  });

  test('sts.missing without front matter: a whole front matter at the top', () => {
    const before = '# Moshi\r\n\r\nMoshi is released under the CC-BY 4.0 license.\r\n';
    const after = fixed(before, MARKDOWN_NAME, 'sts.missing', "Add front matter with an 'sts' block");
    assert.match(after, /^---\r\nlicense: cc-by-4.0\r\nsts:\r\n {2}name: Moshi\r\n(?: {2}family: [a-z-]+\r\n)? {2}licensing:\r\n {4}posture: permissive\r\n---\r\n# Moshi\r\n/);
    assert.ok(after.endsWith(before));
    assert.equal(fixed('Notes.\n', 'MODEL_CARD.md', 'sts.missing'), '---\nlicense: unknown\nsts:\n  name: MODEL-NAME\n---\nNotes.\n');
  });
});

describe('fix all', () => {
  const typos = '# typos\nlicense: Apache-2.0\nsts:\n  name: Demo\n  famly: codec-free\n  duplex: hallf\n  licensing:\n    posture: permissive\n    code: MIT License\n';

  test('applies every safe fix, and only those', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const document = documentOf(withEol(typos, eol), YAML_NAME);
      const edits = provider.fixAll(document);
      assert.equal(TextDocument.applyEdits(document, edits),
        withEol('# typos\nlicense: apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  duplex: half\n  licensing:\n    posture: permissive\n    code: mit\n', eol));
      assert.deepEqual(provider.fixAll(documentOf(TextDocument.applyEdits(document, edits), YAML_NAME)), []);
    }
  });

  test('in front matter, and over several rounds (a fix that appears only after another)', () => {
    for (const eol of ['\n', '\r\n']) {
      // Renaming `cod` makes its value checked: the license id in it is fixed in the next round.
      const before = withEol('---\nlicense: other\nlicense_name: mit\nlicense_link: https://opensource.org/license/mit\nsts:\n  name: Demo\n  family: codec-free\n  licensing:\n    posture: permissive\n    cod: MIT License # code\n---\nBody.\n', eol);
      const document = documentOf(before, MARKDOWN_NAME);
      const after = TextDocument.applyEdits(document, provider.fixAll(document));
      assert.equal(after, withEol('---\nlicense: mit\nlicense_link: https://opensource.org/license/mit\nsts:\n  name: Demo\n  family: codec-free\n  licensing:\n    posture: permissive\n    code: mit # code\n---\nBody.\n', eol));
      assert.deepEqual(provider.fixAll(documentOf(after, MARKDOWN_NAME)), []);
    }
  });

  test('a safe fix that would add an error is left out', () => {
    // `famly` → `family` would make `codec-fre` an invalid family (an error): not applied.
    const before = 'license: mit\nsts:\n  name: Demo\n  famly: codec-fre\n';
    assert.deepEqual(provider.fixAll(documentOf(before, YAML_NAME)), []);
    assert.deepEqual(titles(before, 'schema.unknown-key'), []);
  });

  test('a code turned off is not fixed; no front matter checking, no fixes', () => {
    const document = documentOf(typos, YAML_NAME);
    const edits = provider.fixAll(document, { severity: { 'license.unknown-id': 'off' } });
    assert.equal(TextDocument.applyEdits(document, edits),
      '# typos\nlicense: Apache-2.0\nsts:\n  name: Demo\n  family: codec-free\n  duplex: half\n  licensing:\n    posture: permissive\n    code: MIT License\n');
    const markdown = documentOf(inFrontMatter('license: Apache-2.0\n'), MARKDOWN_NAME);
    assert.deepEqual(provider.fixAll(markdown, { frontMatter: false }), []);
  });

  test('rounds of edits compose into edits of the original text', () => {
    // A small deterministic generator: the same cases every run.
    let seed = 42;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let trial = 0; trial < 300; trial++) {
      const original = Array.from({ length: 5 + random(30) }, () => 'ab\ncd'[random(5)]).join('');
      let current = original;
      const composer = new EditComposer();
      for (let round = 0; round < 1 + random(4); round++) {
        const edits = [];
        let position = 0;
        while (position <= current.length && edits.length < 3) {
          const start = position + random(4);
          if (start > current.length) break;
          const end = Math.min(current.length, start + random(4));
          edits.push({ start, end, newText: 'XYZ\n'.slice(0, random(4)) });
          position = end + 1;
        }
        composer.apply(edits);
        current = applyEdits(current, edits);
      }
      const document = textDocument('file:///x.modelcard.yaml', original);
      const composed = composer.textEdits(document, original, current);
      assert.equal(TextDocument.applyEdits(TextDocument.create(document.uri, 'yaml', 0, original), composed), current, `trial ${trial}`);
    }
  });

  test('nothing safe, nothing done', () => {
    assert.deepEqual(provider.fixAll(documentOf('license: mit\npipeline_tag: speech-to-speech\n', YAML_NAME)), []);
    assert.deepEqual(provider.fixAll(documentOf('a: [\n', YAML_NAME)), []);
  });

  test('the source action: offered beside a safe fix and on request, never for choices only', () => {
    const document = documentOf(typos, YAML_NAME);
    const diagnostic = service.validate(document).find(d => d.code === 'license.unknown-id')!;
    const actions = provider.codeActions(document, diagnostic.range, [diagnostic]);
    assert.deepEqual(actions.map(action => action.kind), ['quickfix', FIX_ALL_KIND]);
    assert.equal(actions[1].title, 'Fix all safe problems');
    assert.deepEqual(actions[1].diagnostics, undefined);
    assert.deepEqual(provider.codeActions(document, diagnostic.range, [diagnostic], { only: ['quickfix'] }).map(a => a.kind), ['quickfix']);
    assert.deepEqual(provider.codeActions(document, diagnostic.range, [], { only: ['source'] }).map(a => a.kind), [FIX_ALL_KIND]);
    assert.deepEqual(provider.codeActions(document, diagnostic.range, [], { only: ['source.fixAll'] }).map(a => a.kind), [FIX_ALL_KIND]);
    assert.deepEqual(provider.codeActions(document, diagnostic.range, [], { only: ['refactor'] }), []);
    const choicesOnly = documentOf('license: mit\npipeline_tag: speech-to-speech\n', YAML_NAME);
    const choice = service.validate(choicesOnly)[0];
    assert.ok(provider.codeActions(choicesOnly, choice.range, [choice]).every(action => action.kind === 'quickfix'));
  });
});

describe('code actions', () => {
  const card = 'license: Apache-2.0\nsts:\n  famly: codec-free\n';

  test('only diagnostics of this service, that touch the range', () => {
    const document = documentOf(card, YAML_NAME);
    const diagnostics = service.validate(document);
    const license = diagnostics.find(d => d.code === 'license.unknown-id')!;
    assert.deepEqual(provider.codeActions(document, license.range, [{ ...license, source: 'another-linter' }], { only: ['quickfix'] }), []);
    // The range of the `famly` line does not touch the license diagnostic.
    const famly = diagnostics.find(d => d.code === 'schema.unknown-key')!;
    assert.deepEqual(provider.codeActions(document, famly.range, diagnostics, { only: ['quickfix'] }).map(a => a.title), ["Rename 'famly' to 'family'"]);
    // A cursor at the edge of a diagnostic counts.
    assert.equal(provider.codeActions(document, { start: license.range.end, end: license.range.end }, [license], { only: ['quickfix'] }).length, 1);
  });

  test('an action: title, kind, its diagnostic, a workspace edit on the document', () => {
    const document = documentOf(card, YAML_NAME);
    const license = service.validate(document).find(d => d.code === 'license.unknown-id')!;
    const [action] = provider.codeActions(document, license.range, [license], { only: ['quickfix'] });
    assert.deepEqual(action, {
      title: "Replace with 'apache-2.0'",
      kind: 'quickfix',
      diagnostics: [license],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 19 } }, newText: 'apache-2.0' }] } },
      data: { safe: true, code: 'license.unknown-id' },
    });
  });

  test('a stale or foreign diagnostic yields nothing rather than a wrong edit', () => {
    const document = documentOf(card, YAML_NAME);
    const stale: Diagnostic = { code: 'license.unknown-id', message: '', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, data: { suggestion: 'mit' } };
    assert.deepEqual(provider.codeActions(document, stale.range, [stale], { only: ['quickfix'] }), []);
    const unknownCode: Diagnostic = { code: 'no.such-code', message: '', range: stale.range };
    assert.deepEqual(provider.codeActions(document, stale.range, [unknownCode]), []);
  });
});

describe('the edit toolkit', () => {
  function cardOf(value: string, name = YAML_NAME) {
    const ct = readCardText(`file:///cards/${name}`, value);
    const root = ct.card!.document.contents as YAMLMap;
    return { ct, root, at: (path: (string | number)[]) => lookup(ct.card!, path)! };
  }

  test('line ends: LF, CRLF and a lone CR are detected from the YAML', () => {
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a: 1\r\n').eol, '\r\n');
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a: 1\rb: 2\r').eol, '\r');
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a: 1').eol, '\n');
    assert.equal(readCardText('file:///README.md', '---\r\na: 1\r\n---\r\n').eol, '\r\n');
  });

  test('indentation: the mapping\'s own unit, else the file\'s, else 2', () => {
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a:\n    b: 1\n').indentUnit, 4);
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a: 1\n').indentUnit, 2);
    assert.equal(readCardText('file:///a.modelcard.yaml', 'a:\n- x\nb:\n   c: 1\n').sequenceIndent, 0);
    const { ct, at } = cardOf('a:\n   b:\n      c: 1\n');
    const edit = setAtPath(ct, ['a', 'd', 'e'], text('x'));
    assert.equal(applyEdits(ct.text, [edit!]), 'a:\n   b:\n      c: 1\n   d:\n      e: x\n');
    assert.ok(isMap(at(['a']).node));
  });

  test('replace a scalar, rename a key, keeping everything around', () => {
    const { ct, at } = cardOf('a: "x" # c\nb: plain\n');
    const a = at(['a']);
    assert.ok(isScalar(a.node));
    assert.equal(applyEdits(ct.text, [replaceScalar(ct, a.node, 'say "hi"')]), 'a: "say \\"hi\\"" # c\nb: plain\n');
    assert.equal(applyEdits(ct.text, [renameKey(ct, at(['b']).pair!, 'renamed')!]), 'a: "x" # c\nrenamed: plain\n');
    const block = cardOf('a: |\n  text\nb: 1\n');
    assert.equal(applyEdits(block.ct.text, [replaceScalar(block.ct, block.at(['a']).node as never, 'one line')]), 'a: one line\nb: 1\n');
  });

  test('insert into block and flow mappings', () => {
    const { ct, root, at } = cardOf('a: 1 # one\nb:\n  c: 2\n  # trailing\nd: { e: 3 }\nf: {}\n');
    assert.equal(applyEdits(ct.text, [insertPair(ct, root, 'z', text('new'), { after: ['a'] })!]), 'a: 1 # one\nz: new\nb:\n  c: 2\n  # trailing\nd: { e: 3 }\nf: {}\n');
    assert.equal(applyEdits(ct.text, [insertPair(ct, at(['b']).node as YAMLMap, 'y', map([['k', text('v')]]))!]),
      'a: 1 # one\nb:\n  c: 2\n  y:\n    k: v\n  # trailing\nd: { e: 3 }\nf: {}\n');
    assert.equal(applyEdits(ct.text, [insertPair(ct, at(['d']).node as YAMLMap, 'y', seq([text('a b'), quoted('q')]))!]),
      'a: 1 # one\nb:\n  c: 2\n  # trailing\nd: { e: 3, y: [a b, "q"] }\nf: {}\n');
    assert.equal(applyEdits(ct.text, [insertPair(ct, at(['f']).node as YAMLMap, 'y', text('x, y'))!]),
      'a: 1 # one\nb:\n  c: 2\n  # trailing\nd: { e: 3 }\nf: { y: "x, y" }\n');
    assert.equal(applyEdits(ct.text, [insertAtTop(ct, [['top', text('t')]])!]), `top: t\n${ct.text}`);
    assert.equal(applyEdits(ct.text, [insertAtEnd(ct, 'end', map([['k', text('v')]]))!]), `${ct.text}end:\n  k: v\n`);
  });

  test('insert under an empty key, and into an empty card', () => {
    const { ct } = cardOf('sts:\nname: x\n');
    assert.equal(applyEdits(ct.text, [setAtPath(ct, ['sts', 'licensing', 'posture'], text('permissive'))!]), 'sts:\n  licensing:\n    posture: permissive\nname: x\n');
    const empty = readCardText('file:///README.md', '---\r\n---\r\nBody\r\n');
    assert.equal(applyEdits(empty.text, [insertAtEnd(empty, 'sts', map([['name', text('X')]]))!]), '---\r\nsts:\r\n  name: X\r\n---\r\nBody\r\n');
    const blank = readCardText('file:///a.modelcard.yaml', '# only a comment');
    assert.equal(applyEdits(blank.text, [insertAtTop(blank, [['license', text('mit')]])!]), '# only a comment\nlicense: mit\n');
  });

  test('delete a pair: its lines in a block mapping, `key: value` and a comma in a flow one', () => {
    const { ct, root, at } = cardOf('# head\na: 1 # gone with it\n# kept\nb:\n  c: 2\n  d: 3\ne: { f: 1, g: 2 }\n');
    assert.equal(applyEdits(ct.text, [deletePair(ct, root, findPair(root, 'a')!)!]), '# head\n# kept\nb:\n  c: 2\n  d: 3\ne: { f: 1, g: 2 }\n');
    assert.equal(applyEdits(ct.text, [deletePair(ct, root, findPair(root, 'b')!)!]), '# head\na: 1 # gone with it\n# kept\ne: { f: 1, g: 2 }\n');
    const flow = at(['e']).node as YAMLMap;
    assert.equal(applyEdits(ct.text, [deletePair(ct, flow, findPair(flow, 'f')!)!]), '# head\na: 1 # gone with it\n# kept\nb:\n  c: 2\n  d: 3\ne: { g: 2 }\n');
    assert.equal(applyEdits(ct.text, [deletePair(ct, flow, findPair(flow, 'g')!)!]), '# head\na: 1 # gone with it\n# kept\nb:\n  c: 2\n  d: 3\ne: { f: 1 }\n');
    const last = cardOf('a: 1\nb: 2');
    assert.equal(applyEdits(last.ct.text, [deletePair(last.ct, last.root, findPair(last.root, 'b')!)!]), 'a: 1');
  });

  test('scalars: plain when that reads back the same, else double-quoted', () => {
    assert.equal(scalarText('apache-2.0'), 'apache-2.0');
    assert.equal(scalarText('Sesame CSM-Medium 8B'), 'Sesame CSM-Medium 8B');
    assert.equal(scalarText('https://example.com/a#b'), 'https://example.com/a#b');
    assert.equal(scalarText('true'), '"true"');
    assert.equal(scalarText('2024'), '"2024"');
    assert.equal(scalarText('a: b'), '"a: b"');
    assert.equal(scalarText('# x'), '"# x"');
    assert.equal(scalarText('x, y', true), '"x, y"');
    assert.equal(scalarText(''), '""');
  });
});
