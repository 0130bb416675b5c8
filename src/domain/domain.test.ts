import { describe, expect, it } from 'vitest';
import { candidateProfileSchema } from './candidate.js';
import { jobOrderSchema } from './job-order.js';
import { matchResultSchema } from './match.js';

const minimalProfile = {
  id: 'cv_0123456789abcdef',
  source: { file: 'a.txt', format: 'txt', pages: 1, language: 'fr' },
  name: null,
  email: null,
  phone: null,
  location: null,
  headline: null,
  experiences: [],
  education: [],
  skills: [],
  certifications: [],
  drivingLicences: [],
  languages: [],
  availability: null,
  mobility: null,
  totalExperienceMonths: 0,
  warnings: [],
  confidence: {},
  sources: {},
  text: '',
  sensitive: null,
};

describe('domain schemas', () => {
  it('accepts a minimal profile and rejects malformed dates and codes', () => {
    expect(candidateProfileSchema.parse(minimalProfile)).toEqual(minimalProfile);
    const badExperience = {
      title: 'Cariste',
      company: null,
      location: null,
      start: '2021-13',
      end: null,
      current: true,
      description: '',
      occupation: { romeCode: 'N11', label: 'Cariste' },
    };
    const result = candidateProfileSchema.safeParse({ ...minimalProfile, experiences: [badExperience] });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths).toContain('experiences.0.start');
    expect(paths).toContain('experiences.0.occupation.romeCode');
  });

  it('rejects confidence outside 0..1 and unknown confidence keys', () => {
    expect(candidateProfileSchema.safeParse({ ...minimalProfile, confidence: { name: 1.2 } }).success).toBe(
      false,
    );
    expect(
      candidateProfileSchema.safeParse({ ...minimalProfile, confidence: { nickname: 0.5 } }).success,
    ).toBe(false);
  });

  it('fills job order defaults so callers can omit them', () => {
    const job = jobOrderSchema.parse({ id: 'job-1', title: 'Cariste' });
    expect(job).toMatchObject({
      romeCode: null,
      requiredCertifications: [],
      requiredLicences: [],
      minExperienceMonths: 0,
      headcount: 1,
      language: 'fr',
      location: null,
    });
    expect(jobOrderSchema.safeParse({ id: 'job-1', title: 'Cariste', startDate: '12/01/2027' }).success).toBe(
      false,
    );
  });

  it('bounds match scores to 0..100 and ranks to positive integers', () => {
    const base = {
      candidateId: 'cv_1',
      score: 50,
      rank: 1,
      breakdown: [],
      unmetRequirements: [],
      summary: '',
    };
    expect(matchResultSchema.parse(base).warnings).toEqual([]);
    expect(matchResultSchema.safeParse({ ...base, score: 101 }).success).toBe(false);
    expect(matchResultSchema.safeParse({ ...base, rank: 0 }).success).toBe(false);
  });
});
