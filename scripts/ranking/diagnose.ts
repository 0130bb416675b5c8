/**
 * Per-criterion diagnosis of the ranking benchmark on the DEVELOPMENT categories only (held-out orders are
 * never scored here): for each dev order, nDCG@10 of cvmatch, of the BM25 baseline and of each criterion
 * alone, and each criterion's mean weighted contribution to the top 10 (relevant vs not).
 *
 *   npx tsx scripts/ranking/diagnose.ts [--dump features.json]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { candidateKey, collectFeatures, ndcgAtK, RELEVANT_GRADE } from '../../src/eval/index.js';
import { criteria } from '../../src/matching/index.js';
import { DEFAULT_NOW, offlineOptions } from '../eval-ranking.js';
import { createBm25Baseline } from './bm25-baseline.js';
import { readDevBenchmark } from './dev-benchmark.js';
import { formatTable } from './report.js';

const { values } = parseArgs({ options: { dump: { type: 'string' }, data: { type: 'string' } } });
const now = DEFAULT_NOW;
const { profiles, qrels, jobs } = await readDevBenchmark({ data: values.data, now });
const features = await collectFeatures({ jobs, candidates: profiles, qrels, options: offlineOptions(now) });
const baseline = createBm25Baseline(
  new Map(profiles.map((profile) => [candidateKey(profile), profile.text])),
);
const rows: string[][] = [];
const contributionRows: string[][] = [];
const dump: unknown[] = [];
for (const job of features) {
  const order = jobs.find((item) => item.id === job.jobId);
  if (!order) continue;
  const query = [order.title, ...order.requiredSkills].join(' ');
  const bm25 = baseline.scores(query);
  const fused = ndcgAtK(
    job.pairs.map((pair) => pair.candidate),
    job.judgements,
    10,
  );
  const alone = criteria.map((criterion) => {
    const ranked = job.pairs
      .map((pair, index) => ({
        pair,
        index,
        score: pair.features.find((feature) => feature.criterion === criterion)?.score ?? -1,
      }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map((item) => item.pair.candidate);
    return job.pairs.some((pair) => pair.features.some((feature) => feature.criterion === criterion))
      ? (ndcgAtK(ranked, job.judgements, 10) ?? 0).toFixed(2)
      : '–';
  });
  const base = ndcgAtK(baseline.rank(query), job.judgements, 10) ?? 0;
  rows.push([job.jobId, (fused ?? 0).toFixed(3), base.toFixed(3), ...alone]);
  // Mean weighted contribution (w·c·score / Σ w·c) in the top 10, relevant vs not.
  const top = job.pairs.slice(0, 10);
  const contributions = (relevant: boolean) =>
    criteria.map((criterion) => {
      const chosen = top.filter(
        (pair) => (job.judgements.get(pair.candidate) ?? 0) >= RELEVANT_GRADE === relevant,
      );
      if (chosen.length === 0) return '–';
      const sum = chosen.reduce((total, pair) => {
        const feature = pair.features.find((item) => item.criterion === criterion);
        return total + (feature ? feature.score * feature.confidence : 0);
      }, 0);
      return (sum / chosen.length).toFixed(0);
    });
  contributionRows.push([`${job.jobId} rel`, ...contributions(true)]);
  contributionRows.push([`${job.jobId} non`, ...contributions(false)]);
  dump.push({
    jobId: job.jobId,
    judgements: Object.fromEntries(job.judgements),
    pairs: job.pairs.map((pair) => ({ ...pair, bm25: bm25.get(pair.candidate) ?? 0 })),
  });
}
process.stdout.write(
  `${formatTable(['dev order', 'cvmatch', 'bm25', ...criteria.map((criterion) => criterion.slice(0, 6))], rows)}\n\n`,
);
process.stdout.write(
  `mean score·confidence in cvmatch's top 10\n${formatTable(
    ['order', ...criteria.map((criterion) => criterion.slice(0, 6))],
    contributionRows,
  )}\n`,
);
if (values.dump) await writeFile(values.dump, JSON.stringify(dump));
