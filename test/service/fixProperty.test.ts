/**
 * The property every quick fix keeps: for every fixture card (real cards, CLI fixtures, examples,
 * and broken cards that trigger every fixable code, each also with CRLF, lone-CR and Markdown
 * front matter), every offered action leaves a card that parses, without its diagnostic (same code
 * at the same key), without any new error, and with every byte outside the edited range unchanged.
 * `fixAll` reaches a fixpoint and is idempotent.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { createCodeActionProvider, findingKey, FIX_ALL_KIND } from '../../server/src/service/fixes/codeActions';
import { readCardText } from '../../server/src/service/fixes/cardText';
import { effectiveSeverity } from '../../server/src/service/findings';
import { documentOf, knowledge, ROOT, service } from '../helpers';

const provider = createCodeActionProvider({ knowledge, findings: (document, settings) => service.findings(document, settings) });

/** Broken cards: together they trigger every code that has a fix. `body` makes the Markdown variant's body. */
const BROKEN: readonly { name: string; yaml: string; body?: string; codes: readonly string[] }[] = [
  {
    name: 'enum-values',
    codes: ['schema.invalid'],
    yaml: `license: apache-2.0
pipeline_tag: speech-to-speech
sts:
  name: Enum Demo
  family: dual-stream
  duplex: ful
  subcategories: [voice-clonng]
  licensing:
    posture: permisive
    code: mit
`,
  },
  {
    name: 'unknown-keys',
    codes: ['schema.unknown-key'],
    yaml: `license: mit
sts:
  name: Key Demo
  famly: cascade-predictor
  orgnization: Demo Lab
  licensing:
    posture: permissive
    comercial_use: true
`,
  },
  {
    name: 'unknown-ids',
    codes: ['license.unknown-id'],
    yaml: `license: Apache-2.0
sts:
  name: Id Demo
  family: codec-free
  licensing:
    posture: permissive
    code: MIT License
`,
  },
  {
    name: 'unknown-id-list',
    codes: ['license.unknown-id'],
    yaml: `license:
  - apache-2.0
  - CC-BY-4.0
language: [en]
`,
  },
  {
    name: 'other-incomplete',
    codes: ['license.other-incomplete'],
    body: 'The weights are released under the NVIDIA OneWay Noncommercial License.',
    yaml: `license: other
language:
- en
sts:
  name: Other Demo
  family: near-sts
`,
  },
  {
    name: 'other-without-link',
    codes: ['license.other-incomplete'],
    yaml: `license: other
license_name: nvidia-open-model-license
tags: [audio]
`,
  },
  {
    name: 'known-id-as-name',
    codes: ['license.known-id-as-name'],
    yaml: `license: other # see below
license_name: cc-by-4.0
license_link: https://creativecommons.org/licenses/by/4.0/
language: [en]
`,
  },
  {
    name: 'name-as-id',
    codes: ['license.name-as-id'],
    yaml: `license: nvidia-open-model-license
language: [en]
`,
  },
  {
    name: 'license-missing',
    codes: ['license.missing'],
    yaml: `# No license yet.
language: [en]
sts:
  name: Missing Demo
  family: interleaved-flatten
`,
  },
  {
    name: 'license-missing-non-commercial',
    codes: ['license.missing'],
    yaml: `sts:
  name: NC Demo
  licensing:
    posture: non-commercial
`,
  },
  {
    name: 'license-empty',
    codes: ['license.missing'],
    yaml: `license:
language: [en]
sts:
  name: Empty Demo
  licensing:
    posture: permissive
`,
  },
  {
    name: 'posture-and-commercial-conflict',
    codes: ['license.posture-conflict', 'license.commercial-conflict'],
    yaml: `license: cc-by-nc-4.0
sts:
  name: Conflict Demo
  licensing:
    posture: permissive
    commercial_use: true
`,
  },
  {
    name: 'posture-information',
    codes: ['license.posture-conflict'],
    yaml: `license: apache-2.0
sts:
  name: Careful Demo
  licensing:
    posture: non-commercial
`,
  },
  {
    name: 'attribution-missing',
    codes: ['license.attribution-missing'],
    yaml: `license: cc-by-4.0
base_model: kyutai/moshiko-pytorch-bf16
sts:
  name: Derived Demo
  licensing:
    posture: permissive
    code: mit
`,
  },
  {
    name: 'attribution-without-licensing',
    codes: ['license.attribution-missing'],
    yaml: `license: cc-by-4.0
base_model: kyutai/moshiko-pytorch-bf16
sts:
  name: Derived Demo
`,
  },
  {
    name: 'sibling-missing-known',
    codes: ['license.sibling-missing'],
    yaml: `license: apache-2.0
language:
- en
sts:
  name: Sesame CSM-1B
  licensing:
    posture: split-with-sibling
`,
  },
  {
    name: 'sibling-missing-empty-list',
    codes: ['license.sibling-missing'],
    yaml: `license: apache-2.0
sts:
  name: Split Demo
  licensing: { posture: split-with-sibling, siblings: [] }
`,
  },
  {
    name: 'closed-with-open-weights',
    codes: ['license.closed-with-open-weights'],
    yaml: `license: apache-2.0
license_link: https://www.apache.org/licenses/LICENSE-2.0
language: [en]
sts:
  name: Closed Demo
  licensing:
    posture: closed-commercial
`,
  },
  {
    name: 'consent-missing',
    codes: ['consent.missing'],
    yaml: `license: apache-2.0
sts:
  name: Clone Demo
  subcategories:
    - voice-cloning
  licensing:
    posture: permissive
`,
  },
  {
    name: 'latency-unlabeled',
    codes: ['latency.unlabeled'],
    yaml: `license: mit
sts:
  name: Latency Demo
  latency:
    - { ms: 200 }
    - ms: 160
      source: paper
    - { ms: 300, source: "demo video" }
`,
  },
  {
    name: 'posture-missing',
    codes: ['schema.missing'],
    yaml: `license: mit
sts:
  name: Posture Demo
  licensing:
    code: mit
`,
  },
  {
    name: 'posture-missing-flow',
    codes: ['schema.missing'],
    yaml: `license: mit
sts: { name: Flow Demo, licensing: { code: mit } }
`,
  },
  {
    name: 'four-spaces-and-comments',
    codes: ['schema.missing', 'schema.unknown-key', 'license.unknown-id'],
    yaml: `# A card indented by four spaces, with comments everywhere.
license: Apache-2.0  # the weights
sts:
    name: Four Space Demo  # display name
    famly: dual-stream-codec
    # licensing follows
    licensing:
        code: apache-2.0 # the code
`,
  },
  {
    name: 'family-mismatch-known-model',
    codes: ['family.mismatch'],
    yaml: `license: apache-2.0
sts:
  name: Sesame CSM-1B
  family: codec-free
  duplex: full
`,
  },
  {
    name: 'family-missing-known-model',
    codes: ['family.missing'],
    yaml: `license: cc-by-4.0
sts:
  name: Moshi
  duplex: full
  licensing:
    posture: permissive
`,
  },
  {
    name: 'byte-order-mark',
    codes: ['license.unknown-id', 'schema.unknown-key'],
    yaml: `\uFEFFlicense: Apache-2.0
sts:
  famly: codec-free
`,
  },
  {
    name: 'no-final-line-end',
    codes: ['latency.unlabeled', 'license.unknown-id'],
    yaml: `license: Apache-2.0
sts:
  name: Last Line Demo
  latency:
    - ms: 5`,
  },
];

/** Markdown files that are not cards yet, or barely. */
const MARKDOWN_ONLY: readonly { name: string; text: string; codes: readonly string[] }[] = [
  { name: 'README.md', codes: ['sts.missing'], text: '# Moshi\n\nMoshi is released under the CC-BY 4.0 license. It models two audio streams over the Mimi codec.\n' },
  { name: 'MODEL_CARD.md', codes: ['sts.missing'], text: '\uFEFF# A model\r\n\r\nNothing about licenses here.\r\n' },
  { name: 'empty.modelcard.md', codes: ['license.missing', 'sts.missing'], text: '---\n---\n# Empty Front Matter\n' },
];

interface Case {
  readonly label: string;
  readonly name: string;
  readonly text: string;
  /** Codes that must get at least one action here. */
  readonly codes: readonly string[];
}

function withEol(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

function frontMatter(yaml: string, body: string | undefined, eol: string): string {
  const closed = /\n$/.test(yaml) ? yaml : `${yaml}\n`;
  return withEol(`---\n${closed}---\n\n# Demo card\n\n${body ?? 'Prose for readers.'}\n`, eol);
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const card of BROKEN) {
    for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
      all.push({ label: `${card.name} (${eolName})`, name: `${card.name}.modelcard.yaml`, text: withEol(card.yaml, eol), codes: card.codes });
    }
    for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
      if (card.yaml.startsWith('\uFEFF')) continue;
      all.push({ label: `${card.name} (front matter, ${eolName})`, name: 'README.md', text: frontMatter(card.yaml, card.body, eol), codes: /^sts:/m.test(card.yaml) ? card.codes : [...card.codes, 'sts.missing'] });
    }
  }
  for (const card of MARKDOWN_ONLY) {
    all.push({ label: card.name, name: card.name, text: card.text, codes: card.codes });
    all.push({ label: `${card.name} (CRLF)`, name: card.name, text: withEol(card.text, '\r\n'), codes: card.codes });
  }
  const fixtureFiles = [
    ...fs.readdirSync(path.join(ROOT, 'test/fixtures/real-cards')).map(file => path.join('test/fixtures/real-cards', file)),
    ...fs.readdirSync(path.join(ROOT, 'test/fixtures/cli')).map(file => path.join('test/fixtures/cli', file)),
    ...walk(path.join(ROOT, 'examples')).map(file => path.relative(ROOT, file)),
  ];
  for (const file of fixtureFiles) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    all.push({ label: file, name: path.basename(file), text, codes: [] });
    all.push({ label: `${file} (CRLF)`, name: path.basename(file), text: withEol(text, '\r\n'), codes: [] });
  }
  return all;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : /\.(ya?ml|md)$/.test(entry.name) ? [path.join(dir, entry.name)] : []);
}

interface Keyed {
  readonly keys: string[];
  readonly errors: Map<string, number>;
  readonly syntax: number;
}

function keyed(name: string, text: string): Keyed {
  const document = documentOf(text, name);
  const ct = readCardText(document.uri, text);
  const findings = service.findings(document);
  const errors = new Map<string, number>();
  const keys: string[] = [];
  for (const finding of findings) {
    const key = findingKey(ct, finding);
    keys.push(key);
    if (effectiveSeverity(finding, undefined) === 'error') errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return { keys, errors, syntax: findings.filter(finding => finding.code === 'yaml.syntax').length };
}

function lineEndsOf(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

let actionCount = 0;
let fixAllCount = 0;
const offeredCodes = new Set<string>();

describe('every offered fix keeps the card whole', () => {
  for (const item of cases()) {
    test(item.label, () => {
      const document = documentOf(item.text, item.name);
      const ct = readCardText(document.uri, item.text);
      const before = keyed(item.name, item.text);
      const fileEols = lineEndsOf(item.text);
      const withActions = new Set<string>();
      for (const diagnostic of service.validate(document)) {
        const actions = provider.codeActions(document, diagnostic.range, [diagnostic]).filter((action: CodeAction) => action.kind === 'quickfix');
        const start = document.offsetAt(diagnostic.range.start);
        const targetKey = findingKey(ct, { code: String(diagnostic.code), start });
        if (actions.length > 0) withActions.add(String(diagnostic.code));
        for (const action of actions) {
          actionCount++;
          offeredCodes.add(String(diagnostic.code));
          const where = `${item.label}: ${diagnostic.code} → "${action.title}"`;
          assert.deepEqual(action.diagnostics, [diagnostic], where);
          const edits: TextEdit[] = action.edit!.changes![document.uri];
          assert.ok(edits.length > 0, where);
          const fixed = TextDocument.applyEdits(document, edits);
          assert.notEqual(fixed, item.text, where);

          // Every byte before the first edit and after the last is unchanged.
          const offsets = edits.flatMap(edit => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)]);
          const first = Math.min(...offsets);
          const last = Math.max(...offsets);
          assert.equal(fixed.slice(0, first), item.text.slice(0, first), `${where}: prefix changed`);
          assert.equal(fixed.slice(fixed.length - (item.text.length - last)), item.text.slice(last), `${where}: suffix changed`);
          // New lines use the file's own line end.
          for (const edit of edits) {
            for (const eol of lineEndsOf(edit.newText)) assert.ok(fileEols.size === 0 || fileEols.has(eol), `${where}: line end ${JSON.stringify(eol)}`);
          }

          const afterFix = keyed(item.name, fixed);
          assert.ok(afterFix.syntax <= before.syntax, `${where}: no longer parses\n${fixed}`);
          assert.ok(!afterFix.keys.includes(targetKey), `${where}: ${targetKey} still there\n${fixed}`);
          for (const [key, count] of afterFix.errors) {
            assert.ok(count <= (before.errors.get(key) ?? 0), `${where}: new error ${key}\n${fixed}`);
          }
        }
      }
      for (const code of item.codes) assert.ok(withActions.has(code), `${item.label}: no fix offered for ${code}`);

      // fixAll: a fixpoint, idempotent, and no worse than before.
      const edits = provider.fixAll(document);
      const fixed = TextDocument.applyEdits(document, edits);
      const again = provider.fixAll(documentOf(fixed, item.name));
      assert.deepEqual(again, [], `${item.label}: fixAll is not at a fixpoint\n${fixed}`);
      const afterAll = keyed(item.name, fixed);
      assert.ok(afterAll.syntax <= before.syntax, `${item.label}: fixAll broke the YAML`);
      for (const [key, count] of afterAll.errors) assert.ok(count <= (before.errors.get(key) ?? 0), `${item.label}: fixAll added ${key}`);
      const sourceActions = provider.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], { only: ['source.fixAll'] });
      assert.equal(sourceActions.length, edits.length > 0 ? 1 : 0, item.label);
      if (edits.length > 0) {
        fixAllCount++;
        assert.equal(sourceActions[0].kind, FIX_ALL_KIND);
        assert.equal(TextDocument.applyEdits(document, sourceActions[0].edit!.changes![document.uri]), fixed);
      }
    });
  }

  after(() => {
    // eslint-disable-next-line no-console
    console.log(`# fix property: ${cases().length} cards, ${actionCount} actions checked, fixAll changed ${fixAllCount} cards; codes with fixes: ${[...offeredCodes].sort().join(', ')}`);
  });
});
