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
const TOP = 14; // k of the search (0: no candidates wanted)
const CONTROL_WORDS = 16;

const MAX_CHUNKS = 255;
const SEQUENCE_MASK = 0x7f_ffff;
/** Smallest chunk, in floats: below it the claim costs more than it shares. */
const MIN_CHUNK_FLOATS = 65_536;
/** How long a worker sleeps between checks of `STOP` when no job comes. */
const WORKER_IDLE_MS = 1000;
/** Candidate rows kept per chunk; above it (or for a larger k) the chunk's rows all stay candidates. */
const CHUNK_CANDIDATES = 64;

/**
 * Writes into `candidates[base..]` the rows (slots `first..first+rows-1`, scores at `origin + slot`) of one scored chunk that can be in the top `k`: every row whose
 * score is at least the chunk's k-th best score, ties included (the tie-break on ids happens later, on the
 * caller's side, so a row tied with the k-th must stay). `candidates[base]` holds their count, or -1 for
 * "all rows of the chunk" (k too large, too many ties). Runs in the workers too, from its source text: no
 * closure, no import.
 */
function chunkCandidates(
  scores: Float32Array,
  origin: number,
  first: number,
  rows: number,
  k: number,
  candidates: Int32Array,
  base: number,
  capacity: number,
  best: Float64Array,
): void {
  if (k >= rows || k > capacity) {
    candidates[base] = -1;
    return;
  }
  const end = first + rows;
  let filled = 0;
  for (let row = first; row < end; row++) {
    const score = scores[origin + row] as number;
    if (Number.isNaN(score)) continue; // NaN is never selected
    if (filled === k && score <= (best[k - 1] as number)) continue;
    let at = filled < k ? filled : k - 1;
    while (at > 0 && (best[at - 1] as number) < score) {
      best[at] = best[at - 1] as number;
      at--;
    }
    best[at] = score;
    if (filled < k) filled++;
  }
  if (filled < k) {
    candidates[base] = -1;
    return;
  }
  const threshold = best[k - 1] as number;
  let count = 0;
  for (let row = first; row < end; row++) {
    const score = scores[origin + row] as number;
    if (Number.isNaN(score) || score < threshold) continue;
    if (count === capacity) {
      candidates[base] = -1;
      return;
    }
    count++;
    candidates[base + count] = row;
  }
  candidates[base] = count;
}

/** The worker's program: plain CommonJS (an `eval` worker), so it runs the same from sources and bundles. */
const WORKER_SOURCE = `'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
const candidates = new Int32Array(workerData.candidates);
const best = new Float64Array(${CHUNK_CANDIDATES});
const chunkCandidates = ${chunkCandidates.toString()};
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
  const scoreView = new Float32Array(workerData.memory.buffer); // the memory may have grown since
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
      const k = Atomics.load(control, ${TOP});
      if (k > 0) {
        const out = Atomics.load(control, ${OUT}) / 4;
        chunkCandidates(scoreView, out, first, rows, k, candidates, chunk * ${CHUNK_CANDIDATES + 1}, ${CHUNK_CANDIDATES}, best);
      }
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
  readonly #candidates: Int32Array;
  readonly #best = new Float64Array(CHUNK_CANDIDATES);
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
    this.#candidates = new Int32Array(new SharedArrayBuffer(MAX_CHUNKS * (CHUNK_CANDIDATES + 1) * 4));
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#onFailure = options.onFailure ?? (() => {});
    try {
      for (let index = 0; index < options.workers; index++) {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: {
            control: this.#control.buffer,
            candidates: this.#candidates.buffer,
            module: kernel.module,
            memory: kernel.memory,
          },
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
   * Returns `false` when the pool failed (it is then closed and the scores are incomplete: the caller must
   * rescan on its own). Otherwise every row is scored, and with `k > 0` the result lists the rows that can
   * be in the top `k` (each chunk's rows scoring at least its k-th best score, ties kept), ascending; or
   * `null` when that list would not be much shorter than all rows. With `k = 0`: `null`.
   */
  scan(kernel: SimdKernel, job: ScanJob, k = 0): false | { candidates: Int32Array | null } {
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
    const top = k > 0 && k <= CHUNK_CANDIDATES ? k : 0;
    Atomics.store(control, TOP, top);
    Atomics.store(control, DONE, 0);
    Atomics.store(control, CLAIM, tag);
    Atomics.store(control, SEQUENCE, sequence);
    Atomics.notify(control, SEQUENCE);
    let ownChunks = 0;
    const scoreView = new Float32Array(kernel.memory.buffer);
    for (;;) {
      const claim = Atomics.load(control, CLAIM);
      const chunk = claim & 0xff;
      if (chunk >= chunks) break;
      if (Atomics.compareExchange(control, CLAIM, claim, claim + 1) !== claim) continue;
      const first = chunk * chunkRows;
      const rows = Math.min(chunkRows, job.count - first);
      kernel.scores(
        job.data + first * job.dimensions * 4,
        job.query,
        job.out + first * 4,
        rows,
        job.dimensions,
      );
      if (top > 0) {
        const base = chunk * (CHUNK_CANDIDATES + 1);
        chunkCandidates(
          scoreView,
          job.out / 4,
          first,
          rows,
          top,
          this.#candidates,
          base,
          CHUNK_CANDIDATES,
          this.#best,
        );
      }
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
    return { candidates: top > 0 ? this.#gather(chunks, chunkRows, job.count) : null };
  }

  /** The candidate rows of every chunk, ascending; `null` when they are over a quarter of all rows. */
  #gather(chunks: number, chunkRows: number, count: number): Int32Array | null {
    const candidates = this.#candidates;
    let total = 0;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const listed = candidates[chunk * (CHUNK_CANDIDATES + 1)] as number;
      total += listed === -1 ? Math.min(chunkRows, count - chunk * chunkRows) : listed;
    }
    if (total * 4 > count) return null;
    const rows = new Int32Array(total);
    let at = 0;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const base = chunk * (CHUNK_CANDIDATES + 1);
      const listed = candidates[base] as number;
      if (listed === -1) {
        const first = chunk * chunkRows;
        const end = Math.min(first + chunkRows, count);
        for (let row = first; row < end; row++) rows[at++] = row;
      } else {
        rows.set(candidates.subarray(base + 1, base + 1 + listed), at);
        at += listed;
      }
    }
    return rows;
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
