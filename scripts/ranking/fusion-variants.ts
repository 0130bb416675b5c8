/**
 * Fusion variants measured on the whole livecareer benchmark without changing the library (issue 13, round 6):
 * each criterion's score and confidence is collected once per (order, resume) with the default settings, then
 * each variant re-scores the pairs. For each: the dev mean nDCG@10 gap to BM25 and the dev categories lost
 * (by name), the held-out mean gap and the NUMBER of held-out categories lost (never which), and the
 * expected number of losses on random 80 % sub-pools (`lossProbability`), dev and held-out.
 *
 *   npx tsx scripts/ranking/fusion-variants.ts
 *
 * Variants (declared before they were run here; first measured with a throw-away prototype on the dev orders):
 * per-order normalisation of the keyword and text criteria (rank percentile or z-score instead of "divided by
 * the pool's best"), z-scores for every criterion, a rank-level mix with raw-text BM25 (percentile of the fused
 * score and of BM25, α = 0.1 / 0.2), "a missing title match is weaker evidence than a present one" (the
 * confidence of `occupation` and `experience` times 0.5 + 0.5 · score/100), and a power-2 mean.
 */
import { join } from 'node:path';
import { scoreWithWeights } from '../../src/eval/fit-weights.js';
import {
  candidateKey,
  collectFeatures,
  type JobFeatures,
  ndcgAtK,
  type PairFeatures,
} from '../../src/eval/index.js';
import { type Criterion, defaultWeights, resolveWeights } from '../../src/matching/index.js';
import { readJobOrders } from '../../src/parsing/index.js';
import { categoryQrels, DEFAULT_DATA, DEFAULT_NOW, jobIdOf, offlineOptions } from '../eval-ranking.js';
import { createBm25Baseline } from './bm25-baseline.js';
import { lossProbability } from './loss-stability.js';
import { readParsedPool } from './parsed-pool.js';
import { formatTable } from './report.js';
import { heldOutCategories } from './split.js';

const weights = resolveWeights({ ...defaultWeights });
type Features = PairFeatures['features'];
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);

/** Rank percentile (0..100, ties share their mean rank) of each value among `values`. */
function percentiles(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    for (let position = start; position <= end; position++)
      out[order[position]?.index ?? 0] = (100 * (start + end)) / 2 / Math.max(1, values.length - 1);
    start = end + 1;
  }
  return out;
}

function zScores(values: number[]): number[] {
  const centre = mean(values);
  const spread = Math.sqrt(mean(values.map((value) => (value - centre) ** 2)));
  return values.map((value) => (spread > 1e-9 ? 50 + (15 * (value - centre)) / spread : 50));
}

/** Each pair's features with `criteria` re-normalised over the order's pool by `transform`. */
function renormalised(job: JobFeatures, criteria: Criterion[], transform: (values: number[]) => number[]) {
  const features: Features[] = job.pairs.map((pair) => pair.features.map((feature) => ({ ...feature })));
  for (const criterion of criteria) {
    const cells = features.map((list) => list.find((feature) => feature.criterion === criterion));
    if (cells.some((cell) => cell === undefined)) continue;
    const transformed = transform(cells.map((cell) => cell?.score ?? 0));
    cells.forEach((cell, index) => {
      if (cell) cell.score = transformed[index] ?? 0;
    });
  }
  return features;
}

const fuse = (features: Features, penalty = 1) =>
  scoreWithWeights({ candidate: '', features, penalty }, weights);
const relevanceCriteria: Criterion[] = ['occupation', 'experience', 'keywords', 'text', 'skills', 'semantic'];

/** Variant name → score of each pair of an order (same order as `job.pairs`), given the BM25 scores. */
const variants: Record<string, (job: JobFeatures, bm25: number[]) => number[]> = {
  defaults: (job) => job.pairs.map((pair) => scoreWithWeights(pair, weights)),
  'keywords: rank percentile': (job) =>
    renormalised(job, ['keywords'], percentiles).map((features) => fuse(features)),
  'keywords + text: rank percentile': (job) =>
    renormalised(job, ['keywords', 'text'], percentiles).map((features) => fuse(features)),
  'keywords: z-score': (job) => renormalised(job, ['keywords'], zScores).map((features) => fuse(features)),
  'all relevance criteria: z-score': (job) =>
    renormalised(job, relevanceCriteria, zScores).map((features) => fuse(features)),
  'rank mix with BM25, α 0.1': (job, bm25) => rankMix(job, bm25, 0.1),
  'rank mix with BM25, α 0.2': (job, bm25) => rankMix(job, bm25, 0.2),
  'no title match = weaker evidence': (job) =>
    job.pairs.map((pair) =>
      fuse(
        pair.features.map((feature) =>
          feature.criterion === 'occupation' || feature.criterion === 'experience'
            ? { ...feature, confidence: feature.confidence * (0.5 + (0.5 * feature.score) / 100) }
            : feature,
        ),
        pair.penalty,
      ),
    ),
  'power-2 mean': (job) =>
    job.pairs.map((pair) =>
      Math.sqrt(
        scoreWithWeights(
          {
            ...pair,
            features: pair.features.map((feature) => ({ ...feature, score: feature.score ** 2 })),
          },
          weights,
        ),
      ),
    ),
};

function rankMix(job: JobFeatures, bm25: number[], alpha: number): number[] {
  const fused = percentiles(job.pairs.map((pair) => scoreWithWeights(pair, weights)));
  const keyword = percentiles(bm25);
  return fused.map((value, index) => (1 - alpha) * value + alpha * (keyword[index] ?? 0));
}

const now = DEFAULT_NOW;
const pool = await readParsedPool(DEFAULT_DATA, { now });
const profiles = [...new Map(pool.cvs.map((cv) => [cv.profile.id, cv.profile])).values()];
const heldOut = new Set(
  [...heldOutCategories([...new Set(pool.documents.map((document) => document.category))])].map(jobIdOf),
);
const jobs = await readJobOrders(join('eval', 'ranking', 'livecareer', 'jobs'), { now });
process.stderr.write(`scoring ${profiles.length} resumes for ${jobs.length} orders\n`);
const features = await collectFeatures({
  jobs,
  candidates: profiles,
  qrels: categoryQrels(pool.documents),
  options: offlineOptions(now),
});
const baseline = createBm25Baseline(
  new Map(profiles.map((profile) => [candidateKey(profile), profile.text])),
);
const ranked = (keys: string[], scores: number[]) =>
  keys
    .map((key, index) => ({ key, index, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((item) => item.key);

const rows: string[][] = [];
for (const [name, score] of Object.entries(variants)) {
  const dev = { gaps: [] as number[], lost: [] as string[], expected: 0 };
  const held = { gaps: [] as number[], lost: 0, expected: 0 };
  for (const job of features) {
    const order = jobs.find((item) => item.id === job.jobId);
    if (!order) continue;
    const keys = job.pairs.map((pair) => pair.candidate);
    const bm25ById = baseline.scores([order.title, ...order.requiredSkills].join(' '));
    const bm25 = keys.map((key) => bm25ById.get(key) ?? 0);
    const mine = ranked(keys, score(job, bm25));
    const theirs = baseline.rank([order.title, ...order.requiredSkills].join(' '));
    const gap = (ndcgAtK(mine, job.judgements, 10) ?? 0) - (ndcgAtK(theirs, job.judgements, 10) ?? 0);
    const probability = lossProbability(mine, theirs, job.judgements) ?? 0;
    if (heldOut.has(job.jobId)) {
      held.gaps.push(gap);
      if (gap < -1e-9) held.lost++;
      held.expected += probability;
    } else {
      dev.gaps.push(gap);
      if (gap < -1e-9) dev.lost.push(`${job.jobId} ${gap.toFixed(3)}`);
      dev.expected += probability;
    }
  }
  rows.push([
    name,
    `${mean(dev.gaps) >= 0 ? '+' : ''}${mean(dev.gaps).toFixed(4)}`,
    String(dev.lost.length),
    dev.expected.toFixed(2),
    `${mean(held.gaps) >= 0 ? '+' : ''}${mean(held.gaps).toFixed(4)}`,
    String(held.lost),
    held.expected.toFixed(2),
    (dev.lost.length + held.lost).toString(),
    (dev.expected + held.expected).toFixed(2),
    dev.lost.join(', '),
  ]);
}
process.stdout.write(
  `${formatTable(
    [
      'variant',
      'dev Δ',
      'dev lost',
      'dev E[lost]',
      'held-out Δ',
      'held-out lost',
      'held-out E[lost]',
      'lost',
      'E[lost]',
      'dev categories lost',
    ],
    rows,
  )}\n`,
);
