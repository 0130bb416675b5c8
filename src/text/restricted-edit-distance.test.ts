import { describe, expect, it } from 'vitest';
import { restrictedEditDistance } from './restricted-edit-distance.js';

describe('restrictedEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(restrictedEditDistance('kitten', 'sitting')).toBe(3);
    expect(restrictedEditDistance('cariste', 'cariste')).toBe(0);
    expect(restrictedEditDistance('', 'abc')).toBe(3);
    expect(restrictedEditDistance('abc', '')).toBe(3);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    expect(restrictedEditDistance('carsite', 'cariste')).toBe(1);
    expect(restrictedEditDistance('ab', 'ba')).toBe(1);
  });

  it('never edits a substring twice (optimal string alignment): ca → abc is 3, not 2', () => {
    expect(restrictedEditDistance('ca', 'abc')).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['manutention', 'manutentoin'],
      ['soudeur', 'soduer'],
      ['électricien', 'electricien'],
    ] as const) {
      expect(restrictedEditDistance(a, b)).toBe(restrictedEditDistance(b, a));
    }
  });
});
