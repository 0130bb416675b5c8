import { ValidationError } from '../errors.js';
import { createRandom } from '../support/create-random.js';

export { createRandom };

/** A mean with its confidence interval. */
export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
  /** Number of values the mean is over. */
  count: number;
}

export interface ResamplingOptions {
  /** Resamples (default 2000 for intervals, 10 000 for the randomization test). */
  resamples?: number;
  /** Confidence level of the interval, default 0.95. */
  confidence?: number;
  /** Seed of the generator (default 42): the figures are reproducible. */
  seed?: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function percentile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

function checkValues(values: readonly number[], what: string): void {
  if (values.length === 0 || values.some((value) => !Number.isFinite(value)))
    throw new ValidationError(`${what}: expected at least one finite number`, {
      issues: [{ path: [what], message: 'empty or not finite' }],
    });
}

/** Percentile bootstrap interval of a mean (resampling the values, e.g. per-job metrics, with replacement). */
export function bootstrapMean(values: readonly number[], options: ResamplingOptions = {}): MeanInterval {
  checkValues(values, 'values');
  const random = createRandom(options.seed ?? 42);
  const resamples = options.resamples ?? 2000;
  const alpha = 1 - (options.confidence ?? 0.95);
  const means: number[] = [];
  for (let round = 0; round < resamples; round++) {
    let sum = 0;
    for (let index = 0; index < values.length; index++)
      sum += values[Math.floor(random() * values.length)] as number;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return {
    mean: mean(values),
    low: percentile(means, alpha / 2),
    high: percentile(means, 1 - alpha / 2),
    count: values.length,
  };
}

/** How two configurations differ on the same jobs. */
export interface PairedComparison {
  /** Mean of `b − a` over the paired values, with its paired-bootstrap interval. */
  difference: MeanInterval;
  /** Two-sided p-value of the paired randomization (sign-flip) test of "no difference". */
  pValue: number;
}

/**
 * Paired comparison of two systems on the same jobs: the mean difference `b − a` with a paired bootstrap
 * interval, and a two-sided randomization test that flips the sign of each job's difference at random
 * (Fisher's test as used in IR evaluation, Smucker et al. 2007). The p-value counts the observed
 * assignment too ((hits + 1) / (rounds + 1)), so it is never 0.
 */
export function comparePaired(
  a: readonly number[],
  b: readonly number[],
  options: ResamplingOptions = {},
): PairedComparison {
  if (a.length !== b.length)
    throw new ValidationError('paired values must have the same length', {
      issues: [{ path: ['b'], message: `${a.length} against ${b.length}` }],
    });
  const differences = a.map((value, index) => (b[index] as number) - value);
  checkValues(differences, 'differences');
  const interval = bootstrapMean(differences, options);
  const observed = Math.abs(mean(differences));
  const random = createRandom((options.seed ?? 42) + 1);
  const rounds = options.resamples ?? 10_000;
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    let sum = 0;
    for (const difference of differences) sum += random() < 0.5 ? -difference : difference;
    if (Math.abs(sum / differences.length) >= observed - 1e-12) hits++;
  }
  return { difference: interval, pValue: (hits + 1) / (rounds + 1) };
}
