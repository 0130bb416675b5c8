import { Worker } from 'node:worker_threads';
import type { SimdKernel } from './simd-kernel.js';

/**
 * A fixed pool of worker threads that help the calling thread run the SIMD kernel over a vector index's
 * rows, all in one shared WebAssembly memory. The rows are cut into at most 255 chunks; the calling
 * thread and the workers claim chunks with a compare-and-swap on one shared word until none is left, each
 * writing the scores of its rows in place. The caller then waits (bounded) for the chunks the workers
 * claimed. Nothing waits on a worker that has not started or is slow to wake: the caller simply scans
 * more chunks itself.
 *
 * Workers cannot hang a query: the caller's wait has a timeout (measured from the last chunk finished),
 * a worker that throws sets a shared error word and wakes the caller, and a worker that exits marks the
 * pool failed. A failed pool is closed for good and `scan` returns `false`: the index then rescans on its
 * own. Workers are `unref()`ed (they never keep a process alive) and wait for work with a timeout, so
 * they notice `close()` even when no notification reaches them.
 */

/** Words of the shared control array. */
const SEQUENCE = 0; // job number, bumped per query; workers wait on it
const STOP = 1; // 1: workers return
const CLAIM = 2; // (job tag << 8) | next chunk
const CHUNKS = 3;
const CHUNK_ROWS = 4;
const COUNT = 5;
const DIMENSIONS = 6;
const DATA = 7;
const QUERY = 8;
const OUT = 9;
const DONE = 10; // chunks finished in the current job
const ERROR = 11; // 1: a worker failed
const FAULT = 12; // tests: 1 makes the next chunk a worker claims throw, 2 makes it stall
const STALL = 13; // a word nobody notifies: a stalled worker waits on it
const CONTROL_WORDS = 16;

const MAX_CHUNKS = 255;
const SEQUENCE_MASK = 0x7f_ffff;
/** Smallest chunk, in floats: below it the claim costs more than it shares. */
const MIN_CHUNK_FLOATS = 65_536;
/** How long a worker sleeps between checks of `STOP` when no job comes. */
const WORKER_IDLE_MS = 1000;

/** The worker's program: plain CommonJS (an `eval` worker), so it runs the same from sources and bundles. */
const WORKER_SOURCE = `'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
const instance = new WebAssembly.Instance(workerData.module, { env: { memory: workerData.memory } });
const scores = instance.exports.scores;
let seen = 0;
for (;;) {
  if (Atomics.load(control, ${STOP}) === 1) break;
  const sequence = Atomics.load(control, ${SEQUENCE});
  if (sequence === seen) {
    Atomics.wait(control, ${SEQUENCE}, seen, ${WORKER_IDLE_MS});
    continue;
  }
  seen = sequence;
  const tag = (sequence & ${SEQUENCE_MASK}) << 8;
  for (;;) {
    const claim = Atomics.load(control, ${CLAIM});
    if ((claim & ~0xff) !== tag) break;
    const chunk = claim & 0xff;
    const chunks = Atomics.load(control, ${CHUNKS});
    if (chunk >= chunks) break;
    if (Atomics.compareExchange(control, ${CLAIM}, claim, claim + 1) !== claim) continue;
    try {
      const fault = Atomics.exchange(control, ${FAULT}, 0);
      if (fault === 1) throw new Error('injected fault');
      if (fault === 2) Atomics.wait(control, ${STALL}, 0, 60000);
      const chunkRows = Atomics.load(control, ${CHUNK_ROWS});
      const dimensions = Atomics.load(control, ${DIMENSIONS});
      const first = chunk * chunkRows;
      const rows = Math.min(chunkRows, Atomics.load(control, ${COUNT}) - first);
      scores(
        Atomics.load(control, ${DATA}) + first * dimensions * 4,
        Atomics.load(control, ${QUERY}),
        Atomics.load(control, ${OUT}) + first * 4,
        rows,
        dimensions,
      );
    } catch (error) {
      Atomics.store(control, ${ERROR}, 1);
      Atomics.notify(control, ${DONE});
      parentPort.postMessage({ error: String(error && error.stack || error) });
      break;
    }
    Atomics.add(control, ${DONE}, 1);
    Atomics.notify(control, ${DONE});
  }
}
`;

/** One scan: byte offsets in the kernel's memory, as `SimdKernel.scores` takes them. */
export interface ScanJob {
  data: number;
  query: number;
  out: number;
  count: number;
  dimensions: number;
}

export interface ScanPoolOptions {
  /** Worker threads (the calling thread scans too). */
  workers: number;
  /** How long the caller waits for a claimed chunk before it gives the pool up (default 1,000 ms). */
  timeoutMs?: number;
  /** Called once, with the reason, when the pool fails and closes. */
  onFailure?: (reason: string) => void;
}

export class ScanPool {
  readonly #control: Int32Array;
  readonly #workers: Worker[] = [];
  readonly #timeoutMs: number;
  readonly #onFailure: (reason: string) => void;
  #sequence = 0;
  #chunks = 0;
  #workerChunks = 0;
  #failure: string | null = null;
  #closing: Promise<void> | null = null;

  /**
   * Starts the workers over `kernel.memory`, which must be shared. Everything the pool needs (the control
   * words) is allocated before the first worker starts.
   */
  constructor(kernel: SimdKernel, options: ScanPoolOptions) {
    if (!(kernel.memory.buffer instanceof SharedArrayBuffer)) {
      throw new TypeError('a scan pool needs a shared WebAssembly memory');
    }
    this.#control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#onFailure = options.onFailure ?? (() => {});
    try {
      for (let index = 0; index < options.workers; index++) {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { control: this.#control.buffer, module: kernel.module, memory: kernel.memory },
          // The worker allocates almost nothing: a small heap keeps each one cheap.
          resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
          stdout: false,
          stderr: false,
        });
        worker.on('message', (message: { error?: string }) => {
          this.#fail(`a vector search worker failed: ${message.error ?? 'unknown error'}`);
        });
        worker.on('error', (error) => this.#fail(`a vector search worker failed: ${String(error)}`));
        worker.on('exit', (code) => {
          if (!this.#closing) this.#fail(`a vector search worker exited (code ${code})`);
        });
        worker.unref(); // after the listeners: adding a 'message' listener refs the worker's port again
        this.#workers.push(worker);
      }
    } catch (error) {
      this.#fail(`vector search workers could not start: ${String(error)}`);
    }
  }

  /** Why the pool failed, or `null` while it works. */
  get failure(): string | null {
    return this.#failure;
  }

  /** Whether `scan` can use the workers. */
  get isOpen(): boolean {
    return this.#closing === null;
  }

  /** @internal The worker threads (tests terminate one to check the fallback). */
  get workers(): readonly Worker[] {
    return this.#workers;
  }

  /** Chunks scanned so far, and how many of them by the workers (the rest by the calling thread). */
  get stats(): { chunks: number; workerChunks: number } {
    return { chunks: this.#chunks, workerChunks: this.#workerChunks };
  }

  /**
   * @internal Tests: the next chunk a worker claims throws (the shared error word) or stalls for a minute
   * (the caller's timeout).
   */
  injectFault(kind: 'throw' | 'stall'): void {
    Atomics.store(this.#control, FAULT, kind === 'throw' ? 1 : 2);
  }

  /**
   * Scores `job.count` rows with `kernel` (the caller's instance over the shared memory) and the workers.
   * Returns `true` when every row was scored; `false` when the pool failed (it is then closed and the
   * scores are incomplete: the caller must rescan on its own).
   */
  scan(kernel: SimdKernel, job: ScanJob): boolean {
    if (this.#closing) return false;
    const control = this.#control;
    const chunkRows = Math.max(
      Math.ceil(job.count / MAX_CHUNKS),
      Math.ceil(MIN_CHUNK_FLOATS / job.dimensions),
    );
    const chunks = Math.ceil(job.count / chunkRows);
    this.#sequence = (this.#sequence + 1) & SEQUENCE_MASK || 1;
    const sequence = this.#sequence;
    const tag = sequence << 8;
    Atomics.store(control, CHUNKS, chunks);
    Atomics.store(control, CHUNK_ROWS, chunkRows);
    Atomics.store(control, COUNT, job.count);
    Atomics.store(control, DIMENSIONS, job.dimensions);
    Atomics.store(control, DATA, job.data);
    Atomics.store(control, QUERY, job.query);
    Atomics.store(control, OUT, job.out);
    Atomics.store(control, DONE, 0);
    Atomics.store(control, CLAIM, tag);
    Atomics.store(control, SEQUENCE, sequence);
    Atomics.notify(control, SEQUENCE);
    let ownChunks = 0;
    for (;;) {
      const claim = Atomics.load(control, CLAIM);
      const chunk = claim & 0xff;
      if (chunk >= chunks) break;
      if (Atomics.compareExchange(control, CLAIM, claim, claim + 1) !== claim) continue;
      const first = chunk * chunkRows;
      kernel.scores(
        job.data + first * job.dimensions * 4,
        job.query,
        job.out + first * 4,
        Math.min(chunkRows, job.count - first),
        job.dimensions,
      );
      ownChunks++;
      Atomics.add(control, DONE, 1);
    }
    let deadline = performance.now() + this.#timeoutMs;
    let done = Atomics.load(control, DONE);
    while (done < chunks) {
      if (Atomics.load(control, ERROR) === 1) break;
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        this.#fail(`a vector search worker did not finish its rows within ${this.#timeoutMs} ms`);
        return false;
      }
      Atomics.wait(control, DONE, done, remaining);
      const now = Atomics.load(control, DONE);
      if (now !== done) deadline = performance.now() + this.#timeoutMs;
      done = now;
    }
    if (Atomics.load(control, ERROR) === 1) {
      this.#fail('a vector search worker failed');
      return false;
    }
    this.#chunks += chunks;
    this.#workerChunks += chunks - ownChunks;
    return true;
  }

  #fail(reason: string): void {
    if (this.#failure === null) {
      this.#failure = reason;
      this.#onFailure(reason);
    }
    void this.#close();
  }

  #close(): Promise<void> {
    if (!this.#closing) {
      Atomics.store(this.#control, STOP, 1);
      Atomics.notify(this.#control, SEQUENCE);
      this.#closing = Promise.all(this.#workers.map((worker) => worker.terminate())).then(() => undefined);
    }
    return this.#closing;
  }

  /** Stops the workers (resolves once they have exited). The pool cannot be used afterwards. */
  close(): Promise<void> {
    return this.#close();
  }
}
