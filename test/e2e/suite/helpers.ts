/**
 * Shared helpers of the editor tests: polling (never fixed sleeps), the workspace's cards, our
 * diagnostics, and the language server's process.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sts-model-cards.sts-model-cards';
export const SOURCE = 'sts-model-cards';
export const SECTION = 'modelCards';
/** How long a poll may take: starting code-server's extension host and the server can be slow. */
export const WAIT_MS = 30_000;
const POLL_MS = 50;

/**
 * Polls `probe` every 50 ms, and at once whenever diagnostics change, until it returns a truthy
 * value, which it returns. A probe that throws counts as "not yet"; on timeout the error names
 * `what` and the last value or error seen, so a failure says what the editor showed instead.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = WAIT_MS,
  describe: (last: T | undefined) => string = last => safeJson(last),
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  let wake: (() => void) | undefined;
  const listener = vscode.languages.onDidChangeDiagnostics(() => wake?.());
  try {
    for (;;) {
      try {
        last = await probe();
        lastError = undefined;
        if (last) return last as NonNullable<T>;
      } catch (error) {
        lastError = error;
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>(resolve => {
        const timer = setTimeout(done, Math.min(POLL_MS, left));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    listener.dispose();
  }
  const seen = lastError !== undefined ? `the probe threw: ${String((lastError as Error)?.stack ?? lastError)}` : `last value: ${describe(last)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${seen}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return found;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need a workspace folder (a copy of test/e2e/workspace)');
  return folder;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** Opens a workspace file in an editor (so editor commands such as revert act on it). */
export async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

let untitledCount = 0;

/**
 * A new, unsaved card: an `untitled:` document with a card's file name in the workspace folder
 * (the client's selector includes the untitled scheme). Not shown in an editor, so closing the
 * window never asks to save it.
 */
export async function untitledCard(text: string, name = 'probe'): Promise<vscode.TextDocument> {
  untitledCount += 1;
  const uri = fileUri(`${name}-${process.pid}-${untitledCount}.modelcard.yaml`).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not write the untitled card ${uri.toString()}`);
  return document;
}

/**
 * A barrier on the server's queue: opens a fresh unsaved card and waits for its diagnostics.
 * The server handles notifications in order, so once this card is reported every document opened
 * or changed before has been reported too; "no diagnostics" can then be asserted, not hoped for.
 */
export async function serverBarrier(): Promise<void> {
  const document = await untitledCard('license: Apache-2.0\n', 'barrier');
  await waitFor(() => withCode(document.uri, 'license.unknown-id').length > 0, `diagnostics for the barrier card ${document.uri.toString()}`);
}

/** Reverts a document edited by a test to the file on disk and waits until it is clean. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed || document.uri.scheme !== 'file') return;
  const onDisk = fs.readFileSync(document.uri.fsPath, 'utf8');
  if (!document.isDirty && document.getText() === onDisk) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !document.isDirty && document.getText() === onDisk, `${path.basename(document.uri.fsPath)} to be reverted`);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code !== null && typeof code === 'object') return String(code.value);
  return code === undefined ? '' : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === SOURCE);
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return ours(uri).filter(diagnostic => codeOf(diagnostic) === code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(diagnostic => ({
    code: codeOf(diagnostic),
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    range: rangeText(diagnostic.range),
    source: diagnostic.source,
  })));
}

/** `line:character-line:character`, 0-based, for readable assertions. */
export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in ${document.uri.toString()}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** Replaces the text in `range` and waits until the document shows it. */
export async function replace(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${document.uri.toString()} was refused`);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap(hover => hover.contents.map(content => {
    if (typeof content === 'string') return content;
    return content.value;
  })).join('\n---\n');
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map(item => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The configuration target of the settings tests: the workspace folder's settings. */
export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, settingsTarget());
}

/**
 * The language server processes: children of this extension host (the client forks
 * `dist/server.js` with `--node-ipc`). Undefined where processes cannot be listed.
 */
export function serverPids(): number[] | undefined {
  if (process.platform === 'linux') {
    const pids: number[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // The command name in parentheses may hold spaces; ppid is the 2nd field after it.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid) continue;
        const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        if (isServerCommand(cmdline)) pids.push(Number(entry));
      } catch {
        // The process ended while we looked.
      }
    }
    return pids;
  }
  if (process.platform === 'darwin') {
    const listing = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,command='], { encoding: 'utf8' });
    return listing.split('\n').flatMap(line => {
      const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      return match && Number(match[2]) === process.pid && isServerCommand(match[3].split(' ')) ? [Number(match[1])] : [];
    });
  }
  return undefined;
}

function isServerCommand(argv: readonly string[]): boolean {
  return argv.some(arg => /(^|[\\/])server\.js$/.test(arg)) && argv.some(arg => arg.startsWith('--node-ipc'));
}

/** The one running server's pid, once there is exactly one. */
export async function runningServer(what = 'the language server process'): Promise<number> {
  return waitFor(() => {
    const pids = serverPids();
    return pids?.length === 1 ? pids[0] : undefined;
  }, what, WAIT_MS, () => JSON.stringify(serverPids()));
}
