import { describe, expect, it } from 'vitest';
import type { FairnessDetail, FairnessReport } from '../compliance/index.js';
import { distribution, summarizeFairness } from './summarize-fairness.js';

const detail = (overrides: Partial<FairnessDetail>): FairnessDetail => ({
  candidateId: 'c',
  swap: 'identity',
  identity: 'X Y',
  gender: 'female',
  origin: 'france',
  baselineScore: 50,
  variantScore: 50,
  scoreDelta: 0,
  baselineRank: 1,
  variantRank: 1,
  ...overrides,
});

describe('summarizeFairness', () => {
  it('computes distributions with interpolated quantiles', () => {
    const spread = distribution([3, 1, 2, 4]);
    expect({ ...spread, p95: 0 }).toEqual({ count: 4, min: 1, median: 2.5, p95: 0, max: 4, mean: 2.5 });
    expect(spread.p95).toBeCloseTo(3.85, 12);
    expect(distribution([]).max).toBe(0);
  });

  it('gives selection rates, impact ratios and the four-fifths verdict per group', () => {
    // Selection = top 2. Women: 2 of 2 selected; men: 1 of 2 → ratio 0.5, fails the four-fifths rule.
    const details = [
      detail({ gender: 'female', origin: 'maghreb', variantRank: 1 }),
      detail({ gender: 'female', origin: 'france', variantRank: 2 }),
      detail({ gender: 'male', origin: 'maghreb', variantRank: 2, baselineRank: 2 }),
      detail({
        gender: 'male',
        origin: 'france',
        variantRank: 5,
        baselineRank: 3,
        scoreDelta: -4,
        variantScore: 46,
      }),
      detail({ swap: 'photo', baselineRank: 2, variantRank: 3, scoreDelta: -1, variantScore: 49 }),
      detail({ swap: 'photo', baselineRank: 4, variantRank: null, variantScore: null, scoreDelta: null }),
    ];
    const report = { details } as unknown as FairnessReport;
    const summary = summarizeFairness(report, { selectionSize: 2 });
    const gender = summary.impactRatios.filter((item) => item.dimension === 'gender');
    // female pairs: twins ranked 1, 2 (both selected), originals ranked 1, 1 → ratio 1.
    // male pairs: twins ranked 2, 5 (1 selected), originals ranked 2, 3 (1 selected) → ratio 1.
    expect(gender).toEqual([
      {
        dimension: 'gender',
        group: 'female',
        total: 2,
        selected: 2,
        originalSelected: 2,
        rate: 1,
        originalRate: 1,
        ratio: 1,
        passesFourFifths: true,
      },
      {
        dimension: 'gender',
        group: 'male',
        total: 2,
        selected: 1,
        originalSelected: 1,
        rate: 0.5,
        originalRate: 0.5,
        ratio: 1,
        passesFourFifths: true,
      },
    ]);
    const photo = summary.impactRatios.filter((item) => item.dimension === 'photo');
    // The photo twin of the one selected original drops to rank 3: ratio 0, fails the four-fifths rule.
    expect(photo).toEqual([
      {
        dimension: 'photo',
        group: 'twin',
        total: 2,
        selected: 0,
        originalSelected: 1,
        rate: 0,
        originalRate: 0.5,
        ratio: 0,
        passesFourFifths: false,
      },
    ]);
    const origin = summary.impactRatios.filter((item) => item.dimension === 'origin');
    // maghreb: twins 1, 2 both selected, originals 1, 2 → 1; france: twins 2, 5 → 1 of originals 1, 3 → 1.
    expect(origin.map((item) => [item.group, item.ratio])).toEqual([
      ['france', 1],
      ['maghreb', 1],
    ]);
    expect(summary.bySwap.identity?.scoreDelta.min).toBe(-4);
    expect(summary.bySwap.identity?.rankDelta.max).toBe(2);
    expect(summary.bySwap.photo?.missing).toBe(1);
  });
});
