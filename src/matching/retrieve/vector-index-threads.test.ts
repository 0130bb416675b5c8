import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/retrieval/support.js';
import { ScanPool } from './scan-pool.js';
import { createSimdKernel } from './simd-kernel.js';
import { VectorIndex } from './vector-index.js';

const directory = await mkdtemp(join(tmpdir(), 'cvmatch-vector-threads-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

const open: VectorIndex[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((index) => index.close()));
});

/** A threaded index (every search uses the pool) and its one-thread twin, both closed after the test. */
function pair(dimensions: number, threads: number, initialCapacity = 4): [VectorIndex, VectorIndex] {
  const threaded = new VectorIndex({
    dimensions,
    modelId: 'm',
    threads,
    parallelMinRows: 1,
    initialCapacity,
  });
  const single = new VectorIndex({ dimensions, modelId: 'm', initialCapacity });
  open.push(threaded);
  return [threaded, single];
}

/**
 * Random rows with the cases that make ties: exact duplicates, multiples of another row (same cosine),
 * empty rows (`add(id, null)`: cosine 0), and one-hot rows (many exact zeros against a one-hot query).
 */
function fill(indexes: VectorIndex[], count: number, dimensions: number, random: () => number): void {
  const rows: (Float32Array | null)[] = [];
  for (let row = 0; row < count; row++) {
    const kind = random();
    const earlier = rows[Math.floor(random() * rows.length)];
    let vector: Float32Array | null;
    if (kind < 0.1 && earlier) vector = earlier.slice();
    else if (kind < 0.2 && earlier) vector = earlier.map((value) => value * 3);
    else if (kind < 0.3) vector = null;
    else if (kind < 0.4) {
      vector = new Float32Array(dimensions);
      vector[Math.floor(random() * dimensions)] = 1;
    } else vector = Float32Array.from({ length: dimensions }, () => random() * 2 - 1);
    rows.push(vector);
  }
  // Ids in a shuffled order, so that the id tie-break differs from the slot order.
  const ids = rows.map((_, row) => `id${String((row * 7919) % 100_003).padStart(6, '0')}`);
  for (const index of indexes) {
    for (const [row, vector] of rows.entries()) index.add(ids[row] as string, vector);
  }
}

function query(dimensions: number, random: () => number): Float32Array {
  if (random() < 0.3) {
    const oneHot = new Float32Array(dimensions);
    oneHot[Math.floor(random() * dimensions)] = 1;
    return oneHot;
  }
  return Float32Array.from({ length: dimensions }, () => random() * 2 - 1);
}

/** Searches until the workers have scanned some rows (they start asynchronously), at most `budgetMs`. */
async function untilWorkersHelp(index: VectorIndex, vector: Float32Array, budgetMs = 30_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < budgetMs) {
    index.search(vector, 1);
    if ((index.scanPool?.stats.workerChunks ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the workers never scanned a chunk');
}

describe('VectorIndex with threads: the same results as one thread', () => {
  it('property: random sizes, dimensions and k, ties, duplicates, empty rows, k > n, n < threads', async () => {
    const random = createRandom(2026);
    let cases = 0;
    for (let trial = 0; trial < 40; trial++) {
      const large = trial % 2 === 0;
      const dimensions = 8 * (1 + Math.floor(random() * (large ? 32 : 8)));
      const count = large ? 1000 + Math.floor(random() * 4000) : Math.floor(random() * 6);
      const threads = 2 + Math.floor(random() * 3);
      const [threaded, single] = pair(dimensions, threads);
      fill([threaded, single], count, dimensions, random);
      expect(threaded.threads).toBe(threads);
      if (large) await untilWorkersHelp(threaded, query(dimensions, random));
      for (let round = 0; round < 5; round++) {
        const vector = query(dimensions, random);
        const k = [0, 1, 10, count, count + 5, Math.floor(random() * 50)][round % 6] as number;
        expect(threaded.search(vector, k)).toEqual(single.search(vector, k));
        cases++;
      }
      expect(threaded.threads).toBe(threads);
      expect(threaded.scanPool?.failure ?? null).toBeNull();
      await threaded.close();
    }
    expect(cases).toBe(200);
  }, 60_000);

  it('dimensions the SIMD kernel cannot take: one thread, same results', () => {
    const [threaded, single] = pair(13, 2);
    fill([threaded, single], 300, 13, createRandom(5));
    expect(threaded.threads).toBe(1);
    const vector = query(13, createRandom(6));
    expect(threaded.search(vector, 20)).toEqual(single.search(vector, 20));
    expect(threaded.scanPool).toBeNull();
  });

  it('keeps one thread below parallelMinRows', () => {
    const index = new VectorIndex({ dimensions: 16, modelId: 'm', threads: 2, parallelMinRows: 100 });
    open.push(index);
    fill([index], 99, 16, createRandom(8));
    index.search(query(16, createRandom(9)), 5);
    expect(index.scanPool).toBeNull();
  });

  it("threads: 'auto' uses the available cores; a bad value throws", () => {
    const index = new VectorIndex({ dimensions: 8, modelId: 'm', threads: 'auto' });
    open.push(index);
    expect(index.threads).toBeGreaterThanOrEqual(1);
    expect(() => new VectorIndex({ dimensions: 8, modelId: 'm', threads: 0 })).toThrow(RangeError);
    expect(() => new VectorIndex({ dimensions: 8, modelId: 'm', threads: 1.5 })).toThrow(RangeError);
  });

  it('saves from shared memory and loads with threads', async () => {
    const [threaded, single] = pair(32, 2);
    fill([threaded, single], 2000, 32, createRandom(11));
    const path = join(directory, 'threads.cvmv');
    await threaded.save(path);
    const loaded = await VectorIndex.load(path, { modelId: 'm' }, { threads: 2, parallelMinRows: 1 });
    open.push(loaded);
    expect(loaded.threads).toBe(2);
    const vector = query(32, createRandom(12));
    expect(loaded.search(vector, 25)).toEqual(single.search(vector, 25));
    expect(loaded.scanPool).not.toBeNull();
  });
});

describe('VectorIndex with threads: soak', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => {
    if ((warning as { code?: string }).code === 'CVMATCH_VECTOR_THREADS') warnings.push(warning);
  };
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
  });

  it('thousands of queries from concurrent callers while another adds, replaces and removes', async () => {
    const dimensions = 64;
    const [threaded, single] = pair(dimensions, 2, 1024);
    const random = createRandom(77);
    fill([threaded, single], 3000, dimensions, random);
    await untilWorkersHelp(threaded, query(dimensions, random));
    let queries = 0;
    const caller = async (seed: number) => {
      const own = createRandom(seed);
      for (let round = 0; round < 500; round++) {
        const vector = query(dimensions, own);
        const k = 1 + Math.floor(own() * 40);
        expect(threaded.search(vector, k)).toEqual(single.search(vector, k));
        queries++;
        await nextTurn();
      }
    };
    const writer = async () => {
      const own = createRandom(99);
      for (let round = 0; round < 200; round++) {
        const id = `w${round}`;
        const vector = Float32Array.from({ length: dimensions }, () => own() * 2 - 1);
        for (const index of [threaded, single]) index.add(id, vector); // grows the shared memory past 4,096
        if (round % 3 === 0) for (const index of [threaded, single]) index.remove(`w${round - 1}`);
        if (round % 50 === 0) {
          const ids = Array.from({ length: 400 }, (_, row) => `bulk${round}-${row}`);
          const rows = Float32Array.from({ length: 400 * dimensions }, () => own() * 2 - 1);
          for (const index of [threaded, single]) index.addMany(ids, rows);
        }
        await nextTurn();
      }
    };
    await Promise.all([caller(1), caller(2), caller(3), caller(4), caller(5), caller(6), writer()]);
    expect(queries).toBe(3000);
    expect(threaded.size).toBeGreaterThan(4096);
    expect(threaded.threads).toBe(2);
    expect(warnings).toEqual([]);
    const stats = threaded.scanPool?.stats;
    expect(stats?.workerChunks).toBeGreaterThan(0);
    expect(stats?.workerChunks).toBeLessThan(stats?.chunks ?? 0);
  }, 120_000);

  it('a worker terminated while queries run: falls back to one thread with a warning, same results', async () => {
    const dimensions = 256;
    const [threaded, single] = pair(dimensions, 3, 1024);
    const random = createRandom(31);
    fill([threaded, single], 20_000, dimensions, random);
    await untilWorkersHelp(threaded, query(dimensions, random));
    const pool = threaded.scanPool as ScanPool;
    const started = Date.now();
    let round = 0;
    for (; round < 2000 && threaded.threads > 1; round++) {
      if (round === 20) void pool.workers[0]?.terminate(); // takes effect while this thread scans
      const vector = query(dimensions, random);
      expect(threaded.search(vector, 10)).toEqual(single.search(vector, 10));
      if (round >= 20) await nextTurn(); // lets the 'exit' event in when the kill landed between queries
    }
    expect(threaded.threads).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.message)).toMatch(/one thread/);
    await Promise.all(
      pool.workers.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.threadId === -1) resolve(undefined);
            else worker.once('exit', resolve);
          }),
      ),
    );
    for (let extra = 0; extra < 20; extra++) {
      const vector = query(dimensions, random);
      expect(threaded.search(vector, 10)).toEqual(single.search(vector, 10));
    }
  }, 60_000);

  it('a worker that throws: the shared error word stops the query at once, one thread takes over', async () => {
    const dimensions = 128;
    const [threaded, single] = pair(dimensions, 2, 1024);
    const random = createRandom(41);
    fill([threaded, single], 8000, dimensions, random);
    await untilWorkersHelp(threaded, query(dimensions, random));
    (threaded.scanPool as ScanPool).injectFault('throw');
    for (let round = 0; round < 2000 && threaded.threads > 1; round++) {
      const vector = query(dimensions, random);
      const started = performance.now();
      expect(threaded.search(vector, 10)).toEqual(single.search(vector, 10));
      expect(performance.now() - started).toBeLessThan(900); // not the 1 s timeout: the error word woke us
      await nextTurn();
    }
    expect(threaded.threads).toBe(1);
    expect(warnings).toHaveLength(1);
  }, 60_000);

  it('a worker that stalls mid-query: the bounded wait gives the pool up, same results', async () => {
    const dimensions = 128;
    const [threaded, single] = pair(dimensions, 2, 1024);
    const random = createRandom(43);
    fill([threaded, single], 8000, dimensions, random);
    await untilWorkersHelp(threaded, query(dimensions, random));
    const pool = threaded.scanPool as ScanPool;
    pool.injectFault('stall');
    const started = Date.now();
    for (let round = 0; round < 2000 && threaded.threads > 1; round++) {
      const vector = query(dimensions, random);
      expect(threaded.search(vector, 10)).toEqual(single.search(vector, 10));
      await nextTurn();
    }
    expect(threaded.threads).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(pool.failure).toMatch(/did not finish/);
    expect(warnings).toHaveLength(1);
    // The stalled worker is terminated: nothing of the pool is left running.
    await pool.close();
    expect(pool.workers.every((worker) => worker.threadId === -1)).toBe(true);
  }, 60_000);

  it('close() stops the workers; the index goes on in one thread', async () => {
    const [threaded, single] = pair(32, 3);
    fill([threaded, single], 3000, 32, createRandom(51));
    await untilWorkersHelp(threaded, query(32, createRandom(52)));
    const pool = threaded.scanPool as ScanPool;
    await threaded.close();
    expect(pool.workers.every((worker) => worker.threadId === -1)).toBe(true);
    expect(threaded.threads).toBe(1);
    const vector = query(32, createRandom(53));
    expect(threaded.search(vector, 10)).toEqual(single.search(vector, 10));
    expect(threaded.scanPool).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('workers never keep a process alive (no close() called)', () => {
    const script = join(directory, 'no-close.mts');
    const source = fileURLToPath(new URL('./vector-index.ts', import.meta.url));
    const program = `import { VectorIndex } from ${JSON.stringify(source)};
const index = new VectorIndex({ dimensions: 64, modelId: 'm', threads: 2, parallelMinRows: 1 });
for (let row = 0; row < 5000; row++) index.add('v' + row, Float32Array.from({ length: 64 }, (_, j) => Math.sin(row + j)));
for (let round = 0; round < 50; round++) index.search(Float32Array.from({ length: 64 }, (_, j) => Math.cos(round * j)), 5);
await new Promise((resolve) => setTimeout(resolve, 100));
console.log('searched', index.threads, index.scanPool === null ? 'no pool' : 'pool');
`;
    return import('node:fs/promises').then(async ({ writeFile }) => {
      await writeFile(script, program);
      const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.error).toBeUndefined();
      expect(result.stdout.trim()).toBe('searched 2 pool');
      expect(result.status).toBe(0);
    });
  }, 40_000);
});

describe('ScanPool', () => {
  it('gives up on a stalled worker after its timeout and says why', async () => {
    const kernel = createSimdKernel(64, { shared: true });
    if (!kernel) throw new Error('WebAssembly SIMD is required');
    const failures: string[] = [];
    const pool = new ScanPool(kernel, {
      workers: 1,
      timeoutMs: 150,
      onFailure: (reason) => failures.push(reason),
    });
    try {
      const job = { data: 256, query: 0, out: 256 + 4096 * 64 * 4, count: 4096, dimensions: 64 };
      const started = Date.now();
      while (pool.stats.workerChunks === 0 && Date.now() - started < 10_000) {
        expect(pool.scan(kernel, job)).toEqual({ candidates: null });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      pool.injectFault('stall');
      let result = true;
      for (let round = 0; round < 2000 && result; round++) {
        const before = performance.now();
        result = pool.scan(kernel, job) !== false;
        expect(performance.now() - before).toBeLessThan(5000);
        await nextTurn();
      }
      expect(result).toBe(false);
      expect(pool.isOpen).toBe(false);
      expect(failures).toEqual(['a vector search worker did not finish its rows within 150 ms']);
      expect(pool.scan(kernel, job)).toBe(false);
    } finally {
      await pool.close();
    }
    expect(pool.workers.every((worker) => worker.threadId === -1)).toBe(true);
  }, 30_000);

  it('refuses a memory that is not shared', () => {
    const kernel = createSimdKernel(1);
    if (!kernel) throw new Error('WebAssembly SIMD is required');
    expect(() => new ScanPool(kernel, { workers: 1 })).toThrow(TypeError);
  });
});
