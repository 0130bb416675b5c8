import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DocumentErrorReason } from '../../errors.js';
import { DocumentError, ParseTimeoutError } from '../../errors.js';
import { threadCpuMs } from '../../support/thread-cpu-time.js';
import type { ExtractDocumentOptions } from './extract-document.js';
import { defaultExtractionLimits, type ExtractedDocument, type ExtractionLimits } from './types.js';

/**
 * Documents are read in child processes ("workers" below) so that `limits.timeoutMs` holds even when an
 * extractor never returns to its own checks (one PDF content stream of hundreds of MB is a single pdfjs
 * step), and so that one document's memory is capped: the parent watches each busy worker and kills it when it
 * passes its time limit (`ParseTimeoutError`), and each worker's JavaScript heap is limited
 * (`extractionWorkerHeapMb`; past it the document is `too-large`). The heap cap leaves out buffers (decoded
 * streams, inflated zip parts): on Linux the parent also samples each busy worker's resident memory and kills
 * it past `extractionWorkerRssMb` (`too-large`), so a batch stays within the parent's own memory plus
 * `extractionWorkerRssMb` per worker, whatever the documents.
 *
 * Time is the CPU time of the worker's main thread (the one reading), read from /proc on Linux by the parent
 * and by the worker's own checks: on an overloaded machine a good document waiting for a core does not run out
 * of time (a wall-clock limit dropped good CVs at load averages of 15–24 on 2 cores), while a hostile one is
 * stopped after the same amount of work. A worker is killed `terminateGraceMs` of CPU time after its limit,
 * and in any case `extractionWallClockFactor` times the limit of wall time after its document was sent (a
 * reader that waits instead of working, or gets almost no core): with the default 9 s, 9.5 s of CPU time and
 * at most 36 s of wall time. Where /proc cannot be read both limits are wall time, as before (9.5 s).
 *
 * Processes, not worker threads, although a thread would save the ~80 ms a second Node process costs a
 * one-file `cvmatch parse`: none of the three bounds holds for a thread (checked on Node 20.20). A thread that
 * runs out of heap while growing one large array (pdfjs reading a 100 MB string token) aborts the whole
 * process despite `resourceLimits`; buffers and typed arrays grow outside those limits, and resident memory
 * and (before Node 23.9) CPU time can only be read for the process as a whole, not for one of its threads.
 *
 * A worker is reused for the next document unless it was killed or answered with a timeout (the extractor's
 * own deadline settles while the library call it abandoned may still be running); idle ones do not keep the
 * process alive and stop after `idleMs`. A document that a reused worker could not hold is read again in a
 * fresh one, so whether a document fits never depends on what its worker read before.
 */

/** Where the worker's module is, relative to the bundle (set by tsup.config.ts); undefined in the source tree. */
declare const __EXTRACTION_WORKER__: string | undefined;

export interface ExtractionRequest {
  id: number;
  bytes: Uint8Array;
  file: string | null;
  limits: ExtractionLimits;
  /** What `limits.timeoutMs` counts in the worker (`thread-cpu` when the parent can watch its CPU time). */
  clock: 'wall' | 'thread-cpu';
}

export type SerializedExtractionError =
  | { kind: 'timeout'; reason: 'timeout'; message: string; timeoutMs: number }
  | { kind: 'document'; reason: DocumentErrorReason; message: string };

export type ExtractionResponse =
  | { id: number; document: ExtractedDocument }
  | { id: number; error: SerializedExtractionError };

/** JavaScript heap of one extraction worker, MB (a document past it is refused as `too-large`). */
export const extractionWorkerHeapMb = 256;
/**
 * Resident memory of one extraction worker, MB, heap, buffers and loaded code together (a document past it is
 * refused as `too-large`; Linux only, read from /proc). A worker holding pdfjs and the extractors idles at
 * about 250 MB (390 MB when run through tsx from the sources); the heaviest legitimate hostile file (a DOCX of
 * 100k paragraphs) peaks at about 520 MB.
 */
export const extractionWorkerRssMb = 640;
/** How often a busy worker's resident memory is read, ms. */
const rssSampleMs = 20;
/**
 * After the limit, how long the worker's own timeout (which stops pdfjs cleanly) is waited for, ms (of its CPU
 * time where that is watched, else of wall time).
 */
const terminateGraceMs = 500;
/**
 * The wall-clock backstop, as a multiple of `limits.timeoutMs`: a worker that has not answered by then is
 * terminated whatever CPU time it used, so a reader that waits instead of working (or gets almost no core) is
 * still settled in bounded time.
 */
export const extractionWallClockFactor = 4;
/** A worker that is not ready (modules loaded) after this long is a broken install, ms. */
const startupTimeoutMs = 60_000;
/** An idle worker stops after this long, ms. */
const idleMs = 30_000;
/**
 * Workers reading at the same time (more documents wait for one): reading is CPU-bound, so more workers than
 * cores only make each document slower and closer to its deadline; it also bounds the memory of a batch.
 */
export const extractionWorkerCount = Math.min(8, Math.max(1, availableParallelism()));
const maxWorkers = extractionWorkerCount;
const maxIdleWorkers = maxWorkers;
let busyWorkers = 0;
const waiting: (() => void)[] = [];

/** Waits for a free worker slot (or the caller's abort). */
async function takeSlot(signal: AbortSignal | undefined): Promise<void> {
  if (busyWorkers < maxWorkers) {
    busyWorkers += 1;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      const index = waiting.indexOf(wake);
      if (index >= 0) waiting.splice(index, 1);
      reject(signal?.reason);
    };
    const wake = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    waiting.push(wake);
  });
}

/** Hands the slot to the next waiting document, or frees it. */
function giveSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else busyWorkers -= 1;
}

interface PooledWorker {
  worker: ChildProcess;
  ready: Promise<void>;
  /** Exited, failed or terminated: never reused. */
  dead: boolean;
  /** Documents this worker has read before the current one. */
  served: number;
  idleTimer: NodeJS.Timeout | null;
}

const idle: PooledWorker[] = [];
let nextId = 0;
/** Workers started so far (tests count fresh-worker retries with it). */
let workersStarted = 0;
/** The fault new workers inject (tests only; see extraction-worker.ts). */
let testFault: ExtractionFault | undefined;

/** Faults a test can make extraction workers show (see extraction-worker.ts). */
export type ExtractionFault =
  | 'exhaust-heap'
  | 'exhaust-heap-when-reused'
  | 'grow-resident'
  | 'starved'
  | 'stalled';

/**
 * Tests only (not exported by the package): workers started from now on inject `fault` (undefined: none);
 * idle workers are stopped, so the next document starts a worker that has it.
 */
export function setExtractionFaultForTests(fault: ExtractionFault | undefined): void {
  testFault = fault;
  for (let pooled = idle.pop(); pooled !== undefined; pooled = idle.pop()) {
    if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
    pooled.dead = true;
    pooled.worker.kill('SIGKILL');
  }
}

/** How many extraction workers were started so far (tests only). */
export function extractionWorkersStarted(): number {
  return workersStarted;
}

/** The worker's module, and in the source tree (tests, `tsx` scripts) the TypeScript one, run through tsx. */
function workerModule(): { path: string; execArgv: string[] } {
  if (typeof __EXTRACTION_WORKER__ === 'string') {
    return { path: fileURLToPath(new URL(__EXTRACTION_WORKER__, import.meta.url)), execArgv: [] };
  }
  return {
    path: fileURLToPath(new URL('./extraction-worker.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
  };
}

/** The parent's environment, with the test-only fault variable set by `setExtractionFaultForTests` only. */
function workerEnvironment(): NodeJS.ProcessEnv {
  const { CVMATCH_EXTRACTION_FAULT: _inherited, ...environment } = process.env;
  return testFault === undefined ? environment : { ...environment, CVMATCH_EXTRACTION_FAULT: testFault };
}

function startWorker(): PooledWorker {
  const module = workerModule();
  const worker = fork(module.path, [], {
    // Not the parent's options: `node -e <script>` would run the script again in the worker (and so on).
    // `--expose-gc`: the worker collects its garbage after each answer, so a reused worker starts the next
    // document about where a fresh one would (see extraction-worker.ts).
    execArgv: [...module.execArgv, `--max-old-space-size=${extractionWorkerHeapMb}`, '--expose-gc'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: workerEnvironment(),
  });
  workersStarted += 1;
  // The pending request's timer keeps the process alive while a document is read; an idle worker does not.
  worker.unref();
  worker.channel?.unref();
  const pooled: PooledWorker = { worker, ready: Promise.resolve(), dead: false, served: 0, idleTimer: null };
  const markDead = () => {
    pooled.dead = true;
    const index = idle.indexOf(pooled);
    if (index >= 0) idle.splice(index, 1);
  };
  // Permanent listeners: an 'error' event without one would crash the process.
  worker.on('error', markDead);
  worker.on('exit', markDead);
  pooled.ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the extraction worker did not start within ${startupTimeoutMs} ms`));
    }, startupTimeoutMs);
    timer.unref();
    const onMessage = (message: unknown) => {
      if ((message as { ready?: unknown } | null)?.ready === true) {
        done();
        resolve();
      }
    };
    const onError = (error: unknown) => {
      done();
      reject(error);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the extraction worker exited with code ${code} before it was ready`));
    };
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  // Awaited by the first request; this keeps a failed start from being an unhandled rejection meanwhile.
  pooled.ready.catch(() => undefined);
  return pooled;
}

/**
 * Starts an extraction worker ahead of the first document when none is running or idle (a cold start), so
 * that it boots while the caller does other work; true when it started one. The worker waits in the idle
 * pool (stopping after `idleMs`, never keeping the process alive) and the next document takes it.
 */
export function prestartExtractionWorker(): boolean {
  if (busyWorkers > 0 || idle.some((pooled) => !pooled.dead)) return false;
  park(startWorker());
  return true;
}

/**
 * A worker for a document whose slot is taken. Workers alive (busy and idle) never outnumber the slots: a
 * fresh worker (the retry after a heap death) first stops an idle one, so a batch holds at most `maxWorkers`
 * processes' memory.
 */
function acquire(fresh: boolean): PooledWorker {
  if (fresh) {
    while (idle.length > 0 && idle.length + busyWorkers > maxWorkers) {
      const spare = idle.pop();
      if (spare?.idleTimer) clearTimeout(spare.idleTimer);
      if (spare !== undefined) stop(spare);
    }
    return startWorker();
  }
  for (let pooled = idle.pop(); pooled !== undefined; pooled = idle.pop()) {
    if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
    pooled.idleTimer = null;
    if (!pooled.dead) return pooled;
  }
  return startWorker();
}

/** Kills a worker; settles once it has exited (its memory is then free), or after 1 s. */
function stop(pooled: PooledWorker): Promise<void> {
  pooled.dead = true;
  const { worker } = pooled;
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    // Referenced while waiting: an unreferenced worker's exit event may never come before the process ends.
    worker.ref();
    const timer = setTimeout(resolve, 1_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.kill('SIGKILL');
  });
}

/** Puts a worker back in the pool, or stops it (settling once it has exited). */
async function release(pooled: PooledWorker, reusable: boolean): Promise<void> {
  pooled.worker.unref();
  pooled.worker.channel?.unref();
  if (!reusable || pooled.dead || idle.length >= maxIdleWorkers) {
    await stop(pooled);
    return;
  }
  pooled.served += 1;
  park(pooled);
}

/** Puts a live worker in the idle pool, where it stops after `idleMs` unless a document takes it. */
function park(pooled: PooledWorker): void {
  pooled.idleTimer = setTimeout(() => {
    const index = idle.indexOf(pooled);
    if (index >= 0) idle.splice(index, 1);
    pooled.dead = true;
    pooled.worker.kill('SIGKILL');
  }, idleMs);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

function rebuild(error: SerializedExtractionError, file: string | null): DocumentError {
  if (error.kind === 'timeout') return new ParseTimeoutError(error.timeoutMs, { file });
  return new DocumentError(error.reason, error.message, { file });
}

/**
 * Resident memory of a process, MB, from /proc (Linux); 0 where /proc is missing (elsewhere only the heap cap
 * holds) or the process is gone.
 */
function residentMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // No /proc on this system, or the worker exited meanwhile (its exit event says why).
  }
}

/**
 * `too-large` errors raised because a reused worker ran out of heap or resident memory (not a size the
 * extractor measured).
 */
const heapAbortsInReusedWorkers = new WeakSet<object>();

/** Why a worker stopped without answering, as the document's error. */
function workerFailure(
  error: unknown,
  file: string | null,
  exit?: { code: number | null; signal: NodeJS.Signals | null },
): DocumentError {
  // V8 aborts the process when the heap limit is reached (SIGABRT, or 134 through a shell).
  if (exit !== undefined && (exit.signal === 'SIGABRT' || exit.code === 134)) {
    return new DocumentError(
      'too-large',
      `Reading the document needs more than ${extractionWorkerHeapMb} MB of memory.`,
      { file, cause: error },
    );
  }
  return new DocumentError('corrupt', 'The document reader stopped while reading the document.', {
    file,
    cause: error,
  });
}

/** Settles as `promise` does, or rejects on the caller's abort. */
function within<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * `extractDocument` in a worker process, with the time limit enforced from outside: the same result and the
 * same `DocumentError`s, plus `ParseTimeoutError` when the worker had to be terminated and `too-large` when
 * the document needs more than the worker's heap or resident memory.
 */
export async function extractDocumentIsolated(
  input: Uint8Array,
  options: ExtractDocumentOptions = {},
): Promise<ExtractedDocument> {
  const timeoutMs = options.limits?.timeoutMs ?? defaultExtractionLimits.timeoutMs;
  const attempt: Attempt = { usedMs: 0, wallMs: 0 };
  try {
    return await extractInWorker(input, options, false, timeoutMs * extractionWallClockFactor, attempt);
  } catch (error) {
    // A worker that had read other documents ran out of heap: whether a document fits must not depend on
    // what its worker read before, so it is read once more in a fresh worker, whose answer stands. The two
    // readings share the document's one time limit and its one wall-clock backstop.
    if (!(error instanceof DocumentError && heapAbortsInReusedWorkers.has(error))) throw error;
    const file = options.file ?? null;
    const remainingMs = Math.floor(timeoutMs - attempt.usedMs);
    const remainingWallMs = Math.floor(timeoutMs * extractionWallClockFactor - attempt.wallMs);
    if (remainingMs <= 0 || remainingWallMs <= 0)
      throw new ParseTimeoutError(timeoutMs, { file, cause: error });
    try {
      return await extractInWorker(
        input,
        { ...options, limits: { ...options.limits, timeoutMs: remainingMs } },
        true,
        remainingWallMs,
        attempt,
      );
    } catch (retryError) {
      if (ParseTimeoutError.isInstance(retryError))
        throw new ParseTimeoutError(timeoutMs, { file, cause: retryError });
      throw retryError;
    }
  }
}

/** What one reading used: of the time limit (CPU or wall, as counted), and of wall time, ms. */
interface Attempt {
  usedMs: number;
  wallMs: number;
}

/**
 * Reads one document in a worker (a fresh one if `fresh`), terminating it past `limits.timeoutMs` of its CPU
 * time (wall time where that cannot be read) plus the grace, or past `backstopMs` of wall time; `attempt`
 * receives what the reading used.
 */
async function extractInWorker(
  input: Uint8Array,
  options: ExtractDocumentOptions,
  fresh: boolean,
  backstopMs: number,
  attempt: Attempt,
): Promise<ExtractedDocument> {
  const limits: ExtractionLimits = { ...defaultExtractionLimits, ...options.limits };
  const file = options.file ?? null;
  const signal = options.signal;
  signal?.throwIfAborted();
  if (input.length > limits.maxBytes) {
    throw new DocumentError(
      'too-large',
      `The file has ${input.length} bytes, more than the ${limits.maxBytes}-byte limit.`,
      { file },
    );
  }
  await takeSlot(signal);
  let pooled: PooledWorker;
  try {
    pooled = acquire(fresh);
  } catch (error) {
    giveSlot();
    throw error;
  }
  // Busy: the worker keeps the process alive until it answers (or is killed).
  pooled.worker.ref();
  pooled.worker.channel?.ref();
  let reusable = false;
  try {
    try {
      await within(pooled.ready, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new DocumentError('corrupt', 'The document reader could not start.', { file, cause: error });
    }
    const document = await new Promise<ExtractedDocument>((resolve, reject) => {
      const id = ++nextId;
      const { worker } = pooled;
      let sentAt = performance.now();
      // The CPU time of the worker's main thread (the one reading) when the document is sent; undefined where
      // /proc cannot be read, and the limit is then wall time.
      let cpuAtSend: number | undefined;
      const cpuUsed = () => {
        const now = worker.pid === undefined ? undefined : threadCpuMs(worker.pid);
        return cpuAtSend === undefined || now === undefined ? undefined : now - cpuAtSend;
      };
      const settle = (outcome: { document: ExtractedDocument } | { error: unknown }, keep: boolean) => {
        clearTimeout(deadline);
        clearInterval(sampler);
        attempt.wallMs = performance.now() - sentAt;
        attempt.usedMs = cpuAtSend === undefined ? attempt.wallMs : (cpuUsed() ?? attempt.wallMs);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        reusable = keep;
        if ('document' in outcome) resolve(outcome.document);
        else reject(outcome.error);
      };
      const onMessage = (message: ExtractionResponse) => {
        if (message.id !== id) return;
        if ('document' in message) settle({ document: message.document }, true);
        // After its own deadline the worker may still be running the library call it gave up on: not reused.
        else settle({ error: rebuild(message.error, file) }, message.error.kind !== 'timeout');
      };
      const onError = (error: unknown) => settle({ error: workerFailure(error, file) }, false);
      const onExit = (code: number | null, exitSignal: NodeJS.Signals | null) => {
        const error = workerFailure(new Error(`exit code ${code}, signal ${exitSignal}`), file, {
          code,
          signal: exitSignal,
        });
        if (error.reason === 'too-large' && pooled.served > 0) heapAbortsInReusedWorkers.add(error);
        settle({ error }, false);
      };
      const terminated = (reason: string) =>
        settle(
          {
            error: new ParseTimeoutError(limits.timeoutMs, {
              file,
              cause: new Error(`the extraction worker ${reason} and was terminated`),
            }),
          },
          false,
        );
      // Past its CPU time limit (and the grace) or its resident-memory budget the worker is killed.
      const sampler = setInterval(() => {
        const pid = worker.pid;
        if (pid === undefined) return;
        const used = cpuUsed();
        if (used !== undefined && used >= limits.timeoutMs + terminateGraceMs) {
          terminated(`used ${Math.round(used)} ms of CPU time without answering`);
          return;
        }
        if (residentMb(pid) <= extractionWorkerRssMb) return;
        const error = new DocumentError(
          'too-large',
          `Reading the document needs more than ${extractionWorkerRssMb} MB of memory.`,
          { file, cause: new Error(`the extraction worker passed ${extractionWorkerRssMb} MB resident`) },
        );
        if (pooled.served > 0) heapAbortsInReusedWorkers.add(error);
        settle({ error }, false);
      }, rssSampleMs);
      sampler.unref();
      const onAbort = () => settle({ error: signal?.reason }, false);
      // The extractor's own checks answer at `timeoutMs`; a worker stuck in one step is terminated by the
      // sampler (CPU time) or here (wall time: the backstop, or the limit itself where CPU time is not watched).
      cpuAtSend = worker.pid === undefined ? undefined : threadCpuMs(worker.pid);
      const wallLimitMs = cpuAtSend === undefined ? limits.timeoutMs + terminateGraceMs : backstopMs;
      const deadline = setTimeout(
        () => terminated(`did not answer within ${Math.round(wallLimitMs)} ms (wall clock)`),
        wallLimitMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      sentAt = performance.now();
      const clock = cpuAtSend === undefined ? 'wall' : 'thread-cpu';
      worker.send({ id, bytes: input, file, limits, clock } satisfies ExtractionRequest);
    });
    return document;
  } finally {
    // A killed worker's slot is given to the next document once it has exited: a new worker never starts
    // while the memory of the one it replaces is still held.
    await release(pooled, reusable);
    giveSlot();
  }
}
