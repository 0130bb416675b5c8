import { describe, expect, it } from 'vitest';
import { matchResultSchema } from '../../domain/index.js';
import type { FeatureScore } from '../features/score-features.js';
import type { RequirementCheck } from '../requirements/check-requirements.js';
import { tallyRequirements } from '../requirements/tally-requirements.js';
import { fuseScores, rankResults } from './fuse-scores.js';
import { resolveWeights } from './weights.js';

const feature = (criterion: FeatureScore['criterion'], score: number, confidence = 1): FeatureScore => ({
  criterion,
  score,
  met: score >= 80 ? 'yes' : score >= 40 ? 'partial' : 'no',
  evidence: [`quote for ${criterion}`],
  source: 'rule',
  confidence,
});

const missingCaces: RequirementCheck = {
  kind: 'certification',
  requirement: 'CACES_R489_3',
  met: 'no',
  message: 'missing CACES R489 3: trainable in 3 days',
  evidence: [],
  policy: 'penalize',
  excluded: false,
  penalty: 0.6,
  detail: {},
};

const weights = resolveWeights({});
const none = tallyRequirements([]);

describe('fuseScores', () => {
  it('is the weighted mean of the criteria that apply, weights renormalised to sum 1', () => {
    const fused = fuseScores(
      {
        candidateId: 'a',
        features: [feature('occupation', 100), feature('text', 40)],
        requirements: none,
      },
      { weights },
    );
    // occupation 0.347 and text 0.062 → shares 0.347/0.409 and 0.062/0.409.
    expect(fused.score).toBeCloseTo((0.347 * 100 + 0.062 * 40) / 0.409, 1); // rounded to 0.1
    expect(fused.breakdown.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 10);
    expect(fused.excluded).toBe(false);
  });

  it('moves weight from unsure criteria to sure ones: weight ∝ default weight × confidence', () => {
    const fused = fuseScores(
      {
        candidateId: 'a',
        features: [feature('occupation', 0, 0.25), feature('text', 90, 1), feature('availability', 50, 0)],
        requirements: none,
      },
      { weights },
    );
    // occupation 0.347 × 0.25 = 0.08675, text 0.062 × 1, availability 0.027 × 0 = 0.
    expect(fused.score).toBeCloseTo((0.08675 * 0 + 0.062 * 90) / 0.14875, 1); // rounded to 0.1
    const byCriterion = Object.fromEntries(fused.breakdown.map((entry) => [entry.criterion, entry]));
    expect(byCriterion.occupation?.weight).toBeCloseTo(0.08675 / 0.14875, 10);
    expect(byCriterion.occupation?.confidence).toBe(0.25);
    expect(byCriterion.availability?.weight).toBe(0);
  });

  it('multiplies by the penalty of a missed requirement and names the gap', () => {
    const fused = fuseScores(
      {
        candidateId: 'a',
        features: [feature('occupation', 100)],
        requirements: tallyRequirements([missingCaces]),
      },
      { weights, language: 'en' },
    );
    expect(fused.score).toBeCloseTo(60, 5);
    expect(fused.unmetRequirements).toEqual([
      { kind: 'certification', requirement: 'CACES_R489_3', message: missingCaces.message },
    ]);
    expect(fused.summary).toContain('trainable in 3 days');
  });

  it('mixes the LLM score with the documented share 0.4 by default and marks its entries as source llm', () => {
    const fused = fuseScores(
      {
        candidateId: 'a',
        features: [feature('occupation', 80)],
        requirements: none,
        llm: {
          ok: true,
          score: 30,
          criteria: [{ criterion: 'CACES', met: 'yes', evidence: ['CACES 3'] }],
          summary: 'Bon profil.',
          flags: [],
        },
      },
      { weights },
    );
    expect(fused.score).toBeCloseTo(0.6 * 80 + 0.4 * 30, 5);
    const llm = fused.breakdown.filter((entry) => entry.source === 'llm');
    expect(llm.map((entry) => entry.criterion)).toEqual(['llm', 'llm:CACES']);
    expect(fused.breakdown.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 10);
    expect(matchResultSchema.safeParse({ ...fused, rank: 1 }).success).toBe(true);
  });

  it('keeps the structured score and warns visibly when the LLM failed', () => {
    const input = { candidateId: 'a', features: [feature('occupation', 80)], requirements: none };
    const plain = fuseScores(input, { weights });
    const degraded = fuseScores(
      { ...input, llm: { ok: false, code: 'llm-failed', message: 'HTTP 500' } },
      { weights },
    );
    expect(degraded.score).toBe(plain.score);
    expect(degraded.warnings).toEqual([expect.objectContaining({ code: 'llm-degraded' })]);
    expect(degraded.warnings[0]?.message).toContain('HTTP 500');
  });

  it('flags exclusion when a check says so', () => {
    const fused = fuseScores(
      {
        candidateId: 'a',
        features: [feature('occupation', 100)],
        requirements: tallyRequirements([{ ...missingCaces, policy: 'exclude', excluded: true, penalty: 1 }]),
      },
      { weights },
    );
    expect(fused.excluded).toBe(true);
  });
});

describe('rankResults', () => {
  it('sorts by score, then fewer unmet requirements, then candidate id', () => {
    const base = { breakdown: [], summary: '', warnings: [] };
    const unmet = [{ kind: 'distance' as const, requirement: '30 km', message: 'far' }];
    const ranked = rankResults([
      { ...base, candidateId: 'c', score: 50, unmetRequirements: [] },
      { ...base, candidateId: 'b', score: 50, unmetRequirements: unmet },
      { ...base, candidateId: 'a', score: 50, unmetRequirements: [] },
      { ...base, candidateId: 'z', score: 90, unmetRequirements: unmet },
    ]);
    expect(ranked.map((result) => [result.candidateId, result.rank])).toEqual([
      ['z', 1],
      ['a', 2],
      ['c', 3],
      ['b', 4],
    ]);
  });
});
