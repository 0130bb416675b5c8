import { describe, expect, it } from 'vitest';
import { categoryQrels } from '../../scripts/eval-ranking.js';
import { baselineTokens, createBm25Baseline } from '../../scripts/ranking/bm25-baseline.js';
import { lossProbability } from '../../scripts/ranking/loss-stability.js';
import { categoryOfOrder, orderSetQrels } from '../../scripts/ranking/order-set.js';
import { summarize } from '../../scripts/ranking/report.js';
import { heldOutCategories } from '../../scripts/ranking/split.js';

describe('ranking benchmark: BM25 baseline', () => {
  it('splits lowercase letter and digit runs, without stemming', () => {
    expect(baselineTokens('Java/C++ Développeur, 3 years')).toEqual([
      'java',
      'c',
      'développeur',
      '3',
      'years',
    ]);
  });

  it('scores with k1 1.2, b 0.75 and the smoothed IDF', () => {
    const bm25 = createBm25Baseline(
      new Map([
        ['a', 'Cat cat dog'],
        ['b', 'dog'],
        ['c', 'bird'],
      ]),
    );
    // "cat": n = 1 of N = 3, idf = ln(1 + 2.5 / 1.5) = 0.98083; doc a: tf 2, |d| 3, avgdl 5/3.
    expect(bm25.scores('cat').get('a')).toBeCloseTo((0.98083 * 2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 1.8)), 4);
    expect(bm25.scores('cat').get('b')).toBe(0);
    expect(bm25.rank('dog')).toEqual(['b', 'a', 'c']);
  });
});

describe('ranking benchmark: protocol', () => {
  it('sets aside the 8 categories the README names', () => {
    const categories = [
      'ACCOUNTANT',
      'ADVOCATE',
      'AGRICULTURE',
      'APPAREL',
      'ARTS',
      'AUTOMOBILE',
      'AVIATION',
      'BANKING',
      'BPO',
      'BUSINESS-DEVELOPMENT',
      'CHEF',
      'CONSTRUCTION',
      'CONSULTANT',
      'DESIGNER',
      'DIGITAL-MEDIA',
      'ENGINEERING',
      'FINANCE',
      'FITNESS',
      'HEALTHCARE',
      'HR',
      'INFORMATION-TECHNOLOGY',
      'PUBLIC-RELATIONS',
      'SALES',
      'TEACHER',
    ];
    expect([...heldOutCategories(categories)].sort()).toEqual([
      'AGRICULTURE',
      'AUTOMOBILE',
      'AVIATION',
      'BUSINESS-DEVELOPMENT',
      'FITNESS',
      'HEALTHCARE',
      'HR',
      'PUBLIC-RELATIONS',
    ]);
  });

  it('makes each resume relevant to its own category only', () => {
    const qrels = categoryQrels([
      { category: 'CHEF', key: '1' },
      { category: 'CHEF', key: '2' },
      { category: 'HR', key: '3' },
    ]);
    expect([...(qrels.get('chef')?.entries() ?? [])]).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
    expect(qrels.get('hr')?.get('1')).toBeUndefined();
  });

  it('counts a loss only where the ranker is below the baseline', () => {
    const summary = summarize(
      [
        {
          category: 'A',
          split: 'dev',
          figures: { x: { ndcg10: 0.5, map: 0.4 }, b: { ndcg10: 0.6, map: 0.5 } },
        },
        {
          category: 'B',
          split: 'dev',
          figures: { x: { ndcg10: 0.7, map: 0.6 }, b: { ndcg10: 0.7, map: 0.1 } },
        },
      ],
      ['x', 'b'],
      'x',
      'b',
    );
    expect(summary.losses).toEqual(['A']);
    expect(summary.mean.x?.ndcg10).toBeCloseTo(0.6, 10);
    expect(summary.mean.b?.map).toBeCloseTo(0.3, 10);
  });
});

describe('ranking benchmark: a second set of orders (--jobs)', () => {
  const categories = ['FINANCE', 'BUSINESS-DEVELOPMENT', 'INFORMATION-TECHNOLOGY', 'HR'];

  it('reads the category from the order id: its name, or the longest name before a separator', () => {
    expect(categoryOfOrder('finance', categories)).toBe('FINANCE');
    expect(categoryOfOrder('Finance-2', categories)).toBe('FINANCE');
    expect(categoryOfOrder('business-development_b', categories)).toBe('BUSINESS-DEVELOPMENT');
    expect(categoryOfOrder('information-technology.v2', categories)).toBe('INFORMATION-TECHNOLOGY');
    expect(categoryOfOrder('hrm', categories)).toBeNull();
    expect(categoryOfOrder('plumber', categories)).toBeNull();
  });

  it('judges every resume of the order category relevant and lists orders of no category', () => {
    const documents = [
      { category: 'FINANCE', key: '1' },
      { category: 'FINANCE', key: '2' },
      { category: 'HR', key: '3' },
    ];
    const { qrels, categoryOf, unmatched } = orderSetQrels(['finance-2', 'hr', 'plumber'], documents);
    expect([...(qrels.get('finance-2')?.keys() ?? [])]).toEqual(['1', '2']);
    expect([...(qrels.get('hr')?.keys() ?? [])]).toEqual(['3']);
    expect(categoryOf.get('finance-2')).toBe('FINANCE');
    expect(unmatched).toEqual(['plumber']);
    expect(qrels.has('plumber')).toBe(false);
  });
});

describe('ranking benchmark: probability of losing on random sub-pools', () => {
  const keys = Array.from({ length: 40 }, (_, index) => `d${index}`);
  const judgements = new Map(keys.slice(0, 5).map((key) => [key, 1]));
  const perfect = [...keys];
  const reversed = [...keys].reverse();

  it('is 0 for a ranking that is never worse and 1 for one that is always worse', () => {
    expect(lossProbability(perfect, reversed, judgements)).toBe(0);
    expect(lossProbability(reversed, perfect, judgements)).toBe(1);
  });

  it('is near a half when the two differ by one swap of a relevant and an irrelevant resume', () => {
    // The baseline puts d4 (relevant) 10th, the ranker 11th: it loses unless a sub-pool drops what
    // separates them from the top 10, so the probability is strictly between 0 and 1.
    const baseline = ['d0', 'd1', 'd2', 'd3', ...keys.slice(5, 10), 'd4', ...keys.slice(10)];
    const ranked = ['d0', 'd1', 'd2', 'd3', ...keys.slice(5, 11), 'd4', ...keys.slice(11)];
    const probability = lossProbability(ranked, baseline, judgements) ?? -1;
    expect(probability).toBeGreaterThan(0.05);
    expect(probability).toBeLessThan(0.95);
  });

  it('is the same on every run (fixed seed) and null without a relevant resume', () => {
    const ranked = [...keys.slice(20), ...keys.slice(0, 20)];
    expect(lossProbability(ranked, perfect, judgements)).toBe(lossProbability(ranked, perfect, judgements));
    expect(lossProbability(perfect, reversed, new Map())).toBeNull();
  });
});
