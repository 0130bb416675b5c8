import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { retentionCutoff } from './purge.js';

describe('retentionCutoff', () => {
  it('counts calendar years, months and days back from now', () => {
    expect(retentionCutoff('2y', '2026-11-01T10:00:00Z').toISOString()).toBe('2024-11-01T10:00:00.000Z');
    expect(retentionCutoff('18m', '2026-11-01T00:00:00Z').toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(retentionCutoff('30d', '2026-03-01T00:00:00Z').toISOString()).toBe('2026-01-30T00:00:00.000Z');
  });

  it('refuses anything else', () => {
    for (const period of ['2', 'two years', '0y', '-1d', '1w']) {
      expect(() => retentionCutoff(period)).toThrow(ValidationError);
    }
  });
});
