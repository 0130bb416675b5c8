import { Worker } from 'node:worker_threads';
import type { SharedSimdKernel } from './simd-kernel.js';

/**
 * Splits the vector index's SIMD scan over threads: the calling thread scans the last chunk of rows and
 * `threads - 1` worker threads scan the others, all over the same shared WebAssembly memory with the
 * same kernel, so every score is bit-for-bit the one the single-thread scan writes. The scan stays
 * synchronous: the caller signals the workers with `Atomics.notify` and blocks in `Atomics.wait` until
 * they are done (a few tens of milliseconds for 100k × 1024 rows).
 *
 * The worker code is a plain JavaScript string run with `eval: true`, so it needs no separate file and
 * works the same from TypeScript sources (tsx) and from the bundle.
 */

/** Control words per worker (Int32 slots): a request counter, a done counter, then the scan arguments. */
const REQUEST = 0;
const DONE = 1;
const DATA = 2;
const QUERY = 3;
const OUT = 4;
const COUNT = 5;
const DIMENSIONS = 6;
const COMMAND = 7;
const WORDS = 8;
const SCAN = 1;
const STOP = 2;

/** How long the caller waits for a worker before giving up (covers worker start-up on a busy machine). */
const WORKER_TIMEOUT_MS = 60_000;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, base } = workerData;
const scores = new WebAssembly.Instance(module, { env: { memory } }).exports.scores;
let seen = 0;
for (;;) {
  Atomics.wait(control, base + ${REQUEST}, seen);
  seen = Atomics.load(control, base + ${REQUEST});
  if (Atomics.load(control, base + ${COMMAND}) === ${STOP}) break;
  scores(
    control[base + ${DATA}] >>> 0,
    control[base + ${QUERY}] >>> 0,
    control[base + ${OUT}] >>> 0,
    control[base + ${COUNT}],
    control[base + ${DIMENSIONS}],
  );
  Atomics.store(control, base + ${DONE}, seen);
  Atomics.notify(control, base + ${DONE});
}
`;

/** The worker pool of one index. */
export class ParallelScan {
  readonly threads: number;
  readonly #kernel: SharedSimdKernel;
  readonly #control: Int32Array;
  #workers: Worker[];
  #request = 0;

  /** `threads` ≥ 2 scanning threads in all, the caller's included (so `threads - 1` workers). */
  constructor(kernel: SharedSimdKernel, threads: number) {
    this.threads = threads;
    this.#kernel = kernel;
    const workerCount = threads - 1;
    this.#control = new Int32Array(new SharedArrayBuffer(workerCount * WORDS * 4));
    this.#workers = Array.from({ length: workerCount }, (_, position) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          module: kernel.module,
          memory: kernel.memory,
          control: this.#control,
          base: position * WORDS,
        },
      });
      worker.unref(); // an index that is never closed must not keep the process alive
      return worker;
    });
  }

  /** Whether the workers are still running (`false` after `close`). */
  get isOpen(): boolean {
    return this.#workers.length > 0;
  }

  /**
   * Scores `count` rows of `dimensions` floats at byte offset `data` against the query at `query`,
   * writing Float32 scores from byte offset `out`: rows split in `threads` contiguous chunks.
   */
  scores(data: number, query: number, out: number, count: number, dimensions: number): void {
    const workers = this.#workers.length;
    const chunk = Math.ceil(count / (workers + 1));
    const control = this.#control;
    this.#request = (this.#request + 1) | 0;
    const request = this.#request;
    const started: number[] = [];
    for (let position = 0; position < workers; position++) {
      const first = Math.min(count, position * chunk);
      const rows = Math.min(count, first + chunk) - first;
      if (rows === 0) continue;
      const base = position * WORDS;
      control[base + DATA] = data + first * dimensions * 4;
      control[base + QUERY] = query;
      control[base + OUT] = out + first * 4;
      control[base + COUNT] = rows;
      control[base + DIMENSIONS] = dimensions;
      control[base + COMMAND] = SCAN;
      Atomics.store(control, base + REQUEST, request);
      Atomics.notify(control, base + REQUEST);
      started.push(base);
    }
    const own = Math.min(count, workers * chunk);
    this.#kernel.scores(data + own * dimensions * 4, query, out + own * 4, count - own, dimensions);
    for (const base of started) {
      const deadline = Date.now() + WORKER_TIMEOUT_MS;
      while (Atomics.load(control, base + DONE) !== request) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`vector index scan worker did not answer in ${WORKER_TIMEOUT_MS} ms`);
        Atomics.wait(control, base + DONE, Atomics.load(control, base + DONE), left);
      }
    }
  }

  /** Stops and terminates the workers. Idempotent. */
  async close(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    const control = this.#control;
    for (let position = 0; position < workers.length; position++) {
      const base = position * WORDS;
      Atomics.store(control, base + COMMAND, STOP);
      Atomics.add(control, base + REQUEST, 1);
      Atomics.notify(control, base + REQUEST);
    }
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
