/**
 * Provider benchmarks: local embedding throughput, middleware overhead, disk cache.
 *   npx tsx bench/providers.ts [profiles=5000]
 * Prints a table; `runProviderBench()` returns the numbers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLocal } from '../src/providers/local/create-local.js';
import { createDiskCache, createMemoryCache } from '../src/providers/middleware/cache.js';
import { applyEmbeddingMiddleware } from '../src/providers/middleware/stack.js';
import { createUsageMeter } from '../src/providers/middleware/usage.js';
import type { EmbeddingModel } from '../src/providers/spec.js';

const TITLES = [
  'Préparateur de commandes',
  'Cariste CACES R489 cat. 1, 3 et 5',
  'Aide-soignante diplômée',
  'Maçon coffreur N3P2',
  'Agent de propreté',
  'Électricien bâtiment habilitation B1V',
  'Chauffeur poids lourd permis CE, FIMO à jour',
  'Serveuse en restauration traditionnelle',
  'Manutentionnaire quai',
  'Soudeur TIG/MIG',
];
const PLACES = [
  'Lyon',
  'Vénissieux',
  'Saint-Priest',
  'Villeurbanne',
  'Grenoble',
  'Marseille',
  'Lille',
  'Nantes',
];
const DETAILS = [
  'expérience en entrepôt logistique, travail en équipe',
  'disponible immédiatement, horaires en 2x8',
  'permis B véhiculé, mission longue souhaitée',
  'anglais courant, pack office',
  'travail de nuit accepté, rigueur et ponctualité',
  'chantier gros œuvre, lecture de plans',
];

/** Deterministic synthetic profile texts (~200-300 characters), no real person. */
export function syntheticProfiles(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const title = TITLES[index % TITLES.length]!;
    const place = PLACES[(index * 7) % PLACES.length]!;
    const a = DETAILS[(index * 3) % DETAILS.length]!;
    const b = DETAILS[(index * 5 + 1) % DETAILS.length]!;
    return `${title}, ${1 + (index % 15)} ans d'expérience, ${place}. ${a}; ${b}. Référence ${index}.`;
  });
}

export interface BenchRow {
  name: string;
  items: number;
  milliseconds: number;
  perSecond: number;
  /** CPU time of this process (user + system): less sensitive to other load on the machine. */
  cpuMilliseconds: number;
  perCpuSecond: number;
}

async function time(name: string, items: number, run: () => Promise<unknown>): Promise<BenchRow> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const milliseconds = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMilliseconds = (used.user + used.system) / 1000;
  return {
    name,
    items,
    milliseconds,
    perSecond: (items / milliseconds) * 1000,
    cpuMilliseconds,
    perCpuSecond: (items / cpuMilliseconds) * 1000,
  };
}

/** A model that answers instantly, to measure what the middleware itself costs. */
function instantModel(dimensions: number): EmbeddingModel {
  return {
    specificationVersion: 'v1',
    provider: 'bench',
    modelId: 'instant',
    dimensions,
    maxInputsPerCall: 128,
    async embed({ inputs }) {
      return {
        vectors: inputs.map(() => new Float32Array(dimensions).fill(1 / Math.sqrt(dimensions))),
        usage: { inputTokens: inputs.length, outputTokens: 0 },
      };
    },
  };
}

export async function runProviderBench(count = 5000): Promise<BenchRow[]> {
  const profiles = syntheticProfiles(count);
  const rows: BenchRow[] = [];
  const local = createLocal().embeddingModel();
  rows.push(await time('local embed, cold (first pass)', count, () => local.embed({ inputs: profiles })));
  rows.push(await time('local embed, warm (stems memoised)', count, () => local.embed({ inputs: profiles })));
  rows.push(
    await time('local embed, one profile per call', 1000, async () => {
      for (const profile of profiles.slice(0, 1000)) await local.embed({ inputs: [profile] });
    }),
  );
  const wrapped = applyEmbeddingMiddleware(instantModel(1024), { usage: createUsageMeter() });
  rows.push(
    await time('middleware stack, no cache (batches of 128)', count, () =>
      wrapped.embed({ inputs: profiles }),
    ),
  );
  const cached = applyEmbeddingMiddleware(instantModel(1024), { cache: createMemoryCache() });
  await cached.embed({ inputs: profiles });
  rows.push(
    await time('middleware stack, memory cache hits', count, () => cached.embed({ inputs: profiles })),
  );
  const directory = await mkdtemp(join(tmpdir(), 'cvmatch-bench-'));
  try {
    const disk = applyEmbeddingMiddleware(instantModel(1024), { cache: directory });
    const sample = profiles.slice(0, 1000);
    rows.push(
      await time('disk cache (cacache), 1024-d writes', sample.length, () => disk.embed({ inputs: sample })),
    );
    rows.push(
      await time('disk cache (cacache), 1024-d reads', sample.length, () => disk.embed({ inputs: sample })),
    );
    // A fresh instance reads from disk, not from cacache's in-process memo.
    const reopened = createDiskCache(directory);
    const fresh = applyEmbeddingMiddleware(instantModel(1024), { cache: reopened });
    rows.push(
      await time('disk cache, new instance, reads', sample.length, () => fresh.embed({ inputs: sample })),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 5000);
  const rows = await runProviderBench(count);
  const header = ['items', 'wall ms', 'items/s', 'cpu ms', 'items/cpu-s'];
  process.stdout.write(`${'benchmark'.padEnd(46)}${header.map((cell) => cell.padStart(12)).join('')}\n`);
  for (const row of rows) {
    const cells = [row.items, row.milliseconds, row.perSecond, row.cpuMilliseconds, row.perCpuSecond];
    process.stdout.write(
      `${row.name.padEnd(46)}${cells.map((cell) => cell.toFixed(0).padStart(12)).join('')}\n`,
    );
  }
}
