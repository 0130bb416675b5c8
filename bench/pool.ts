/**
 * Pool-level speed, each row next to a baseline measured in the same run:
 * - `rankCandidates(job, profiles[])` with local embeddings: the first call (builds the pool index:
 *   search texts, BM25, embeddings) and repeated calls on the same array (target ≤ 300 ms at 10k);
 * - `loadPoolIndex` of a saved pool (what `cvmatch match --index` waits for; target ≤ 500 ms at 10k), next
 *   to `rankCandidates` on the loaded index;
 * - `VectorIndex.addMany(Float32Array)` throughput (target ≥ 2 GB/s) next to a plain `Float32Array.set`
 *   copy of the same bytes, and `add` one vector at a time.
 * Run: `npx tsx bench/pool.ts [--size 10000] [--runs 3]`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jobOrderSchema } from '../src/domain/job-order.js';
import { rankCandidates } from '../src/matching/index.js';
import { buildPoolIndex, loadPoolIndex, savePoolIndex, VectorIndex } from '../src/matching/retrieve/index.js';
import { createLocal } from '../src/providers/local/create-local.js';
import { createRandom, syntheticProfile } from './support/synthetic-profiles.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

/** Wall and CPU ms of one async run. */
async function measure(run: () => Promise<unknown> | unknown): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

interface Row {
  what: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  target: string;
}

async function main(): Promise<void> {
  const size = option('size', 10_000);
  const runs = option('runs', 3);
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
  const embeddingModel = createLocal().embeddingModel();
  const options = { embeddingModel, now: '2026-11-01' };
  const rows: Row[] = [];

  // rankCandidates on a plain array: first call, then repeated calls on the same array.
  const first = await measure(() => rankCandidates(job, profiles, options));
  const repeated: number[] = [];
  for (let run = 0; run < runs; run++)
    repeated.push((await measure(() => rankCandidates(job, profiles, options))).cpuMs);
  rows.push({
    what: `rankCandidates(job, profiles[${size}]) repeated, local embeddings`,
    ms: median(repeated),
    baseline: 'first call on that array',
    baselineMs: first.cpuMs,
    target: '≤ 300 ms',
  });

  // Saved index: load, and a ranking on the loaded index.
  const directory = mkdtempSync(path.join(tmpdir(), 'cvmatch-bench-'));
  try {
    const file = path.join(directory, 'pool.cvmidx');
    const built = await buildPoolIndex(profiles, { embeddingModel });
    await savePoolIndex(built, file);
    const loads: number[] = [];
    const loadWalls: number[] = [];
    let loaded = await loadPoolIndex(file, { embeddingModel });
    for (let run = 0; run < runs; run++) {
      const load = await measure(async () => {
        loaded = await loadPoolIndex(file, { embeddingModel });
      });
      loads.push(load.cpuMs);
      loadWalls.push(load.wallMs);
    }
    const rankLoaded = await measure(() => rankCandidates(job, loaded, options));
    rows.push({
      what: `loadPoolIndex (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${size} profiles); wall ${median(loadWalls).toFixed(0)} ms`,
      ms: median(loads),
      baseline: 'then rankCandidates on it',
      baselineMs: rankLoaded.cpuMs,
      target: '≤ 500 ms',
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  // Vector insertion throughput.
  const dimensions = 1024;
  const count = Math.min(size, 20_000);
  const data = new Float32Array(count * dimensions);
  for (let index = 0; index < data.length; index++) data[index] = random() * 2 - 1;
  // Unit rows, as embedding APIs return them.
  for (let row = 0; row < count; row++) {
    const vector = data.subarray(row * dimensions, (row + 1) * dimensions);
    const scale = 1 / Math.hypot(...vector);
    for (let index = 0; index < dimensions; index++) vector[index] = (vector[index] as number) * scale;
  }
  const ids = Array.from({ length: count }, (_, position) => `p${position}`);
  const bytes = data.byteLength;
  const copyTimes: number[] = [];
  const addManyTimes: number[] = [];
  const addTimes: number[] = [];
  // Memory already touched for all three (a first pass, then emptied), so page faults of fresh memory,
  // which cost more than the copy itself on this machine, do not decide the figures.
  const target = new Float32Array(data.length);
  target.set(data);
  const bulk = new VectorIndex({ dimensions, modelId: 'bench', initialCapacity: count });
  const single = new VectorIndex({ dimensions, modelId: 'bench', initialCapacity: count });
  bulk.addMany(ids, data);
  single.addMany(ids, data);
  const empty = (index: VectorIndex) => {
    for (let row = count - 1; row >= 0; row--) index.remove(ids[row] as string);
  };
  for (let run = 0; run < runs; run++) {
    copyTimes.push((await measure(() => target.set(data))).cpuMs);
    empty(bulk);
    addManyTimes.push((await measure(() => bulk.addMany(ids, data))).cpuMs);
    empty(single);
    addTimes.push(
      (
        await measure(() => {
          for (let row = 0; row < count; row++)
            single.add(ids[row] as string, data.subarray(row * dimensions, (row + 1) * dimensions));
        })
      ).cpuMs,
    );
  }
  const gbps = (ms: number) => bytes / 1e9 / (ms / 1000);
  rows.push({
    what: `VectorIndex.addMany(${count} × ${dimensions} unit rows), GB/s of CPU time`,
    ms: gbps(median(addManyTimes)),
    baseline: 'Float32Array.set of the same bytes, GB/s',
    baselineMs: gbps(median(copyTimes)),
    target: '≥ 2 GB/s',
  });
  rows.push({
    what: `VectorIndex.add one by one (${count} × ${dimensions}), GB/s`,
    ms: gbps(median(addTimes)),
    baseline: 'Float32Array.set of the same bytes, GB/s',
    baselineMs: gbps(median(copyTimes)),
    target: '',
  });

  console.log(
    `pool bench: ${size} synthetic profiles, median of ${runs} runs; CPU ms of this process (wall time depends on other load)`,
  );
  console.table(
    rows.map((row) => ({
      what: row.what,
      value: Number(row.ms.toFixed(row.ms < 10 ? 2 : 0)),
      baseline: row.baseline,
      'baseline value': Number(row.baselineMs.toFixed(row.baselineMs < 10 ? 2 : 0)),
      ratio: Number((row.ms / row.baselineMs).toFixed(3)),
      target: row.target,
    })),
  );
}

await main();
