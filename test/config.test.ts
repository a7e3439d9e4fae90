/**
 * The project configuration and knowledge extensions, below the command line and the server: the
 * check of a configuration file's text, the resolution (nearest file, extends, roots), and the
 * merge of knowledge extensions, each bad input with its diagnostic at the exact key.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkConfigText } from '../server/src/config/configFile';
import { extendKnowledge } from '../server/src/config/knowledgeExtension';
import { Project } from '../server/src/config/project';
import { ConfigResolver } from '../server/src/config/resolve';
import type { Finding } from '../server/src/service';
import { documentOf, knowledge, ROOT } from './helpers';

/** What a finding covers in its text. */
const covered = (text: string, finding: Finding) => text.slice(finding.start, finding.end);
const codesOf = (findings: readonly Finding[]) => findings.map(f => f.code);

/** A resolver over an in-memory tree: path → text. */
function resolverOver(files: Record<string, string>, options: { roots?: string[]; explicit?: string; none?: boolean; repos?: string[] } = {}): ConfigResolver {
  return new ConfigResolver({
    readFile: file => files[file],
    isRepositoryRoot: dir => (options.repos ?? []).includes(dir),
    roots: options.roots,
    explicit: options.explicit,
    none: options.none,
  });
}

/** A knowledge extension adding one license (test/fixtures/config/acme.knowledge.yaml). */
const LICENSE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'config', 'acme.knowledge.yaml'), 'utf8');

describe('the configuration file', () => {
  test('a good file is read whole', () => {
    const text = 'rules:\n  sts.missing: off\n  family.missing: error\nignore: [drafts/]\nfiles: ["cards/*.card.yaml"]\nfrontMatter: false\nmaxFileSizeKb: 0\nknowledge: [acme.knowledge.yaml]\nextends: ../base.yaml\n';
    const { config, findings } = checkConfigText(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(config, {
      rules: { 'sts.missing': 'off', 'family.missing': 'error' }, ignore: ['drafts/'], files: ['cards/*.card.yaml'],
      frontMatter: false, maxFileSizeKb: 0, knowledge: ['acme.knowledge.yaml'], extends: '../base.yaml',
    });
  });

  test('an unknown code, with the nearest real one, on the key itself', () => {
    const text = 'rules:\n  license.unknwn-id: off\n  sts.missing: off\n';
    const { config, findings } = checkConfigText(text);
    assert.deepEqual(codesOf(findings), ['config.unknown-code']);
    assert.equal(covered(text, findings[0]), 'license.unknwn-id');
    assert.deepEqual(findings[0].data, { key: 'license.unknwn-id', suggestion: 'license.unknown-id' });
    assert.deepEqual(config.rules, { 'sts.missing': 'off' }, 'the other rules still apply');
  });

  test('an invalid level is reported on the value; only that rule falls back to its default', () => {
    const text = 'rules:\n  family.missing: loud\n  sts.missing: off\n';
    const { config, findings } = checkConfigText(text);
    assert.deepEqual(codesOf(findings), ['config.invalid']);
    assert.equal(covered(text, findings[0]), 'loud');
    assert.deepEqual((findings[0].data as { allowed: string[] }).allowed, ['error', 'warning', 'information', 'hint', 'off']);
    assert.deepEqual(config.rules, { 'sts.missing': 'off' });
  });

  test('wrong types and unknown keys: each key at fault falls back, the rest applies', () => {
    const text = 'frontMatter: maybe\nmaxFileSizeKb: -1\nignores: [x]\nignore: drafts\nfiles: [a]\n';
    const { config, findings } = checkConfigText(text);
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]).sort((a, b) => text.indexOf(a[1]) - text.indexOf(b[1])), [
      ['config.invalid', 'maybe'],
      ['config.invalid', '-1'],
      ['config.unknown-key', 'ignores'],
      ['config.invalid', 'drafts'],
    ]);
    assert.equal((findings.find(f => f.code === 'config.unknown-key')!.data as { suggestion: string }).suggestion, 'ignore');
    assert.deepEqual(config, { files: ['a'] });
  });

  test('a YAML error is yaml.syntax on the configuration; a list or a text is not a configuration', () => {
    assert.deepEqual(codesOf(checkConfigText('rules: [a\n').findings), ['yaml.syntax']);
    assert.deepEqual(codesOf(checkConfigText('- rules\n').findings), ['config.invalid']);
    assert.deepEqual(checkConfigText('').findings, [], 'an empty file is an empty configuration');
  });
});

describe('finding the configuration', () => {
  test('the nearest file wins, up to a workspace folder or a repository root, and not beyond', () => {
    const files = {
      '/ws/modelcards.config.yaml': 'rules: { sts.missing: off }\n',
      '/ws/team/.modelcardsrc.yaml': 'rules: { family.missing: error }\n',
      '/modelcards.config.yaml': 'rules: { license.unconfirmed: off }\n',
      '/repo/card.modelcard.yaml': '',
    };
    const resolver = resolverOver(files, { roots: ['/ws'], repos: ['/repo'] });
    assert.deepEqual(resolver.forFile('/ws/team/deep/card.modelcard.yaml').files, ['/ws/team/.modelcardsrc.yaml']);
    assert.deepEqual(resolver.forFile('/ws/team/deep/card.modelcard.yaml').rules, { 'family.missing': 'error' }, 'no merge without extends');
    assert.deepEqual(resolver.forFile('/ws/other/card.modelcard.yaml').files, ['/ws/modelcards.config.yaml']);
    assert.deepEqual(resolver.forFile('/repo/card.modelcard.yaml').files, [], 'the repository root stops the search');
    assert.deepEqual(resolverOver(files).forFile('/elsewhere/card.modelcard.yaml').files, ['/modelcards.config.yaml']);
  });

  test('modelcards.config.yaml wins over .modelcardsrc.yaml in one directory; --config and --no-config replace the search', () => {
    const files = { '/p/modelcards.config.yaml': 'frontMatter: false\n', '/p/.modelcardsrc.yaml': 'frontMatter: true\n', '/x/explicit.yaml': 'maxFileSizeKb: 5\n' };
    assert.deepEqual(resolverOver(files).forFile('/p/a.modelcard.yaml').files, ['/p/modelcards.config.yaml']);
    assert.equal(resolverOver(files, { explicit: '/x/explicit.yaml' }).forFile('/p/a.modelcard.yaml').settings.maxFileSizeKb, 5);
    assert.deepEqual(resolverOver(files, { none: true }).forFile('/p/a.modelcard.yaml').files, []);
    assert.equal(resolverOver(files, { none: true }).forFile('/p/a.modelcard.yaml').settings.frontMatter, true);
  });

  test('extends: later files and the file itself override, rules merge key by key, patterns keep their own directory', () => {
    const files = {
      '/shared/base.yaml': 'rules: { sts.missing: off, latency.unlabeled: error }\nignore: [generated/]\nfrontMatter: false\n',
      '/shared/strict.yaml': 'rules: { latency.unlabeled: warning, license.unconfirmed: error }\n',
      '/p/modelcards.config.yaml': 'extends: [../shared/base.yaml, ../shared/strict.yaml]\nrules: { license.unconfirmed: hint }\nignore: [drafts/]\n',
    };
    const config = resolverOver(files).forFile('/p/cards/a.modelcard.yaml');
    assert.deepEqual(config.files, ['/p/modelcards.config.yaml', '/shared/base.yaml', '/shared/strict.yaml']);
    assert.deepEqual(config.rules, { 'sts.missing': 'off', 'latency.unlabeled': 'warning', 'license.unconfirmed': 'hint' });
    assert.equal(config.settings.frontMatter, false);
    assert.equal(config.isIgnored('/p/drafts/a.modelcard.yaml'), true);
    assert.equal(config.isIgnored('/shared/generated/x.modelcard.yaml'), true);
    assert.equal(config.isIgnored('/p/generated/x.modelcard.yaml'), false, "base.yaml's pattern is relative to base.yaml");
    assert.equal(config.isIgnored('/p/cards/a.modelcard.yaml'), false);
  });

  test('a file that cannot be read, and a circle, are findings on the path; what could be read applies', () => {
    const text = 'extends: [./missing.yaml, ./modelcards.config.yaml]\nknowledge: [nowhere.knowledge.yaml]\nrules: { sts.missing: off }\n';
    const config = resolverOver({ '/p/modelcards.config.yaml': text }).forFile('/p/a.modelcard.yaml');
    const findings = config.findings.get('/p/modelcards.config.yaml')!.findings;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [
      ['config.file-not-found', './missing.yaml'],
      ['config.extends-cycle', './modelcards.config.yaml'],
      ['config.file-not-found', 'nowhere.knowledge.yaml'],
    ]);
    assert.deepEqual(config.rules, { 'sts.missing': 'off' });
    assert.deepEqual(config.knowledge, []);
  });

  test('ignore follows .gitignore; files adds cards by glob', () => {
    const config = resolverOver({ '/p/modelcards.config.yaml': 'ignore: ["drafts/", "*.old.md", "!keep.old.md"]\nfiles: ["cards/**/*.card.yaml"]\n' })
      .forFile('/p/x.modelcard.yaml');
    assert.equal(config.isIgnored('/p/drafts', true), true);
    assert.equal(config.isIgnored('/p/drafts', false), false, '"drafts/" names a directory');
    assert.equal(config.isIgnored('/p/a/b.old.md'), true);
    assert.equal(config.isIgnored('/p/keep.old.md'), false);
    assert.equal(config.isCardFile('/p/cards/x/y.card.yaml'), true);
    assert.equal(config.isCardFile('/p/y.card.yaml'), false);
    assert.equal(config.isCardFile('/elsewhere/cards/y.card.yaml'), false, 'patterns apply below their file only');
  });
});

describe('knowledge extensions', () => {
  test('a new license is used by every rule: no unknown id, and the license facts apply', () => {
    const extended = extendKnowledge(knowledge, [{ file: '/p/acme.knowledge.yaml', text: LICENSE }]);
    assert.deepEqual([...extended.findings], []);
    assert.equal(extended.origins.get('license:acme-research-license'), '/p/acme.knowledge.yaml');
    const project = new Project(knowledge, {
      readFile: file => ({ '/p/modelcards.config.yaml': 'knowledge: [acme.knowledge.yaml]\n', '/p/acme.knowledge.yaml': LICENSE } as Record<string, string>)[file],
      isRepositoryRoot: () => false,
    });
    const { service, settings } = project.forFile('/p/card.modelcard.yaml');
    const card = 'license: other\nlicense_name: acme-research-license\nlicense_link: https://acme.example/license\nsts:\n  family: dual-stream-codec\n  licensing: { posture: permissive, commercial_use: true }\n';
    const codes = service.validate(documentOf(card), settings).map(d => d.code);
    assert.ok(!codes.includes('license.unknown-id'));
    assert.ok(codes.includes('license.commercial-conflict'), `the license's commercial_use: 'no' applies: ${codes.join(', ')}`);
    const hover = service.hover(documentOf(card), { line: 1, character: 16 });
    assert.match((hover?.contents as { value: string }).value, /\*\*Defined in\*\* `\/p\/acme\.knowledge\.yaml`/);
  });

  test('a known model makes lineage and family checks work', () => {
    const text = [
      'models:',
      '  - id: acme-talk',
      '    name: ACME Talk',
      '    lab: ACME',
      '    family: cascade-predictor',
      '    released: "2026"',
      '    open_weights: true',
      '    weights_license: apache-2.0',
      '    code_license: mit',
      '    posture: permissive',
      '    base_model: null',
      '    hub_ids: [acme/acme-talk-7b]',
      '    source: { name: ACME release notes }',
      '',
    ].join('\n');
    const extended = extendKnowledge(knowledge, [{ file: 'x', text }]);
    assert.deepEqual([...extended.findings], []);
    const project = new Project(knowledge, {
      readFile: file => ({ '/p/modelcards.config.yaml': 'knowledge: [x.knowledge.yaml]\n', '/p/x.knowledge.yaml': text } as Record<string, string>)[file],
      isRepositoryRoot: () => false,
    });
    const { service, settings } = project.forFile('/p/card.modelcard.yaml');
    const diagnostics = service.validate(documentOf('license: apache-2.0\nsts:\n  name: ACME Talk\n  family: dual-stream-codec\n'), settings);
    assert.equal(diagnostics.find(d => d.code === 'family.mismatch')?.data && (diagnostics.find(d => d.code === 'family.mismatch')!.data as { suggestion: { family: string } }).suggestion.family, 'cascade-predictor');
  });

  test('a malformed entry is knowledge.invalid on the exact key and is left out', () => {
    const text = LICENSE.replace("commercial_use: 'no'", 'commercial_use: sometimes');
    const extended = extendKnowledge(knowledge, [{ file: 'f', text }]);
    const findings = extended.findings.get('f')!;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [['knowledge.invalid', 'sometimes']]);
    assert.ok(!extended.knowledge.licenses.some(l => l.id === 'acme-research-license'));
  });

  test('a reference to an unknown license is knowledge.invalid on the reference', () => {
    const text = 'models:\n  - id: m\n    name: M\n    lab: L\n    family: null\n    released: "2026"\n    open_weights: false\n    weights_license: nope\n    code_license: null\n    posture: null\n    base_model: null\n    source: { name: s }\n';
    const findings = extendKnowledge(knowledge, [{ file: 'f', text }]).findings.get('f')!;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [['knowledge.invalid', 'nope']]);
    assert.match(findings[0].message, /unknown license 'nope'/);
  });

  test('an id already defined needs override: true; with it, the entry replaces the built-in one', () => {
    const mit = "licenses:\n  - id: mit\n    name: MIT (ours)\n    hub: true\n    commercial_use: 'no'\n    credit: required\n    derivatives_keep_terms: 'no'\n    source: { name: ours }\n";
    const refused = extendKnowledge(knowledge, [{ file: 'f', text: mit }]);
    assert.deepEqual(refused.findings.get('f')!.map(f => [f.code, covered(mit, f)]), [['knowledge.duplicate-id', 'mit']]);
    assert.equal(refused.knowledge.licenses.find(l => l.id === 'mit')?.commercial_use, 'yes');
    const replaced = extendKnowledge(knowledge, [{ file: 'f', text: mit.replace('    name: MIT (ours)', '    override: true\n    name: MIT (ours)') }]);
    assert.deepEqual([...replaced.findings], []);
    assert.equal(replaced.knowledge.licenses.find(l => l.id === 'mit')?.commercial_use, 'no');
    assert.equal(replaced.origins.get('license:mit'), 'f');
    // Two extensions defining one id: the second is told where the first is.
    const twice = extendKnowledge(knowledge, [{ file: 'a', text: LICENSE }, { file: 'b', text: LICENSE }]);
    assert.match(twice.findings.get('b')![0].message, /already defined by a/);
  });

  test('evidence concepts join the suggester', () => {
    const text = "concepts:\n  - id: zebra-crossing\n    why: The zebra crossing design, a test concept.\n    evidence: { codec-free: 0.95 }\n    all: ['zebra + crossing*']\n";
    const extended = extendKnowledge(knowledge, [{ file: 'f', text }]);
    assert.deepEqual([...extended.findings], []);
    const project = new Project(knowledge, {
      readFile: file => ({ '/p/modelcards.config.yaml': 'knowledge: [c.knowledge.yaml]\n', '/p/c.knowledge.yaml': text } as Record<string, string>)[file],
      isRepositoryRoot: () => false,
    });
    const { service, settings } = project.forFile('/p/card.modelcard.yaml');
    const [missing] = service.validate(documentOf('license: mit\nsts:\n  architecture: A zebra crossing design.\n'), settings).filter(d => d.code === 'family.missing');
    assert.equal((missing.data as { suggestion: { family: string } }).suggestion.family, 'codec-free');
  });

  test("a concept's fact may be one of the built-in facts, not a concept's id (knowledge.invalid on the fact)", () => {
    const concept = (fact: string) => `concepts:\n  - id: zebra-turns\n    why: A test concept about turn states.\n    evidence: { cascade-predictor: 0.5 }\n    fact: ${fact}\n    all: ['zebra + turn*']\n`;
    assert.deepEqual([...extendKnowledge(knowledge, [{ file: 'f', text: concept('turn-state-decision') }]).findings], []);
    const text = concept('micro-turns');
    const findings = extendKnowledge(knowledge, [{ file: 'f', text }]).findings.get('f')!;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [['knowledge.invalid', 'micro-turns']]);
  });

  test('a concept may yield to another family, not to one it is evidence for (knowledge.invalid on that family)', () => {
    const concept = (yieldsTo: string) => `concepts:\n  - id: zebra-pipeline\n    why: A test concept about a pipeline.\n    evidence: { near-sts: 0.5 }\n    yields_to: [${yieldsTo}]\n    all: ['zebra + pipeline*']\n`;
    const extended = extendKnowledge(knowledge, [{ file: 'f', text: concept('cascade-predictor') }]);
    assert.deepEqual([...extended.findings], []);
    assert.deepEqual(extended.knowledge.suggester.concepts.find(c => c.id === 'zebra-pipeline')?.yields_to, ['cascade-predictor']);
    const text = concept('cascade-predictor, near-sts');
    const findings = extendKnowledge(knowledge, [{ file: 'f', text }]).findings.get('f')!;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [['knowledge.invalid', 'near-sts']]);
    assert.ok(findings[0].start > text.indexOf('yields_to'), 'on the yields_to entry, not on the evidence key');
  });

  test('an unknown top-level key and a broken pattern are findings', () => {
    const text = "things: []\nconcepts:\n  - id: c\n    why: A test concept, badly written.\n    evidence: { codec-free: 0.9 }\n    all: ['mo*']\n";
    const findings = extendKnowledge(knowledge, [{ file: 'f', text }]).findings.get('f')!;
    assert.deepEqual(findings.map(f => [f.code, covered(text, f)]), [['knowledge.invalid', 'things']]);
    const pattern = "concepts:\n  - id: c\n    why: A test concept, badly written.\n    evidence: { codec-free: 0.9 }\n    all: ['mo*']\n";
    const patternFindings = extendKnowledge(knowledge, [{ file: 'f', text: pattern }]).findings.get('f')!;
    assert.deepEqual(patternFindings.map(f => [f.code, covered(pattern, f)]), [['knowledge.invalid', "'mo*'"]]);
  });
});
