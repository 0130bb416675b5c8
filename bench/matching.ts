/**
 * Matching scale bench: the exact vector index against usearch (exact search) and hnswlib-node
 * (BruteforceSearch) on the same seeded random normalised vectors, then BM25 + fusion and the full
 * `rankCandidates` (no LLM) on synthetic short profiles.
 *
 *   npx tsx bench/matching.ts [--sizes 10000,100000[,1000000]] [--pool-sizes 10000,100000]
 *                             [--dimensions 1024] [--queries 20] [--k 10]
 *
 * 1M × 1024 floats is 4 GB: it runs only when asked in --sizes; hnswlib (which needs its own copy)
 * is skipped from 1M up. Each library's structure is dropped before the next one is built.
 *
 * Up to 200k vectors it also times `threads: 2` (the caller + 1 worker over shared memory) against one
 * thread, query by query interleaved, and checks both return identical results. On a loaded machine read
 * the CPU column and the minimum: the wall median is mostly waiting for a core.
 */

import hnswlib from 'hnswlib-node';
import usearch from 'usearch';
import { jobOrderSchema } from '../src/domain/job-order.js';
import { buildPoolIndex, retrieveCandidates, VectorIndex } from '../src/matching/retrieve/index.js';
import type { EmbeddingModel } from '../src/providers/spec.js';
import { createRandom, syntheticProfile } from './support/synthetic-profiles.js';

interface Options {
  sizes: number[];
  poolSizes: number[];
  dimensions: number;
  queries: number;
  k: number;
}

export interface VectorBenchRow {
  size: number;
  engine: string;
  buildMs: number | null;
  bytesPerProfile: number | null;
  queryMedianMs: number;
  /** Fastest query: less sensitive to other processes on a shared machine. */
  queryMinMs: number;
  /** CPU time of this process per query (all threads summed): a fair figure on a busy machine for 1-thread engines. */
  queryCpuMedianMs: number;
  /** Share of usearch's exact top-k ids that this engine also returns (1 = same results). */
  agreement: number | null;
}

export interface PoolBenchRow {
  size: number;
  step: string;
  medianMs: number;
  /** CPU time of this process (median): a fair figure on a busy machine. */
  cpuMs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index === -1 ? undefined : argv[index + 1];
  };
  const list = (text: string | undefined, fallback: number[]) =>
    text ? text.split(',').map((part) => Number(part.trim().replace(/_/g, ''))) : fallback;
  return {
    sizes: list(value('sizes'), [10_000, 100_000]).filter((size) => size > 0),
    poolSizes: list(value('pool-sizes'), [10_000, 100_000]).filter((size) => size > 0),
    dimensions: Number(value('dimensions') ?? 1024),
    queries: Number(value('queries') ?? 20),
    k: Number(value('k') ?? 10),
  };
}

function fillNormalised(target: Float32Array, random: () => number): Float32Array {
  let norm = 0;
  for (let index = 0; index < target.length; index++) {
    const value = random() * 2 - 1;
    target[index] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let index = 0; index < target.length; index++) target[index] = (target[index] as number) * scale;
  return target;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `run` and returns its result, wall time and CPU time (user + system) of this process, in ms. */
function time<T>(run: () => T): [T, number, number] {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return [result, wall, (cpu.user + cpu.system) / 1000];
}

function usedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function benchVectors(size: number, options: Options): VectorBenchRow[] {
  const { dimensions, k } = options;
  const rows: VectorBenchRow[] = [];
  const queries = Array.from({ length: options.queries + 2 }, (_, index) =>
    fillNormalised(new Float32Array(dimensions), createRandom(1_000_000 + index)),
  );

  // Ours: build (normalise + copy into the contiguous store, doubling as needed).
  collectGarbage();
  const before = usedBytes();
  const random = createRandom(42);
  const scratch = new Float32Array(dimensions);
  let index: VectorIndex | null = new VectorIndex({ dimensions, modelId: 'bench-random' });
  let buildMs = 0;
  for (let position = 0; position < size; position++) {
    fillNormalised(scratch, random);
    const started = performance.now();
    index.add(`p${position}`, scratch);
    buildMs += performance.now() - started;
  }
  const bytesPerProfile = (usedBytes() - before) / size;
  const ours = (query: Float32Array) => index?.search(query, k) ?? [];
  const oursMeasures = queries.map((query) => time(() => ours(query))).slice(2);
  const oursTimes = oursMeasures.map((measure) => measure[1]);
  const oursCpu = oursMeasures.map((measure) => measure[2]);
  const oursResults = queries.slice(2).map((query) => ours(query).map((hit) => Number(hit.id.slice(1))));
  const view = new Float32Array(index.rawBytes().buffer, index.rawBytes().byteOffset, size * dimensions);
  // The native addons read a typed array from the start of its buffer, ignoring `byteOffset`: hand them a
  // copy when our rows are a view inside WebAssembly memory (the JS store, used at 1M, starts at offset 0).
  const data = view.byteOffset === 0 ? view : view.slice();

  // usearch exact search over the very same rows (no copy), inner product = cosine on normalised rows.
  const usearchResults: number[][] = [];
  for (const threads of [1, 0]) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (const [position, query] of queries.entries()) {
      const [matches, elapsed, cpu] = time(() =>
        usearch.exactSearch(data, query, dimensions, k, usearch.MetricKind.IP, threads),
      );
      if (position < 2) continue;
      times.push(elapsed);
      cpuTimes.push(cpu);
      if (threads === 1) usearchResults.push(Array.from((matches as { keys: BigUint64Array }).keys, Number));
    }
    rows.push({
      size,
      engine: `usearch exactSearch (${threads === 1 ? '1 thread' : 'all threads'})`,
      buildMs: null,
      bytesPerProfile: null,
      queryMedianMs: median(times),
      queryCpuMedianMs: median(cpuTimes),
      queryMinMs: Math.min(...times),
      agreement: 1,
    });
  }
  const agreement = (results: number[][]) =>
    results.reduce((sum, ids, position) => {
      const reference = new Set(usearchResults[position]);
      return sum + ids.filter((id) => reference.has(id)).length / k;
    }, 0) / results.length;
  rows.unshift({
    size,
    engine: `cvmatch VectorIndex (${index.isSimd ? 'wasm SIMD' : 'scalar JS'})`,
    buildMs,
    bytesPerProfile,
    queryMedianMs: median(oursTimes),
    queryCpuMedianMs: median(oursCpu),
    queryMinMs: Math.min(...oursTimes),
    agreement: agreement(oursResults),
  });

  if (index.isSimd && size <= 200_000) rows.splice(1, 0, ...benchThreads(index, queries, options));

  // Our scalar JavaScript scan on the same rows, when the SIMD kernel was used (needs a second copy).
  if (index.isSimd && size <= 200_000) {
    const scalar = new VectorIndex({
      dimensions,
      modelId: 'bench-random',
      initialCapacity: size,
      simd: false,
    });
    for (let position = 0; position < size; position++) {
      scalar.add(`p${position}`, data.subarray(position * dimensions, (position + 1) * dimensions));
    }
    const measures = queries.map((query) => time(() => scalar.search(query, k))).slice(2);
    const times = measures.map((measure) => measure[1]);
    const cpuTimes = measures.map((measure) => measure[2]);
    const results = queries
      .slice(2)
      .map((query) => scalar.search(query, k).map((hit) => Number(hit.id.slice(1))));
    rows.splice(1, 0, {
      size,
      engine: 'cvmatch VectorIndex (scalar JS, forced)',
      buildMs: null,
      bytesPerProfile: null,
      queryMedianMs: median(times),
      queryCpuMedianMs: median(cpuTimes),
      queryMinMs: Math.min(...times),
      agreement: agreement(results),
    });
  }

  // hnswlib-node brute force: its own copy of the rows, so only below 1M.
  if (size < 1_000_000) {
    const rowsCopy = Array.from({ length: size }, (_, position) =>
      data.subarray(position * dimensions, (position + 1) * dimensions),
    );
    index = null; // our index is not needed any more: free it before hnswlib copies the rows
    collectGarbage();
    const brute = new hnswlib.BruteforceSearch('ip', dimensions);
    const [, hnswBuildMs] = time(() => {
      brute.initIndex(size);
      for (let position = 0; position < size; position++)
        brute.addPoint(Array.from(rowsCopy[position] as Float32Array), position);
    });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const results: number[][] = [];
    for (const [position, query] of queries.entries()) {
      const plain = Array.from(query);
      const [found, elapsed, cpu] = time(() => brute.searchKnn(plain, k));
      if (position < 2) continue;
      times.push(elapsed);
      cpuTimes.push(cpu);
      results.push(found.neighbors);
    }
    rows.push({
      size,
      engine: 'hnswlib-node BruteforceSearch',
      buildMs: hnswBuildMs,
      bytesPerProfile: null,
      queryMedianMs: median(times),
      queryCpuMedianMs: median(cpuTimes),
      queryMinMs: Math.min(...times),
      agreement: agreement(results),
    });
  } else {
    rows.push({
      size,
      engine: 'hnswlib-node BruteforceSearch (skipped ≥ 1M: memory)',
      buildMs: null,
      bytesPerProfile: null,
      queryMedianMs: Number.NaN,
      queryMinMs: Number.NaN,
      queryCpuMedianMs: Number.NaN,
      agreement: null,
    });
  }
  index = null;
  collectGarbage();
  return rows;
}

/**
 * The same rows in an index searched by 2 threads (`threads: 2`: shared memory, the caller + 1 worker),
 * timed query by query interleaved with the one-thread index (alternating which goes first) so both see
 * the same machine load. The results must be identical (ids, scores, order), or the bench throws.
 */
function benchThreads(single: VectorIndex, queries: Float32Array[], options: Options): VectorBenchRow[] {
  const { dimensions, k } = options;
  const size = single.size;
  // Bit-identical rows without renormalising: the load path (header, then the raw rows).
  const threaded = VectorIndex.fromHeader(
    { version: 1, modelId: single.modelId, dimensions, count: size, ids: single.ids() },
    'bench',
    {},
    { threads: 2 },
  );
  threaded.rawBytesForLoad().set(single.rawBytes());
  // The worker starts on the first search; warm up until it scans rows (at most 5 s).
  const warmUntil = performance.now() + 5000;
  while ((threaded.scanPool?.stats.workerChunks ?? 0) === 0 && performance.now() < warmUntil) {
    threaded.search(queries[0] as Float32Array, k);
  }
  const one: [number, number][] = [];
  const two: [number, number][] = [];
  let identical = true;
  const measured = queries.slice(2);
  for (const [position, query] of measured.entries()) {
    const runOne = () => time(() => single.search(query, k));
    const runTwo = () => time(() => threaded.search(query, k));
    let a: ReturnType<typeof runOne>;
    let b: ReturnType<typeof runTwo>;
    if (position % 2 === 0) {
      a = runOne();
      b = runTwo();
    } else {
      b = runTwo();
      a = runOne();
    }
    one.push([a[1], a[2]]);
    two.push([b[1], b[2]]);
    if (JSON.stringify(a[0]) !== JSON.stringify(b[0])) identical = false;
  }
  const stats = threaded.scanPool?.stats ?? { chunks: 0, workerChunks: 0 };
  const failure = threaded.scanPool?.failure ?? null;
  void threaded.close();
  if (!identical) throw new Error('2-thread search returned other results than the 1-thread search');
  const row = (engine: string, measures: [number, number][]): VectorBenchRow => ({
    size,
    engine,
    buildMs: null,
    bytesPerProfile: null,
    queryMedianMs: median(measures.map((measure) => measure[0])),
    queryMinMs: Math.min(...measures.map((measure) => measure[0])),
    queryCpuMedianMs: median(measures.map((measure) => measure[1])),
    agreement: null,
  });
  const oneRow = row('cvmatch VectorIndex (wasm SIMD, 1 thread, interleaved with the next row)', one);
  const twoRow = row('cvmatch VectorIndex (wasm SIMD, threads: 2, identical results)', two);
  const share = stats.chunks === 0 ? 0 : stats.workerChunks / stats.chunks;
  console.log(
    `${size.toLocaleString('en')} × ${dimensions} top-${k}, threads: 2 vs 1 (interleaved): wall median ` +
      `${twoRow.queryMedianMs.toFixed(2)} vs ${oneRow.queryMedianMs.toFixed(2)} ms ` +
      `(×${(oneRow.queryMedianMs / twoRow.queryMedianMs).toFixed(2)}), min ${twoRow.queryMinMs.toFixed(2)} vs ` +
      `${oneRow.queryMinMs.toFixed(2)} ms, CPU ${twoRow.queryCpuMedianMs.toFixed(2)} vs ` +
      `${oneRow.queryCpuMedianMs.toFixed(2)} ms; worker scanned ${(share * 100).toFixed(0)}% of the rows` +
      `${failure ? `; pool failed: ${failure}` : ''}; target < 25 ms wall`,
  );
  return [oneRow, twoRow];
}

/** Random unit vectors seeded by the text, so the bench needs no model. */
function randomEmbeddingModel(dimensions: number): EmbeddingModel {
  return {
    specificationVersion: 'v1',
    provider: 'bench',
    modelId: 'seeded-random',
    dimensions,
    maxInputsPerCall: 1024,
    async embed({ inputs }) {
      const vectors = inputs.map((input) => {
        let seed = 2_166_136_261;
        for (let index = 0; index < input.length; index++)
          seed = Math.imul(seed ^ input.charCodeAt(index), 16_777_619);
        return fillNormalised(new Float32Array(dimensions), createRandom(seed));
      });
      return { vectors, usage: { inputTokens: 0, outputTokens: 0 } };
    },
  };
}

/** Median wall and CPU time over `runs` runs after one warm-up. */
async function medianAsync(
  runs: number,
  run: () => Promise<unknown>,
): Promise<{ medianMs: number; cpuMs: number }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let position = 0; position < runs + 1; position++) {
    const [, wall, cpu] = await timeAsync(run);
    if (position === 0) continue;
    times.push(wall);
    cpuTimes.push(cpu);
  }
  return { medianMs: median(times), cpuMs: median(cpuTimes) };
}

async function benchPool(size: number, options: Options): Promise<PoolBenchRow[]> {
  const random = createRandom(7);
  const profiles = Array.from({ length: size }, (_, position) => syntheticProfile(position, random));
  const job = jobOrderSchema.parse({
    id: 'bench-cariste',
    title: 'Cariste',
    description: 'Chargement et déchargement de camions, gerbage, inventaire',
    romeCode: 'N1101',
    location: { city: 'Vénissieux', postalCode: '69200', lat: 45.697, lon: 4.886 },
    requiredCertifications: ['CACES_R489_3'],
    requiredSkills: ['chargement', 'gerbage'],
  });
  const rows: PoolBenchRow[] = [];
  const [lexicalIndex, lexicalBuildMs, lexicalBuildCpu] = await timeAsync(() => buildPoolIndex(profiles));
  rows.push({
    size,
    step: 'build pool index, lexical only (search text + BM25)',
    medianMs: lexicalBuildMs,
    cpuMs: lexicalBuildCpu,
  });
  rows.push({
    size,
    step: 'retrieveCandidates, BM25 only, top 500',
    ...(await medianAsync(5, () => retrieveCandidates(job, lexicalIndex, { topK: 500 }))),
  });
  const embeddingModel = randomEmbeddingModel(options.dimensions);
  const [hybridIndex, hybridBuildMs, hybridBuildCpu] = await timeAsync(() =>
    buildPoolIndex(profiles, { embeddingModel }),
  );
  rows.push({
    size,
    step: `build pool index, hybrid (${options.dimensions}-dim random embeddings, generation included)`,
    medianMs: hybridBuildMs,
    cpuMs: hybridBuildCpu,
  });
  rows.push({
    size,
    step: 'retrieveCandidates, cosine + BM25 fused, top 500',
    ...(await medianAsync(5, () => retrieveCandidates(job, hybridIndex, { embeddingModel, topK: 500 }))),
  });
  try {
    const { rankCandidates } = await import('../src/matching/index.js');
    rows.push({
      size,
      step: 'rankCandidates, lexical retrieval + rules, no LLM',
      ...(await medianAsync(3, () => rankCandidates(job, lexicalIndex, { now: '2026-11-01' }))),
    });
    rows.push({
      size,
      step: 'rankCandidates, hybrid retrieval + rules, no LLM',
      ...(await medianAsync(3, () =>
        rankCandidates(job, hybridIndex, { embeddingModel, now: '2026-11-01' }),
      )),
    });
  } catch (error) {
    process.stderr.write(`rankCandidates not benchmarked: ${(error as Error).message}\n`);
  }
  return rows;
}

/** Like `time`, for async work (CPU time includes anything else this process ran meanwhile). */
async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number, number]> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return [result, wall, (cpu.user + cpu.system) / 1000];
}

/** Runs the bench and returns its numbers (also printed as tables). */
export async function runMatchingBench(
  argv: string[] = process.argv.slice(2),
): Promise<{ vectors: VectorBenchRow[]; pool: PoolBenchRow[] }> {
  const options = parseOptions(argv);
  console.log(
    `matching bench: ${options.dimensions}-dim vectors, top-${options.k}, median of ${options.queries} queries (2 warm-ups), node ${process.version}`,
  );
  const vectors: VectorBenchRow[] = [];
  for (const size of options.sizes) {
    const rows = benchVectors(size, options);
    vectors.push(...rows);
    console.table(
      rows.map((row) => ({
        profiles: row.size.toLocaleString('en'),
        engine: row.engine,
        'build ms': row.buildMs === null ? '' : Math.round(row.buildMs),
        'bytes/profile': row.bytesPerProfile === null ? '' : Math.round(row.bytesPerProfile),
        'query ms (median)': Number.isNaN(row.queryMedianMs) ? '' : Number(row.queryMedianMs.toFixed(2)),
        'query ms (min)': Number.isNaN(row.queryMinMs) ? '' : Number(row.queryMinMs.toFixed(2)),
        'query CPU ms (median)': Number.isNaN(row.queryCpuMedianMs)
          ? ''
          : Number(row.queryCpuMedianMs.toFixed(2)),
        'same top-k as usearch': row.agreement === null ? '' : row.agreement,
      })),
    );
  }
  const pool: PoolBenchRow[] = [];
  for (const size of options.poolSizes) {
    const rows = await benchPool(size, options);
    pool.push(...rows);
    console.table(
      rows.map((row) => ({
        profiles: row.size.toLocaleString('en'),
        step: row.step,
        'ms (median)': Number(row.medianMs.toFixed(1)),
        'CPU ms (median)': Number(row.cpuMs.toFixed(1)),
      })),
    );
  }
  return { vectors, pool };
}

await runMatchingBench();
