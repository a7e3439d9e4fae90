/**
 * `modelcard-lint --fix`: applies every fix that is safe without a choice (the service's fix-all)
 * and writes the file atomically: a temporary file in the same directory, then a rename over the
 * original, with the original's mode. Nothing else on disk changes; a file with nothing to fix is
 * not touched at all.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelCardService } from '../service';
import type { FixPass } from './check';

/** The `--fix` pass for `checkFile`: returns the fixed document, already written to disk. */
export function createFixPass(): FixPass {
  return async (file, document, service) => {
    const edits = service.fixAll(document);
    if (edits.length === 0) return document;
    const text = TextDocument.applyEdits(document, edits);
    if (text === document.getText()) return document;
    const fixed = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
    // Re-validate before writing: a fix pass never leaves a card that parses worse than before.
    if (syntaxProblems(service, fixed) > syntaxProblems(service, document)) return document;
    await writeFileAtomically(file.absPath, text);
    return fixed;
  };
}

function syntaxProblems(service: ModelCardService, document: TextDocument): number {
  return service.findings(document).filter(finding => finding.code === 'yaml.syntax').length;
}

/**
 * Replaces a file's content in one step: the new content goes to a temporary file beside it (so
 * the rename stays on one file system), which then takes the original's name. A symbolic link is
 * followed, so the link stays a link. On failure the temporary file is removed.
 */
export async function writeFileAtomically(filePath: string, content: string): Promise<void> {
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
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
