/**
 * `modelcard-lint landscape [paths...]`: the map of the field (service/landscape) for the cards
 * found under the paths, among the knowledge base's known models, written as SVG, HTML, Markdown
 * or JSON. The picture is drawn by the same renderer as the VS Code view (render/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderLandscapeHtml, renderLandscapeMarkdown, renderLandscapeSvg } from '../render';
import { cardKindOf, hasFrontMatter, Landscape, LandscapeCard } from '../service';
import { loadProjectFor } from './check';
import { discover, errorMessage } from './discover';
import { readCardSource } from './readCard';
import { TOOL_NAME } from './version';
import type { CliIo } from './main';

export const LANDSCAPE_FORMATS = ['svg', 'html', 'md', 'json'] as const;
type LandscapeFormat = (typeof LANDSCAPE_FORMATS)[number];
const THEMES = ['light', 'dark'] as const;

export const LANDSCAPE_USAGE = `Usage: modelcard-lint landscape [--format svg|html|md|json] [--output FILE] [--theme light|dark]
                                [--no-known-models] [--config FILE | --no-config] [<file|directory|glob>...]

Draws the landscape of STS models: architecture families as columns, license postures as rows,
one chip per model with its sub-categories, lineage from base models to their derivatives and
between siblings, and license conflicts. The cards found under the paths are placed among the
knowledge base's known models (a card that describes a known model takes its place); without
paths, the known models alone.

Options:
  -f, --format <format>  svg, html (a page holding the SVG), md (a Markdown table) or json
                         (the landscape as data); default md
  -o, --output <file>    write to this file instead of standard output
      --theme <theme>    light (default) or dark, for svg and html
      --no-known-models  only the cards, without the known models
  -c, --config <file>    one configuration file for every card; --no-config: none
  -h, --help             print this help and exit

Exit status: 0 written, 2 usage error or a file that cannot be read or written.
`;

interface LandscapeArgs {
  format: LandscapeFormat;
  output?: string;
  theme: (typeof THEMES)[number];
  knownModels: boolean;
  config?: string;
  noConfig: boolean;
  help: boolean;
  paths: string[];
}

export function parseLandscapeArgs(argv: readonly string[]): { options: LandscapeArgs; errors: string[] } {
  const options: LandscapeArgs = { format: 'md', theme: 'light', knownModels: true, noConfig: false, help: false, paths: [] };
  const errors: string[] = [];
  const valued = new Map<string, (value: string) => void>([
    ['--format', value => (LANDSCAPE_FORMATS as readonly string[]).includes(value) ? options.format = value as LandscapeFormat : errors.push(`unknown format '${value}': use one of ${LANDSCAPE_FORMATS.join(', ')}`)],
    ['--output', value => { options.output = value; }],
    ['--theme', value => (THEMES as readonly string[]).includes(value) ? options.theme = value as LandscapeArgs['theme'] : errors.push(`unknown theme '${value}': use light or dark`)],
    ['--config', value => { options.config = value; }],
  ]);
  const short: Record<string, string> = { '-f': '--format', '-o': '--output', '-c': '--config' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [short[arg] ?? arg, undefined];
    const set = valued.get(name);
    if (set) {
      const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') ? argv[++i] : undefined);
      if (!value) errors.push(`option '${name}' needs a value`);
      else set(value);
    } else if (arg === '--no-known-models') options.knownModels = false;
    else if (arg === '--no-config') options.noConfig = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-') && arg !== '-') errors.push(`unknown option '${arg}'`);
    else options.paths.push(arg);
  }
  if (options.config !== undefined && options.noConfig) errors.push("options '--config' and '--no-config' cannot be used together");
  return { options, errors };
}

export async function runLandscape(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, errors } = parseLandscapeArgs(argv);
  if (options.help) {
    io.stdout(LANDSCAPE_USAGE);
    return 0;
  }
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`${TOOL_NAME} landscape: ${error}\n`);
    io.stderr(`Run '${TOOL_NAME} landscape --help' for usage.\n`);
    return 2;
  }
  const project = loadProjectFor(io, options);
  if (!project) return 2;
  const discovery = await discover(options.paths, io.cwd, {
    isIgnored: (absPath, isDirectory) => project.resolver.forFile(absPath).isIgnored(absPath, isDirectory),
    isCardFile: absPath => project.resolver.forFile(absPath).isCardFile(absPath),
  });
  let failed = discovery.problems.length > 0;
  for (const problem of discovery.problems) io.stderr(`${TOOL_NAME}: ${problem.message}\n`);

  const cards: LandscapeCard[] = [];
  for (const file of discovery.files) {
    let text: string;
    try {
      text = readCardSource(file.absPath).text;
    } catch (error) {
      io.stderr(`${TOOL_NAME}: cannot read '${file.displayPath}': ${errorMessage(error)}\n`);
      failed = true;
      continue;
    }
    const uri = pathToFileURL(file.absPath).href;
    const kind = cardKindOf(uri);
    if (file.requireFrontMatter && kind === 'markdown' && !hasFrontMatter(text)) continue;
    const { service, settings } = project.forFile(file.absPath);
    const summary = service.summarize(TextDocument.create(uri, kind === 'markdown' ? 'markdown' : 'yaml', 1, text), settings);
    // Named by their path as given, not by an absolute file URI: the picture is shared, and the
    // same tree gives the same bytes wherever it is checked out.
    const label = file.displayPath.split(path.sep).join('/');
    if (summary) cards.push({ summary: { ...summary, uri: label }, label });
  }
  // The map is drawn with the knowledge of the configuration where the command runs.
  const landscape = project.forFile(path.join(io.cwd, 'modelcards.landscape')).service.landscape(cards, { knownModels: options.knownModels });
  const title = cards.length > 0 ? `STS model landscape: ${cards.length} card${cards.length === 1 ? '' : 's'} among the known models` : 'STS model landscape: the known models';
  const output = render(options.format, landscape, options.theme, options.knownModels ? title : title.replace(' among the known models', ''));
  if (options.output === undefined) {
    io.stdout(output);
  } else {
    const target = path.resolve(io.cwd, options.output);
    try {
      // A temporary file, then a rename: a reader never sees half a picture.
      fs.writeFileSync(`${target}.tmp-${process.pid}`, output);
      fs.renameSync(`${target}.tmp-${process.pid}`, target);
    } catch (error) {
      io.stderr(`${TOOL_NAME}: cannot write '${options.output}': ${errorMessage(error)}\n`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: wrote ${options.output} (${landscape.models.length} models placed, ${landscape.unplaced.length} unplaced)\n`);
  }
  return failed ? 2 : 0;
}

function render(format: LandscapeFormat, landscape: Landscape, theme: 'light' | 'dark', title: string): string {
  switch (format) {
    case 'svg': return renderLandscapeSvg(landscape, { theme, title });
    case 'html': return renderLandscapeHtml(landscape, { theme, title });
    case 'md': return renderLandscapeMarkdown(landscape, { title });
    case 'json': return `${JSON.stringify(landscape, null, 2)}\n`;
  }
}
