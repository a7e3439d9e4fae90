/**
 * Diagnostics for clients that pull them (LSP 3.17 `workspace/diagnostic`): the latest report of
 * every card the server knows (open cards as typed, unopened ones as on disk), each with a result
 * id, and the long-running workspace request that hands them out. A client that sends a partial
 * result token gets what it lacks at once and then every change as a partial result, for as long
 * as it keeps the request open; one that does not gets an answer as soon as there is something new.
 */
import type { CancellationToken, ResultProgressReporter } from 'vscode-languageserver';
import type {
  Diagnostic, PreviousResultId, WorkspaceDiagnosticReport, WorkspaceDiagnosticReportPartialResult, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';

interface Entry {
  readonly resultId: string;
  readonly version: number | null;
  readonly items: readonly Diagnostic[];
  /** The card is gone (closed unsaved, deleted, no longer a card): report it empty once, then drop it. */
  readonly cleared: boolean;
}

/** Where the server puts a card's diagnostics when its client pulls them. */
export class PulledDiagnostics {
  private counter = 0;
  /** Result ids of another server process (a restart) never match this one's. */
  private readonly epoch = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(uris: readonly string[]) => void>();
  private readonly unsent = new Set<string>();
  private flushing: ReturnType<typeof setTimeout> | undefined;

  /** A card's diagnostics now (`version` when they are of an open document's text). */
  set(uri: string, items: readonly Diagnostic[], version: number | null = null): void {
    // An open file with nothing to report that the client never heard of (a plain README the
    // editor sent) needs no report; every card on disk gets one, so the client holds them all.
    if (items.length === 0 && version !== null && !this.entries.has(uri)) return;
    this.entries.set(uri, { resultId: this.nextId(), version, items, cleared: false });
    this.changed(uri);
  }

  /** A card that no longer has problems to show. */
  clear(uri: string): void {
    if (!this.entries.has(uri)) return;
    this.entries.set(uri, { resultId: this.nextId(), version: null, items: [], cleared: true });
    this.changed(uri);
  }

  /** The diagnostics last set for a card, if any. */
  itemsOf(uri: string): readonly Diagnostic[] | undefined {
    const entry = this.entries.get(uri);
    return entry && !entry.cleared ? entry.items : undefined;
  }

  /**
   * Answers a `workspace/diagnostic` request. `previous` is what the client holds; a card whose
   * result id it already has is not sent again.
   */
  async serve(
    previous: readonly PreviousResultId[], token: CancellationToken,
    progress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>,
  ): Promise<WorkspaceDiagnosticReport> {
    const held = new Map(previous.map(entry => [entry.uri, entry.value]));
    const missing = [...this.entries.keys()].filter(uri => this.lacks(held, uri));
    if (!progress) {
      if (missing.length > 0) return { items: this.reports(missing) };
      return { items: this.reports(await this.nextChange(token)) };
    }
    if (missing.length > 0) progress.report({ items: this.reports(missing) });
    // Stream every change until the client cancels (it does when it starts a new request).
    await new Promise<void>(resolve => {
      const listener = (uris: readonly string[]) => progress.report({ items: this.reports(uris) });
      this.listeners.add(listener);
      const done = () => {
        this.listeners.delete(listener);
        resolve();
      };
      if (token.isCancellationRequested) done();
      else token.onCancellationRequested(done);
    });
    return { items: [] };
  }

  /** Whether the client lacks the current report of `uri`; acknowledged clearings are dropped. */
  private lacks(held: ReadonlyMap<string, string>, uri: string): boolean {
    const entry = this.entries.get(uri)!;
    if (held.get(uri) === entry.resultId) {
      if (entry.cleared) this.entries.delete(uri);
      return false;
    }
    // A card the client never heard of needs no clearing.
    return !entry.cleared || held.has(uri);
  }

  private reports(uris: readonly string[]): WorkspaceDocumentDiagnosticReport[] {
    return uris.flatMap(uri => {
      const entry = this.entries.get(uri);
      return entry ? [{ kind: 'full', uri, version: entry.version, resultId: entry.resultId, items: [...entry.items] }] : [];
    });
  }

  private nextChange(token: CancellationToken): Promise<string[]> {
    return new Promise(resolve => {
      const finish = (uris: readonly string[]) => {
        this.listeners.delete(finish);
        resolve([...uris]);
      };
      this.listeners.add(finish);
      if (token.isCancellationRequested) finish([]);
      else token.onCancellationRequested(() => finish([]));
    });
  }

  /** Changes go out together at the next turn of the event loop: a scan's slice is one message. */
  private changed(uri: string): void {
    this.unsent.add(uri);
    if (this.flushing) return;
    this.flushing = setTimeout(() => {
      this.flushing = undefined;
      const uris = [...this.unsent];
      this.unsent.clear();
      for (const listener of [...this.listeners]) listener(uris);
    }, 0);
  }

  private nextId(): string {
    return `${this.epoch}-${++this.counter}`;
  }
}
