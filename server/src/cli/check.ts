/**
 * Reads and validates one card file with the same service the editor uses. A file that cannot be
 * read becomes a report with an `error`; nothing here throws.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createNodeProject, NodeProjectOptions } from '../config/nodeProject';
import type { Project } from '../config/project';
import { loadShippedKnowledgeBase } from '../knowledge/load';
import { cardKindOf, hasFrontMatter } from '../service';
import { CardFile, errorMessage } from './discover';
import type { FixOutcome, FixPass } from './fix';
import { CardSource, readCardSource } from './readCard';
import { TOOL_NAME } from './version';

export interface FileReport {
  /** The path the report shows. */
  readonly path: string;
  readonly absPath: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file could not be read or checked; `diagnostics` is then empty. */
  readonly error?: string;
  /** With `--fix`, for a file that had something to fix: whether it was written. */
  readonly fix?: FixOutcome;
  /** Set when the file is not valid UTF-8: the byte offset of the first invalid sequence. */
  readonly invalidUtf8At?: number;
}

export interface CheckOptions {
  readonly fix?: FixPass;
}

/** The report for one file, or undefined when it turns out not to be a card (Markdown without front matter). */
export async function checkFile(
  file: CardFile, project: Project, options: CheckOptions = {},
): Promise<FileReport | undefined> {
  let source: CardSource;
  try {
    source = readCardSource(file.absPath);
  } catch (error) {
    return { path: file.displayPath, absPath: file.absPath, diagnostics: [], error: errorMessage(error) };
  }
  const { text, invalidUtf8At } = source;
  const encoding = invalidUtf8At !== undefined ? { invalidUtf8At } : {};
  const uri = pathToFileURL(file.absPath).href;
  const kind = cardKindOf(uri);
  if (file.requireFrontMatter && kind === 'markdown' && !hasFrontMatter(text)) return undefined;
  try {
    const { service, settings } = project.forFile(file.absPath);
    let document = TextDocument.create(uri, kind === 'markdown' ? 'markdown' : 'yaml', 1, text);
    let fix: { fix?: FixOutcome } = {};
    if (options.fix) {
      try {
        const result = await options.fix(file, source, document, service, settings);
        document = result.document;
        if (result.outcome) fix = { fix: result.outcome };
      } catch (error) {
        return { path: file.displayPath, absPath: file.absPath, diagnostics: [], ...encoding, error: `cannot apply the fixes: ${errorMessage(error)}` };
      }
    }
    const diagnostics = sortByPosition(service.validate(document, settings));
    // The service keeps recent parses for an editor's next request; the CLI has none, and a parse
    // kept past its file would outlive the young generation and make the heap grow with the run.
    service.forget(uri);
    return { path: file.displayPath, absPath: file.absPath, diagnostics, ...encoding, ...fix };
  } catch (error) {
    return { path: file.displayPath, absPath: file.absPath, diagnostics: [], error: `internal error: ${errorMessage(error)}` };
  }
}

/** Top to bottom, then by code: the order a reader scans a file in. */
export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) =>
    a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || (String(a.code) < String(b.code) ? -1 : String(a.code) > String(b.code) ? 1 : 0));
}

/**
 * The project (configuration files, knowledge extensions, services) over the knowledge base
 * shipped next to the built files (dist/ or out/). Throws when that is missing or invalid.
 */
export function loadProject(options: NodeProjectOptions): Project {
  return createNodeProject(loadShippedKnowledgeBase(__dirname), options);
}

/** The project for a subcommand's `--config FILE` / `--no-config`, or undefined once stderr says why not. */
export function loadProjectFor(io: { readonly cwd: string; stderr(text: string): void }, options: { readonly config?: string; readonly noConfig: boolean }): Project | undefined {
  try {
    return loadProject({ explicit: options.config !== undefined ? path.resolve(io.cwd, options.config) : undefined, none: options.noConfig });
  } catch (error) {
    io.stderr(`${TOOL_NAME}: cannot load the knowledge base: ${errorMessage(error)}\n`);
    return undefined;
  }
}
