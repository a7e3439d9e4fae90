/**
 * `modelcard-lint [--format text|json|sarif] [--fix] <file|directory|glob>...`: the entry of the
 * command line (bundled to dist/cli.js). `main` does the work against an injected io; nothing
 * escapes it as an exception.
 */
import * as path from 'node:path';
import { readTextFile } from '../config/nodeProject';
import type { Project } from '../config/project';
import { parseArgs, USAGE } from './args';
import { checkFile, CheckOptions, loadProject } from './check';
import { configReports, printConfig } from './configReport';
import { discover, errorMessage } from './discover';
import { createFixPass } from './fix';
import { runLandscape } from './landscape';
import { runInit } from './init';
import { checkInParallel, Delivery, runWorkerIfAsked, someFileListedTwice, workerCount } from './parallel';
import { jsonWriter } from './formatJson';
import { sarifWriter } from './formatSarif';
import { textWriter } from './formatText';
import { exitCodeOf, Interruption, RunEnd, RunTally, SIGNAL_EXIT_CODES, ToolInfo, WriterFactory } from './report';
import { packageInfo, TOOL_NAME } from './version';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths and globs are resolved against. */
  readonly cwd: string;
  /**
   * Aborted (with the signal's name as its reason) to stop the run between two files: the file
   * being checked or fixed is finished, the rest are not read, and what was checked is reported.
   */
  readonly signal?: AbortSignal;
}

const WRITERS: Record<'text' | 'json' | 'sarif', WriterFactory> = {
  text: textWriter,
  json: jsonWriter,
  sarif: sarifWriter,
};

/**
 * Runs the command line; resolves to the exit status (0 clean, 1 errors found, 2 usage or read
 * failure or a fix not made, 130/143 stopped by SIGINT/SIGTERM).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`${TOOL_NAME}: internal error: ${errorMessage(error)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Subcommands; a card or directory called `landscape` or `init` is named `./landscape`, `./init`.
  if (argv[0] === 'landscape') return runLandscape(argv.slice(1), io);
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  const { options, errors } = parseArgs(argv);
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout(`${packageInfo().version}\n`);
    return 0;
  }
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`${TOOL_NAME}: ${error}\n`);
    io.stderr(`Run '${TOOL_NAME} --help' for usage.\n`);
    return 2;
  }
  const projectOptions = { explicit: options.config !== undefined ? path.resolve(io.cwd, options.config) : undefined, none: options.noConfig };
  let project: Project;
  let checkOptions: CheckOptions = {};
  try {
    project = loadProject(projectOptions);
    // `--fix` writes the safe fixes of each card before it is reported.
    if (options.fix) checkOptions = { fix: createFixPass() };
  } catch (error) {
    io.stderr(`${TOOL_NAME}: cannot load the knowledge base: ${errorMessage(error)}\n`);
    return 2;
  }
  if (projectOptions.explicit !== undefined && readTextFile(projectOptions.explicit) === undefined) {
    io.stderr(`${TOOL_NAME}: cannot read the configuration file '${options.config}'\n`);
    return 2;
  }
  if (options.printConfig !== undefined) return printConfig(project, path.resolve(io.cwd, options.printConfig), io);

  const discovery = await discover(options.paths, io.cwd, {
    isIgnored: (absPath, isDirectory) => project.resolver.forFile(absPath).isIgnored(absPath, isDirectory),
    isCardFile: absPath => project.resolver.forFile(absPath).isCardFile(absPath),
  });
  for (const problem of discovery.problems) io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
  if (options.format === 'text') for (const ignored of discovery.ignored) io.stderr(`${TOOL_NAME}: '${ignored}' is ignored by the configuration: not checked\n`);

  const { version, informationUri } = packageInfo();
  const tool: ToolInfo = { name: TOOL_NAME, version, informationUri, cwd: io.cwd };
  const writer = WRITERS[options.format](io, tool);
  const tally = new RunTally();
  let checked = 0;
  let skipped = 0;
  const deliver: Delivery = (_index, report) => {
    if (report === undefined) {
      skipped++;
      return;
    }
    checked++;
    if (report === null) return;
    tally.add(report);
    writer.file(report);
  };
  const files = discovery.files;
  // The configuration and knowledge-extension files in play first, with their own problems.
  const configs = configReports(project, files, io.cwd);
  for (const report of configs) {
    tally.add(report);
    writer.file(report);
  }
  let jobs = workerCount(files.length, options.jobs);
  if (jobs > 1 && options.fix && someFileListedTwice(files)) jobs = 1;
  if (jobs > 1) {
    await checkInParallel(files, jobs, options.fix, projectOptions, __filename, io.signal, deliver);
  } else {
    for (let index = 0; index < files.length; index++) {
      // Reads are synchronous, so the loop yields once per file to let a signal be noticed.
      if (!io.signal?.aborted) await new Promise(resolve => setImmediate(resolve));
      deliver(index, io.signal?.aborted ? undefined : (await checkFile(files[index], project, checkOptions)) ?? null);
    }
  }
  const interrupted: Interruption | undefined = skipped > 0
    ? { signal: String(io.signal?.reason ?? 'SIGINT'), checked, total: files.length }
    : undefined;
  const end: RunEnd = {
    totals: tally.totals, problems: discovery.problems, configFilesWithProblems: configs.filter(report => report.diagnostics.length > 0).length,
    ...(interrupted ? { interrupted } : {}),
  };
  writer.end(end);
  return exitCodeOf(end);
}

/** The bin's entry: runs `main` on the process's own arguments and streams, and sets the exit code. */
export async function runFromCommandLine(): Promise<number> {
  // A closed pipe (`modelcard-lint . | head`) is not an error worth a stack trace.
  process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') process.stderr.write(`${TOOL_NAME}: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  });
  // The first SIGINT or SIGTERM stops the run between two files, so no file is left half fixed; a
  // second one ends the process at once (a temporary file may then be left beside a card).
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(SIGNAL_EXIT_CODES[signal] ?? 130);
    stop.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const code = await main(process.argv.slice(2), {
      stdout: text => void process.stdout.write(text),
      stderr: text => void process.stderr.write(text),
      cwd: process.cwd(),
      signal: stop.signal,
    });
    process.exitCode = code;
    return code;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// The same file is the entry of the worker threads (parallel.ts), bundled or not.
if (!runWorkerIfAsked() && require.main === module) void runFromCommandLine();
