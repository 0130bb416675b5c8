import { describe, expect, it } from 'vitest';
import { makeProfile } from '../../test/compliance/make-profile.js';
import type { CandidateProfile, JobOrder, MatchResult } from '../domain/index.js';
import { jobOrderSchema } from '../domain/index.js';
import { auditFairness } from './audit-fairness.js';
import {
  flipGender,
  PHOTO_MENTION,
  swapAddress,
  swapAge,
  swapGender,
  swapPhoto,
} from './counterfactual-swaps.js';

describe('counterfactual swaps', () => {
  it('flips every gendered word both ways, keeping case', () => {
    expect(flipGender('Serveuse motivée, née le 01/02/1990. Cariste H/F, Madame')).toBe(
      'Serveur motivé, né le 01/02/1990. Cariste F/H, Monsieur',
    );
    expect(flipGender('CONDUCTEUR expérimenté')).toBe('CONDUCTRICE expérimentée');
    expect(flipGender('She worked as a waitress')).toBe('He worked as a waiter');
  });

  it('makes a profile older in its text and sensitive data', () => {
    const profile = makeProfile('cv_a');
    const older = swapAge(profile);
    expect(older.text).toContain('Née le 14/02/1982');
    expect(older.text).toContain('43 ans');
    expect(older.text).toContain("10 ans d'expérience");
    expect(older.experiences).toEqual(profile.experiences);
  });

  it('removes the photo mention of a CV with one and adds one to a CV without', () => {
    const profile = makeProfile('cv_a'); // "… 2 enfants. Photo. RQTH."
    const withoutPhoto = swapPhoto(profile);
    expect(withoutPhoto.text).not.toMatch(/photo/i);
    expect(withoutPhoto.text).toContain('2 enfants.  RQTH.');
    expect(withoutPhoto.experiences).toEqual(profile.experiences);
    const withPhoto = swapPhoto(withoutPhoto);
    expect(withPhoto.text).toBe(`${PHOTO_MENTION}\n${withoutPhoto.text}`);
  });

  it('moves a profile to another street of the same town', () => {
    const profile = makeProfile('cv_a');
    const moved = swapAddress(profile);
    expect(moved.text).toContain('7 avenue des Tilleuls, 69003 Lyon');
    expect(moved.text).not.toContain('rue des Lilas');
    expect(moved.location).toEqual(profile.location);
  });

  it('makes auditFairness catch a ranker that reads gender, age or address', async () => {
    const job: JobOrder = jobOrderSchema.parse({ id: 'job-1', title: 'Cariste' });
    const reads =
      (pattern: RegExp) =>
      async (_job: JobOrder, pool: CandidateProfile[]): Promise<MatchResult[]> =>
        pool.map((profile, index) => ({
          candidateId: profile.id,
          score: pattern.test(profile.text) ? 60 : 50,
          rank: index + 1,
          breakdown: [],
          unmetRequirements: [],
          summary: '',
          warnings: [],
        }));
    const profiles = [makeProfile('cv_a')];
    for (const [swap, pattern] of [
      ['gender', /Née/],
      ['age', /34 ans/],
      ['address', /Lilas/],
    ] as const) {
      const report = await auditFairness({ job, profiles, rank: reads(pattern), swaps: [swap] });
      expect(report.passed).toBe(false);
      expect(report.maxDeltaBySwap[swap]).toBe(10);
      expect(report.rankCalls).toBe(2);
    }
    const fair = await auditFairness({
      job,
      profiles,
      rank: reads(/Cariste/),
      swaps: ['gender', 'age', 'address'],
    });
    expect(fair.passed).toBe(true);
  });

  it('keeps the profile id and job-relevant codes', () => {
    const profile = makeProfile('cv_a');
    const swapped = swapGender(profile);
    expect(swapped.id).toBe('cv_a');
    expect(swapped.certifications.map((item) => item.code)).toEqual(
      profile.certifications.map((item) => item.code),
    );
    expect(swapped.headline).toContain('Cariste');
  });
});
