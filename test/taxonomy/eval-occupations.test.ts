import { describe, expect, it } from 'vitest';
import { evaluateOccupations, readLabelledTitles } from '../../scripts/eval-occupations.js';

describe('occupation eval list', () => {
  it('has at least 300 labelled titles with known codes, and meets the top-1 target', () => {
    const titles = readLabelledTitles();
    expect(titles.length).toBeGreaterThanOrEqual(300);
    const result = evaluateOccupations(titles);
    expect(result.top1 / result.total).toBeGreaterThanOrEqual(0.85);
    expect(result.top5).toBeGreaterThanOrEqual(result.top1);
  });
});
