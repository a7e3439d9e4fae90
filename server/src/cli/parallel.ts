/**
 * Checks files on worker threads and hands their reports back in the order of the file list, so
 * the output is the same as a sequential run. Each worker has its own service; the main thread
 * only lists files, writes reports and waits. Files go out in small batches, a bounded number at
 * a time, so reports waiting for an earlier file never pile up.
 *
 * A stop (SIGINT/SIGTERM) sets a flag every worker reads before each file: a worker finishes the
 * file in hand (a fix is written completely or not at all) and skips the rest of its batch.
 */
import { Stats, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { NodeProjectOptions } from '../config/nodeProject';
import { checkFile, CheckOptions, FileReport, loadProject } from './check';
import type { CardFile } from './discover';
import { createFixPass } from './fix';

/** Below this many files a sequential run finishes before the workers would have started. */
export const PARALLEL_THRESHOLD = 1000;
const BATCH = 8;
/** Batches given to a worker before it returns one: keeps it busy while the main thread writes. */
const BATCHES_IN_FLIGHT = 2;
const WORKER_KIND = 'modelcard-lint-worker';

/** For each file in order: its report, `null` when it is not a card, `undefined` when a stop skipped it. */
export type Delivery = (index: number, report: FileReport | null | undefined) => void;

interface WorkerInput {
  readonly kind: typeof WORKER_KIND;
  readonly fix: boolean;
  /** How the main thread finds configurations (`--config`, `--no-config`): each worker does the same. */
  readonly project: NodeProjectOptions;
  /** One Int32: 0 while running, 1 once stopped. */
  readonly stop: SharedArrayBuffer;
}

interface BatchRequest {
  readonly first: number;
  readonly files: readonly CardFile[];
}

interface BatchResponse {
  readonly first: number;
  /** `null` for a file that is not a card, `undefined` for one a stop skipped. */
  readonly reports: readonly (FileReport | null | undefined)[];
}

/** The number of workers for `fileCount` files: `requested` when given, else one per CPU for large runs. */
export function workerCount(fileCount: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.min(requested, Math.max(1, Math.ceil(fileCount / BATCH)));
  return fileCount >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 8) : 1;
}

/**
 * Whether two of the files are one file on disk (links, hard links). `--fix` then runs on one
 * thread: two workers fixing the same file at once would each find it changed under them.
 */
export function someFileListedTwice(files: readonly CardFile[]): boolean {
  const seen = new Set<string>();
  for (const file of files) {
    let stats: Stats;
    try {
      stats = statSync(file.absPath);
    } catch {
      continue;
    }
    const id = `${stats.dev}:${stats.ino}`;
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/**
 * Checks `files` on `jobs` workers started from `workerScript` (the module calling
 * `runWorkerIfAsked` at load). Resolves once every dispatched batch has come back.
 */
export async function checkInParallel(
  files: readonly CardFile[], jobs: number, fix: boolean, project: NodeProjectOptions, workerScript: string, signal: AbortSignal | undefined, deliver: Delivery,
): Promise<void> {
  deliver = inOrder(deliver);
  const stop = new SharedArrayBuffer(4);
  const stopFlag = new Int32Array(stop);
  const onAbort = () => Atomics.store(stopFlag, 0, 1);
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) onAbort();

  const workerData: WorkerInput = { kind: WORKER_KIND, fix, project, stop };
  let next = 0;
  const takeBatch = (): BatchRequest | undefined => {
    if (next >= files.length || Atomics.load(stopFlag, 0) !== 0) return undefined;
    const first = next;
    next = Math.min(files.length, next + BATCH);
    return { first, files: files.slice(first, next) };
  };

  const runWorker = () => new Promise<void>(resolve => {
    const worker = new Worker(workerScript, { workerData });
    const inFlight = new Map<number, BatchRequest>();
    const send = () => {
      const batch = takeBatch();
      if (!batch) return false;
      inFlight.set(batch.first, batch);
      worker.postMessage(batch);
      return true;
    };
    const finishIfIdle = () => {
      if (inFlight.size > 0) return;
      void worker.terminate();
      resolve();
    };
    worker.on('message', (response: BatchResponse) => {
      inFlight.delete(response.first);
      response.reports.forEach((report, offset) => deliver(response.first + offset, report));
      send();
      finishIfIdle();
    });
    // A worker that dies takes its batches with it: each of their files gets an error report.
    worker.on('error', error => {
      for (const batch of inFlight.values()) {
        batch.files.forEach((file, offset) => deliver(batch.first + offset, {
          path: file.displayPath, absPath: file.absPath, diagnostics: [], error: `internal error: ${error.message}`,
        }));
      }
      inFlight.clear();
      resolve();
    });
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) if (!send()) break;
    finishIfIdle();
  });

  try {
    await Promise.all(Array.from({ length: jobs }, runWorker));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  // Files never sent were skipped by a stop, or, when every worker died, not checked at all.
  const stopped = Atomics.load(stopFlag, 0) !== 0;
  for (let index = next; index < files.length; index++) {
    deliver(index, stopped ? undefined : {
      path: files[index].displayPath, absPath: files[index].absPath, diagnostics: [], error: 'internal error: no worker thread was left to check it',
    });
  }
}

/** Holds reports that arrive early until every earlier file has been delivered. */
function inOrder(deliver: Delivery): Delivery {
  const waiting = new Map<number, FileReport | null | undefined>();
  let nextIndex = 0;
  return (index, report) => {
    waiting.set(index, report);
    while (waiting.has(nextIndex)) {
      const ready = waiting.get(nextIndex);
      waiting.delete(nextIndex);
      deliver(nextIndex++, ready);
    }
  };
}

/** In a worker thread started by `checkInParallel`: serve batches. Returns whether it is one. */
export function runWorkerIfAsked(): boolean {
  const input = workerData as WorkerInput | undefined;
  if (isMainThread || !parentPort || input?.kind !== WORKER_KIND) return false;
  const port = parentPort;
  const stopFlag = new Int32Array(input.stop);
  const project = loadProject(input.project);
  const options: CheckOptions = input.fix ? { fix: createFixPass() } : {};
  // Batches are checked one after another, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (batch: BatchRequest) => {
    queue = queue.then(async () => {
      const reports: (FileReport | null | undefined)[] = [];
      for (const file of batch.files) {
        reports.push(Atomics.load(stopFlag, 0) !== 0 ? undefined : (await checkFile(file, project, options)) ?? null);
      }
      port.postMessage({ first: batch.first, reports } satisfies BatchResponse);
    });
  });
  return true;
}
