import { describe, expect, it } from 'vitest';
import { createFakeEmbeddingModel, makeJob, makeProfile } from '../../../test/retrieval/support.js';
import { buildPoolIndex } from './pool-index.js';
import { retrieveCandidates } from './retrieve-candidates.js';

const pool = [
  makeProfile('cv_cariste', {
    headline: 'Cariste',
    titles: ['Cariste'],
    certifications: ['CACES_R489_3'],
    skills: ['chargement'],
  }),
  makeProfile('cv_magasinier', {
    headline: 'Magasinier',
    titles: ['Magasinier cariste'],
    skills: ['inventaire'],
  }),
  makeProfile('cv_soudeur', { headline: 'Soudeur TIG', titles: ['Soudeur'], skills: ['soudure inox'] }),
  makeProfile('cv_serveur', {
    headline: 'Serveur',
    titles: ['Serveur en brasserie'],
    skills: ['service en salle'],
  }),
  makeProfile('cv_aide', {
    headline: 'Aide-soignante',
    titles: ['Aide-soignante en EHPAD'],
    certifications: ['DEAS'],
  }),
];
const job = makeJob({
  title: 'Cariste',
  requiredCertifications: ['CACES_R489_3'],
  requiredSkills: ['chargement'],
});

describe('retrieveCandidates', () => {
  it('is lexical only without an embedding model: semantic null, best match 1, others 0, ties by id', async () => {
    const results = await retrieveCandidates(job, pool, { topK: 10 });
    expect(results).toHaveLength(5);
    expect(results[0]).toEqual({ candidateId: 'cv_cariste', score: 1, semantic: null, lexical: 1 });
    expect(results[1]?.candidateId).toBe('cv_magasinier');
    expect(results[1]?.lexical).toBeGreaterThan(0);
    expect(results[1]?.lexical).toBeLessThan(1);
    // No shared term: score 0, in id order.
    expect(results.slice(2).map((result) => [result.candidateId, result.score])).toEqual([
      ['cv_aide', 0],
      ['cv_serveur', 0],
      ['cv_soudeur', 0],
    ]);
    for (const result of results) expect(result.semantic).toBeNull();
  });

  it('keeps 500 candidates by default, the depth rankCandidates uses in big pools', async () => {
    const big = Array.from({ length: 520 }, (_, index) =>
      makeProfile(`cv_${String(index).padStart(3, '0')}`, { headline: 'Cariste', titles: ['Cariste'] }),
    );
    expect(await retrieveCandidates(job, big)).toHaveLength(500);
  });

  it('fuses cosine and BM25 as a linear mix with scores in 0..1, sorted, cut at topK', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const index = await buildPoolIndex(pool, { embeddingModel });
    const results = await retrieveCandidates(job, index, { embeddingModel, topK: 3 });
    expect(results).toHaveLength(3);
    expect(results[0]?.candidateId).toBe('cv_cariste');
    for (const result of results) {
      expect(result.semantic).not.toBeNull();
      expect(result.score).toBeCloseTo(0.5 * (result.semantic as number) + 0.5 * result.lexical, 6);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    expect(results.map((result) => result.score)).toEqual(
      [...results.map((result) => result.score)].sort((a, b) => b - a),
    );

    const semanticOnly = await retrieveCandidates(job, index, { embeddingModel, topK: 5, semanticWeight: 1 });
    for (const result of semanticOnly) expect(result.score).toBeCloseTo(result.semantic as number, 6);
  });

  it('gives the same results from profiles and from a built index, and is deterministic', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const fromProfiles = await retrieveCandidates(job, pool, { embeddingModel, topK: 5 });
    const index = await buildPoolIndex(pool, { embeddingModel });
    const fromIndex = await retrieveCandidates(job, index, { embeddingModel, topK: 5 });
    expect(fromIndex).toEqual(fromProfiles);
    expect(await retrieveCandidates(job, index, { embeddingModel, topK: 5 })).toEqual(fromIndex);
  });

  it('refuses an index made with another model, and an embedding model on a lexical-only index', async () => {
    const index = await buildPoolIndex(pool, { embeddingModel: createFakeEmbeddingModel() });
    await expect(
      retrieveCandidates(job, index, { embeddingModel: createFakeEmbeddingModel({ modelId: 'other' }) }),
    ).rejects.toMatchObject({ name: 'IndexError', reason: 'model' });
    const lexical = await buildPoolIndex(pool);
    await expect(
      retrieveCandidates(job, lexical, { embeddingModel: createFakeEmbeddingModel() }),
    ).rejects.toMatchObject({
      reason: 'no-vectors',
    });
  });

  it('reports embedding usage and honours an aborted signal', async () => {
    const embeddingModel = createFakeEmbeddingModel();
    const usages: number[] = [];
    // A fresh array: the index of `pool` itself was built (and kept, see cachedPoolIndex) by an earlier test.
    await retrieveCandidates(job, [...pool], {
      embeddingModel,
      onUsage: (usage) => usages.push(usage.inputTokens),
    });
    // 5 profiles in batches of 3 → 2 calls, then 1 call for the job.
    expect(usages).toHaveLength(3);
    const controller = new AbortController();
    controller.abort();
    await expect(
      retrieveCandidates(job, pool, { embeddingModel, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
