import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProfile, caristeSpec } from '../../test/matching/profile-factory.js';
import { type JobOrder, jobOrderSchema } from '../domain/index.js';
import { lookupCommune } from '../geo/index.js';
import type { ChatModel } from '../providers/spec.js';
import { normalizeOccupation } from '../taxonomy/index.js';
import { assessPair } from './assess-pair.js';
import { scoreFeatures } from './features/index.js';
import { rankCandidates } from './rank-candidates.js';
import { rankJobs } from './rank-jobs.js';
import { checkRequirements } from './requirements/index.js';
import { rateExperiences } from './requirements/occupation-experience.js';

// Counts every rating of a profile's experiences, wherever it happens in the pipeline.
vi.mock('./requirements/occupation-experience.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./requirements/occupation-experience.js')>();
  return { ...actual, rateExperiences: vi.fn(actual.rateExperiences) };
});
const rated = vi.mocked(rateExperiences);
/** `job/profile` of every `rateExperiences` call since the last reset. */
const ratedPairs = () => rated.mock.calls.map(([job, profile]) => `${job.id}/${profile.id}`);

const readJob = (slug: string): JobOrder =>
  jobOrderSchema.parse(
    JSON.parse(readFileSync(new URL(`../../fixtures/jobs/${slug}.json`, import.meta.url), 'utf8')),
  );
const job = readJob('cariste-lyon'); // asks for 6 months of experience: the experience check reads the ratings too
const NOW = '2026-11-29';
const pool = [
  buildProfile(caristeSpec('cv_a')),
  buildProfile(caristeSpec('cv_b', { certifications: [] })),
  buildProfile(caristeSpec('cv_c', { experiences: [] })),
  buildProfile({ id: 'cv_d', headline: 'Serveur', experiences: [{ title: 'Serveur', start: '2024-01' }] }),
];

/** A chat model that gives every candidate it is sent the same score. */
const chatModel: ChatModel = {
  specificationVersion: 'v1',
  provider: 'fake',
  modelId: 'fake-chat',
  async generateObject<T>(request: {
    schema: { parse(value: unknown): T };
    messages: { content: string }[];
  }) {
    const text = request.messages.map((message) => message.content).join('\n');
    const ids = [...new Set([...text.matchAll(/<candidate id="([^"]+)"/g)].map((match) => match[1]))];
    const candidates = ids.map((id) => ({ id, score: 50, criteria: [], summary: 'Profil à confirmer.' }));
    return { object: request.schema.parse({ candidates }), usage: { inputTokens: 1, outputTokens: 1 } };
  },
  async generateText() {
    throw new Error('not used');
  },
};

beforeAll(() => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
}, 120_000);

beforeEach(() => {
  rated.mockClear();
});

describe('assessPair', () => {
  it('rates the experiences once and checks every requirement once, keyed by kind', () => {
    const assessment = assessPair(job, pool[1] ?? pool[0]!, { now: NOW });
    expect(ratedPairs()).toEqual(['cariste-lyon/cv_b']);
    const { byKind, checks, unmet, penalty } = assessment.requirements;
    expect(byKind.certification.map((check) => [check.requirement, check.met])).toEqual([
      ['CACES_R489_3', 'no'],
    ]);
    expect(byKind.experience.map((check) => check.met)).toEqual(['yes']);
    expect(byKind.licence).toEqual([]); // the order asks for no licence
    expect(checks).toHaveLength(Object.values(byKind).flat().length);
    expect(unmet.map((item) => item.kind)).toEqual(['certification']);
    expect(penalty).toBe(0.6); // README: a missing certification ×0.6
    // The experience check and the experience criterion read the same ratings.
    expect(byKind.experience[0]?.detail.months).toBe(assessment.experience.months);
    expect(assessment.experience.rated[0]?.experience.title).toBe('Cariste');
  });

  it('gives the same checks as checking the requirements on their own', () => {
    for (const profile of pool) {
      expect(assessPair(job, profile, { now: NOW }).requirements.checks).toEqual(
        checkRequirements(job, profile, { now: NOW }),
      );
    }
  });

  it('scores features from the assessment without rating anything again', () => {
    const assessment = assessPair(job, pool[0]!, { now: NOW, semantic: 0.5 });
    rated.mockClear();
    const features = scoreFeatures(assessment);
    expect(rated).not.toHaveBeenCalled();
    expect(features.map((feature) => feature.criterion)).toEqual([
      'occupation',
      'skills',
      'preferredSkills',
      'experience',
      'certifications',
      'distance',
      'availability',
      'text',
      'keywords',
      'semantic',
    ]);
  });
});

describe('one assessment per pair through the pipeline', () => {
  it('rankCandidates rates each profile’s experiences once', async () => {
    await rankCandidates(job, pool, { now: NOW });
    expect(ratedPairs().sort()).toEqual(pool.map((profile) => `cariste-lyon/${profile.id}`).sort());
  });

  it('rankCandidates with an LLM rerank still rates each profile once', async () => {
    const results = await rankCandidates(job, pool, { now: NOW, chatModel });
    expect(results.some((result) => result.breakdown.some((entry) => entry.criterion === 'llm'))).toBe(true);
    expect(ratedPairs().sort()).toEqual(pool.map((profile) => `cariste-lyon/${profile.id}`).sort());
  });

  it('rankJobs rates the candidate once per order', async () => {
    const jobs = [job, readJob('serveur-lyon'), readJob('soudeur-villefranche')];
    await rankJobs(pool[0]!, jobs, { now: NOW });
    expect(ratedPairs().sort()).toEqual(jobs.map((order) => `${order.id}/cv_a`).sort());
  });
});
