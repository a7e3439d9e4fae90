/**
 * The project's files where the server cannot read them itself (a web worker): read through the
 * client, ahead of use. The configuration resolver reads synchronously, so a file is fetched
 * the first time resolving needs it: resolve, note what was missing, fetch it, resolve again,
 * until nothing is missing (a few rounds: the walk up, then each `extends` and knowledge file).
 */
import * as path from 'node:path';
import type { Project } from '../config/project';
import { projectPathToUri } from '../uriPaths';
import type { ReadFilesParams, ReadFilesResult } from './readFilesRequest';

/** Enough for a deep `extends` chain; a longer one resolves with what was fetched by then. */
const MAX_ROUNDS = 8;
/** Cards read per request when the workspace is listed: one message stays small. */
const READ_BATCH = 100;

export class FetchedFiles {
  private readonly texts = new Map<string, string | undefined>();
  private readonly repositoryRoots = new Map<string, boolean>();
  private readonly missingTexts = new Set<string>();
  private readonly missingRoots = new Set<string>();
  /** Set when the client does not answer the request (a client other than ours): no more asking. */
  private unsupported = false;

  constructor(private readonly fetch: (params: ReadFilesParams) => Promise<ReadFilesResult>) {}

  readonly readFile = (absPath: string): string | undefined => {
    if (this.texts.has(absPath)) return this.texts.get(absPath);
    this.missingTexts.add(absPath);
    return undefined;
  };

  readonly isRepositoryRoot = (dir: string): boolean => {
    const known = this.repositoryRoots.get(dir);
    if (known === undefined) this.missingRoots.add(dir);
    return known ?? false;
  };

  /** The fetches under way (preparations and re-reads), one after another. */
  private queue: Promise<void> = Promise.resolve();

  /**
   * Fetches what resolving the configuration of `absPath` reads, then leaves `project` to resolve
   * afresh. One at a time: a second caller while files are in flight (a pulled document right
   * after its didOpen) would find nothing missing and resolve before they arrive.
   */
  prepare(absPath: string, project: Project): Promise<void> {
    return this.inTurn(() => this.fetchMissing(absPath, project));
  }

  /** Runs `task` after the fetches already queued; a failed one does not stop the next. */
  private inTurn(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fetchMissing(absPath: string, project: Project): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS && !this.unsupported; round++) {
      // Misses noted since the last fetch count too: anything that resolved meanwhile (the server
      // asks whether a document is a configuration file as it opens) has cached a wrong answer.
      project.forFile(absPath);
      if (this.missingTexts.size === 0 && this.missingRoots.size === 0) return;
      const read = [...this.missingTexts];
      const roots = [...this.missingRoots];
      this.missingTexts.clear();
      this.missingRoots.clear();
      let result: ReadFilesResult;
      try {
        result = await this.fetch({ read: read.map(projectPathToUri), exists: roots.map(dir => projectPathToUri(path.posix.join(dir, '.git'))) });
      } catch {
        this.unsupported = true;
        result = { read: [], exists: [] };
      }
      read.forEach((file, index) => this.texts.set(file, result.read[index] ?? undefined));
      roots.forEach((dir, index) => this.repositoryRoots.set(dir, result.exists[index] === true));
      // What was resolved while files were missing is stale.
      project.clear();
    }
  }

  /**
   * Reads `absPaths` (the workspace's cards) afresh through the client, a batch per request, in
   * turn with the preparations.
   */
  refetch(absPaths: readonly string[]): Promise<void> {
    return this.inTurn(async () => {
      for (let start = 0; start < absPaths.length && !this.unsupported; start += READ_BATCH) {
        const batch = absPaths.slice(start, start + READ_BATCH);
        try {
          const result = await this.fetch({ read: batch.map(projectPathToUri), exists: [] });
          batch.forEach((file, index) => this.texts.set(file, result.read[index] ?? undefined));
        } catch {
          this.unsupported = true;
        }
      }
    });
  }

  /** Files changed: read them again when next needed. */
  clear(): void {
    this.texts.clear();
    this.repositoryRoots.clear();
  }
}
