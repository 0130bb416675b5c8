/**
 * Ranking quality on real resumes nobody on the team wrote: offline cvmatch against a plain BM25 baseline
 * on the livecareer category benchmark (see eval/ranking/livecareer/README.md for the protocol), next to
 * the fixture figures of `cvmatch eval`.
 *
 *   npm run eval:ranking                      # tables on stdout, progress on stderr
 *   npm run eval:ranking -- --json            # everything as JSON
 *   npm run eval:ranking -- --dev-only        # while tuning: held-out categories only as means
 *   options: --data <dir> (default ../shared/data/dev/livecareer-resumes), --now YYYY-MM-DD (default
 *   2026-11-01), --no-cache (parse every PDF again; the cache is .cvmatch-cache/eval-ranking/)
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { auditFairness } from '../src/compliance/index.js';
import type { CandidateProfile, JobOrder } from '../src/domain/index.js';
import {
  type ExperimentConfig,
  type ExperimentResult,
  type Qrels,
  readQrels,
  runExperiment,
} from '../src/eval/index.js';
import { type RankCandidatesOptions, rankCandidates } from '../src/matching/index.js';
import { readCandidateDataset, readJobOrders } from '../src/parsing/index.js';
import { createLocal } from '../src/providers/index.js';
import { createBm25Baseline } from './ranking/bm25-baseline.js';
import { readParsedPool } from './ranking/parsed-pool.js';
import {
  type CategoryRow,
  formatRankingTables,
  formatTable,
  type RankerFigures,
  type SplitSummary,
  summarize,
} from './ranking/report.js';
import { heldOutCategories } from './ranking/split.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARK = join(REPO_ROOT, 'eval', 'ranking', 'livecareer');
export const DEFAULT_DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'dev', 'livecareer-resumes');
export const DEFAULT_NOW = '2026-11-01';
const CUTOFFS = [10];
/** The reference date of the fixture evaluation, as in the README. */
export const FIXTURE_NOW = '2026-11-01';
/** Time limit per fixture CV in the fixture evaluation (the library default is 9 s). */
const FIXTURE_PARSE_TIMEOUT_MS = 120_000;

/** Ranker names in the tables: cvmatch on the JSON orders, cvmatch on the text ads, the baseline. */
export const RANKERS = ['cvmatch', 'cvmatch-ad', 'bm25'] as const;

/** The options `cvmatch eval` uses by default: the offline provider's embeddings, no chat model. */
export function offlineOptions(now: string): RankCandidatesOptions {
  return { now, embeddingModel: createLocal().embeddingModel() };
}

/** Job id of a category folder (`INFORMATION-TECHNOLOGY` → `information-technology`). */
export const jobIdOf = (category: string) => category.toLowerCase();

/** Category relevance: every CV is grade 1 for its own category's order, 0 for the others. */
export function categoryQrels(cvs: { category: string; key: string }[]): Qrels {
  const qrels: Qrels = new Map();
  for (const cv of cvs) {
    const judgements = qrels.get(jobIdOf(cv.category)) ?? new Map<string, number>();
    judgements.set(cv.key, 1);
    qrels.set(jobIdOf(cv.category), judgements);
  }
  return qrels;
}

function figuresOf(result: ExperimentResult, config: string, jobId: string): RankerFigures {
  const job = result.configs
    .find((item) => item.name === config)
    ?.perJob.find((item) => item.jobId === jobId);
  return { ndcg10: job?.metrics['ndcg@10'] ?? null, map: job?.metrics.map ?? null };
}

export interface RankingBenchmark {
  now: string;
  data: string;
  pool: { documents: number; cached: number; failures: { file: string; message: string }[] };
  heldOut: string[];
  rows: CategoryRow[];
  summaries: Record<'dev' | 'held-out' | 'overall', SplitSummary>;
  fixtures: Record<string, number | null>;
  /** Largest score change under counterfactual swaps, on a sample of the real pool (0 = blind to it). */
  fairness: Record<string, number>;
  warnings: string[];
}

/** Runs the whole benchmark (parsing with the cache, three rankers) and the fixture evaluation. */
export async function runRankingBenchmark(options: {
  data?: string;
  now?: string;
  cache?: boolean;
  onProgress?: (message: string) => void;
}): Promise<RankingBenchmark> {
  const data = options.data ?? DEFAULT_DATA;
  const now = options.now ?? DEFAULT_NOW;
  const progress = options.onProgress ?? (() => {});
  const pool = await readParsedPool(data, {
    now,
    ...(options.cache === false ? { cacheDir: null } : {}),
    onProgress: (done, total) => {
      if (done % 40 === 0 || done === total) progress(`parsed ${done}/${total}`);
    },
  });
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  const cvs = pool.cvs.filter((cv) => {
    const first = seen.get(cv.profile.id);
    if (first) warnings.push(`${cv.file} has the same content as ${first}: left out`);
    else seen.set(cv.profile.id, cv.file);
    return !first;
  });
  const profiles: CandidateProfile[] = cvs.map((cv) => cv.profile);
  const categories = [...new Set(pool.documents.map((document) => document.category))];
  const heldOut = heldOutCategories(categories);
  // A resume that could not be parsed stays relevant: every ranker misses it alike.
  const qrels = categoryQrels(pool.documents);

  const jobs = await readJobOrders(join(BENCHMARK, 'jobs'), { now });
  const ads = await readJobOrders(join(BENCHMARK, 'ads'), { now });
  const adById = new Map(ads.map((job) => [job.id, job]));
  const baseline = createBm25Baseline(new Map(profiles.map((profile) => [profile.id, profile.text])));
  const configs: ExperimentConfig[] = [
    { name: 'cvmatch', options: offlineOptions(now) },
    {
      name: 'bm25',
      rank: async (job: JobOrder) => baseline.rank([job.title, ...job.requiredSkills].join(' ')),
    },
  ];
  progress(`ranking ${profiles.length} resumes for ${jobs.length} orders`);
  const result = await runExperiment({ jobs, candidates: profiles, qrels, configs, cutoffs: CUTOFFS });
  const adResult = await runExperiment({
    jobs: jobs.map((job) => adById.get(job.id) ?? job),
    candidates: profiles,
    qrels,
    configs: [{ name: 'cvmatch-ad', options: offlineOptions(now) }],
    cutoffs: CUTOFFS,
  });
  warnings.push(...result.warnings);

  const rows: CategoryRow[] = categories.map((category) => {
    const jobId = jobIdOf(category);
    return {
      category,
      split: heldOut.has(category) ? 'held-out' : 'dev',
      figures: {
        cvmatch: figuresOf(result, 'cvmatch', jobId),
        'cvmatch-ad': figuresOf(adResult, 'cvmatch-ad', jobId),
        bm25: figuresOf(result, 'bm25', jobId),
      },
    };
  });
  const rankers = [...RANKERS];
  const summaries = {
    dev: summarize(
      rows.filter((row) => row.split === 'dev'),
      rankers,
      'cvmatch',
      'bm25',
    ),
    'held-out': summarize(
      rows.filter((row) => row.split === 'held-out'),
      rankers,
      'cvmatch',
      'bm25',
    ),
    overall: summarize(rows, rankers, 'cvmatch', 'bm25'),
  };
  progress('fixtures');
  const fixtures = await runFixtureEval(FIXTURE_NOW);
  progress('counterfactual swaps on a sample of the pool');
  const fairness = await auditSample(jobs, profiles, now);
  return {
    now,
    data,
    pool: { documents: cvs.length, cached: pool.cached, failures: pool.failures },
    heldOut: [...heldOut].sort(),
    rows,
    summaries,
    fixtures,
    fairness,
    warnings,
  };
}

/** Size of the pool sample the counterfactual swaps are run on (every 8th resume). */
const FAIRNESS_SAMPLE_STEP = 8;

/**
 * `auditFairness` with name, gender, age and address swaps, for the first 3 orders on every 8th resume of
 * the pool: the largest score change per swap.
 */
async function auditSample(
  jobs: JobOrder[],
  profiles: CandidateProfile[],
  now: string,
): Promise<Record<string, number>> {
  const sample = profiles.filter((_, index) => index % FAIRNESS_SAMPLE_STEP === 0);
  const worst: Record<string, number> = {};
  for (const job of jobs.slice(0, 3)) {
    const report = await auditFairness({
      job,
      profiles: sample,
      rank: (order, pool) => rankCandidates(order, pool, offlineOptions(now)),
      variants: 2,
      swaps: ['identity', 'gender', 'age', 'address'],
    });
    for (const [swap, delta] of Object.entries(report.maxDeltaBySwap))
      worst[swap] = Math.max(worst[swap] ?? 0, delta ?? 0);
  }
  return worst;
}

/** `cvmatch eval --jobs fixtures/jobs --candidates fixtures/cvs --qrels eval/qrels/fixtures.tsv --now …`. */
export async function runFixtureEval(now: string): Promise<Record<string, number | null>> {
  const jobs = await readJobOrders(join(REPO_ROOT, 'fixtures', 'jobs'), { now });
  // A generous time limit: the figure is about ranking, and a loaded machine must not drop fixture CVs.
  const dataset = await readCandidateDataset([join(REPO_ROOT, 'fixtures', 'cvs')], {
    now,
    limits: { timeoutMs: FIXTURE_PARSE_TIMEOUT_MS },
  });
  if (dataset.failures.length > 0)
    throw new Error(`fixture CVs not parsed: ${dataset.failures.map((failure) => failure.file).join(', ')}`);
  const qrels = readQrels(await readFile(join(REPO_ROOT, 'eval', 'qrels', 'fixtures.tsv'), 'utf8'));
  const result = await runExperiment({
    jobs,
    candidates: dataset.profiles,
    qrels,
    configs: [{ name: 'local', options: offlineOptions(now) }],
    cutoffs: [5, 10],
  });
  return result.configs[0]?.overall ?? {};
}

function formatReport(report: RankingBenchmark, showHeldOut: boolean): string {
  const out = [
    `livecareer category benchmark: ${report.pool.documents} resumes, ${report.rows.length} categories ` +
      `(held-out: ${report.heldOut.join(', ')}), now ${report.now}`,
    '',
    formatRankingTables(report.rows, report.summaries, {
      rankers: [...RANKERS],
      ranker: 'cvmatch',
      baseline: 'bm25',
      showHeldOut,
    }),
    '',
    `cvmatch loses to BM25 (nDCG@10) on: ${
      (showHeldOut ? report.summaries.overall.losses : report.summaries.dev.losses).join(', ') || 'none'
    }${showHeldOut ? '' : ` (dev; held-out: ${report.summaries['held-out'].losses.length})`}`,
    '',
    'fixtures (cvmatch eval --jobs fixtures/jobs --candidates fixtures/cvs --qrels eval/qrels/fixtures.tsv --now 2026-11-01)',
    formatTable(Object.keys(report.fixtures), [
      Object.values(report.fixtures).map((value) => (value === null ? '–' : value.toFixed(4))),
    ]),
  ];
  out.push(
    '',
    `counterfactual swaps (auditFairness, ${Object.keys(report.fairness).join(', ')}) on a sample of the pool: ` +
      `largest score change ${Object.values(report.fairness)
        .map((delta) => delta.toFixed(1))
        .join(' / ')}`,
  );
  if (report.pool.failures.length > 0)
    out.push('', ...report.pool.failures.map((failure) => `not parsed: ${failure.file}: ${failure.message}`));
  if (report.warnings.length > 0) out.push('', ...report.warnings.map((warning) => `warning: ${warning}`));
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      'dev-only': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      data: { type: 'string' },
      now: { type: 'string' },
    },
  });
  if (values.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.now)) {
    process.stderr.write(`--now: expected YYYY-MM-DD, got ${values.now}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const report = await runRankingBenchmark({
    ...(values.data ? { data: values.data } : {}),
    ...(values.now ? { now: values.now } : {}),
    cache: !values['no-cache'],
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  const showHeldOut = !values['dev-only'];
  if (values.json) {
    const rows = showHeldOut ? report.rows : report.rows.filter((row) => row.split === 'dev');
    process.stdout.write(`${JSON.stringify({ ...report, rows }, null, 2)}\n`);
  } else process.stdout.write(formatReport(report, showHeldOut));
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
