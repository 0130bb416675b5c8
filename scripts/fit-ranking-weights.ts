/**
 * Learned fusion weights on the livecareer category benchmark, DEVELOPMENT categories only: the held-out
 * categories of `npm run eval:ranking` are never read here (neither to fit nor to report). k-fold
 * cross-validation over the dev category orders: each fold's figures come from weights fitted on the others.
 *
 *   npm run fit:ranking-weights                       # table on stdout
 *   npm run fit:ranking-weights -- --folds 4 --out weights.json --json
 *   npm run fit:ranking-weights -- --shrink 0,0.5   # also regularised: halfway back to the defaults
 *   npm run fit:ranking-weights -- --method pairwise-logistic
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { collectFeatures, fitWeights } from '../src/eval/index.js';
import { DEFAULT_NOW, offlineOptions } from './eval-ranking.js';
import { readDevBenchmark } from './ranking/dev-benchmark.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    k: { type: 'string', default: '10' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
    shrink: { type: 'string', default: '0' },
    method: { type: 'string', default: 'coordinate-ascent' },
  },
});
const now = DEFAULT_NOW;
const { profiles, qrels, jobs } = await readDevBenchmark({
  data: values.data,
  now,
  onProgress: (done, total) => {
    if (done % 80 === 0 || done === total) process.stderr.write(`parsed ${done}/${total}\n`);
  },
});
process.stderr.write(`scoring ${profiles.length} resumes for ${jobs.length} dev orders\n`);
const features = await collectFeatures({ jobs, candidates: profiles, qrels, options: offlineOptions(now) });
// `--shrink 0,0.5`: several pre-declared shrinkages toward the defaults, on the same features.
const shrinks = values.shrink.split(',').map(Number);
const results = shrinks.map((shrink) => ({
  shrink,
  result: fitWeights(features, {
    folds: Number(values.folds),
    k: Number(values.k),
    shrink,
    method: values.method === 'pairwise-logistic' ? 'pairwise-logistic' : 'coordinate-ascent',
  }),
}));
const last = results.at(-1)?.result;
if (values.out && last)
  await writeFile(values.out, `${JSON.stringify({ weights: last.weights }, null, 2)}\n`);
if (values.json)
  process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0]?.result : results, null, 2)}\n`);
else {
  const out: string[] = [];
  for (const { shrink, result } of results) {
    out.push(
      `livecareer dev categories (${jobs.length} orders, ${profiles.length} resumes), ${values.folds} folds, ${result.metric}, ${values.method}, shrink ${shrink}`,
    );
    for (const fold of result.folds)
      out.push(
        `fold ${fold.fold + 1} (${fold.jobIds.join(', ')}): default ${fold.defaultNdcg.toFixed(4)}  fitted ${fold.fittedNdcg.toFixed(4)}`,
      );
    const { difference, pValue } = result.heldOut.comparison;
    out.push(
      `held-out folds, mean over ${result.perJob.length} orders: default ${result.heldOut.defaultNdcg.toFixed(4)}  fitted ${result.heldOut.fittedNdcg.toFixed(4)}` +
        `  (Δ ${difference.mean.toFixed(4)}, 95% CI ${difference.low.toFixed(4)}..${difference.high.toFixed(4)}, p = ${pValue.toFixed(4)})`,
      `weights fitted on all dev orders: ${Object.entries(result.weights)
        .map(([name, value]) => `${name}=${value.toFixed(3)}`)
        .join(',')}`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
