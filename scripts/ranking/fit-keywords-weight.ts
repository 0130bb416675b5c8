/**
 * The `keywords` criterion's weight, fitted by k-fold cross-validation over the DEVELOPMENT categories of the
 * livecareer benchmark (held-out orders are never read): for each fold, the grid value with the best mean
 * nDCG@10 on the other folds' orders (ties: the one closest to the default), then that value's nDCG@10 on
 * the fold's own orders against the default's. The spread of the chosen values over the folds says how far
 * the fit can be trusted. Every other weight stays at its default.
 *
 *   npx tsx scripts/ranking/fit-keywords-weight.ts [--folds 4] [--criterion keywords]
 *
 * The fixture figure of a chosen value comes from `cvmatch eval` (README), not from here: re-fusing collected
 * features does not reproduce its tie order on the small fixture pools.
 */
import { parseArgs } from 'node:util';
import { foldsOf, ndcgWithWeights } from '../../src/eval/fit-weights.js';
import { collectFeatures, type JobFeatures } from '../../src/eval/index.js';
import { type Criterion, criteria, defaultWeights, resolveWeights } from '../../src/matching/index.js';
import { DEFAULT_NOW, offlineOptions } from '../eval-ranking.js';
import { readDevBenchmark } from './dev-benchmark.js';
import { formatTable } from './report.js';

/** Weights tried (before normalisation; the defaults sum to 1). */
export const GRID = [0, 0.03, 0.06, 0.09, 0.1, 0.11, 0.12, 0.13, 0.15, 0.18, 0.24];

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    criterion: { type: 'string', default: 'keywords' },
    data: { type: 'string' },
  },
});
const criterion = values.criterion as Criterion;
if (!criteria.includes(criterion)) throw new Error(`--criterion: one of ${criteria.join(', ')}`);
const folds = Number(values.folds);
const now = DEFAULT_NOW;
const mean = (list: number[]) =>
  list.length === 0 ? 0 : list.reduce((sum, value) => sum + value, 0) / list.length;
const sd = (list: number[]) => Math.sqrt(mean(list.map((value) => (value - mean(list)) ** 2)));
const weightsWith = (value: number) => resolveWeights({ ...defaultWeights, [criterion]: value });
const ndcg = (jobs: JobFeatures[], value: number) => mean(ndcgWithWeights(jobs, weightsWith(value), 10));

const { profiles, qrels, jobs } = await readDevBenchmark({ data: values.data, now });
process.stderr.write(`scoring ${profiles.length} resumes for ${jobs.length} dev orders\n`);
const features = await collectFeatures({ jobs, candidates: profiles, qrels, options: offlineOptions(now) });
const foldOf = foldsOf(
  features.map((job) => job.jobId),
  folds,
);
const best = (train: JobFeatures[]) =>
  GRID.map((value) => ({ value, ndcg: ndcg(train, value) })).sort(
    (a, b) =>
      b.ndcg - a.ndcg ||
      Math.abs(a.value - defaultWeights[criterion]) - Math.abs(b.value - defaultWeights[criterion]),
  )[0]!;
const rows: string[][] = [];
const chosen: number[] = [];
const gains: number[] = [];
for (let fold = 0; fold < folds; fold++) {
  const test = features.filter((job) => foldOf.get(job.jobId) === fold);
  const train = features.filter((job) => foldOf.get(job.jobId) !== fold);
  const fit = best(train);
  const before = ndcg(test, defaultWeights[criterion]);
  const after = ndcg(test, fit.value);
  chosen.push(fit.value);
  gains.push(after - before);
  rows.push([
    String(fold + 1),
    test.map((job) => job.jobId).join(' '),
    fit.value.toFixed(2),
    before.toFixed(4),
    after.toFixed(4),
  ]);
}
const out = [
  `${criterion} weight, ${folds}-fold over ${features.length} livecareer dev orders (default ${defaultWeights[criterion]})`,
  formatTable(['fold', 'test orders', 'fitted', `nDCG@10 default`, 'nDCG@10 fitted'], rows),
  `fitted value over the folds: mean ${mean(chosen).toFixed(3)}, sd ${sd(chosen).toFixed(3)}; ` +
    `test gain per fold: mean ${mean(gains).toFixed(4)}, sd ${sd(gains).toFixed(4)}`,
  '',
  `all dev orders: ${GRID.map((value) => `${value}: ${ndcg(features, value).toFixed(4)}`).join('  ')}`,
  `best on all dev orders: ${best(features).value}`,
];
process.stdout.write(`${out.join('\n')}\n`);
