/**
 * The cards of the workspace that are not open: checked in the background so their problems are
 * in the Problems panel, and remembered (name, base models) so that lineage can be followed from
 * card to card. The scan runs in small slices between LSP messages, so typing is never blocked; a
 * new scan (a configuration change, a setting turned on) supersedes the running one, and a file
 * changed, created or deleted on disk is checked again or forgotten on its own.
 */
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { CardIdentity, CardSummary, ModelCardService, ServiceSettings, toDiagnostics } from './service';

/** What the scan needs of the server: how to list, read and judge the workspace's files. */
export interface WorkspaceAccess {
  /** Every card file under the workspace folders that the configuration does not ignore (absolute paths). */
  listCards(): Promise<readonly string[]>;
  readText(absPath: string): string | undefined;
  uriOf(absPath: string): string;
  /** Whether the editor has the file open (then the open document's diagnostics stand). */
  isOpen(uri: string): boolean;
  /** The service and settings for a file, and whether it is a card at all. */
  setupOf(document: TextDocument): { service: ModelCardService; settings: ServiceSettings; isCard: boolean };
  /** Whether the editor is waiting for an open document's diagnostics, or the user is typing: the scan waits. */
  busy(): boolean;
}

/** Where the problems of cards go: published to the client, or kept for it to pull. */
export interface CardReports {
  report(uri: string, diagnostics: Diagnostic[], version?: number): void;
  clear(uri: string): void;
}

export interface KnownCard {
  readonly uri: string;
  readonly summary: CardSummary;
  /** Its lineage with LSP ranges (of the text it was read from): names, base models, definition. */
  readonly lineage?: LocatedLineage;
}

export interface LocatedLineage {
  readonly identity: CardIdentity;
  readonly baseModels: readonly { readonly value: string; readonly range: Range }[];
  readonly definition: Range;
}

/** A card's lineage with its offsets turned into ranges of `document`. */
export function locateLineage(service: ModelCardService, document: TextDocument, settings: ServiceSettings): LocatedLineage | undefined {
  const lineage = service.lineage(document, settings);
  if (!lineage) return undefined;
  const range = (span: { start: number; end: number }): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  return {
    identity: lineage.identity,
    baseModels: lineage.baseModels.map(reference => ({ value: reference.value, range: range(reference.span) })),
    definition: range(lineage.definition),
  };
}

/** Work per slice before yielding to the message loop (ms): a keystroke waits at most about this long. */
const SLICE_MS = 4;

export class WorkspaceCards {
  private generation = 0;
  /** Cards on disk as last read (open or not), by URI. */
  private readonly cards = new Map<string, KnownCard>();
  /** URIs whose diagnostics this scan published (to clear them when the scan is turned off). */
  private readonly published = new Set<string>();
  enabled = false;

  constructor(private readonly connection: Connection, private readonly access: WorkspaceAccess, private readonly reports: CardReports) {}

  /** The lineage of every card known: the open ones' as typed (`open`), the others' as last read from disk. */
  lineages(open: ReadonlyMap<string, LocatedLineage>): { uri: string; lineage: LocatedLineage }[] {
    const merged = new Map(open);
    for (const [uri, card] of this.cards) if (!merged.has(uri) && card.lineage) merged.set(uri, card.lineage);
    return [...merged].map(([uri, lineage]) => ({ uri, lineage }));
  }

  /** Starts a scan of the whole workspace; a running one stops at its next slice. */
  rescan(): void {
    const generation = ++this.generation;
    void this.scan(generation).catch(error => this.connection.console.error(`scanning the workspace failed: ${String(error)}`));
  }

  /** Stops publishing for unopened cards and clears what was published. */
  disable(): void {
    this.enabled = false;
    this.generation++;
    for (const uri of this.published) if (!this.access.isOpen(uri)) this.reports.clear(uri);
    this.published.clear();
  }

  private async scan(generation: number): Promise<void> {
    // Even listing the files waits for a pause in typing: a directory walk is many small callbacks.
    await this.idle();
    if (generation !== this.generation) return;
    const paths = await this.access.listCards();
    if (generation !== this.generation) return;
    const seen = new Set<string>();
    let sliceStart = Date.now();
    for (const absPath of paths) {
      if (Date.now() - sliceStart > SLICE_MS || this.access.busy()) {
        await this.idle();
        if (generation !== this.generation) return;
        sliceStart = Date.now();
      }
      seen.add(this.access.uriOf(absPath));
      this.check(absPath);
    }
    // Cards that were known but are gone (deleted while nobody watched, or now ignored).
    for (const uri of [...this.cards.keys()]) if (!seen.has(uri)) this.forget(uri);
  }

  /** Yields to the message loop, then waits while the open documents' diagnostics are due. */
  private async idle(): Promise<void> {
    // A web worker has no setImmediate: there the scan yields with setTimeout.
    await new Promise(resolve => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
    while (this.access.busy()) await new Promise(resolve => setTimeout(resolve, 20));
  }

  /** Reads one file and reports its diagnostics unless the editor has it open. */
  check(absPath: string): void {
    const uri = this.access.uriOf(absPath);
    const text = this.access.readText(absPath);
    if (text === undefined) {
      this.forget(uri);
      return;
    }
    const document = TextDocument.create(uri, /\.(md|markdown)$/i.test(absPath) ? 'markdown' : 'yaml', 0, text);
    const setup = this.access.setupOf(document);
    if (!setup.isCard) {
      this.forget(uri);
      return;
    }
    const findings = setup.service.findings(document, setup.settings);
    const summary = setup.service.summarize(document, setup.settings, findings);
    if (summary) this.cards.set(uri, { uri, summary, lineage: locateLineage(setup.service, document, setup.settings) });
    if (!this.enabled || this.access.isOpen(uri)) return;
    const diagnostics: Diagnostic[] = toDiagnostics(document, findings, setup.settings);
    // The disk text is not kept: the service's parse cache is for open documents.
    setup.service.forget(uri);
    this.published.add(uri);
    this.reports.report(uri, diagnostics);
  }

  /** A file deleted, renamed away or no longer a card: its problems go. */
  forget(uri: string): void {
    this.cards.delete(uri);
    if (this.published.delete(uri) && !this.access.isOpen(uri)) this.reports.clear(uri);
  }
}
