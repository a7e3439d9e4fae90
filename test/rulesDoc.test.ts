/**
 * docs/rules.md, the rules reference that every diagnostic links to (`codeDescription.href`):
 * one section per code of CODES, headed by the code, whose GitHub anchor is the one `ruleHref`
 * builds; and examples that are honest: each YAML block parses, and each section's example
 * really produces that section's code when the service checks it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { CODES, ruleHref, RULES_DOCUMENTATION_URL } from '../server/src/service/codes';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Project } from '../server/src/config/project';
import { toDiagnostics } from '../server/src/service';
import { diagnose, documentOf, knowledge } from './helpers';

/** The repository root (this file runs as out/test/rulesDoc.test.js). */
const ROOT = path.join(__dirname, '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
const ALL_CODES = Object.keys(CODES) as (keyof typeof CODES)[];

interface Heading {
  readonly level: number;
  /** The heading's Markdown source, e.g. "`license.unknown-id`". */
  readonly text: string;
  readonly line: number;
  /** GitHub's anchor for it (without '#'), deduplicated as GitHub does. */
  readonly anchor: string;
}

interface Block {
  /** The first word of the fence's info string: yaml, markdown, json… */
  readonly lang: string;
  readonly text: string;
  /** Line of the opening fence. */
  readonly line: number;
}

interface Section {
  readonly heading: Heading;
  /** Lines after the heading up to the next level-2 heading (fenced code included). */
  readonly body: string;
  readonly blocks: Block[];
  /** Index in `body` of the line starting with "**Fix" (blocks before it are examples). */
  readonly fixAt: number;
}

/**
 * GitHub's heading anchors (github-slugger): the rendered text in lower case, every character
 * that is not a letter, mark, number, connector, space or hyphen dropped, spaces as hyphens;
 * a repeated anchor gets -1, -2….
 */
function githubSlug(headingSource: string, seen: Map<string, number>): string {
  const rendered = headingSource
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*]/g, '');
  const base = rendered.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
  const count = seen.get(base);
  seen.set(base, (count ?? -1) + 1);
  return count === undefined ? base : `${base}-${count + 1}`;
}

/** Headings and fenced blocks, outside of which `#` lines are headings and inside of which they are not. */
function parseDoc(source: string): { headings: Heading[]; blocks: Block[]; lines: string[] } {
  const lines = source.split(/\r?\n/);
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  let fence: { marker: string; lang: string; line: number; content: string[] } | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        blocks.push({ lang: fence.lang, text: fence.content.join('\n') + '\n', line: fence.line });
        fence = undefined;
      } else {
        fence.content.push(line);
      }
      return;
    }
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (open) {
      fence = { marker: open[1], lang: open[2].toLowerCase(), line: index, content: [] };
      return;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) headings.push({ level: heading[1].length, text: heading[2], line: index, anchor: githubSlug(heading[2], seen) });
  });
  assert.equal(fence, undefined, `the fence opened on line ${(fence?.line ?? 0) + 1} of docs/rules.md is never closed`);
  return { headings, blocks, lines };
}

const parsed = parseDoc(DOC);

/** Level-2 sections, each with its blocks. */
const sections: Section[] = parsed.headings
  .filter(heading => heading.level === 2)
  .map((heading, index, level2) => {
    const end = level2[index + 1]?.line ?? parsed.lines.length;
    const body = parsed.lines.slice(heading.line + 1, end).join('\n');
    const blocks = parsed.blocks.filter(block => block.line > heading.line && block.line < end);
    const fixLine = parsed.lines.slice(heading.line + 1, end).findIndex(line => line.startsWith('**Fix'));
    const fixAt = fixLine === -1 ? Infinity : heading.line + 1 + fixLine;
    return { heading, body, blocks, fixAt };
  });

/** The code a heading names, when the heading is exactly one code in backticks. */
function codeOf(heading: Heading): string | undefined {
  return /^`([^`\s]+)`$/.exec(heading.text)?.[1];
}

function sectionOf(code: string): Section {
  const found = sections.filter(section => codeOf(section.heading) === code);
  assert.equal(found.length, 1, `docs/rules.md needs exactly one section headed \`## \`${code}\`\``);
  return found[0];
}

/** The file name a block is checked as: Markdown blocks are a README with front matter; a `config.*` or `knowledge.*` example is the project file it is about. */
function fileNameFor(block: Block, code = ''): string {
  if (code.startsWith('config.')) return 'modelcards.config.yaml';
  if (code.startsWith('knowledge.')) return 'acme.knowledge.yaml';
  return block.lang === 'markdown' || block.lang === 'md' ? 'README.md' : 'card.modelcard.yaml';
}

/** A project's own file, checked as the editor and the command line check it: in a project holding only it. */
function checkProjectFile(text: string, name: string): Diagnostic[] {
  const absPath = `/project/${name}`;
  const project = new Project(knowledge, { readFile: file => (file === absPath ? text : undefined), isRepositoryRoot: () => false });
  const findings = project.findingsOf(absPath, name.endsWith('.knowledge.yaml') ? 'knowledge' : 'config');
  return toDiagnostics(documentOf(text, name), findings, undefined);
}

function check(text: string, name: string): Diagnostic[] {
  return name === 'modelcards.config.yaml' || name.endsWith('.knowledge.yaml') ? checkProjectFile(text, name) : diagnose(text, name);
}

const isExampleBlock = (block: Block) => ['yaml', 'yml', 'markdown', 'md'].includes(block.lang);

describe('docs/rules.md', () => {
  test('every code in CODES has exactly one `## `code`` heading, in the order of CODES', () => {
    for (const code of ALL_CODES) {
      const headings = parsed.headings.filter(heading => codeOf(heading) === code);
      assert.equal(headings.length, 1, `expected one heading \`${code}\`, found ${headings.length}`);
      assert.equal(headings[0].level, 2, `the heading of ${code} is a level-2 heading (##)`);
    }
    const order = sections.map(section => codeOf(section.heading)).filter((code): code is string => code !== undefined);
    assert.deepEqual(order, ALL_CODES);
  });

  test('ruleHref(code) points at the GitHub anchor of the code heading', () => {
    for (const code of ALL_CODES) {
      const heading = sectionOf(code).heading;
      assert.equal(ruleHref(code), `${RULES_DOCUMENTATION_URL}#${heading.anchor}`, `anchor of ${code}`);
    }
    // The documented example of the anchor rule, computed independently.
    assert.equal(githubSlug('`license.unknown-id`', new Map()), 'licenseunknown-id');
    assert.ok(ruleHref('license.unknown-id').endsWith('/docs/rules.md#licenseunknown-id'));
  });

  test('no heading names a code that is not in CODES', () => {
    for (const heading of parsed.headings) {
      const code = codeOf(heading);
      if (code !== undefined) assert.ok(code in CODES, `heading \`${code}\` (line ${heading.line + 1}) is not a code in CODES`);
      else assert.ok(!/^`[a-z]+\.[a-z-]+`/.test(heading.text), `heading "${heading.text}" (line ${heading.line + 1}) looks like a code heading`);
    }
  });

  test('the contents link to every code, and every in-page link resolves', () => {
    const firstCodeLine = sectionOf(ALL_CODES[0]).heading.line;
    const contents = parsed.lines.slice(0, firstCodeLine).join('\n');
    for (const code of ALL_CODES) {
      assert.ok(contents.includes(`(#${sectionOf(code).heading.anchor})`), `the contents link to ${code}`);
    }
    const anchors = new Set(parsed.headings.map(heading => heading.anchor));
    for (const match of DOC.matchAll(/\]\(#([^)\s]+)\)/g)) {
      assert.ok(anchors.has(match[1]), `the link #${match[1]} has no heading`);
    }
  });

  test('each code section states the default severity of CODES and has What, Why, Example and Fix', () => {
    for (const code of ALL_CODES) {
      const { body } = sectionOf(code);
      const severity = /\*\*Default severity:\*\*\s*([a-z]+)/.exec(body)?.[1];
      assert.equal(severity, CODES[code].severity, `default severity of ${code}`);
      let last = -1;
      for (const label of ['**What:**', '**Why:**', '**Example:**', '**Fix:**']) {
        const at = body.indexOf(label);
        assert.ok(at > last, `${code}: ${label} present, after the previous part`);
        last = at;
      }
    }
  });

  test('every ```yaml block parses without errors', () => {
    const yamlBlocks = parsed.blocks.filter(block => block.lang === 'yaml' || block.lang === 'yml');
    assert.ok(yamlBlocks.length >= ALL_CODES.length - 5, 'the doc has YAML examples');
    for (const block of yamlBlocks) {
      const document = parseDocument(block.text);
      assert.deepEqual(document.errors.map(error => error.message), [], `YAML block on line ${block.line + 1}`);
    }
  });

  test('the suppression example is silent, and would not be without its comments', () => {
    const inCodeSections = new Set(sections.filter(section => codeOf(section.heading)).flatMap(section => section.blocks));
    const examples = parsed.blocks.filter(block => block.lang === 'yaml' && /#\s*modelcard-disable/.test(block.text) && !inCodeSections.has(block));
    assert.ok(examples.length > 0, 'the introduction shows a suppression comment in a ```yaml block');
    for (const example of examples) {
      assert.deepEqual(diagnose(example.text).map(d => d.code), [], `suppression example on line ${example.line + 1}`);
      const suppressed = [...example.text.matchAll(/#\s*modelcard-disable(?:-next-line)?[ \t]+([^\n]*)/g)]
        .flatMap(match => match[1].split(/[\s,]+/).filter(Boolean));
      const bare = example.text.split('\n').filter(line => !/^\s*#\s*modelcard-disable/.test(line)).join('\n');
      const codesWithout = diagnose(bare).map(d => String(d.code));
      for (const code of suppressed) assert.ok(codesWithout.includes(code), `without the comments, the example produces ${code}`);
    }
  });

  describe('each code section has an example that produces its code', () => {
    for (const code of ALL_CODES) {
      test(code, () => {
        const section = sectionOf(code);
        const examples = section.blocks.filter(block => isExampleBlock(block) && block.line < section.fixAt);
        assert.ok(examples.length > 0, `${code}: an example in a \`\`\`yaml (or \`\`\`markdown) block before **Fix**`);
        for (const example of examples) {
          const name = fileNameFor(example, code);
          const diagnostics = check(example.text, name);
          const ofCode = diagnostics.filter(d => d.code === code);
          assert.ok(ofCode.length > 0,
            `${code}: the example on line ${example.line + 1} (checked as ${name}) produces ${diagnostics.map(d => d.code).join(', ') || 'nothing'}`);

          // "The diagnostic points at `x`": the first example's diagnostic covers exactly x.
          const claim = /diagnostic points at `([^`]+)`/.exec(section.body.slice(0, section.body.indexOf('**Fix')));
          if (claim && example === examples[0]) {
            const document = documentOf(example.text, name);
            const covered = ofCode.map(d => example.text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)));
            assert.ok(covered.includes(claim[1]), `${code}: the doc says the diagnostic points at \`${claim[1]}\`; it covers ${covered.map(c => JSON.stringify(c)).join(', ')}`);
          }
        }
        // A block after **Fix** shows the corrected card: it must not produce the code.
        for (const after of section.blocks.filter(block => isExampleBlock(block) && block.line > section.fixAt)) {
          const diagnostics = check(after.text, fileNameFor(after, code));
          assert.ok(!diagnostics.some(d => d.code === code), `${code}: the fixed card on line ${after.line + 1} still produces it`);
        }
      });
    }
  });
});
