import { type Criterion, criterionSchema } from '../../domain/index.js';
import { ValidationError, type ValidationIssue } from '../../errors.js';

export type { Criterion };

/** The structured criteria a match is scored on (one breakdown entry each, when it applies): the domain's `criterionSchema`. */
export const criteria: readonly Criterion[] = criterionSchema.options;

/** Relative weight of each criterion. Only their ratios matter: they are normalised to sum 1. */
export type Weights = Record<Criterion, number>;

/**
 * Default weights, fitted on real resumes (the livecareer dev categories, eval/ranking/livecareer) with the
 * temp-work criteria kept in proportion: the occupation first, then what the CV says in the order's words,
 * proven experience, the gating certificates and how far the person lives:
 *
 * | criterion         | weight | what it measures                                                        |
 * |-------------------|--------|-------------------------------------------------------------------------|
 * | `occupation`      | 0.347  | CV titles against the order's: ROME codes as far as they are sure, title words otherwise |
 * | `keywords`        | 0.19   | plain BM25 of the order's title and required skills in the CV's text    |
 * | `text`            | 0.062  | field-weighted BM25 of the order's words in the CV (titles, skills, experience, all text) |
 * | `skills`          | 0.032  | share of the order's required skills found in the CV                    |
 * | `preferredSkills` | 0.027  | share of the "nice to have" skills found                                |
 * | `experience`      | 0.095  | months in the occupation (weighted by mapping confidence) against the minimum, and how recent |
 * | `certifications`  | 0.078  | required certifications held and valid at the start date                |
 * | `licences`        | 0.043  | required driving licences held                                          |
 * | `distance`        | 0.052  | job site to home, against the candidate's stated mobility               |
 * | `availability`    | 0.027  | available by the start date                                             |
 * | `languages`       | 0.018  | required languages at the required level                                |
 * | `semantic`        | 0.029  | embedding similarity of CV and order (only with an embedding model)     |
 *
 * A criterion that does not apply to an order (no required licence, no embedding model, ...) is left
 * out. Each criterion that applies carries a confidence `c` (0..1: how sure its score is); its weight in
 * one result is `w·c / Σ w·c` over the criteria of that result, so weight flows from unsure criteria
 * (a doubtful occupation code, an unknown availability) to sure ones, and each result's weights sum to 1.
 *
 * How they were fitted (`npx tsx scripts/ranking/fit-fusion-weights.ts --lambda 0.003 --floor keywords`):
 * coordinate ascent on nDCG@10 over the 16 dev orders, regularised toward the previous hand-set weights
 * (0.2, 0.11, 0.18, 0.06, 0.03, 0.11, 0.1, 0.05, 0.06, 0.03, 0.02, 0.05 in this table's order) by
 * `0.003 · Σ (r − r̄)²` over the log-ratios `r = ln(w / previous)`, no weight at 0 and `keywords` never below
 * its previous share: the plain keyword signal is never traded away, so a CV full of the order's words is
 * not buried by a doubtful title. 4-fold cross-validation: +0.025 nDCG@10 on the test folds (0.482 → 0.508,
 * 95% CI 0.001..0.050, p = 0.07, every fold gains), `occupation` 0.33–0.35 over the folds, `keywords`
 * 0.12–0.19, `text` 0.06–0.08; the table holds the weights fitted on all 16 dev orders.
 * Criteria no dev order asks about (certifications, licences, distance, languages) keep their ratios to each
 * other; the fixture figures do not move (nDCG@10 0.975).
 */
export const defaultWeights: Readonly<Weights> = Object.freeze({
  occupation: 0.347,
  text: 0.062,
  keywords: 0.19,
  skills: 0.032,
  preferredSkills: 0.027,
  experience: 0.095,
  certifications: 0.078,
  licences: 0.043,
  distance: 0.052,
  availability: 0.027,
  languages: 0.018,
  semantic: 0.029,
});

/**
 * Share of the LLM assessment in the final score when a chat model reranks the shortlist:
 * `final = (1 - llmWeight) * structured + llmWeight * llm`. 0.4 keeps the checkable rule-based
 * part in the majority while letting the LLM reorder close candidates.
 */
export const defaultLlmWeight = 0.4;

/** Overrides as given by a caller or the CLI: any subset of criteria, plus the LLM share. */
export type WeightOverrides = Partial<Weights> & { llm?: number };

function isCriterion(key: string): key is Criterion {
  return (criteria as readonly string[]).includes(key);
}

/**
 * Defaults merged with `overrides`, normalised so the weights sum to 1. `llm` (the LLM share) is checked
 * here too but resolved by `resolveLlmWeight`. Throws `ValidationError` listing every issue: an unknown
 * criterion, a negative or non-finite weight, an LLM share outside [0, 1], or all weights at zero.
 */
export function resolveWeights(overrides: WeightOverrides = {}): Weights {
  const merged: Weights = { ...defaultWeights };
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (key === 'llm') {
      if (!isLlmShare(value)) issues.push(LLM_SHARE_ISSUE);
    } else if (!isCriterion(key)) {
      issues.push({ path: [key], message: `unknown criterion: expected one of ${criteria.join(', ')}, llm` });
    } else if (!Number.isFinite(value) || value < 0) {
      issues.push({ path: [key], message: 'expected a finite number >= 0' });
    } else {
      merged[key] = value;
    }
  }
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ValidationError(`invalid weights (${summary})`, { issues });
  }
  return normalizeWeights(merged);
}

/** Scales the given weights so they sum to 1. Throws `ValidationError` when they sum to 0. */
export function normalizeWeights<K extends string>(weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const total = keys.reduce((sum, key) => sum + weights[key], 0);
  if (!(total > 0)) {
    throw new ValidationError('weights sum to 0: at least one weight must be positive', {
      issues: [{ path: [], message: 'all weights are 0' }],
    });
  }
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = weights[key] / total;
  return out;
}

const LLM_SHARE_ISSUE: ValidationIssue = { path: ['llm'], message: 'expected a number in [0, 1]' };
const isLlmShare = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;

/** The LLM share: `value` checked to be in [0, 1], or the default 0.4. Throws `ValidationError` otherwise. */
export function resolveLlmWeight(value: number | undefined): number {
  if (value === undefined) return defaultLlmWeight;
  if (!isLlmShare(value)) {
    throw new ValidationError('llm weight must be between 0 and 1', { issues: [LLM_SHARE_ISSUE] });
  }
  return value;
}
