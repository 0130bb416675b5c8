import { describe, expect, it } from 'vitest';
import { averagePrecision, ndcgAtK, recallAtK, reciprocalRank } from './metrics.js';

/*
 * Judgements: a = 3, b = 2, c = 0, d = 1, e = 3 (e is never ranked). Relevant (grade ≥ 1): a, b, d, e → R = 4.
 * Ranking: b, x (unjudged), a, d, c.
 *
 * nDCG@3: DCG  = 2/log2(2) + 0/log2(3) + 3/log2(4)             = 2 + 0 + 1.5           = 3.5
 *         IDCG = 3/log2(2) + 3/log2(3) + 2/log2(4)  (ideal 3,3,2,1) = 3 + 1.892789 + 1 = 5.892789
 *         → 3.5 / 5.892789 = 0.593946
 * nDCG@5: DCG  = 3.5 + 1/log2(5) + 0/log2(6) = 3.5 + 0.430677 = 3.930677
 *         IDCG = 5.892789 + 1/log2(5)          = 6.323466     → 0.621602
 * AP:     relevant at ranks 1, 3, 4 → precisions 1/1, 2/3, 3/4; sum 2.416667; / R = 4 → 0.604167
 * RR:     first relevant (b) at rank 1 → 1
 * Recall: @3 → b, a = 2/4 = 0.5; @5 → b, a, d = 3/4 = 0.75
 */
const qrels = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 0],
  ['d', 1],
  ['e', 3],
]);
const ranked = ['b', 'x', 'a', 'd', 'c'];

describe('ranking metrics against hand-computed values', () => {
  it('nDCG uses linear gain and the ideal order of all judged grades', () => {
    expect(ndcgAtK(ranked, qrels, 3)).toBeCloseTo(0.593946, 5);
    expect(ndcgAtK(ranked, qrels, 5)).toBeCloseTo(0.621602, 5);
    // The ideal ranking scores 1; cutoff past the ranking's end counts missing ranks as 0 gain.
    expect(ndcgAtK(['a', 'e', 'b', 'd'], qrels, 10)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['c', 'x'], qrels, 5)).toBe(0);
  });

  it('average precision divides by every relevant candidate, ranked or not', () => {
    expect(averagePrecision(ranked, qrels)).toBeCloseTo(0.604167, 5);
    expect(averagePrecision(['a', 'e', 'b', 'd'], qrels)).toBeCloseTo(1, 12);
  });

  it('reciprocal rank is 1 / rank of the first relevant, 0 when none', () => {
    expect(reciprocalRank(ranked, qrels)).toBe(1);
    // c is judged but grade 0: not relevant; d at rank 3 → 1/3.
    expect(reciprocalRank(['x', 'c', 'd'], qrels)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x', 'c'], qrels)).toBe(0);
  });

  it('recall@k counts relevant candidates in the first k over all relevant', () => {
    expect(recallAtK(ranked, qrels, 3)).toBe(0.5);
    expect(recallAtK(ranked, qrels, 5)).toBe(0.75);
    expect(recallAtK(ranked, qrels, 1)).toBe(0.25);
  });

  it('returns null (undefined metric) when nothing is relevant, and rejects a bad cutoff', () => {
    const none = new Map([['c', 0]]);
    expect(ndcgAtK(ranked, none, 5)).toBeNull();
    expect(averagePrecision(ranked, none)).toBeNull();
    expect(reciprocalRank(ranked, none)).toBeNull();
    expect(recallAtK(ranked, none, 5)).toBeNull();
    expect(() => ndcgAtK(ranked, qrels, 0)).toThrow(RangeError);
  });
});
