/**
 * `modelcard-lint --fix`: applies every fix that is safe without a choice (the service's fix-all)
 * and writes the file atomically: a temporary file in the same directory, then a rename over the
 * original, with the original's mode. Nothing else on disk changes; a file with nothing to fix is
 * not touched at all, and a file that cannot be fixed safely is left exactly as it was:
 * - read-only (its mode has no write bit, or the user may not write it): the user said so;
 * - not valid UTF-8: writing the decoded text back would replace the invalid bytes with U+FFFD;
 * - changed on disk after it was read: its new content was never checked, and would be lost;
 * - the fixes would leave more YAML syntax errors than before.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelCardService, ServiceSettings } from '../service';
import type { CardFile } from './discover';
import type { CardSource } from './readCard';

/** What `--fix` did to a file that had something to fix. */
export type FixOutcome =
  | { readonly status: 'fixed' }
  | { readonly status: 'not-fixed'; readonly reason: string };

export interface FixResult {
  /** The document to report on: the fixed one when it was written, the original otherwise. */
  readonly document: TextDocument;
  /** Undefined when there was nothing to fix. */
  readonly outcome?: FixOutcome;
}

/** The `--fix` pass for `checkFile`: any change is already on disk when it resolves. */
export type FixPass = (file: CardFile, source: CardSource, document: TextDocument, service: ModelCardService, settings?: ServiceSettings) => Promise<FixResult>;

/** Thrown by `writeFileAtomically` when the file no longer holds the bytes it was fixed from. */
export class ChangedOnDiskError extends Error {
  constructor(filePath: string) {
    super(`${filePath} changed on disk while it was being fixed`);
    this.name = 'ChangedOnDiskError';
  }
}

export function createFixPass(): FixPass {
  return async (file, source, document, service, settings) => {
    const edits = service.fixAll(document, settings);
    if (edits.length === 0) return { document };
    const text = TextDocument.applyEdits(document, edits);
    if (text === document.getText()) return { document };
    const notFixed = (reason: string): FixResult => ({ document, outcome: { status: 'not-fixed', reason } });
    if (source.invalidUtf8At !== undefined) {
      return notFixed(`not valid UTF-8 at byte ${source.invalidUtf8At}; left untouched, since writing it back would replace the invalid bytes`);
    }
    const fixed = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
    // A fix pass never leaves a card that parses worse than before.
    if (syntaxProblems(service, fixed) > syntaxProblems(service, document)) {
      return notFixed('the fixes would add YAML syntax errors; left untouched');
    }
    if (!(await isWritable(file.absPath))) return notFixed('the file is read-only; left untouched');
    try {
      await writeFileAtomically(file.absPath, text, source.bytes);
    } catch (error) {
      if (error instanceof ChangedOnDiskError) {
        return notFixed('the file changed on disk while it was being checked; left untouched (run again to fix its new content)');
      }
      throw error;
    }
    return { document: fixed, outcome: { status: 'fixed' } };
  };
}

function syntaxProblems(service: ModelCardService, document: TextDocument): number {
  return service.findings(document).filter(finding => finding.code === 'yaml.syntax').length;
}

/**
 * Read-only means no write bit at all, or no write permission for this user. The mode is checked
 * too because root may write anything: a rename would then silently replace a file its owner
 * marked read-only.
 */
async function isWritable(filePath: string): Promise<boolean> {
  try {
    const target = await fs.promises.realpath(filePath);
    if (((await fs.promises.stat(target)).mode & 0o222) === 0) return false;
    await fs.promises.access(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces a file's content in one step: the new content goes to a temporary file beside it (so
 * the rename stays on one file system), which then takes the original's name. A symbolic link is
 * followed, so the link stays a link. When `expected` is given, the file must still hold exactly
 * those bytes just before the rename, or nothing is replaced (`ChangedOnDiskError`). On any
 * failure the temporary file is removed.
 */
export async function writeFileAtomically(filePath: string, content: string, expected?: Uint8Array): Promise<void> {
  const target = await fs.promises.realpath(filePath);
  const stat = await fs.promises.stat(target);
  const mode = stat.mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(temporary, 'wx', mode);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    // The umask may have narrowed the mode given to open.
    await fs.promises.chmod(temporary, mode);
    if (expected && !Buffer.from(expected).equals(await fs.promises.readFile(target))) throw new ChangedOnDiskError(filePath);
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
