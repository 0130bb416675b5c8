/**
 * Ranking quality on real resumes nobody on the team wrote: offline cvmatch against a plain BM25 baseline
 * on the livecareer category benchmark (see eval/ranking/livecareer/README.md for the protocol), next to
 * the fixture figures of `cvmatch eval`.
 *
 *   npm run eval:ranking                      # tables on stdout, progress on stderr
 *   npm run eval:ranking -- --json            # everything as JSON
 *   npm run eval:ranking -- --dev-only        # while tuning: held-out categories only as means
 *   npm run eval:ranking -- --jobs <dir> [--ads <dir>]   # also a second set of orders, on the same pool
 *   options: --data <dir> (default ../shared/data/dev/livecareer-resumes), --now YYYY-MM-DD (default
 *   2026-11-01), --no-cache (parse every PDF again; the cache is .cvmatch-cache/eval-ranking/),
 *   --jobs <dir>: orders in the format of eval/ranking/livecareer/jobs, each named after the category it is
 *   about (`finance.json`, or `finance-2.json`), ranked by cvmatch and BM25 next to the benchmark's own;
 *   --ads <dir>: the same orders as text ads (same file names, `.txt`), the `cvmatch-ad` column
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
import { type Bm25Baseline, createBm25Baseline } from './ranking/bm25-baseline.js';
import { lossProbability } from './ranking/loss-stability.js';
import { orderSetQrels } from './ranking/order-set.js';
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
  /** A second set of orders scored on the same pool (`--jobs`), absent without one. */
  extra?: OrderSetReport;
  fixtures: Record<string, number | null>;
  /** Largest score change under counterfactual swaps, on a sample of the real pool (0 = blind to it). */
  fairness: Record<string, number>;
  warnings: string[];
}

/** The figures of one set of orders: a row per order, dev / held-out / overall means, what went wrong. */
export interface OrderSetFigures {
  rows: CategoryRow[];
  summaries: Record<'dev' | 'held-out' | 'overall', SplitSummary>;
  warnings: string[];
}

/** A second, independently written set of orders (`--jobs`, `--ads`) and its figures. */
export interface OrderSetReport extends OrderSetFigures {
  jobs: string;
  ads: string | null;
}

/**
 * Ranks the pool for each order with offline cvmatch and the BM25 baseline, and for each order's text ad
 * (`ads`, matched by id; the JSON order where an ad is missing) with cvmatch again. Rows are named after the
 * order; an order is held-out when its category (`categoryOf`, default: the order's id) is.
 */
export async function scoreOrderSet(input: {
  jobs: JobOrder[];
  ads: JobOrder[] | null;
  profiles: CandidateProfile[];
  qrels: Qrels;
  baseline: Bm25Baseline;
  heldOut: ReadonlySet<string>;
  now: string;
  categoryOf?: ReadonlyMap<string, string>;
}): Promise<OrderSetFigures> {
  const { jobs, profiles, qrels, baseline, now } = input;
  const adById = new Map((input.ads ?? []).map((job) => [job.id, job]));
  const configs: ExperimentConfig[] = [
    { name: 'cvmatch', options: offlineOptions(now) },
    {
      name: 'bm25',
      rank: async (job: JobOrder) => baseline.rank([job.title, ...job.requiredSkills].join(' ')),
    },
  ];
  const result = await runExperiment({
    jobs,
    candidates: profiles,
    qrels,
    configs,
    cutoffs: CUTOFFS,
    runDepth: profiles.length,
  });
  const rankingOf = (config: string, jobId: string) =>
    result.configs
      .find((item) => item.name === config)
      ?.perJob.find((item) => item.jobId === jobId)
      ?.ranking.map((item) => item.candidate) ?? [];
  const adResult = input.ads
    ? await runExperiment({
        jobs: jobs.map((job) => adById.get(job.id) ?? job),
        candidates: profiles,
        qrels,
        configs: [{ name: 'cvmatch-ad', options: offlineOptions(now) }],
        cutoffs: CUTOFFS,
      })
    : null;
  const heldOut = new Set([...input.heldOut].map(jobIdOf));
  const rows: CategoryRow[] = jobs.map((job) => {
    const category = input.categoryOf?.get(job.id) ?? job.id.toUpperCase();
    return {
      // Named after the category when the order's id is its name, else after the order.
      category: jobIdOf(category) === job.id ? category : job.id,
      split: heldOut.has(jobIdOf(category)) ? 'held-out' : 'dev',
      figures: {
        cvmatch: figuresOf(result, 'cvmatch', job.id),
        'cvmatch-ad': adResult ? figuresOf(adResult, 'cvmatch-ad', job.id) : { ndcg10: null, map: null },
        bm25: figuresOf(result, 'bm25', job.id),
      },
      lossProbability: lossProbability(
        rankingOf('cvmatch', job.id),
        rankingOf('bm25', job.id),
        qrels.get(job.id) ?? new Map(),
      ),
    };
  });
  const rankers = [...RANKERS];
  const summary = (chosen: CategoryRow[]) => summarize(chosen, rankers, 'cvmatch', 'bm25');
  return {
    rows,
    summaries: {
      dev: summary(rows.filter((row) => row.split === 'dev')),
      'held-out': summary(rows.filter((row) => row.split === 'held-out')),
      overall: summary(rows),
    },
    warnings: result.warnings,
  };
}

/** Runs the whole benchmark (parsing with the cache, three rankers) and the fixture evaluation. */
export async function runRankingBenchmark(options: {
  data?: string;
  now?: string;
  cache?: boolean;
  /** A second folder of orders (same JSON format as `jobs/`) scored on the same pool with the baseline. */
  jobs?: string;
  /** The text ads of that second set (same ids), ranked as the `cvmatch-ad` column. */
  ads?: string;
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
  const baseline = createBm25Baseline(new Map(profiles.map((profile) => [profile.id, profile.text])));
  progress(`ranking ${profiles.length} resumes for ${jobs.length} orders`);
  const main = await scoreOrderSet({ jobs, ads, profiles, qrels, baseline, heldOut, now });
  warnings.push(...main.warnings);
  let extra: OrderSetReport | undefined;
  if (options.jobs) {
    const extraJobs = await readJobOrders(options.jobs, { now });
    const extraAds = options.ads ? await readJobOrders(options.ads, { now }) : null;
    const matched = orderSetQrels(
      extraJobs.map((job) => job.id),
      pool.documents,
    );
    progress(`ranking ${profiles.length} resumes for ${extraJobs.length} orders of ${options.jobs}`);
    const scored = await scoreOrderSet({
      jobs: extraJobs.filter((job) => matched.categoryOf.has(job.id)),
      ads: extraAds,
      profiles,
      qrels: matched.qrels,
      baseline,
      heldOut,
      now,
      categoryOf: matched.categoryOf,
    });
    extra = {
      jobs: options.jobs,
      ads: options.ads ?? null,
      ...scored,
      warnings: [
        ...matched.unmatched.map((id) => `order ${id} names no category of the pool: left out`),
        ...(extraAds
          ? extraJobs
              .filter((job) => matched.categoryOf.has(job.id) && !extraAds.some((ad) => ad.id === job.id))
              .map((job) => `order ${job.id} has no ad in ${options.ads}: cvmatch-ad ranks the JSON order`)
          : []),
        ...scored.warnings,
      ],
    };
  }
  progress('fixtures');
  const fixtures = await runFixtureEval(FIXTURE_NOW);
  progress('counterfactual swaps on a sample of the pool');
  const fairness = await auditSample(jobs, profiles, now);
  return {
    now,
    data,
    pool: { documents: cvs.length, cached: pool.cached, failures: pool.failures },
    heldOut: [...heldOut].sort(),
    rows: main.rows,
    summaries: main.summaries,
    ...(extra ? { extra } : {}),
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

/** Where cvmatch loses, and how many losses to expect on random sub-pools (`lossProbability`). */
function lossLine(summaries: OrderSetFigures['summaries'], showHeldOut: boolean): string {
  const expected = (name: 'dev' | 'held-out' | 'overall') =>
    summaries[name].expectedLosses?.toFixed(1) ?? '–';
  const losses = (showHeldOut ? summaries.overall.losses : summaries.dev.losses).join(', ') || 'none';
  return (
    `cvmatch loses to BM25 (nDCG@10) on: ${losses}` +
    (showHeldOut ? '' : ` (dev; held-out: ${summaries['held-out'].losses.length})`) +
    `; expected losses on random 80 % sub-pools: dev ${expected('dev')}, held-out ${expected('held-out')}, ` +
    `overall ${expected('overall')}`
  );
}

function formatReport(report: RankingBenchmark, showHeldOut: boolean): string {
  const tables = (rows: CategoryRow[], summaries: RankingBenchmark['summaries']) =>
    formatRankingTables(rows, summaries, {
      rankers: [...RANKERS],
      ranker: 'cvmatch',
      baseline: 'bm25',
      showHeldOut,
    });
  const out = [
    `livecareer category benchmark: ${report.pool.documents} resumes, ${report.rows.length} categories ` +
      `(held-out: ${report.heldOut.join(', ')}), now ${report.now}`,
    '',
    tables(report.rows, report.summaries),
    '',
    lossLine(report.summaries, showHeldOut),
  ];
  if (report.extra) {
    const { extra } = report;
    out.push(
      '',
      `second set of orders: ${extra.jobs}${extra.ads ? ` (ads: ${extra.ads})` : ' (no ads: cvmatch-ad –)'}, ` +
        `${extra.rows.length} orders on the same pool`,
      '',
      tables(extra.rows, extra.summaries),
      '',
      lossLine(extra.summaries, showHeldOut),
      ...extra.warnings.map((warning) => `warning: ${warning}`),
    );
  }
  out.push(
    '',
    'fixtures (cvmatch eval --jobs fixtures/jobs --candidates fixtures/cvs --qrels eval/qrels/fixtures.tsv --now 2026-11-01)',
    formatTable(Object.keys(report.fixtures), [
      Object.values(report.fixtures).map((value) => (value === null ? '–' : value.toFixed(4))),
    ]),
  );
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
      jobs: { type: 'string' },
      ads: { type: 'string' },
    },
  });
  if (values.ads !== undefined && values.jobs === undefined) {
    process.stderr.write('--ads: only with --jobs (the ads of that second set of orders)\n');
    process.exit(2);
  }
  if (values.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.now)) {
    process.stderr.write(`--now: expected YYYY-MM-DD, got ${values.now}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const report = await runRankingBenchmark({
    ...(values.data ? { data: values.data } : {}),
    ...(values.now ? { now: values.now } : {}),
    cache: !values['no-cache'],
    ...(values.jobs ? { jobs: values.jobs } : {}),
    ...(values.ads ? { ads: values.ads } : {}),
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  const showHeldOut = !values['dev-only'];
  if (values.json) {
    const shown = (rows: CategoryRow[]) => (showHeldOut ? rows : rows.filter((row) => row.split === 'dev'));
    const extra = report.extra ? { ...report.extra, rows: shown(report.extra.rows) } : undefined;
    process.stdout.write(
      `${JSON.stringify({ ...report, rows: shown(report.rows), ...(extra ? { extra } : {}) }, null, 2)}\n`,
    );
  } else process.stdout.write(formatReport(report, showHeldOut));
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
