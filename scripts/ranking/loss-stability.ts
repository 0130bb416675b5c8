/**
 * How firm a win or a loss against the baseline is. With 10 relevant resumes per order, one resume moving
 * one place can turn a category from won to lost; a count of losses alone cannot tell a firm loss from a
 * coin toss. So both rankings are compared again on random sub-pools (each resume kept with probability
 * `keep`, the same sub-pool for both rankers, relevance restricted to it): the share of sub-pools where the
 * ranker is below the baseline on nDCG@10 is the category's probability of losing, and their sum over a
 * split is its expected number of losses.
 */
import { type Judgements, ndcgAtK, RELEVANT_GRADE } from '../../src/eval/index.js';
import { createRandom } from '../../src/support/create-random.js';

/** Sub-pools drawn per order, share of the pool each keeps, and the seed (fixed: same figures every run). */
export const RESAMPLES = 200;
export const KEEP = 0.8;
export const SEED = 13;

/**
 * Share of random sub-pools on which `ranked` has a lower nDCG@10 than `baseline` (both: candidate keys best
 * first, the whole pool); null when no sub-pool holds a relevant resume.
 */
export function lossProbability(
  ranked: readonly string[],
  baseline: readonly string[],
  judgements: Judgements,
  options: { resamples?: number; keep?: number; seed?: number } = {},
): number | null {
  const random = createRandom(options.seed ?? SEED);
  const keep = options.keep ?? KEEP;
  const keys = [...new Set([...ranked, ...baseline, ...judgements.keys()])].sort();
  let losses = 0;
  let counted = 0;
  for (let sample = 0; sample < (options.resamples ?? RESAMPLES); sample++) {
    const kept = new Set(keys.filter(() => random() < keep));
    const judged: Judgements = new Map([...judgements].filter(([key]) => kept.has(key)));
    if (![...judged.values()].some((grade) => grade >= RELEVANT_GRADE)) continue;
    const mine = ndcgAtK(
      ranked.filter((key) => kept.has(key)),
      judged,
      10,
    );
    const theirs = ndcgAtK(
      baseline.filter((key) => kept.has(key)),
      judged,
      10,
    );
    counted++;
    if ((mine ?? 0) < (theirs ?? 0) - 1e-9) losses++;
  }
  return counted === 0 ? null : losses / counted;
}
