/**
 * The configuration side of a run: the configuration and knowledge-extension files that apply to
 * the checked cards, reported like cards (path:line:column, in every format) with their own
 * problems; and `--print-config`, the configuration that applies to one card, as JSON.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Project } from '../config/project';
import { toDiagnostics } from '../service';
import type { Finding } from '../service/findings';
import type { CliIo } from './main';
import { FileReport, sortByPosition } from './check';
import { CardFile, displayPathOf } from './discover';

/** One report per configuration or extension file in play, those without problems included (in order, for the reader). */
export function configReports(project: Project, files: readonly CardFile[], cwd: string): FileReport[] {
  const seen = new Map<string, { text: string; findings: readonly Finding[] }>();
  for (const file of files) {
    const setup = project.forFile(file.absPath);
    for (const [absPath, entry] of setup.findings) if (!seen.has(absPath)) seen.set(absPath, entry);
  }
  return [...seen]
    .filter(([, entry]) => entry.findings.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([absPath, entry]) => reportOf(absPath, entry.text, entry.findings, cwd));
}

function reportOf(absPath: string, text: string, findings: readonly Finding[], cwd: string): FileReport {
  const document = TextDocument.create(pathToFileURL(absPath).href, 'yaml', 1, text);
  return { path: displayPathOf(absPath, cwd), absPath, diagnostics: sortByPosition(toDiagnostics(document, findings, undefined)) };
}

/** `--print-config FILE`: the configuration FILE gets, as JSON; exit 2 when a file in play has a problem. */
export function printConfig(project: Project, absPath: string, io: CliIo): number {
  const setup = project.forFile(absPath);
  const { config } = setup;
  const problems = [...setup.findings].flatMap(([file, entry]) =>
    reportOf(file, entry.text, entry.findings, io.cwd).diagnostics.map(d => ({
      file: displayPathOf(file, io.cwd),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      code: d.code,
      message: d.message,
    })));
  const printed = {
    file: displayPathOf(absPath, io.cwd),
    configFiles: config.files.map(file => displayPathOf(file, io.cwd)),
    ignored: config.isIgnored(absPath),
    rules: config.rules,
    frontMatter: config.settings.frontMatter,
    maxFileSizeKb: config.settings.maxFileSizeKb,
    ignore: config.ignore.map(set => ({ base: directoryShown(set.base, io.cwd), patterns: set.patterns })),
    files: config.cardFiles.map(set => ({ base: directoryShown(set.base, io.cwd), patterns: set.patterns })),
    knowledge: config.knowledge.map(file => displayPathOf(file, io.cwd)),
    problems,
  };
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return problems.length > 0 ? 2 : 0;
}

/** A directory as the reader knows it: `.` for the current one. */
function directoryShown(dir: string, cwd: string): string {
  return path.resolve(dir) === path.resolve(cwd) ? '.' : displayPathOf(dir, cwd);
}
