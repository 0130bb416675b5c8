import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type JobOrder, jobOrderSchema } from '../../src/domain/index.js';
import { AuthenticationError, ProviderError, RateLimitError } from '../../src/errors.js';
import { type RankEvent, rankCandidates, rankJobs } from '../../src/matching/index.js';
import type { EmbeddingModel } from '../../src/providers/spec.js';
import { buildProfile, caristeSpec } from './profile-factory.js';

const job: JobOrder = jobOrderSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/jobs/cariste-lyon.json', import.meta.url), 'utf8')),
);
const NOW = '2026-11-29';
const pool = [
  buildProfile(caristeSpec('cv_with_caces')),
  buildProfile(caristeSpec('cv_without_caces', { certifications: [], headline: 'Cariste' })),
];

function failingModel(error: unknown): EmbeddingModel {
  return {
    specificationVersion: 'v1',
    provider: 'fake',
    modelId: 'down',
    dimensions: 8,
    maxInputsPerCall: 16,
    embed: async () => {
      throw error;
    },
  } as EmbeddingModel;
}

describe('an embedding outage', () => {
  const outages = [
    new ProviderError('HTTP 500', { provider: 'fake', status: 500, retryable: true }),
    new ProviderError('connection reset', { provider: 'fake', retryable: true }),
    new RateLimitError('HTTP 429', { provider: 'fake', status: 429 }),
  ];
  for (const outage of outages) {
    it(`rankCandidates ranks on words and rules after "${outage.message}", and says so`, async () => {
      const events: RankEvent[] = [];
      const results = await rankCandidates(job, pool, {
        now: NOW,
        embeddingModel: failingModel(outage),
        onEvent: (event) => events.push(event),
      });
      const rulesOnly = await rankCandidates(job, pool, { now: NOW });
      expect(results.map((result) => [result.candidateId, result.score])).toEqual(
        rulesOnly.map((result) => [result.candidateId, result.score]),
      );
      for (const result of results) {
        expect(result.warnings.map((warning) => warning.code)).toContain('embedding-failed');
      }
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'embedding-failed', provider: 'fake', modelId: 'down' }),
      );
    });
  }

  it('rankJobs scores on rules with embedding-failed on each match', async () => {
    const [first] = pool;
    const matches = await rankJobs(first!, [job], { now: NOW, embeddingModel: failingModel(outages[0]) });
    expect(matches).toHaveLength(1);
    expect(matches[0]?.warnings.map((warning) => warning.code)).toContain('embedding-failed');
  });

  it('a wrong key or a programming error is thrown, not degraded', async () => {
    for (const error of [
      new AuthenticationError('bad key', { provider: 'fake', status: 401 }),
      new TypeError('embed is broken'),
    ]) {
      await expect(rankCandidates(job, pool, { now: NOW, embeddingModel: failingModel(error) })).rejects.toBe(
        error,
      );
      await expect(rankJobs(pool[0]!, [job], { now: NOW, embeddingModel: failingModel(error) })).rejects.toBe(
        error,
      );
    }
  });
});
