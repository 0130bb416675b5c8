import { createHash } from 'node:crypto';
import type { CandidateProfile } from '../domain/candidate.js';
import type { JobOrder } from '../domain/job-order.js';
import { ValidationError } from '../errors.js';
import {
  type Criterion,
  criteria,
  defaultWeights,
  type RankCandidatesOptions,
  rankCandidates,
  resolveWeights,
  type Weights,
} from '../matching/index.js';
import type { PoolIndex } from '../matching/retrieve/index.js';
import { candidateKey } from './experiment.js';
import { type Judgements, ndcgAtK, RELEVANT_GRADE } from './metrics.js';
import type { Qrels } from './qrels.js';
import { comparePaired, type PairedComparison } from './statistics.js';

/** One scored candidate of a job: what each criterion said, and the requirement penalty applied after fusion. */
export interface PairFeatures {
  candidate: string;
  features: { criterion: Criterion; score: number; confidence: number }[];
  /** Multiplier of missed requirements (1 = none), read back from the fused score. */
  penalty: number;
}

/** The scored pool of one judged job order. */
export interface JobFeatures {
  jobId: string;
  judgements: Judgements;
  pairs: PairFeatures[];
}

const isCriterion = (name: string): name is Criterion => (criteria as readonly string[]).includes(name);

/**
 * Scores every judged job's pool once with `rankCandidates` (everyone retrieved, no LLM) and keeps each
 * criterion's score and confidence: any weights can then be tried without ranking again (`scoreWithWeights`).
 */
export async function collectFeatures(input: {
  jobs: JobOrder[];
  candidates: CandidateProfile[] | PoolIndex;
  qrels: Qrels;
  options?: Omit<RankCandidatesOptions, 'chatModel' | 'weights'>;
  candidateKey?: (profile: CandidateProfile) => string;
}): Promise<JobFeatures[]> {
  const keyOf = input.candidateKey ?? candidateKey;
  const profiles = Array.isArray(input.candidates) ? input.candidates : input.candidates.profiles();
  const keyById = new Map(profiles.map((profile) => [profile.id, keyOf(profile)]));
  const collected: JobFeatures[] = [];
  for (const job of input.jobs) {
    const judgements = input.qrels.get(job.id);
    if (!judgements || ![...judgements.values()].some((grade) => grade >= RELEVANT_GRADE)) continue;
    const results = await rankCandidates(job, input.candidates, {
      ...input.options,
      retrieveTopK: profiles.length,
    });
    collected.push({
      jobId: job.id,
      judgements,
      pairs: results.map((result) => {
        const entries = result.breakdown.filter((entry) => isCriterion(entry.criterion));
        const structured = entries.reduce((sum, entry) => sum + entry.score * entry.weight, 0);
        return {
          candidate: keyById.get(result.candidateId) ?? result.candidateId,
          features: entries.map((entry) => ({
            criterion: entry.criterion as Criterion,
            score: entry.score,
            confidence: entry.confidence ?? 1,
          })),
          penalty: structured > 0 ? Math.min(1, result.score / structured) : 1,
        };
      }),
    });
  }
  return collected;
}

/** The fused score of a pair under `weights` (as `fuseScores` computes it, without the LLM). */
export function scoreWithWeights(pair: PairFeatures, weights: Weights): number {
  let total = 0;
  let weighted = 0;
  for (const feature of pair.features) {
    const weight = weights[feature.criterion] * feature.confidence;
    total += weight;
    weighted += weight * feature.score;
  }
  return total > 0 ? (weighted / total) * pair.penalty : 0;
}

/** Candidate keys best first under `weights` (ties keep the order of `rankCandidates`). */
export function rankWithWeights(job: JobFeatures, weights: Weights): string[] {
  return job.pairs
    .map((pair, index) => ({ pair, index, score: scoreWithWeights(pair, weights) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((item) => item.pair.candidate);
}

/** Mean nDCG@k over jobs under `weights`; per job too. */
export function ndcgWithWeights(jobs: JobFeatures[], weights: Weights, k: number): number[] {
  return jobs.map((job) => ndcgAtK(rankWithWeights(job, weights), job.judgements, k) ?? 0);
}

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/** Factors coordinate ascent tries on one weight at a time (0 switches a criterion off). */
const STEPS = [0, 0.25, 0.5, 0.67, 1.5, 2, 3, 4];

/**
 * Coordinate ascent on mean nDCG@k (Metzler & Croft 2007): starting from `start`, each criterion's weight
 * in turn is multiplied by each factor of a fixed grid and the best is kept when it improves the objective
 * by more than `minGain`; passes repeat until none improves (at most `maxPasses`). Weights are normalised.
 */
export function coordinateAscent(
  jobs: JobFeatures[],
  options: { k: number; start?: Weights; maxPasses?: number; minGain?: number },
): { weights: Weights; objective: number; passes: number } {
  let weights = resolveWeights({ ...(options.start ?? defaultWeights) });
  let best = mean(ndcgWithWeights(jobs, weights, options.k));
  const minGain = options.minGain ?? 1e-4;
  let passes = 0;
  for (; passes < (options.maxPasses ?? 6); passes++) {
    let improved = false;
    for (const criterion of criteria) {
      for (const step of STEPS) {
        const base = weights[criterion] > 0 ? weights[criterion] : 0.02;
        const candidate = { ...weights, [criterion]: base * step };
        if (Object.values(candidate).every((value) => value === 0)) continue;
        const normalised = resolveWeights(candidate);
        const objective = mean(ndcgWithWeights(jobs, normalised, options.k));
        if (objective > best + minGain) {
          best = objective;
          weights = normalised;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { weights, objective: best, passes: passes + 1 };
}

/** Criterion features of a pair for the pairwise model: score × confidence (0–1), times the penalty. */
function pairVector(pair: PairFeatures): number[] {
  const vector = criteria.map(() => 0);
  for (const feature of pair.features) {
    const index = criteria.indexOf(feature.criterion);
    if (index >= 0) vector[index] = ((feature.score / 100) * feature.confidence * pair.penalty) as number;
  }
  return vector;
}

/** Most lower-graded candidates paired with each better one, per job (the best-ranked under defaults first). */
const MAX_PAIRS_PER_BETTER = 40;

/**
 * Pairwise logistic model (RankNet-style, linear): for every judged job, each candidate paired with lower-graded
 * ones, the weights maximise the log-likelihood that the better one scores higher, with an L2 pull of strength
 * `l2` toward the defaults and weights kept ≥ 0 (projected gradient descent). Fewer degrees of freedom in
 * practice than coordinate ascent's grid: every weight moves a little, none jumps to 0.
 */
export function pairwiseLogistic(
  jobs: JobFeatures[],
  options: { l2?: number; iterations?: number; learningRate?: number } = {},
): Weights {
  const l2 = options.l2 ?? 0.1;
  const defaults = resolveWeights({ ...defaultWeights });
  const start = criteria.map((criterion) => defaults[criterion]);
  const pairs: number[][] = [];
  for (const job of jobs) {
    const ranked = rankWithWeights(job, defaults);
    const byKey = new Map(job.pairs.map((pair) => [pair.candidate, pair]));
    const grade = (key: string) => job.judgements.get(key) ?? 0;
    for (const better of ranked) {
      const worse = ranked.filter((key) => grade(key) < grade(better)).slice(0, MAX_PAIRS_PER_BETTER);
      if (grade(better) < RELEVANT_GRADE) continue;
      const up = pairVector(byKey.get(better) as PairFeatures);
      for (const key of worse) {
        const down = pairVector(byKey.get(key) as PairFeatures);
        pairs.push(up.map((value, index) => value - (down[index] ?? 0)));
      }
    }
  }
  // Scores are weighted sums of 0–1 features with weights summing to 1: scale the margin so the model can
  // express confident pairs.
  const SCALE = 10;
  const weights = [...start];
  const rate = options.learningRate ?? 0.5;
  for (let iteration = 0; iteration < (options.iterations ?? 300); iteration++) {
    const gradient = weights.map(() => 0);
    for (const difference of pairs) {
      let margin = 0;
      for (let index = 0; index < weights.length; index++)
        margin += (weights[index] ?? 0) * (difference[index] ?? 0);
      const push = -SCALE / (1 + Math.exp(SCALE * margin)) / pairs.length;
      for (let index = 0; index < weights.length; index++)
        gradient[index] = (gradient[index] ?? 0) + push * (difference[index] ?? 0);
    }
    // Proximal step for the L2 pull (stable whatever its strength), then the projection on w ≥ 0.
    for (let index = 0; index < weights.length; index++) {
      const stepped = (weights[index] ?? 0) - rate * (gradient[index] ?? 0);
      weights[index] = Math.max(0, (stepped + 2 * rate * l2 * (start[index] ?? 0)) / (1 + 2 * rate * l2));
    }
  }
  if (weights.every((weight) => weight === 0)) return defaults;
  return resolveWeights(
    Object.fromEntries(criteria.map((criterion, index) => [criterion, weights[index] ?? 0])),
  );
}

/** Fold (0-based) of a job: by SHA-256 of its id, so the split is fixed before any result is seen. */
export function foldsOf(jobIds: readonly string[], k: number): Map<string, number> {
  const sorted = [...jobIds].sort((a, b) => {
    const ha = createHash('sha256').update(a).digest('hex');
    const hb = createHash('sha256').update(b).digest('hex');
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
  return new Map(sorted.map((id, index) => [id, index % k]));
}

export interface FoldResult {
  fold: number;
  /** Jobs scored in this fold: never seen by the weights fitted for it. */
  jobIds: string[];
  weights: Weights;
  /** Mean nDCG@k on the fold's jobs: default weights, weights fitted on the other folds. */
  defaultNdcg: number;
  fittedNdcg: number;
}

export interface FitWeightsResult {
  metric: string;
  folds: FoldResult[];
  /** Per job (each in its held-out fold): nDCG@k with default and with fitted weights. */
  perJob: { jobId: string; fold: number; defaultNdcg: number; fittedNdcg: number }[];
  /** Means over all held-out jobs, and the paired test of fitted against default. */
  heldOut: { defaultNdcg: number; fittedNdcg: number; comparison: PairedComparison };
  /** Weights fitted on every job (what to use next); their figures are on seen data, so not reported. */
  weights: Weights;
}

/**
 * k-fold cross-validated fusion weights: for each fold, coordinate ascent on the other folds' jobs, then
 * nDCG@k of the fold's jobs with the default and the fitted weights; no figure is ever on a job the
 * weights were fitted on. The weights returned are fitted on all jobs.
 */
export function fitWeights(
  jobs: JobFeatures[],
  options: {
    folds?: number;
    k?: number;
    /**
     * Shrinkage toward the defaults, 0–1 (default 0): the weights kept are `shrink × default + (1 − shrink) ×
     * fitted`, a regularised fit that moves less on few jobs. Fix it before looking at held-out figures.
     */
    shrink?: number;
    /**
     * `coordinate-ascent` (default): greedy search on nDCG@k. `pairwise-logistic`: a linear pairwise model with
     * an L2 pull toward the defaults (`pairwiseLogistic`).
     */
    method?: 'coordinate-ascent' | 'pairwise-logistic';
  } = {},
): FitWeightsResult {
  const k = options.k ?? 10;
  const folds = options.folds ?? 5;
  const shrink = options.shrink ?? 0;
  if (!(shrink >= 0 && shrink <= 1))
    throw new ValidationError('shrink must be from 0 to 1', {
      issues: [{ path: ['shrink'], message: `got ${shrink}` }],
    });
  if (!Number.isInteger(folds) || folds < 2 || folds > jobs.length)
    throw new ValidationError(
      `folds must be an integer from 2 to the number of judged jobs (${jobs.length})`,
      {
        issues: [{ path: ['folds'], message: `got ${folds}` }],
      },
    );
  const foldOf = foldsOf(
    jobs.map((job) => job.jobId),
    folds,
  );
  const defaults = resolveWeights({ ...defaultWeights });
  const fitOnJobs = (train: JobFeatures[]): Weights => {
    const fitted =
      options.method === 'pairwise-logistic'
        ? pairwiseLogistic(train)
        : coordinateAscent(train, { k }).weights;
    if (shrink === 0) return fitted;
    const mixed = { ...fitted };
    for (const criterion of criteria)
      mixed[criterion] = shrink * defaults[criterion] + (1 - shrink) * fitted[criterion];
    return resolveWeights(mixed);
  };
  const results: FoldResult[] = [];
  const perJob: FitWeightsResult['perJob'] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = jobs.filter((job) => foldOf.get(job.jobId) === fold);
    const train = jobs.filter((job) => foldOf.get(job.jobId) !== fold);
    const weights = fitOnJobs(train);
    const before = ndcgWithWeights(test, defaults, k);
    const after = ndcgWithWeights(test, weights, k);
    test.forEach((job, index) => {
      perJob.push({ jobId: job.jobId, fold, defaultNdcg: before[index] ?? 0, fittedNdcg: after[index] ?? 0 });
    });
    results.push({
      fold,
      jobIds: test.map((job) => job.jobId),
      weights,
      defaultNdcg: mean(before),
      fittedNdcg: mean(after),
    });
  }
  const defaultScores = perJob.map((job) => job.defaultNdcg);
  const fittedScores = perJob.map((job) => job.fittedNdcg);
  return {
    metric: `ndcg@${k}`,
    folds: results,
    perJob,
    heldOut: {
      defaultNdcg: mean(defaultScores),
      fittedNdcg: mean(fittedScores),
      comparison: comparePaired(defaultScores, fittedScores),
    },
    weights: fitOnJobs(jobs),
  };
}

/** A weights file as `eval --fit-weights` writes it and `match --weights-file` reads it. */
export interface WeightsFile {
  weights: Partial<Weights>;
  [detail: string]: unknown;
}

/** Reads a weights file: `{ "weights": { "occupation": 0.3, … } }` or the bare object of weights. */
export function readWeightsFile(text: string): Partial<Weights> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('weights file: invalid JSON', {
      issues: [{ path: [], message: 'invalid JSON' }],
      cause: error,
    });
  }
  const object = (
    value && typeof value === 'object' && 'weights' in value ? (value as WeightsFile).weights : value
  ) as unknown;
  if (!object || typeof object !== 'object' || Array.isArray(object))
    throw new ValidationError('weights file: expected an object of weights', {
      issues: [{ path: ['weights'], message: 'not an object' }],
    });
  const issues = Object.entries(object as Record<string, unknown>)
    .filter(([name, weight]) => !isCriterion(name) || typeof weight !== 'number' || !(weight >= 0))
    .map(([name]) => ({ path: ['weights', name], message: `unknown criterion or not a number ≥ 0` }));
  if (issues.length > 0)
    throw new ValidationError(`weights file: ${issues.map((issue) => issue.path[1]).join(', ')}`, { issues });
  return object as Partial<Weights>;
}
