/** Runs modelcard-lint in-process or as the real bin, and builds throwaway card directories. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

/** The repository root (this file runs as out/test/cli/harness.js). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
export const BIN = path.join(ROOT, 'bin', 'modelcard-lint.js');
export const BUNDLE = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main(argv, io)` with captured output; `cwd` defaults to the fixtures directory. */
export async function lint(argv: readonly string[], cwd: string = FIXTURES): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; }, cwd });
  return { code, stdout, stderr };
}

/** The real bin in a child process, as a user runs it. */
export function spawnLint(argv: readonly string[], cwd: string = FIXTURES): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8' });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A fresh temp directory holding `files` (path → content; a `null` content makes a directory). */
export function tempTree(files: Readonly<Record<string, string | null>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcl-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    if (content === null) {
      fs.mkdirSync(full, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  return dir;
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: unknown;
}

export interface JsonReport {
  version: number;
  files: { path: string; error?: string; diagnostics: JsonDiagnostic[] }[];
}

export function parseJson(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

export function pathsOf(report: JsonReport): string[] {
  return report.files.map(file => file.path.split(path.sep).join('/'));
}

export function codesOf(report: JsonReport, filePath?: string): string[] {
  return report.files
    .filter(file => filePath === undefined || file.path === filePath)
    .flatMap(file => file.diagnostics.map(d => d.code))
    .sort();
}
