/**
 * Restart: when the language server dies the client starts a new one, which gets the open cards
 * again and checks edits made while it was down; the Restart Server command replaces a server
 * without leaving a second one behind. This file runs last (see index.ts): a failure of the last
 * test can leave two clients running.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, describeDiagnostics, hoverText, open, ours, rangeOf, rangeText, replace, revert, runningServer,
  serverPids, waitFor, withCode,
} from './helpers';

const canListProcesses = serverPids() !== undefined;

/** Waits for a server process other than `old`, alone. */
async function newServer(old: number): Promise<number> {
  return waitFor(() => {
    const pids = serverPids() ?? [];
    return pids.length === 1 && pids[0] !== old ? pids[0] : undefined;
  }, `a new language server process, alone (the old one was ${old})`, undefined, () => JSON.stringify(serverPids()));
}

/**
 * Waits until the running server knows the document: it answers a hover on the card's family
 * value (a server that has not been sent the document, or is still initializing, answers nothing).
 */
async function serverKnows(document: vscode.TextDocument): Promise<void> {
  const position = rangeOf(document, 'codec-free').start.translate(0, 2);
  await waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return hoverText(hovers).includes('codec-free');
  }, `the language server to answer a hover on ${vscode.workspace.asRelativePath(document.uri)}`);
}

/** The card's one license.unknown-id, reported once (two clients would report it twice). */
function reportedOnce(document: vscode.TextDocument): boolean {
  return withCode(document.uri, 'license.unknown-id').length === 1;
}

suite('Restart', () => {
  const edited: vscode.TextDocument[] = [];
  teardown(async () => {
    for (const document of edited.splice(0)) await revert(document);
  });
  suiteTeardown(closeAllEditors);

  test('a killed server is restarted, and an edit made meanwhile gets fresh diagnostics', async function () {
    if (!canListProcesses) this.skip();
    const document = await open('restart.modelcard.yaml');
    edited.push(document);
    await waitFor(() => reportedOnce(document), 'license.unknown-id on restart.modelcard.yaml');
    await serverKnows(document);
    const old = await runningServer();

    process.kill(old, 'SIGKILL');
    // Keep typing, key by key, while the server is down or restarting (every key is a message the
    // dead server cannot take): duplex becomes invalid.
    const duplex = rangeOf(document, 'duplex: full');
    const value = duplex.start.translate(0, 'duplex: '.length);
    await replace(document, duplex.with({ start: value }), 'n');
    for (const [k, key] of [...'ever'].entries()) await replace(document, new vscode.Range(value.translate(0, k + 1), value.translate(0, k + 1)), key);
    const fresh = await newServer(old);
    console.log(`    [observed] killed server ${old}; the client started ${fresh}`);

    const invalid = await waitFor(() => {
      const found = withCode(document.uri, 'schema.invalid');
      return found.length === 1 ? found[0] : undefined;
    }, 'schema.invalid for the edit made while the server was down', undefined, () => describeDiagnostics(ours(document.uri)));
    assert.equal(rangeText(invalid.range), '5:10-5:15');
    assert.ok(reportedOnce(document), `the unchanged problem is reported once: ${describeDiagnostics(ours(document.uri))}`);

    // And the new server follows later edits.
    await revert(document);
    await waitFor(() => withCode(document.uri, 'schema.invalid').length === 0, 'schema.invalid to go once reverted',
      undefined, () => describeDiagnostics(ours(document.uri)));
    assert.ok(reportedOnce(document));
  });

  test('after a second crash the new server has the open card again and its diagnostics stay', async function () {
    if (!canListProcesses) this.skip();
    const document = await open('restart.modelcard.yaml');
    await waitFor(() => reportedOnce(document), 'license.unknown-id on restart.modelcard.yaml');
    await serverKnows(document);
    const old = await runningServer();
    process.kill(old, 'SIGKILL');
    await newServer(old);
    await serverKnows(document);
    // A pulling client asks for them after the open that the hover already saw answered: wait.
    await waitFor(() => reportedOnce(document), 'license.unknown-id once after the restart',
      undefined, () => describeDiagnostics(ours(document.uri)));
  });

  test('the Restart Server command replaces a running server; diagnostics stay and follow edits', async () => {
    const document = await open('restart.modelcard.yaml');
    edited.push(document);
    await waitFor(() => reportedOnce(document), 'license.unknown-id on restart.modelcard.yaml');
    await serverKnows(document); // the client is running, not starting
    const old = canListProcesses ? await runningServer() : undefined;
    await vscode.commands.executeCommand('modelCards.restartServer');
    if (old !== undefined) await newServer(old);
    await serverKnows(document);
    await waitFor(() => reportedOnce(document), 'license.unknown-id once after the restart',
      undefined, () => describeDiagnostics(ours(document.uri)));
    await replace(document, rangeOf(document, 'Apache-2.0'), 'apache-2.0');
    await waitFor(() => ours(document.uri).length === 0, 'no diagnostics once the license is fixed',
      undefined, () => describeDiagnostics(ours(document.uri)));
  });

  test('the Restart Server command while the server is still starting (right after a crash)', async function () {
    if (!canListProcesses) this.skip();
    const document = await open('restart.modelcard.yaml');
    await waitFor(() => reportedOnce(document), 'license.unknown-id on restart.modelcard.yaml');
    await serverKnows(document);
    const crashed = await runningServer();
    process.kill(crashed, 'SIGKILL');
    const restarting = await newServer(crashed); // forked, not yet initialized
    const duringStart = await restartCommand();
    await serverKnows(document);
    const afterFirst = serverPids() ?? [];

    // Then once more on a running server: the command must leave exactly one server and one set
    // of diagnostics (a client lost by the first command would still be running next to it).
    const duringRun = await restartCommand();
    let settled = true;
    try {
      await waitFor(() => {
        const pids = serverPids() ?? [];
        return pids.length === 1 && !afterFirst.includes(pids[0]) && reportedOnce(document);
      }, 'one new server and one license.unknown-id after the second restart');
    } catch {
      settled = false;
    }
    const pids = serverPids() ?? [];
    console.log(`    [observed] crashed ${crashed}, restarting ${restarting}; Restart Server during start-up: ${duringStart ?? 'ok'}; `
      + `servers then ${JSON.stringify(afterFirst)}; Restart Server on a running server: ${duringRun ?? 'ok'}; `
      + `servers now ${JSON.stringify(pids)}; diagnostics now ${describeDiagnostics(ours(document.uri))}`);
    assert.equal(duringStart, undefined, `STS Model Cards: Restart Server failed while the server was starting: ${duringStart}`);
    assert.equal(duringRun, undefined, `STS Model Cards: Restart Server failed on a running server: ${duringRun}`);
    assert.ok(settled, `after restarting, ${pids.length} server processes ${JSON.stringify(pids)} and diagnostics ${describeDiagnostics(ours(document.uri))}`);
  });
});

/** Runs STS Model Cards: Restart Server; its error message, or undefined when it succeeded. */
async function restartCommand(): Promise<string | undefined> {
  try {
    await vscode.commands.executeCommand('modelCards.restartServer');
    return undefined;
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}
