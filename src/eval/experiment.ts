import type { CandidateProfile } from '../domain/candidate.js';
import type { JobOrder } from '../domain/job-order.js';
import type { MatchResult } from '../domain/match.js';
import { type RankCandidatesOptions, rankCandidates } from '../matching/index.js';
import { buildPoolIndex, PoolIndex } from '../matching/retrieve/index.js';
import type { UsageMeter, UsageReport } from '../providers/index.js';
import {
  averagePrecision,
  type Judgements,
  ndcgAtK,
  RELEVANT_GRADE,
  recallAtK,
  reciprocalRank,
} from './metrics.js';
import type { Qrels } from './qrels.js';

/** One configuration to evaluate: a name and how to rank. */
export interface ExperimentConfig {
  name: string;
  /** Passed to `rankCandidates` (embedding/chat models, weights, policy, `now`, …). */
  options?: RankCandidatesOptions;
  /** Meter the configuration's models record to; its report is returned with the metrics. */
  usageMeter?: UsageMeter;
  /** Custom ranker returning candidate ids best first (baselines, ablations); default `rankCandidates`. */
  rank?: (job: JobOrder, pool: CandidateProfile[] | PoolIndex, signal?: AbortSignal) => Promise<string[]>;
}

/** One ranked candidate of a job: its key, score and what each criterion added to the score. */
export interface RankedCandidate {
  /** Candidate key (CV file stem). */
  candidate: string;
  /** 0–100 match score; null for a custom ranker that returns only ids. */
  score: number | null;
  /** Criterion → points it added (weight × criterion score; the LLM share included), when known. */
  contributions: Record<string, number> | null;
  /** The match's one-line explanation, for the first `max(cutoffs)` ranks. */
  summary: string | null;
}

export interface ExperimentInput {
  jobs: JobOrder[];
  candidates: CandidateProfile[] | PoolIndex;
  qrels: Qrels;
  configs: ExperimentConfig[];
  /** Cutoffs for nDCG@k and Recall@k (default `[5, 10]`). */
  cutoffs?: number[];
  /** Ranks kept per job in `ranking` (run files, CSV, reports); default 100. */
  runDepth?: number;
  /** Key of a profile in the judgements (default `candidateKey`: the CV file stem). */
  candidateKey?: (profile: CandidateProfile) => string;
  signal?: AbortSignal;
  onProgress?: (progress: { config: string; jobId: string; done: number; total: number }) => void;
}

/** Metric name → value (`null` = undefined for this job, e.g. no relevant candidate). */
export type MetricValues = Record<string, number | null>;

export interface JobEvaluation {
  jobId: string;
  /** Candidates judged for this job (any grade), and those with grade ≥ 1. */
  judged: number;
  relevant: number;
  metrics: MetricValues;
  /** Candidate keys of the first `max(cutoffs)` ranks. */
  top: string[];
  /** The first `runDepth` ranks with scores and criterion contributions. */
  ranking: RankedCandidate[];
  durationMs: number;
}

export interface ConfigEvaluation {
  name: string;
  perJob: JobEvaluation[];
  /** Mean of each metric over the jobs where it is defined (MAP = mean AP, MRR = mean RR). */
  overall: MetricValues;
  usage: UsageReport | null;
  durationMs: number;
}

export interface ExperimentResult {
  cutoffs: number[];
  /** Metric names in display order: `ndcg@k…`, `map`, `mrr`, `recall@k…`. */
  metricNames: string[];
  configs: ConfigEvaluation[];
  /** Things that make the figures less meaningful (unjudged jobs, judged candidates not in the pool). */
  warnings: string[];
}

/** The CV file stem of a profile (`fixtures/cvs/cariste-lyon-01.pdf` → `cariste-lyon-01`), else its id. */
export function candidateKey(profile: CandidateProfile): string {
  const file = profile.source.file;
  if (!file) return profile.id;
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Names of the metrics computed for `cutoffs`, in display order. */
export function metricNames(cutoffs: readonly number[]): string[] {
  return [...cutoffs.map((k) => `ndcg@${k}`), 'map', 'mrr', ...cutoffs.map((k) => `recall@${k}`)];
}

/** All metrics of one ranking (candidate keys, best first). */
export function evaluateRanking(
  ranked: readonly string[],
  judgements: Judgements,
  cutoffs: readonly number[],
): MetricValues {
  const values: MetricValues = {};
  for (const k of cutoffs) values[`ndcg@${k}`] = ndcgAtK(ranked, judgements, k);
  values.map = averagePrecision(ranked, judgements);
  values.mrr = reciprocalRank(ranked, judgements);
  for (const k of cutoffs) values[`recall@${k}`] = recallAtK(ranked, judgements, k);
  return values;
}

/** Points each weighted criterion added to a score (weight × score); LLM sub-criteria (weight 0) left out. */
export function contributionsOf(breakdown: MatchResult['breakdown']): Record<string, number> {
  const contributions: Record<string, number> = {};
  for (const entry of breakdown) {
    if (entry.weight > 0) contributions[entry.criterion] = Math.round(entry.weight * entry.score * 100) / 100;
  }
  return contributions;
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

/**
 * Ranks every judged job with every configuration and scores the rankings against the judgements:
 * nDCG@k, MAP, MRR and Recall@k per job and overall (mean over jobs). Jobs without any relevant
 * judgement are skipped with a warning. Configurations run one after another, jobs in input order.
 * With an embedding model and plain profiles, the pool is embedded once per configuration (a
 * `PoolIndex`), not once per job order.
 */
export async function runExperiment(input: ExperimentInput): Promise<ExperimentResult> {
  const cutoffs = [...new Set(input.cutoffs ?? [5, 10])].sort((a, b) => a - b);
  const names = metricNames(cutoffs);
  const keyOf = input.candidateKey ?? candidateKey;
  const profiles = input.candidates instanceof PoolIndex ? input.candidates.profiles() : input.candidates;
  const keyById = new Map(profiles.map((profile) => [profile.id, keyOf(profile)]));
  const poolKeys = new Set(keyById.values());
  const warnings: string[] = [];

  const jobs = input.jobs.filter((job) => {
    const judgements = input.qrels.get(job.id);
    const relevant = judgements
      ? [...judgements.values()].filter((grade) => grade >= RELEVANT_GRADE).length
      : 0;
    if (relevant === 0) warnings.push(`job ${job.id} has no relevant judgement: skipped`);
    return relevant > 0;
  });
  const jobIds = new Set(input.jobs.map((job) => job.id));
  for (const jobId of input.qrels.keys()) {
    if (!jobIds.has(jobId)) warnings.push(`judged job ${jobId} is not among the jobs`);
  }
  for (const job of jobs) {
    const missing = [...(input.qrels.get(job.id) as Judgements).entries()]
      .filter(([key, grade]) => grade >= RELEVANT_GRADE && !poolKeys.has(key))
      .map(([key]) => key);
    if (missing.length > 0)
      warnings.push(`job ${job.id}: relevant candidates not in the pool: ${missing.sort().join(', ')}`);
  }

  const configs: ConfigEvaluation[] = [];
  for (const config of input.configs) {
    const started = performance.now();
    const perJob: JobEvaluation[] = [];
    // Embed the pool once per configuration rather than once per job order.
    const embeddingModel = config.options?.embeddingModel;
    const pool =
      !config.rank && embeddingModel && !(input.candidates instanceof PoolIndex)
        ? await buildPoolIndex(input.candidates, {
            embeddingModel,
            ...(input.signal ? { signal: input.signal } : {}),
          })
        : input.candidates;
    for (const [position, job] of jobs.entries()) {
      input.signal?.throwIfAborted();
      const jobStarted = performance.now();
      const depth = Math.max(...cutoffs);
      let ranking: RankedCandidate[];
      if (config.rank) {
        ranking = (await config.rank(job, input.candidates, input.signal)).map((id) => ({
          candidate: keyById.get(id) ?? id,
          score: null,
          contributions: null,
          summary: null,
        }));
      } else {
        const results = await rankCandidates(job, pool, {
          ...config.options,
          ...(input.signal ? { signal: input.signal } : {}),
        });
        ranking = results.map((result, index) => ({
          candidate: keyById.get(result.candidateId) ?? result.candidateId,
          score: result.score,
          contributions: contributionsOf(result.breakdown),
          summary: index < depth ? result.summary : null,
        }));
      }
      const ranked = ranking.map((entry) => entry.candidate);
      const judgements = input.qrels.get(job.id) as Judgements;
      perJob.push({
        jobId: job.id,
        judged: judgements.size,
        relevant: [...judgements.values()].filter((grade) => grade >= RELEVANT_GRADE).length,
        metrics: evaluateRanking(ranked, judgements, cutoffs),
        top: ranked.slice(0, depth),
        ranking: ranking.slice(0, input.runDepth ?? 100),
        durationMs: performance.now() - jobStarted,
      });
      input.onProgress?.({ config: config.name, jobId: job.id, done: position + 1, total: jobs.length });
    }
    const overall: MetricValues = {};
    for (const name of names)
      overall[name] = mean(perJob.map((evaluation) => evaluation.metrics[name] ?? null));
    configs.push({
      name: config.name,
      perJob,
      overall,
      usage: config.usageMeter?.report() ?? null,
      durationMs: performance.now() - started,
    });
  }
  return { cutoffs, metricNames: names, configs, warnings };
}
