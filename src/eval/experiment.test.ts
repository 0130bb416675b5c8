import { describe, expect, it } from 'vitest';
import { createFakeEmbeddingModel, makeJob, makeProfile } from '../../test/retrieval/support.js';
import { candidateKey, runExperiment } from './experiment.js';
import { readQrels } from './qrels.js';

const candidates = ['p1', 'p2', 'p3'].map((stem) => makeProfile(`cv_${stem}`)); // source.file = cv_p1.txt …
const keyed = candidates.map((profile) => ({
  ...profile,
  source: { ...profile.source, file: `fixtures/cvs/${profile.id.slice(3)}.pdf` },
}));
const jobs = ['j1', 'j2', 'j3'].map((id) => makeJob({ id, title: 'Cariste' }));
const qrels = readQrels('j1\tp1\t3\nj1\tp2\t1\nj2\tp3\t2\nj3\tp1\t0\nj9\tp1\t2\n');

/*
 * Ranking p2, p1, p3 for every job.
 * j1 (p1 = 3, p2 = 1): nDCG@5 = (1/1 + 3/log2 3) / (3/1 + 1/log2 3) = 2.892789 / 3.630930 = 0.796707;
 *                      AP = (1/1 + 2/2) / 2 = 1; RR = 1; Recall@5 = 2/2 = 1.
 * j2 (p3 = 2):         nDCG@5 = (2/log2 4) / (2/1) = 0.5; AP = (1/3) / 1 = 0.333333; RR = 1/3; Recall@5 = 1.
 * j3: no relevant judgement → skipped. Overall: nDCG@5 = 0.648353, MAP = MRR = 0.666667, Recall@5 = 1.
 */
describe('runExperiment', () => {
  it('scores each configuration per job and overall, with warnings for unusable judgements', async () => {
    const result = await runExperiment({
      jobs,
      candidates: keyed,
      qrels,
      cutoffs: [5],
      configs: [{ name: 'fixed', rank: async () => ['cv_p2', 'cv_p1', 'cv_p3'] }],
    });
    expect(result.metricNames).toEqual(['ndcg@5', 'map', 'mrr', 'recall@5']);
    const [config] = result.configs;
    expect(config?.perJob.map((job) => job.jobId)).toEqual(['j1', 'j2']);
    expect(config?.perJob[0]?.metrics['ndcg@5']).toBeCloseTo(0.796707, 5);
    expect(config?.perJob[0]?.top).toEqual(['p2', 'p1', 'p3']);
    expect(config?.perJob[1]?.metrics.map).toBeCloseTo(1 / 3, 6);
    expect(config?.overall['ndcg@5']).toBeCloseTo(0.648353, 5);
    expect(config?.overall.map).toBeCloseTo(2 / 3, 6);
    expect(config?.overall.mrr).toBeCloseTo(2 / 3, 6);
    expect(config?.overall['recall@5']).toBe(1);
    expect(config?.usage).toBeNull();
    expect(result.warnings).toEqual([
      'job j3 has no relevant judgement: skipped',
      'judged job j9 is not among the jobs',
    ]);
  });

  it('compares configurations side by side and warns about relevant candidates missing from the pool', async () => {
    const result = await runExperiment({
      jobs: jobs.slice(0, 1),
      candidates: keyed.slice(1),
      qrels,
      configs: [
        { name: 'good', rank: async (_job, pool) => (pool as typeof keyed).map((profile) => profile.id) },
        {
          name: 'bad',
          rank: async (_job, pool) => (pool as typeof keyed).map((profile) => profile.id).reverse(),
        },
      ],
    });
    expect(result.configs.map((config) => config.name)).toEqual(['good', 'bad']);
    // Only p2 (grade 1) is in the pool: recall can reach at most 1/2.
    expect(result.configs[0]?.overall['recall@10']).toBe(0.5);
    expect(result.configs[0]?.overall.mrr).toBe(1);
    expect(result.configs[1]?.overall.mrr).toBe(0.5);
    expect(result.warnings).toContain('job j1: relevant candidates not in the pool: p1');
  });

  it('keys candidates by CV file stem, falling back to the id', () => {
    expect(candidateKey(keyed[0] as (typeof keyed)[0])).toBe('p1');
    expect(
      candidateKey({
        ...(candidates[0] as (typeof candidates)[0]),
        source: { ...(candidates[0] as (typeof candidates)[0]).source, file: null },
      }),
    ).toBe('cv_p1');
  });

  it('ranks with rankCandidates by default, embedding the pool once per configuration', async () => {
    const embeddingModel = createFakeEmbeddingModel({ maxInputsPerCall: 10 });
    const result = await runExperiment({
      jobs: jobs.slice(0, 2),
      candidates: keyed,
      qrels,
      configs: [{ name: 'hybrid', options: { embeddingModel, now: '2026-11-01' } }],
    });
    expect(result.configs[0]?.perJob).toHaveLength(2);
    // One call for the 3 profiles, then one per job order for its query text.
    expect(embeddingModel.calls.map((inputs) => inputs.length)).toEqual([3, 1, 1]);
  });
});
