import { describe, expect, it } from 'vitest';
import { createFakeEmbeddingModel, makeJob, makeProfile } from '../../test/retrieval/support.js';
import { ValidationError } from '../errors.js';
import {
  type Criterion,
  criteria,
  defaultWeights,
  rankCandidates,
  resolveWeights,
} from '../matching/index.js';
import {
  collectFeatures,
  coordinateAscent,
  fitWeights,
  foldsOf,
  type JobFeatures,
  pairwiseLogistic,
  readWeightsFile,
  scoreWithWeights,
} from './fit-weights.js';

const pair = (candidate: string, scores: Partial<Record<Criterion, number>>) => ({
  candidate,
  penalty: 1,
  features: Object.entries(scores).map(([criterion, score]) => ({
    criterion: criterion as Criterion,
    score: score as number,
    confidence: 1,
  })),
});

/**
 * Synthetic jobs where the relevant candidate is the one with the best `skills` score while a decoy has the
 * best `occupation` score: default weights (occupation 0.22 ≫ skills 0.07) rank the decoy first.
 */
function syntheticJobs(count: number): JobFeatures[] {
  return Array.from({ length: count }, (_, index) => ({
    jobId: `job-${index}`,
    judgements: new Map([[`good-${index}`, 1]]),
    pairs: [
      pair(`decoy-${index}`, { occupation: 90, skills: 10, text: 50 }),
      pair(`good-${index}`, { occupation: 80, skills: 95, text: 50 }),
      pair(`other-${index}`, { occupation: 30, skills: 30, text: 40 }),
    ],
  }));
}

describe('fitting fusion weights', () => {
  it('scores a pair as fuseScores does, so re-scoring matches rankCandidates under other weights', async () => {
    const profiles = [
      makeProfile('cv_a', { titles: ['Cariste'], skills: ['CACES R489'], city: 'Lyon' }),
      makeProfile('cv_b', { titles: ['Magasinier'], skills: ['inventaire', 'CACES R489'] }),
      makeProfile('cv_c', { titles: ['Soudeur'], skills: ['soudure TIG'] }),
    ];
    const job = makeJob({ id: 'j1', title: 'Cariste', requiredSkills: ['CACES R489', 'inventaire'] });
    const qrels = new Map([['j1', new Map([['cv_a', 1]])]]);
    const embeddingModel = createFakeEmbeddingModel();
    const [features] = await collectFeatures({
      jobs: [job],
      candidates: profiles,
      qrels,
      options: { embeddingModel, now: '2026-11-01' },
    });
    const overrides = { skills: 0.5, occupation: 0.05 };
    const results = await rankCandidates(job, profiles, {
      embeddingModel,
      now: '2026-11-01',
      weights: overrides,
    });
    for (const result of results) {
      const match = features?.pairs.find((item) => item.candidate === result.candidateId);
      expect(match).toBeDefined();
      expect(scoreWithWeights(match as NonNullable<typeof match>, resolveWeights(overrides))).toBeCloseTo(
        result.score,
        0,
      );
    }
  });

  it('learns to weigh the criterion that predicts relevance, and beats the defaults on held-out folds', () => {
    const jobs = syntheticJobs(10);
    const { weights, objective } = coordinateAscent(jobs, { k: 10 });
    expect(objective).toBe(1);
    expect(weights.skills).toBeGreaterThan(weights.occupation);
    const result = fitWeights(jobs, { folds: 5, k: 10 });
    expect(result.folds).toHaveLength(5);
    // Every job is scored exactly once, in the fold whose weights never saw it.
    expect(result.perJob.map((job) => job.jobId).sort()).toEqual(jobs.map((job) => job.jobId).sort());
    for (const fold of result.folds)
      for (const id of fold.jobIds)
        expect(result.perJob.find((job) => job.jobId === id)?.fold).toBe(fold.fold);
    expect(result.heldOut.defaultNdcg).toBeCloseTo(1 / Math.log2(3), 6);
    expect(result.heldOut.fittedNdcg).toBe(1);
    expect(result.heldOut.comparison.pValue).toBeLessThan(0.01);
    expect(Object.values(result.weights).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it('shrinks the fitted weights toward the defaults when asked (1: the defaults themselves)', () => {
    const jobs = syntheticJobs(10);
    const free = fitWeights(jobs, { folds: 5, k: 10 });
    const half = fitWeights(jobs, { folds: 5, k: 10, shrink: 0.5 });
    const none = fitWeights(jobs, { folds: 5, k: 10, shrink: 1 });
    const defaults = resolveWeights({ ...defaultWeights });
    for (const criterion of criteria) {
      expect(none.weights[criterion]).toBeCloseTo(defaults[criterion], 12);
      expect(half.weights[criterion]).toBeCloseTo((defaults[criterion] + free.weights[criterion]) / 2, 12);
    }
    expect(none.heldOut.fittedNdcg).toBeCloseTo(none.heldOut.defaultNdcg, 12);
    expect(half.heldOut.fittedNdcg).toBeGreaterThan(half.heldOut.defaultNdcg);
    expect(() => fitWeights(jobs, { shrink: 1.5 })).toThrow(ValidationError);
  });

  it('fits a pairwise logistic model that learns the predictive criterion and beats the defaults held out', () => {
    const jobs = syntheticJobs(10);
    const weights = pairwiseLogistic(jobs);
    const defaults = resolveWeights({ ...defaultWeights });
    expect(weights.skills).toBeGreaterThan(defaults.skills);
    expect(weights.skills).toBeGreaterThan(weights.occupation);
    const result = fitWeights(jobs, { folds: 5, k: 10, method: 'pairwise-logistic' });
    expect(result.heldOut.fittedNdcg).toBeGreaterThan(result.heldOut.defaultNdcg);
    // A strong pull toward the defaults keeps them.
    const pulled = pairwiseLogistic(jobs, { l2: 1e6 });
    for (const criterion of criteria) expect(pulled[criterion]).toBeCloseTo(defaults[criterion], 3);
  });

  it('splits folds by hash of the job id, independent of input order', () => {
    const ids = Array.from({ length: 9 }, (_, index) => `job-${index}`);
    expect(foldsOf(ids, 3)).toEqual(foldsOf([...ids].reverse(), 3));
    expect([...foldsOf(ids, 3).values()].filter((fold) => fold === 0)).toHaveLength(3);
    expect(() => fitWeights(syntheticJobs(3), { folds: 4 })).toThrow(ValidationError);
  });

  it('reads weights files, bare or wrapped, and rejects unknown criteria', () => {
    expect(readWeightsFile('{"weights":{"skills":0.3}}')).toEqual({ skills: 0.3 });
    expect(readWeightsFile(JSON.stringify(defaultWeights))).toEqual(defaultWeights);
    expect(() => readWeightsFile('{"weights":{"salary":1}}')).toThrow(ValidationError);
    expect(() => readWeightsFile('{"skills":-1}')).toThrow(ValidationError);
    expect(() => readWeightsFile('nope')).toThrow(ValidationError);
  });
});
