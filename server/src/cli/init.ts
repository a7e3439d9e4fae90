/**
 * `modelcard-lint init [path] --base-model ID --family F --license L --form readme|yaml ...`: writes
 * a new model card (service/authoring/newCard) that raises no error under the linter's rules.
 * Non-interactive: what is not given comes from the base model (family, license) or is left for
 * the user (the card's placeholders). Never overwrites a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Project } from '../config/project';
import { cardNameKind, severityName } from '../service';
import { defaultsFor, newCard, NewCardChoices } from '../service/authoring/newCard';
import { KnowledgeIndex } from '../service/knowledgeIndex';
import { loadProjectFor } from './check';
import { errorMessage } from './discover';
import type { CliIo } from './main';
import { TOOL_NAME } from './version';

export const INIT_USAGE = `Usage: modelcard-lint init [path] [--form readme|yaml] [--name NAME] [--base-model ID] [--family F]
                           [--license L] [--subcategory S ...] [--organization ORG] [--config FILE | --no-config]

Writes a new model card that passes the checks: the Hub metadata, an 'sts' block (family,
sub-categories, latency with its kind, licensing with the posture the license implies, credit
and consent where they are due) and, for a README, the sections of a model card. A derivative
starts from its base model's family and license; a base model whose license is non-commercial
or passes its terms on keeps that license. The placeholders are the parts left to write.

  path                    a directory (the card is written inside it, created if needed) or a
                          card file name (README.md, *.modelcard.md, *.modelcard.yaml); default .
  --form <form>           readme (README.md with front matter, the default) or yaml
                          (<name>.modelcard.yaml)
  --name <name>           the model's name; default the file's or the directory's name
  --base-model <id>       a known model (id, name or Hub id) or any Hub id it was built from
  --family <family>       dual-stream-codec, interleaved-flatten, cascade-predictor, codec-free
                          or near-sts; default the base model's
  --license <id>          a Hub license id or a license name this tool knows; default the base
                          model's weights license, else unknown
  --subcategory <id>      reasoning-realtime, translation-duplex or voice-cloning; repeat it or
                          separate with commas
  --organization <org>    who made the model
  -c, --config <file>     one configuration file (and its knowledge extensions); --no-config: none
  -h, --help              print this help and exit

Exit status: 0 written, 2 usage error, a choice that cannot be honoured, an existing file (never
overwritten) or a file that cannot be written.
`;

interface InitArgs {
  path?: string;
  form?: 'readme' | 'yaml';
  name?: string;
  baseModel?: string;
  family?: string;
  license?: string;
  subcategories: string[];
  organization?: string;
  config?: string;
  noConfig: boolean;
  help: boolean;
}

export function parseInitArgs(argv: readonly string[]): { options: InitArgs; errors: string[] } {
  const options: InitArgs = { subcategories: [], noConfig: false, help: false };
  const errors: string[] = [];
  const valued = new Map<string, (value: string) => void>([
    ['--form', value => value === 'readme' || value === 'yaml' ? options.form = value : errors.push(`unknown form '${value}': use readme or yaml`)],
    ['--name', value => { options.name = value; }],
    ['--base-model', value => { options.baseModel = value; }],
    ['--family', value => { options.family = value; }],
    ['--license', value => { options.license = value; }],
    ['--subcategory', value => { options.subcategories.push(...value.split(',').map(s => s.trim()).filter(Boolean)); }],
    ['--organization', value => { options.organization = value; }],
    ['--config', value => { options.config = value; }],
  ]);
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg === '-c' ? '--config' : arg, undefined];
    const set = valued.get(name);
    if (set) {
      // Values may start with '-' only when written --option=value.
      const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') ? argv[++i] : undefined);
      if (value === undefined || value === '') errors.push(`option '${name}' needs a value`);
      else set(value);
    } else if (arg === '--no-config') options.noConfig = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-') && arg !== '-') errors.push(`unknown option '${arg}'`);
    else paths.push(arg);
  }
  if (paths.length > 1) errors.push(`one path at most, got ${paths.length}: ${paths.join(', ')}`);
  options.path = paths[0];
  if (options.config !== undefined && options.noConfig) errors.push("options '--config' and '--no-config' cannot be used together");
  return { options, errors };
}

/** Where the card goes: a directory (the file name comes from the form) or a named card file. */
type Target = { dir: string; file?: string };

function targetOf(io: CliIo, options: InitArgs): { target?: Target; error?: string } {
  const absolute = path.resolve(io.cwd, options.path ?? '.');
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return { target: { dir: absolute } };
  if (stat) return { error: `'${options.path}' already exists: not overwritten` };
  const kind = cardNameKind(path.basename(absolute));
  if (kind === undefined) {
    if (/\.(md|markdown|ya?ml)$/i.test(absolute)) {
      return { error: `'${options.path}' is not a card file name: use README.md, <name>.modelcard.md or <name>.modelcard.yaml` };
    }
    return { target: { dir: absolute } };
  }
  const form = kind === 'markdown' ? 'readme' : 'yaml';
  if (options.form && options.form !== form) return { error: `'${options.path}' is a ${form === 'readme' ? 'Markdown' : 'YAML'} card's name, but --form is ${options.form}` };
  options.form = form;
  return { target: { dir: path.dirname(absolute), file: absolute } };
}

/** The name a card gets without --name: its file's name, or its directory's. */
function defaultName(target: Target): string {
  const file = target.file ? path.basename(target.file).replace(/(\.modelcard)?\.(md|markdown|ya?ml)$/i, '') : '';
  return file && file.toLowerCase() !== 'readme' && file.toLowerCase() !== 'model_card' && file.toLowerCase() !== 'modelcard'
    ? file
    : path.basename(target.dir) || 'New model';
}

export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, errors } = parseInitArgs(argv);
  if (options.help) {
    io.stdout(INIT_USAGE);
    return 0;
  }
  const fail = (messages: readonly string[], hint = true) => {
    for (const message of messages) io.stderr(`${TOOL_NAME} init: ${message}\n`);
    if (hint) io.stderr(`Run '${TOOL_NAME} init --help' for usage.\n`);
    return 2;
  };
  if (errors.length > 0) return fail(errors);
  const { target, error } = targetOf(io, options);
  if (!target) return fail([error!], false);

  const project = loadProjectFor(io, options);
  if (!project) return 2;
  const setup = project.forFile(target.file ?? path.join(target.dir, 'README.md'));
  const index = new KnowledgeIndex(setup.knowledge.knowledge);
  const defaults = defaultsFor(index, options.baseModel);
  const choices: NewCardChoices = {
    form: options.form ?? 'readme',
    name: options.name ?? defaultName(target),
    baseModel: options.baseModel,
    family: options.family ?? defaults.family,
    license: options.license ?? defaults.license,
    subcategories: options.subcategories,
    organization: options.organization,
  };
  const card = newCard(index, choices);
  if (card.problems.length > 0) return fail([...card.problems, 'nothing written'], false);

  const file = target.file ?? path.join(target.dir, card.fileName);
  const shown = path.relative(io.cwd, file) || file;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': created here or not at all, even if another process made the file meanwhile.
    fs.writeFileSync(file, card.text, { flag: 'wx' });
  } catch (writeError) {
    const exists = (writeError as NodeJS.ErrnoException).code === 'EEXIST';
    return fail([exists ? `'${shown}' already exists: not overwritten` : `cannot write '${shown}': ${errorMessage(writeError)}`], false);
  }
  io.stderr(report(index, shown, choices, options, defaults, checkWritten(project, file, card.text)));
  return 0;
}

/** What the project's own checks say of the card just written, as `severity code` counts. */
function checkWritten(project: Project, file: string, text: string): string[] {
  const { service, settings } = project.forFile(file);
  const uri = pathToFileURL(file).href;
  const diagnostics = service.validate(TextDocument.create(uri, file.endsWith('.md') ? 'markdown' : 'yaml', 1, text), settings);
  service.forget(uri);
  return diagnostics.map(d => `${severityName(d.severity)} ${String(d.code)}`).sort();
}

function report(index: KnowledgeIndex, shown: string, choices: NewCardChoices, options: InitArgs, defaults: ReturnType<typeof defaultsFor>, found: string[]): string {
  const license = (choices.license && index.licenseNamed(choices.license)?.id) ?? 'unknown';
  const from = (given: string | undefined, value: string | undefined) => given !== undefined || value === undefined ? '' : ' (from the base model)';
  const lines = [
    `${TOOL_NAME} init: wrote ${shown} (${choices.form === 'readme' ? 'README with front matter' : 'standalone YAML card'} for '${choices.name}')`,
    `  family: ${choices.family ?? 'not set: write the architecture paragraph, then run the check (family.missing suggests one)'}${from(options.family, choices.family)}`,
    `  license: ${license}${from(options.license, choices.license)}`,
  ];
  if (choices.baseModel && defaults.licenseDetail) lines.push(`  inherited: ${defaults.licenseDetail}`);
  lines.push(found.length === 0
    ? '  check: no problems; fill in the placeholders, then run modelcard-lint on it'
    : `  check: ${found.join(', ')}; fill in the placeholders, then run ${TOOL_NAME} ${shown}`);
  return `${lines.join('\n')}\n`;
}
