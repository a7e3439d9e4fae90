/**
 * Parses the command line of `modelcard-lint`. Pure: no I/O, so main decides what to print.
 *
 *     modelcard-lint [--format text|json|sarif] [--fix] [--jobs n] [--config FILE | --no-config] <file|directory|glob>...
 *     modelcard-lint --print-config FILE
 */

/** More threads than this only add start-up time and memory on any machine we know. */
export const MAX_JOBS = 64;

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions {
  readonly format: OutputFormat;
  readonly fix: boolean;
  /** Worker threads to check files with; undefined lets the command line choose. */
  readonly jobs?: number;
  readonly help: boolean;
  readonly version: boolean;
  /** `--config FILE`: this configuration for every card, no search. */
  readonly config?: string;
  /** `--no-config`: no configuration file at all. */
  readonly noConfig: boolean;
  /** `--print-config FILE`: print the configuration that applies to FILE, check nothing. */
  readonly printConfig?: string;
  readonly paths: readonly string[];
}

export interface ParsedArgs {
  readonly options: CliOptions;
  /** Usage errors, one message each; when any, nothing is checked. */
  readonly errors: readonly string[];
}

export const USAGE = `Usage: modelcard-lint [--format text|json|sarif] [--fix] [--jobs n] [--config FILE | --no-config] <file|directory|glob>...
       modelcard-lint --print-config FILE
       modelcard-lint landscape [--format svg|html|md|json] [--output FILE] [<file|directory|glob>...]
       modelcard-lint init [path] [--form readme|yaml] [--name NAME] [--base-model ID] [--family F] [--license L]

Checks model cards of speech-to-speech models: standalone *.modelcard.yaml / modelcard.yaml
files and the YAML front matter of README.md, MODEL_CARD.md and *.modelcard.md.

Options:
  -f, --format <format>  output format: text (default), json or sarif
      --fix              apply the fixes that are safe without a choice, rewriting the files
  -j, --jobs <n>         check with n worker threads (default: one per CPU when there are
                         many files; 1 checks everything on the main thread)
  -c, --config <file>    use this configuration file for every card instead of the nearest
                         modelcards.config.yaml (or .modelcardsrc.yaml) above each card
      --no-config        use no configuration file: the defaults
      --print-config <file>
                         print, as JSON, the configuration that applies to this card and exit
  -h, --help             print this help and exit
  -v, --version          print the version and exit

A directory is searched for model cards (skipping node_modules, .git and what the
configuration's 'ignore' names; adding what its 'files' names); quote globs such as
'cards/**/*.yaml' to let modelcard-lint expand them. A file named explicitly is checked unless
the configuration ignores it.

'modelcard-lint landscape --help' describes the map of the field; 'modelcard-lint init --help'
how to start a new card.

Exit status: 0 no errors, 1 some diagnostic is an error, 2 usage error, unreadable file, a
problem in a configuration or knowledge-extension file (reported at its line and column; the
defaults stand in for what could not be read) or a file --fix had to leave untouched
(read-only, not UTF-8, changed during the run); 130/143 when
SIGINT/SIGTERM stopped the run (every file is then either untouched or completely fixed).
`;

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let format: OutputFormat = 'text';
  let fix = false;
  let jobs: number | undefined;
  let help = false;
  let version = false;
  let config: string | undefined;
  let noConfig = false;
  let printConfig: string | undefined;
  const paths: string[] = [];
  const errors: string[] = [];

  const setFormat = (value: string | undefined) => {
    if (value === undefined || value === '') {
      errors.push(`option '--format' needs a value: one of ${FORMATS.join(', ')}`);
    } else if (isFormat(value)) {
      format = value;
    } else {
      errors.push(`unknown format '${value}': use one of ${FORMATS.join(', ')}`);
    }
  };

  const setJobs = (value: string | undefined) => {
    const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_JOBS) jobs = n;
    else errors.push(`option '--jobs' needs a whole number from 1 to ${MAX_JOBS}${value === undefined ? '' : `, not '${value}'`}`);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--format' || arg === '-f') {
      const value = argv[i + 1];
      // `--format --fix` is a missing value, not a format called `--fix`.
      if (value !== undefined && !value.startsWith('-')) i++;
      setFormat(value !== undefined && !value.startsWith('-') ? value : undefined);
    } else if (arg.startsWith('--format=')) {
      setFormat(arg.slice('--format='.length));
    } else if (arg === '--jobs' || arg === '-j') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('-')) i++;
      setJobs(value !== undefined && !value.startsWith('-') ? value : undefined);
    } else if (arg.startsWith('--jobs=')) {
      setJobs(arg.slice('--jobs='.length));
    } else if (arg === '--config' || arg === '-c' || arg === '--print-config') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('-')) {
        errors.push(`option '${arg}' needs a file`);
      } else {
        i++;
        if (arg === '--print-config') printConfig = value;
        else config = value;
      }
    } else if (arg.startsWith('--config=') || arg.startsWith('--print-config=')) {
      const [name, value] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
      if (value === '') errors.push(`option '${name}' needs a file`);
      else if (name === '--print-config') printConfig = value;
      else config = value;
    } else if (arg === '--no-config') {
      noConfig = true;
    } else if (arg === '--fix') {
      fix = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg === '--version' || arg === '-v' || arg === '-V') {
      version = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      errors.push(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }

  if (config !== undefined && noConfig) errors.push("options '--config' and '--no-config' cannot be used together");
  if (!help && !version && printConfig === undefined && errors.length === 0 && paths.length === 0) {
    errors.push('no files, directories or globs to check');
  }
  return {
    options: {
      format, fix, ...(jobs !== undefined ? { jobs } : {}), help, version, noConfig,
      ...(config !== undefined ? { config } : {}), ...(printConfig !== undefined ? { printConfig } : {}), paths,
    },
    errors,
  };
}
