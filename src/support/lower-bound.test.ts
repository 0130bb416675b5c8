import { describe, expect, it } from 'vitest';
import { lowerBound } from './lower-bound.js';

describe('lowerBound', () => {
  const sorted = ['bar', 'baz', 'baz', 'foo'];

  it('finds the first value not below the one sought', () => {
    expect(lowerBound(sorted, 'baz')).toBe(1);
    expect(lowerBound(sorted, 'bb')).toBe(3);
    expect(lowerBound(sorted, 'a')).toBe(0);
  });

  it('is the length past the last value, and 0 on an empty list', () => {
    expect(lowerBound(sorted, 'zzz')).toBe(4);
    expect(lowerBound([], 'x')).toBe(0);
  });
});
