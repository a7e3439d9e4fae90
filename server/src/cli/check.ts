/**
 * Reads and validates one card file with the same service the editor uses. A file that cannot be
 * read becomes a report with an `error`; nothing here throws.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadShippedKnowledgeBase } from '../knowledge/load';
import { cardKindOf, createModelCardService, hasFrontMatter, ModelCardService } from '../service';
import { CardFile, errorMessage } from './discover';

export interface FileReport {
  /** The path the report shows. */
  readonly path: string;
  readonly absPath: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file could not be read or checked; `diagnostics` is then empty. */
  readonly error?: string;
}

/**
 * A pass that may rewrite a card before it is reported (the `--fix` pass, fix.ts): it gets the
 * document as read and returns the document to report on, having written any change to disk.
 */
export type FixPass = (file: CardFile, document: TextDocument, service: ModelCardService) => Promise<TextDocument>;

export interface CheckOptions {
  readonly fix?: FixPass;
}

/** The report for one file, or undefined when it turns out not to be a card (Markdown without front matter). */
export async function checkFile(
  file: CardFile, service: ModelCardService, options: CheckOptions = {},
): Promise<FileReport | undefined> {
  let text: string;
  try {
    text = await fs.promises.readFile(file.absPath, 'utf8');
  } catch (error) {
    return { path: file.displayPath, absPath: file.absPath, diagnostics: [], error: errorMessage(error) };
  }
  const uri = pathToFileURL(file.absPath).href;
  const kind = cardKindOf(uri);
  if (file.requireFrontMatter && kind === 'markdown' && !hasFrontMatter(text)) return undefined;
  try {
    let document = TextDocument.create(uri, kind === 'markdown' ? 'markdown' : 'yaml', 1, text);
    if (options.fix) {
      try {
        document = await options.fix(file, document, service);
      } catch (error) {
        return { path: file.displayPath, absPath: file.absPath, diagnostics: [], error: `cannot apply the fixes: ${errorMessage(error)}` };
      }
    }
    return { path: file.displayPath, absPath: file.absPath, diagnostics: sortByPosition(service.validate(document)) };
  } catch (error) {
    return { path: file.displayPath, absPath: file.absPath, diagnostics: [], error: `internal error: ${errorMessage(error)}` };
  }
}

/** Top to bottom, then by code: the order a reader scans a file in. */
function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) =>
    a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || (String(a.code) < String(b.code) ? -1 : String(a.code) > String(b.code) ? 1 : 0));
}

let cached: ModelCardService | undefined;

/** The service over the knowledge base shipped next to the built files (dist/ or out/). Throws when it is missing or invalid. */
export function loadService(): ModelCardService {
  cached ??= createModelCardService({ knowledge: loadShippedKnowledgeBase(__dirname) });
  return cached;
}
