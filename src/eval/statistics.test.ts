import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { bootstrapMean, comparePaired, createRandom } from './statistics.js';

describe('resampling statistics', () => {
  it('is reproducible for a seed and uniform enough', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const average = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(average).toBeGreaterThan(0.49);
    expect(average).toBeLessThan(0.51);
  });

  it('brackets the mean with a bootstrap interval that narrows with more data', () => {
    const values = [0.2, 0.4, 0.6, 0.8, 1];
    const interval = bootstrapMean(values);
    expect(interval.mean).toBeCloseTo(0.6, 12);
    expect(interval.low).toBeLessThan(0.6);
    expect(interval.high).toBeGreaterThan(0.6);
    expect(interval.low).toBeGreaterThanOrEqual(0.2);
    const wide = interval.high - interval.low;
    const many = bootstrapMean(Array.from({ length: 100 }, (_, index) => values[index % 5] as number));
    expect(many.high - many.low).toBeLessThan(wide / 2);
    expect(bootstrapMean([0.5, 0.5]).low).toBe(0.5);
    expect(() => bootstrapMean([])).toThrow(ValidationError);
  });

  it('finds a consistent paired improvement significant and identical systems not', () => {
    const a = Array.from({ length: 20 }, (_, index) => 0.3 + (index % 7) / 20);
    const better = a.map((value) => value + 0.05);
    const compared = comparePaired(a, better);
    expect(compared.difference.mean).toBeCloseTo(0.05, 12);
    expect(compared.pValue).toBeLessThan(0.001);
    const same = comparePaired(a, a);
    expect(same.pValue).toBe(1);
    // Mixed signs of equal size: no evidence either way.
    const mixed = comparePaired([0, 0, 0, 0], [0.1, -0.1, 0.1, -0.1]);
    expect(mixed.pValue).toBe(1);
    expect(() => comparePaired([1], [1, 2])).toThrow(ValidationError);
  });
});
