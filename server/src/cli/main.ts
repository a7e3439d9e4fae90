/**
 * `modelcard-lint [--format text|json|sarif] [--fix] <file|directory|glob>...`: the entry of the
 * command line (bundled to dist/cli.js). `main` does the work against an injected io; nothing
 * escapes it as an exception.
 */
import { parseArgs, USAGE } from './args';
import { checkFile, CheckOptions, FileReport, loadService } from './check';
import { discover, errorMessage } from './discover';
import { createFixPass } from './fix';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { exitCodeOf, Formatter, RunResult, ToolInfo } from './report';
import { packageInfo, TOOL_NAME } from './version';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths and globs are resolved against. */
  readonly cwd: string;
}

const FORMATTERS: Record<'text' | 'json' | 'sarif', Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

/** Runs the command line; resolves to the exit status (0 clean, 1 errors found, 2 usage or read failure). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`${TOOL_NAME}: internal error: ${errorMessage(error)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
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
  let service;
  let checkOptions: CheckOptions = {};
  try {
    service = loadService();
    // `--fix` writes the safe fixes of each card before it is reported.
    if (options.fix) checkOptions = { fix: createFixPass() };
  } catch (error) {
    io.stderr(`${TOOL_NAME}: cannot load the knowledge base: ${errorMessage(error)}\n`);
    return 2;
  }

  const discovery = await discover(options.paths, io.cwd);
  for (const problem of discovery.problems) io.stderr(`${TOOL_NAME}: ${problem.message}\n`);

  const files: FileReport[] = [];
  for (const file of discovery.files) {
    const report = await checkFile(file, service, checkOptions);
    if (report) files.push(report);
  }
  const result: RunResult = { files, problems: discovery.problems };
  const { version, informationUri } = packageInfo();
  const tool: ToolInfo = { name: TOOL_NAME, version, informationUri, cwd: io.cwd };
  const output = FORMATTERS[options.format](result, tool);
  io.stdout(output.stdout);
  if (output.stderr) io.stderr(output.stderr);
  return exitCodeOf(result);
}

/** The bin's entry: runs `main` on the process's own arguments and streams, and sets the exit code. */
export async function runFromCommandLine(): Promise<number> {
  // A closed pipe (`modelcard-lint . | head`) is not an error worth a stack trace.
  process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') process.stderr.write(`${TOOL_NAME}: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  });
  const code = await main(process.argv.slice(2), {
    stdout: text => void process.stdout.write(text),
    stderr: text => void process.stderr.write(text),
    cwd: process.cwd(),
  });
  process.exitCode = code;
  return code;
}

if (require.main === module) void runFromCommandLine();
