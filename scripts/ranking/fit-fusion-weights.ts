/**
 * Every fusion weight fitted at once by k-fold cross-validation over the DEVELOPMENT categories of the livecareer
 * benchmark (held-out orders are never read): coordinate ascent on mean nDCG@10 of the training folds' orders,
 * regularised toward the hand-set weights it started from (`PRIOR`, the defaults before this fit; fixed here so
 * the fit can be reproduced after the defaults changed to its result). Only the ratios of the weights matter, so the penalty is on their
 * log-ratios to the defaults, centred: `λ · Σ_c (r_c − r̄)²` with `r_c = ln(w_c / prior_c)` over all criteria.
 * A weight can move but never reach 0 (ln 0 is −∞): no criterion, the keyword one least of all, is thrown away
 * because a few orders did not need it. λ values are declared here, before any fit was run; the script reports,
 * for each, the weights fitted on each fold, their spread over the folds, and each fold's test nDCG@10 (orders
 * the weights were not fitted on) against the prior's and the current defaults'.
 * `--floor keywords` keeps the listed criteria at least at their prior share.
 *
 *   npx tsx scripts/ranking/fit-fusion-weights.ts [--folds 4] [--lambda 0.01,0.03,0.1] [--json]
 */
import { parseArgs } from 'node:util';
import { foldsOf, ndcgWithWeights } from '../../src/eval/fit-weights.js';
import { collectFeatures, comparePaired, type JobFeatures } from '../../src/eval/index.js';
import {
  type Criterion,
  criteria,
  defaultWeights,
  resolveWeights,
  type Weights,
} from '../../src/matching/index.js';
import { DEFAULT_NOW, offlineOptions } from '../eval-ranking.js';
import { readDevBenchmark } from './dev-benchmark.js';
import { formatTable } from './report.js';

/** Pre-declared regularisation strengths (nDCG points per unit of squared log-ratio). */
export const LAMBDAS = [0.003, 0.01, 0.03, 0.1];
/** Factors tried on one weight at a time (never 0). */
const STEPS = [0.25, 0.5, 0.67, 0.8, 1.25, 1.5, 2, 4];
const K = 10;

const mean = (list: number[]) =>
  list.length === 0 ? 0 : list.reduce((sum, value) => sum + value, 0) / list.length;
const sd = (list: number[]) => Math.sqrt(mean(list.map((value) => (value - mean(list)) ** 2)));
/** The hand-set weights before the fit (issue 13 round 4): the start and the regularisation target. */
export const PRIOR: Readonly<Weights> = resolveWeights({
  occupation: 0.2,
  text: 0.18,
  keywords: 0.11,
  skills: 0.06,
  preferredSkills: 0.03,
  experience: 0.11,
  certifications: 0.1,
  licences: 0.05,
  distance: 0.06,
  availability: 0.03,
  languages: 0.02,
  semantic: 0.05,
});
const defaults = resolveWeights({ ...defaultWeights });

/** `λ · Σ (r_c − r̄)²`, `r_c = ln(w_c / prior_c)`: 0 at the prior and at any multiple of it. */
export function penalty(weights: Weights, lambda: number): number {
  const ratios = criteria.map((criterion) => Math.log(weights[criterion] / PRIOR[criterion]));
  const centre = mean(ratios);
  return lambda * ratios.reduce((sum, ratio) => sum + (ratio - centre) ** 2, 0);
}

/** Coordinate ascent on `mean nDCG@10 − penalty`, from the prior; passes until nothing improves. */
export function fitRegularised(
  jobs: JobFeatures[],
  lambda: number,
  floor: readonly Criterion[] = [],
): { weights: Weights; objective: number } {
  let weights: Weights = { ...PRIOR };
  const allowed = (candidate: Weights) =>
    floor.every((criterion) => candidate[criterion] >= PRIOR[criterion] - 1e-9);
  const objectiveOf = (candidate: Weights) =>
    mean(ndcgWithWeights(jobs, candidate, K)) - penalty(candidate, lambda);
  let best = objectiveOf(weights);
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (const criterion of criteria) {
      for (const step of STEPS) {
        const candidate = resolveWeights({ ...weights, [criterion]: weights[criterion] * step });
        if (!allowed(candidate)) continue;
        const objective = objectiveOf(candidate);
        if (objective > best + 1e-5) {
          best = objective;
          weights = candidate;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { weights, objective: best };
}

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    lambda: { type: 'string', default: LAMBDAS.join(',') },
    json: { type: 'boolean', default: false },
    floor: { type: 'string', default: '' },
    data: { type: 'string' },
  },
});
const folds = Number(values.folds);
const lambdas = values.lambda.split(',').map(Number);
const floor = values.floor
  .split(',')
  .filter((name) => name.length > 0)
  .map((name) => {
    if (!(criteria as readonly string[]).includes(name))
      throw new Error(`--floor: unknown criterion ${name}`);
    return name as Criterion;
  });
const now = DEFAULT_NOW;
const { profiles, qrels, jobs } = await readDevBenchmark({ data: values.data, now });
process.stderr.write(`scoring ${profiles.length} resumes for ${jobs.length} dev orders\n`);
const features = await collectFeatures({ jobs, candidates: profiles, qrels, options: offlineOptions(now) });
const foldOf = foldsOf(
  features.map((job) => job.jobId),
  folds,
);
const fitted = (weights: Weights) =>
  Object.fromEntries(criteria.map((criterion) => [criterion, Number(weights[criterion].toFixed(4))]));
const report: unknown[] = [];
const out: string[] = [];
for (const lambda of lambdas) {
  const rows: string[][] = [];
  const perFold: Weights[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const current: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = features.filter((job) => foldOf.get(job.jobId) === fold);
    const train = features.filter((job) => foldOf.get(job.jobId) !== fold);
    const { weights } = fitRegularised(train, lambda, floor);
    perFold.push(weights);
    const testPrior = ndcgWithWeights(test, PRIOR, K);
    const testFitted = ndcgWithWeights(test, weights, K);
    const testCurrent = ndcgWithWeights(test, defaults, K);
    before.push(...testPrior);
    after.push(...testFitted);
    current.push(...testCurrent);
    rows.push([
      String(fold + 1),
      test.map((job) => job.jobId).join(' '),
      mean(testPrior).toFixed(4),
      mean(testFitted).toFixed(4),
      mean(testCurrent).toFixed(4),
    ]);
  }
  const all = fitRegularised(features, lambda, floor).weights;
  const comparison = comparePaired(before, after);
  const spread = criteria.map((criterion) => [
    criterion,
    PRIOR[criterion].toFixed(3),
    ...perFold.map((weights) => weights[criterion].toFixed(3)),
    sd(perFold.map((weights) => weights[criterion])).toFixed(3),
    all[criterion].toFixed(3),
  ]);
  out.push(
    `λ = ${lambda}${floor.length ? `, never below the prior: ${floor.join(', ')}` : ''}: ${folds}-fold over ${features.length} livecareer dev orders`,
    formatTable(['fold', 'test orders', 'nDCG@10 prior', 'nDCG@10 fitted', 'nDCG@10 defaults'], rows),
    `test folds, mean over ${before.length} orders: prior ${mean(before).toFixed(4)}  fitted ${mean(after).toFixed(4)}` +
      `  (Δ ${comparison.difference.mean.toFixed(4)}, 95% CI ${comparison.difference.low.toFixed(4)}..${comparison.difference.high.toFixed(4)}, p = ${comparison.pValue.toFixed(3)})`,
    formatTable(
      ['criterion', 'prior', ...perFold.map((_, index) => `fold ${index + 1}`), 'sd', 'all dev'],
      spread,
    ),
    `current defaults on all dev orders (seen data): ${mean(ndcgWithWeights(features, defaults, K)).toFixed(4)}`,
    '',
  );
  report.push({
    lambda,
    folds: perFold.map((weights, fold) => ({ fold: fold + 1, weights: fitted(weights) })),
    test: { prior: mean(before), fitted: mean(after), defaults: mean(current), comparison },
    weights: fitted(all),
  });
}
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${out.join('\n')}\n`);
