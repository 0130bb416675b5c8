/**
 * Ranking metrics for graded relevance judgements (grades 0–3).
 *
 * - `ndcgAtK` uses the graded value directly as the gain (linear gain, as `trec_eval`'s `ndcg_cut`):
 *   DCG@k = Σ_{i=1..k} grade_i / log2(i + 1), divided by the DCG@k of the ideal order of all judged grades.
 * - `averagePrecision`, `reciprocalRank` and `recallAtK` use binary relevance: relevant = grade ≥ 1
 *   (`RELEVANT_GRADE`). Unjudged candidates count as grade 0.
 *
 * Every metric returns `null` when the judgements hold no relevant candidate (the value is undefined,
 * not 0): averages over jobs leave such jobs out.
 */

/** Grades of one job's candidates (missing = 0). */
export type Judgements = ReadonlyMap<string, number>;

/** Smallest grade counted as relevant by the binary metrics. */
export const RELEVANT_GRADE = 1;

function relevantCount(qrels: Judgements): number {
  let count = 0;
  for (const grade of qrels.values()) if (grade >= RELEVANT_GRADE) count++;
  return count;
}

function assertCutoff(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`cutoff k must be a positive integer, got ${k}`);
}

/** Normalised discounted cumulative gain at `k` (linear gain). */
export function ndcgAtK(ranked: readonly string[], qrels: Judgements, k: number): number | null {
  assertCutoff(k);
  const ideal = [...qrels.values()].filter((grade) => grade > 0).sort((a, b) => b - a);
  if (ideal.length === 0) return null;
  let dcg = 0;
  for (let index = 0; index < Math.min(k, ranked.length); index++) {
    dcg += (qrels.get(ranked[index] as string) ?? 0) / Math.log2(index + 2);
  }
  let idealDcg = 0;
  for (let index = 0; index < Math.min(k, ideal.length); index++)
    idealDcg += (ideal[index] as number) / Math.log2(index + 2);
  return dcg / idealDcg;
}

/**
 * Average precision over the whole ranking: mean, over ALL relevant candidates in `qrels`, of the
 * precision at the rank where each is found (0 for those never ranked).
 */
export function averagePrecision(ranked: readonly string[], qrels: Judgements): number | null {
  const relevant = relevantCount(qrels);
  if (relevant === 0) return null;
  let found = 0;
  let sum = 0;
  ranked.forEach((id, index) => {
    if ((qrels.get(id) ?? 0) >= RELEVANT_GRADE) {
      found++;
      sum += found / (index + 1);
    }
  });
  return sum / relevant;
}

/** 1 / rank of the first relevant candidate; 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], qrels: Judgements): number | null {
  if (relevantCount(qrels) === 0) return null;
  const index = ranked.findIndex((id) => (qrels.get(id) ?? 0) >= RELEVANT_GRADE);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Share of the relevant candidates found in the first `k`. */
export function recallAtK(ranked: readonly string[], qrels: Judgements, k: number): number | null {
  assertCutoff(k);
  const relevant = relevantCount(qrels);
  if (relevant === 0) return null;
  let found = 0;
  for (const id of ranked.slice(0, k)) if ((qrels.get(id) ?? 0) >= RELEVANT_GRADE) found++;
  return found / relevant;
}
