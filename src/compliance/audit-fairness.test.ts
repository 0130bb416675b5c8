import { describe, expect, it } from 'vitest';
import { makeProfile, SAMPLE_IDENTITY } from '../../test/compliance/make-profile.js';
import { type CandidateProfile, type JobOrder, jobOrderSchema, type MatchResult } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import { foldAccents } from '../text/normalize.js';
import { auditFairness, FAIRNESS_IDENTITIES, swapIdentity } from './audit-fairness.js';

const job = jobOrderSchema.parse({ id: 'job-1', title: 'Cariste', requiredCertifications: ['CACES_R489_3'] });

const profiles = [
  makeProfile('cv_a'),
  makeProfile(
    'cv_b',
    { ...SAMPLE_IDENTITY, first: 'Jean', last: 'Martin', civility: 'Monsieur' },
    { certifications: ['CACES_R489_1A'] },
  ),
  makeProfile(
    'cv_c',
    { ...SAMPLE_IDENTITY, first: 'Fatima', last: 'Zahra', civility: 'Madame' },
    { skills: ['gerbeur'] },
  ),
];

/** Ranks by a per-profile score, best first, ties by id. */
function ranker(score: (profile: CandidateProfile) => number) {
  return async (_job: JobOrder, pool: CandidateProfile[]): Promise<MatchResult[]> =>
    pool
      .map((profile) => ({ id: profile.id, score: score(profile) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .map((entry, index) => ({
        candidateId: entry.id,
        score: entry.score,
        rank: index + 1,
        breakdown: [],
        unmetRequirements: [],
        summary: '',
        warnings: [],
      }));
}

const fairScore = (profile: CandidateProfile) =>
  Math.min(100, 40 + 20 * profile.certifications.length + 5 * profile.skills.length);

describe('auditFairness', () => {
  it('has at least 12 synthetic identities of varied genders and origins', () => {
    expect(FAIRNESS_IDENTITIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(FAIRNESS_IDENTITIES.map((identity) => identity.gender)).size).toBe(3);
    expect(new Set(FAIRNESS_IDENTITIES.map((identity) => identity.origin)).size).toBeGreaterThanOrEqual(6);
  });

  it('passes a ranker that only reads job-relevant fields', async () => {
    const report = await auditFairness({ job, profiles, rank: ranker(fairScore) });
    expect(report.passed).toBe(true);
    expect(report.maxScoreDelta).toBe(0);
    expect(report.rankChanges).toBe(0);
    expect(report.rankCalls).toBe(7);
    expect(report.details).toHaveLength(profiles.length * 6);
    expect(new Set(report.details.map((detail) => detail.identity)).size).toBeGreaterThanOrEqual(6);
  });

  it('fails a ranker that rewards French-sounding names, and says by how much', async () => {
    const familiar = new Set(['martin', 'dubois', 'lefebvre', 'laurent', 'roussel']);
    const leaky = (profile: CandidateProfile) => {
      const last =
        foldAccents(profile.name ?? '')
          .toLowerCase()
          .split(' ')
          .at(-1) ?? '';
      return fairScore(profile) - (familiar.has(last) ? 0 : 7);
    };
    const report = await auditFairness({ job, profiles, rank: ranker(leaky) });
    expect(report.passed).toBe(false);
    expect(report.maxScoreDelta).toBe(7);
    expect(report.meanDeltaByGroup.origin['maghreb']).toBeLessThan(0);
  });

  it('fails a ranker that reads the civility in the CV text', async () => {
    const leaky = (profile: CandidateProfile) => fairScore(profile) - (/Madame/.test(profile.text) ? 3 : 0);
    const report = await auditFairness({ job, profiles, rank: ranker(leaky), variants: 3 });
    expect(report.passed).toBe(false);
    expect(report.maxScoreDelta).toBe(3);
  });

  it('counts candidates dropped from a variant as a failure', async () => {
    const fair = ranker(fairScore);
    const dropsMamadou = async (jobOrder: JobOrder, pool: CandidateProfile[]) =>
      (await fair(jobOrder, pool)).filter((result) => {
        const profile = pool.find((candidate) => candidate.id === result.candidateId);
        return !profile?.name?.includes('Mamadou');
      });
    const report = await auditFairness({ job, profiles, rank: dropsMamadou });
    expect(report.passed).toBe(false);
    expect(report.missing).toBeGreaterThan(0);
  });

  it('rejects an impossible number of variants', async () => {
    await expect(auditFairness({ job, profiles, rank: ranker(fairScore), variants: 99 })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('swapIdentity', () => {
  it('replaces name parts, email and civility everywhere and keeps the id and the job content', () => {
    const original = makeProfile('cv_a');
    const swapped = swapIdentity(original, {
      firstName: 'Mamadou',
      lastName: 'Traoré',
      gender: 'male',
      origin: 'west-africa',
    });
    expect(swapped.id).toBe('cv_a');
    expect(swapped.name).toBe('Mamadou Traoré');
    expect(swapped.email).toBe('mamadou.traore@example.org');
    const everything = JSON.stringify({ ...swapped, sensitive: null });
    expect(everything).not.toMatch(/Émilie|Zarkowski|Madame|emilie\.zarkowski/i);
    expect(swapped.text.split('\n')[0]).toBe('Monsieur Mamadou Traoré');
    expect(swapped.experiences[0]!.description).toBe('Mamadou conduit des chariots frontaux et latéraux.');
    expect(swapped.certifications).toEqual(original.certifications);
    const neutral = swapIdentity(original, {
      firstName: 'Camille',
      lastName: 'Laurent',
      gender: 'neutral',
      origin: 'france',
    });
    expect(neutral.text.split('\n')[0]).toBe('Camille Laurent');
  });
});
