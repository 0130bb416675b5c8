import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criterionSchema } from '../../domain/index.js';
import { ValidationError } from '../../errors.js';
import { criteria, defaultLlmWeight, defaultWeights, resolveLlmWeight, resolveWeights } from './weights.js';

const sum = (values: Record<string, number>) =>
  Object.values(values).reduce((total, value) => total + value, 0);

/** README "Concepts / Default weights": the table's header row of criteria and its row of weights. */
function documentedWeights(): Record<string, number> {
  const lines = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('| occupation | text | keywords |'));
  const cells = (line: string | undefined) =>
    (line ?? '')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  // "preferred skills" → preferredSkills
  const names = cells(lines[header]).map((name) =>
    name.replace(/ (\w)/gu, (_, letter: string) => letter.toUpperCase()),
  );
  const weights = cells(lines[header + 2]).map(Number);
  return Object.fromEntries(names.map((name, index) => [name, weights[index] as number]));
}

const DOCUMENTED_WEIGHTS = documentedWeights();

/** Same criteria, same weights up to rounding (the defaults sum to 1 only up to floating point). */
function expectWeights(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, weight] of Object.entries(expected)) expect(actual[name]).toBeCloseTo(weight, 12);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('weights', () => {
  it('takes its criteria from the domain schema', () => {
    expect(criteria).toEqual(criterionSchema.options);
  });

  it('has the documented defaults, summing to 1, and an LLM share of 0.4', () => {
    expect(defaultWeights).toEqual(DOCUMENTED_WEIGHTS);
    expect(sum(defaultWeights)).toBeCloseTo(1, 10);
    expect(defaultLlmWeight).toBe(0.4);
    expect(resolveLlmWeight(undefined)).toBe(0.4);
    expectWeights(resolveWeights(), DOCUMENTED_WEIGHTS);
  });

  it('merges overrides with the defaults and normalises to 1', () => {
    const weights = resolveWeights({ occupation: 1 });
    expect(sum(weights)).toBeCloseTo(1, 10);
    // occupation went from 0.347 to 1 while the others kept their 0.653: its share grew.
    expect(weights.occupation).toBeCloseTo(1 / (1 + 0.653), 10);
    expect(weights.skills / weights.distance).toBeCloseTo(0.032 / 0.052, 10);
  });

  it('reads the LLM share apart from the criteria', () => {
    expectWeights(resolveWeights({ llm: 0.9, skills: 0.032 }), DOCUMENTED_WEIGHTS);
    expect(resolveLlmWeight(0.9)).toBe(0.9);
    expect(() => resolveLlmWeight(1.5)).toThrow(ValidationError);
  });

  it('rejects unknown criteria, negative, non-finite and all-zero weights with ValidationError listing each issue', () => {
    const error = thrown(() =>
      resolveWeights({ salary: 1, skills: -1, distance: Number.NaN, llm: 2 } as never),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      ['salary'],
      ['skills'],
      ['distance'],
      ['llm'],
    ]);
    const zeros = Object.fromEntries(criteria.map((name) => [name, 0]));
    expect(thrown(() => resolveWeights(zeros))).toBeInstanceOf(ValidationError);
  });
});
