import type { Criterion } from '../../domain/index.js';
import type { FeatureScore } from '../features/score-features.js';

/**
 * Criteria calibrated over the pool before fusion: the relevance criteria, whose raw scales differ (an
 * occupation score is often 0 or 100, a skill coverage moves in steps of 20, an embedding similarity sits
 * in a narrow band). Requirement checks (certifications, licences, languages, distance, availability)
 * keep their absolute meaning; `keywords` is already spread over the pool (divided by its best) and its
 * long tail — a few CVs full of the order's words — is what it is there for.
 */
export const CALIBRATED_CRITERIA: ReadonlySet<Criterion> = new Set<Criterion>([
  'occupation',
  'skills',
  'preferredSkills',
  'experience',
  'text',
  'semantic',
]);

/** Below this many profiles, a pool's mean and spread say nothing: scores are fused as they are. */
export const MIN_POOL_FOR_CALIBRATION = 10;

const round = (value: number): number => Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;

/**
 * Calibrates each criterion of `CALIBRATED_CRITERIA` over the pool being ranked: its score becomes
 * `100·σ((s − μ)/sd) − 100·σ((s_min − μ)/sd) + s_min` (σ the logistic function; μ, sd and s_min the
 * criterion's mean, standard deviation and lowest score over the profiles it applies to), at most 100.
 * Every criterion then spreads the pool alike, in standard deviations, so a criterion whose scores sit in
 * a narrow band counts as much as one spread over 0–100; the pool's lowest score stays where it was, so
 * the calibrated criteria do not gain ground on the absolute ones (distance, certifications). Ranks within a criterion, `met`, evidence and confidence are unchanged. A criterion
 * with no spread, or a pool under `MIN_POOL_FOR_CALIBRATION` profiles, is left as it is. Deterministic:
 * the same pool gives the same scores, whatever the order of its profiles.
 */
export function calibrateFeatures(pool: readonly (readonly FeatureScore[])[]): FeatureScore[][] {
  const out = pool.map((features) => features.map((feature) => ({ ...feature })));
  if (pool.length < MIN_POOL_FOR_CALIBRATION) return out;
  for (const criterion of CALIBRATED_CRITERIA) {
    const entries = out.flatMap((features) => features.filter((feature) => feature.criterion === criterion));
    if (entries.length < MIN_POOL_FOR_CALIBRATION) continue;
    // Sorted sums, so the statistics do not depend on the order of the pool.
    const scores = entries.map((entry) => entry.score).sort((a, b) => a - b);
    const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length;
    const deviation = Math.sqrt(variance);
    if (!(deviation > 1e-6)) continue;
    const lowest = scores[0] ?? 0;
    const logistic = (score: number) => 100 / (1 + Math.exp(-(score - mean) / deviation));
    const floor = logistic(lowest);
    for (const entry of entries) entry.score = round(logistic(entry.score) - floor + lowest);
  }
  return out;
}
