/**
 * Suppression comments in the card (contract, section 3):
 *   `# modelcard-disable-next-line <code>[, <code>…]` drops those codes on the next line;
 *   `# modelcard-disable <code>[, <code>…]` drops them in the whole file.
 * Without codes, a comment drops every code, as linters usually do.
 */
import type { Finding } from './findings';

const DIRECTIVE = /(?:^|[ \t])#[ \t]*modelcard-disable(-next-line)?(?=[ \t,]|$)([^\r\n]*)/gm;
const LINE_BREAK = /\r\n|\r|\n/g;

interface Suppressions {
  readonly file: ReadonlySet<string> | 'all';
  /** Line number → codes (or all) suppressed on that line. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string> | 'all'>;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function parseCodes(list: string): Set<string> | 'all' {
  const codes = list.split(/[\s,]+/).filter(code => code && !code.startsWith('#'));
  return codes.length === 0 ? 'all' : new Set(codes);
}

/** Reads the directives in the YAML part of the file, `yaml`, which starts at offset `yamlStart`. */
function readSuppressions(yaml: string, yamlStart: number, starts: readonly number[]): Suppressions {
  let file: Set<string> | 'all' = new Set();
  const lines = new Map<number, ReadonlySet<string> | 'all'>();
  DIRECTIVE.lastIndex = 0;
  for (let match = DIRECTIVE.exec(yaml); match; match = DIRECTIVE.exec(yaml)) {
    const codes = parseCodes(match[2]);
    if (match[1]) {
      lines.set(lineOf(starts, yamlStart + match.index) + 1, codes);
    } else if (file !== 'all') {
      file = codes === 'all' ? 'all' : new Set([...file, ...codes]);
    }
  }
  return { file, lines };
}

const covers = (codes: ReadonlySet<string> | 'all' | undefined, code: string) => codes === 'all' || (codes?.has(code) ?? false);

export function applySuppressions(findings: Finding[], text: string, yamlStart: number, yamlEnd: number): Finding[] {
  if (findings.length === 0) return findings;
  // Most cards have no directive: then no line table is built.
  const yaml = text.slice(yamlStart, yamlEnd);
  if (!yaml.includes('modelcard-disable')) return findings;
  const starts = lineStarts(text);
  const suppressions = readSuppressions(yaml, yamlStart, starts);
  return findings.filter(finding =>
    !covers(suppressions.file, finding.code) && !covers(suppressions.lines.get(lineOf(starts, finding.start)), finding.code));
}
