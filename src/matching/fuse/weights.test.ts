import { describe, expect, it } from 'vitest';
import { UsageError, ValidationError } from '../../errors.js';
import { criteria, defaultWeights, parseWeights, resolveWeights } from './weights.js';

const sum = (values: Record<string, number>) =>
  Object.values(values).reduce((total, value) => total + value, 0);

describe('weights', () => {
  it('has a documented default for every criterion, summing to 1', () => {
    expect(Object.keys(defaultWeights).sort()).toEqual([...criteria].sort());
    expect(sum(defaultWeights)).toBeCloseTo(1, 10);
  });

  it('merges overrides with the defaults and normalises to 1', () => {
    const weights = resolveWeights({ occupation: 1 });
    expect(sum(weights)).toBeCloseTo(1, 10);
    // occupation went from 0.25 to 1 while the others kept their values: its share grew.
    expect(weights.occupation).toBeCloseTo(1 / (1 + 0.75), 10);
    expect(weights.skills / weights.distance).toBeCloseTo(
      defaultWeights.skills / defaultWeights.distance,
      10,
    );
  });

  it('rejects unknown criteria, negative and all-zero weights with ValidationError', () => {
    expect(() => resolveWeights({ salary: 1 } as never)).toThrow(ValidationError);
    expect(() => resolveWeights({ skills: -1 })).toThrow(ValidationError);
    const zeros = Object.fromEntries(criteria.map((name) => [name, 0]));
    expect(() => resolveWeights(zeros)).toThrow(ValidationError);
  });

  it('parses the CLI form, llm included', () => {
    expect(parseWeights('occupation=0.3, skills=0.2,llm=0.5')).toEqual({
      occupation: 0.3,
      skills: 0.2,
      llm: 0.5,
    });
  });

  it.each(['', 'occupation', 'occupation=abc', 'salary=0.3', 'llm=2', 'skills=-1'])(
    'rejects %j with UsageError',
    (text) => {
      expect(() => parseWeights(text)).toThrow(UsageError);
    },
  );
});
