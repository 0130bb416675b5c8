import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFairness } from '../../src/compliance/index.js';
import { type JobOrder, jobOrderSchema } from '../../src/domain/index.js';
import { rankCandidates } from '../../src/matching/index.js';
import { candidateBlocks, createFakeChatModel } from '../rerank/fake-chat-model.js';
import { makeProfile, SAMPLE_IDENTITY } from './make-profile.js';

const job: JobOrder = jobOrderSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/jobs/cariste-lyon.json'), 'utf8')),
);

const profiles = [
  makeProfile('cv_a'),
  makeProfile(
    'cv_b',
    { ...SAMPLE_IDENTITY, first: 'Jean', last: 'Martin', civility: 'Monsieur' },
    { certifications: ['CACES_R489_1A'] },
  ),
  makeProfile(
    'cv_c',
    { ...SAMPLE_IDENTITY, first: 'Fatima', last: 'Zahra', email: 'f.zahra@example.org' },
    { skills: ['gestion des stocks', 'scanner'] },
  ),
  makeProfile(
    'cv_d',
    { ...SAMPLE_IDENTITY, first: 'Olivier', last: 'Dubois', civility: 'Monsieur' },
    { certifications: [] },
  ),
];

/** A chat model whose score is a hash of exactly what it saw: any identity reaching it moves the score. */
function textHashModel() {
  return createFakeChatModel({
    respond: (request) => {
      const prompt = request.messages.map((message) => message.content).join('\n');
      return {
        candidates: [...candidateBlocks(prompt)].map(([id, block]) => ({
          id,
          score: Number.parseInt(createHash('sha256').update(block).digest('hex').slice(0, 4), 16) % 101,
          criteria: [],
          summary: 'Profil évalué. Décision humaine requise.',
        })),
      };
    },
  });
}

describe('fairness audit of rankCandidates (same CV, another name → same score and rank)', () => {
  it('rules only', async () => {
    const report = await auditFairness({
      job,
      profiles,
      rank: (jobOrder, pool) => rankCandidates(jobOrder, pool, { now: '2026-11-01' }),
      variants: 8,
    });
    expect(report.details.length).toBeGreaterThan(0);
    expect(report.maxScoreDelta).toBe(0);
    expect(report.passed).toBe(true);
  });

  it('with the LLM rerank', async () => {
    const fake = textHashModel();
    const degraded: string[] = [];
    const report = await auditFairness({
      job,
      profiles,
      rank: (jobOrder, pool) =>
        rankCandidates(jobOrder, pool, {
          now: '2026-11-01',
          chatModel: fake.model,
          onEvent: (event) => {
            if (event.type === 'llm-degraded') degraded.push(event.candidateId);
          },
        }),
      variants: 8,
    });
    // Baseline + 8 variants really went through the model, and no assessment fell back to rules.
    expect(fake.requests.length).toBeGreaterThanOrEqual(9);
    expect(degraded).toEqual([]);
    expect(report.maxScoreDelta).toBe(0);
    expect(report.rankChanges).toBe(0);
    expect(report.passed).toBe(true);
  });
});

describe('counterfactual swaps on the fixture pool: gender, name, age and address change no score', () => {
  it('rules and local embeddings, every fixture order', async () => {
    const { readCandidateDataset, readJobOrders } = await import('../../src/parsing/index.js');
    const { createLocal } = await import('../../src/providers/index.js');
    const now = '2026-11-01';
    const jobs = await readJobOrders(join(import.meta.dirname, '../../fixtures/jobs'), { now });
    const { profiles: pool } = await readCandidateDataset([join(import.meta.dirname, '../../fixtures/cvs')], {
      now,
    });
    const embeddingModel = createLocal().embeddingModel();
    for (const jobOrder of jobs) {
      const report = await auditFairness({
        job: jobOrder,
        profiles: pool,
        rank: (order, candidates) => rankCandidates(order, candidates, { now, embeddingModel }),
        variants: 2,
        swaps: ['identity', 'gender', 'age', 'address'],
      });
      expect(report.maxDeltaBySwap).toEqual({ identity: 0, gender: 0, age: 0, address: 0 });
      expect(report.rankChanges).toBe(0);
    }
  }, 120_000);
});
