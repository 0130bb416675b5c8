/**
 * Store bench: pool add throughput (CV files, and profiles with 1,024-dim vectors), PGlite cold open,
 * and ranking a stored pool at 10k and 100k profiles on embedded PGlite and on a PostgreSQL server
 * (started here like the tests do), next to ranking the same profiles held in memory.
 *
 *   npx tsx bench/store.ts [--sizes 10000,100000] [--backends pglite,postgres] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CandidateProfile } from '../src/domain/candidate.js';
import { rankCandidates } from '../src/matching/index.js';
import { buildPoolIndex, embedTexts, profileSearchText } from '../src/matching/retrieve/index.js';
import { parseCv, parseJobOrder } from '../src/parsing/index.js';
import { createLocal } from '../src/providers/index.js';
import {
  addToPool,
  createStoredEmbeddingModel,
  loadStoredPool,
  openStore,
  rankStoredPool,
  type Store,
} from '../src/store/index.js';
import { buildProfile } from '../test/matching/profile-factory.js';
import { startPostgresServer } from '../test/support/postgres-server.js';

interface Options {
  sizes: number[];
  backends: string[];
  runs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index === -1 ? undefined : argv[index + 1];
  };
  return {
    sizes: (value('sizes') ?? '10000,100000').split(',').map((part) => Number(part.replace(/_/g, ''))),
    backends: (value('backends') ?? 'pglite,postgres').split(','),
    runs: Number(value('runs') ?? 3),
  };
}

const NOW = '2026-11-01';
const TITLES = [
  'Cariste',
  'Préparateur de commandes',
  'Magasinier',
  'Agent de quai',
  'Manutentionnaire',
  'Chauffeur PL',
];
const SKILLS = [
  'chargement',
  'gerbage',
  'inventaire',
  'filmage',
  'picking',
  'réception',
  'expédition',
  'WMS',
];
const CITIES = [
  { city: 'Lyon', postalCode: '69003', lat: 45.76, lon: 4.85 },
  { city: 'Vénissieux', postalCode: '69200', lat: 45.697, lon: 4.886 },
  { city: 'Villeurbanne', postalCode: '69100', lat: 45.771, lon: 4.89 },
  { city: 'Saint-Priest', postalCode: '69800', lat: 45.696, lon: 4.944 },
];

/** Deterministic varied profiles (no randomness: position picks every field). */
function benchProfile(position: number): CandidateProfile {
  const at = <T>(items: T[], salt: number) =>
    items[(position * 7 + salt * 13 + (position >> salt)) % items.length] as T;
  const city = at(CITIES, 1);
  return buildProfile({
    id: `cv_${position.toString(16).padStart(16, '0')}`,
    headline: at(TITLES, 2),
    ...city,
    experiences: [
      { title: at(TITLES, 3), start: `${2015 + (position % 8)}-0${1 + (position % 9)}`, current: true },
      { title: at(TITLES, 4), start: '2012-01', end: '2014-12' },
    ],
    skills: [at(SKILLS, 5), at(SKILLS, 6), at(SKILLS, 7)],
    certifications: position % 3 === 0 ? [{ code: 'CACES_R489_3', label: 'CACES R489 catégorie 3' }] : [],
    licences: position % 2 === 0 ? ['B'] : [],
    availability: { from: null, immediate: position % 4 !== 0 },
    mobility: { maxDistanceKm: 20 + (position % 4) * 10, hasVehicle: position % 5 !== 0 },
  });
}

// The fixture order (cariste, Vénissieux, CACES R489 cat. 3 required).
const job = parseJobOrder(JSON.parse(readFileSync('fixtures/jobs/cariste-lyon.json', 'utf8')), {
  id: 'cariste-lyon',
  now: NOW,
});

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

/** Median wall time of `runs` runs after one warm-up run. */
async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) times.push((await timed(run))[1]);
  times.sort((a, b) => a - b);
  return times[times.length >> 1] as number;
}

interface Row {
  backend: string;
  profiles: number | string;
  step: string;
  ms: number;
  rate?: string;
}

const rows: Row[] = [];
function report(row: Row): void {
  rows.push(row);
  console.log(
    `${row.backend.padEnd(10)} ${String(row.profiles).padStart(8)}  ${row.step.padEnd(62)} ${row.ms.toFixed(0).padStart(8)} ms${row.rate ? `  ${row.rate}` : ''}  (load ${loadavg()[0]?.toFixed(1)})`,
  );
}

/** Cold open in fresh processes: driver import + WebAssembly start + open, and what `--help` costs. */
function benchColdOpen(folder: string): void {
  const script = `const t = performance.now(); const { openStore } = await import('./src/store/index.ts');
    const s = await openStore(${JSON.stringify(folder)}, { env: {} }); const ms = performance.now() - t; await s.close(); console.log(ms.toFixed(0));`;
  const runChild = () =>
    Number(
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      }).trim(),
    );
  const create = runChild();
  report({
    backend: 'pglite',
    profiles: '-',
    step: 'first open: create the folder (initdb in WebAssembly) + migrate',
    ms: create,
  });
  const reopen = [runChild(), runChild(), runChild()].sort((a, b) => a - b)[1] as number;
  report({
    backend: 'pglite',
    profiles: '-',
    step: 'cold open of an existing folder in a new process (median of 3)',
    ms: reopen,
  });
  if (existsSync('dist/cli/main.js')) {
    const wall = (args: string[]) => {
      const started = performance.now();
      execFileSync(process.execPath, ['dist/cli/main.js', ...args], {
        stdio: 'ignore',
        env: { ...process.env, CVMATCH_DB: '' },
      });
      return performance.now() - started;
    };
    report({
      backend: 'cli',
      profiles: '-',
      step: '`cvmatch --help` wall time (no store, no driver loaded)',
      ms: wall(['--help']),
    });
    report({
      backend: 'cli',
      profiles: '-',
      step: '`cvmatch db status` wall time (embedded store)',
      ms: wall(['db', 'status', '--db', folder]),
    });
  }
}

async function benchCvAdd(store: Store, backend: string): Promise<void> {
  const files = readdirSync('fixtures/cvs')
    .filter((name) => /\.(pdf|docx|txt)$/.test(name))
    .map((name) => `fixtures/cvs/${name}`);
  const embeddingModel = createLocal().embeddingModel();
  await parseCv(files[0] as string, { now: NOW }); // warm-up: taxonomy and PDF library loaded before timing
  const [, ms] = await timed(() => addToPool(store, 'cvs', files, { embeddingModel, now: NOW }));
  report({
    backend,
    profiles: files.length,
    step: 'pool add: CV files (parse + embed + store)',
    ms,
    rate: `${((files.length / ms) * 1000).toFixed(1)} CVs/s`,
  });
  const [, again] = await timed(() => addToPool(store, 'cvs', files, { embeddingModel, now: NOW }));
  report({
    backend,
    profiles: files.length,
    step: 'pool add again: every file unchanged (hash check only)',
    ms: again,
  });
}

async function benchPool(
  store: Store,
  backend: string,
  size: number,
  jsonl: string,
  runs: number,
): Promise<void> {
  const embeddingModel = createLocal().embeddingModel();
  const pool = `bench${size}`;
  const [, addMs] = await timed(() => addToPool(store, pool, [jsonl], { embeddingModel, batchSize: 500 }));
  report({
    backend,
    profiles: size,
    step: 'pool add: profiles .jsonl (validate + embed 1,024 dims + store)',
    ms: addMs,
    rate: `${((size / addMs) * 1000).toFixed(0)} profiles/s`,
  });
  const loadMs = await median(runs, () => loadStoredPool(store, pool, { embeddingModel }));
  report({ backend, profiles: size, step: 'load pool: profiles + vectors (one read)', ms: loadMs });
  const rankMs = await median(runs, () => rankStoredPool(store, job, pool, { embeddingModel, now: NOW }));
  report({
    backend,
    profiles: size,
    step: 'rankStoredPool: load + hybrid retrieval + rules, no LLM',
    ms: rankMs,
  });
  const [query] = await embedTexts([profileSearchText(benchProfile(3))], embeddingModel);
  const nearestMs = await median(runs, () =>
    store.profiles.nearest(pool, 'local/hashing-v1', query as Float32Array, 10),
  );
  report({
    backend,
    profiles: size,
    step: `nearest 10 (${store.vectors === 'pgvector' ? 'pgvector exact scan in SQL' : 'bytea read + in-process SIMD scan'})`,
    ms: nearestMs,
  });
}

async function benchMemory(profiles: CandidateProfile[], runs: number): Promise<void> {
  const embeddingModel = createLocal().embeddingModel();
  const texts = profiles.map(profileSearchText);
  const vectors = await embedTexts(texts, embeddingModel);
  const stored = createStoredEmbeddingModel(
    embeddingModel,
    new Map(texts.map((text, index) => [text, vectors[index] as Float32Array])),
  );
  const size = profiles.length;
  const arrayMs = await median(runs, () =>
    rankCandidates(job, profiles, { embeddingModel: stored, now: NOW }),
  );
  report({
    backend: 'memory',
    profiles: size,
    step: 'rankCandidates on profiles in memory, vectors precomputed',
    ms: arrayMs,
  });
  const index = await buildPoolIndex(profiles, { embeddingModel: stored });
  const indexMs = await median(runs, () => rankCandidates(job, index, { embeddingModel, now: NOW }));
  report({
    backend: 'memory',
    profiles: size,
    step: 'rankCandidates on a prebuilt PoolIndex (long-lived process)',
    ms: indexMs,
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `store bench: sizes ${options.sizes.join(', ')}; backends ${options.backends.join(', ')}; node ${process.version}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'cvmatch-store-bench-'));
  const server = options.backends.includes('postgres') ? await startPostgresServer() : null;
  try {
    if (options.backends.includes('pglite')) benchColdOpen(join(work, 'cold'));
    const files = new Map<number, string>();
    for (const size of options.sizes) {
      // Built per size and dropped after the memory rows: the store rows run without 100k profiles held.
      const profiles = Array.from({ length: size }, (_, position) => benchProfile(position));
      const file = join(work, `profiles-${size}.jsonl`);
      writeFileSync(file, `${profiles.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
      files.set(size, file);
      await benchMemory(profiles, options.runs);
    }
    for (const backend of options.backends) {
      const url = backend === 'postgres' ? (server?.createDatabase('bench') ?? '') : join(work, 'pglite');
      const [store, openMs] = await timed(() => openStore(url, { env: {} }));
      report({
        backend,
        profiles: '-',
        step: `open + migrate a new store (vectors: ${store.vectors})`,
        ms: openMs,
      });
      try {
        await benchCvAdd(store, backend);
        for (const size of options.sizes)
          await benchPool(store, backend, size, files.get(size) as string, options.runs);
      } finally {
        await store.close();
      }
    }
  } finally {
    server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
