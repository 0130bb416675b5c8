import { beforeAll, describe, expect, it } from 'vitest';
import { buildProfile, caristeSpec } from '../../../test/matching/profile-factory.js';
import { type CandidateProfile, type JobOrder, jobOrderSchema } from '../../domain/index.js';
import { lookupCommune } from '../../geo/index.js';
import { normalizeOccupation, occupationCloseness } from '../../taxonomy/index.js';
import { type AssessPairContext, assessPair } from '../assess-pair.js';
import { titleContext, UNDATED_SCORE_SHARE, UNDATED_SHARE } from '../requirements/occupation-experience.js';
import { scoreFeatures } from './score-features.js';
import { jobKeywords, keywordRelevance, scoreTextPool } from './text-relevance.js';

const NOW = '2026-11-29';
const job: JobOrder = jobOrderSchema.parse({
  id: 'j',
  title: 'Cariste',
  romeCode: 'N1101',
  location: { city: 'Vénissieux', postalCode: '69200', lat: 45.6975, lon: 4.8867 },
  startDate: '2027-01-04',
  requiredSkills: ['conduite de chariot élévateur', 'chargement de camions'],
  minExperienceMonths: 12,
});

beforeAll(() => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
}, 120_000);

const score = (order: JobOrder, profile: CandidateProfile, context: AssessPairContext = {}) =>
  scoreFeatures(assessPair(order, profile, { now: NOW, ...context }));
const scoreOf = (features: ReturnType<typeof scoreFeatures>, criterion: string) =>
  features.find((feature) => feature.criterion === criterion);

describe('scoreFeatures', () => {
  it('scores the same ROME code 100 and a related one lower, in proportion to closeness', () => {
    const cariste = score(job, buildProfile(caristeSpec('a', { headline: null })));
    expect(scoreOf(cariste, 'occupation')).toMatchObject({ score: 100, met: 'yes', source: 'rule' });
    const magasinier = buildProfile(
      caristeSpec('b', {
        headline: null,
        experiences: [{ title: 'Magasinier', romeCode: 'N1103', start: '2024-01', current: true }],
      }),
    );
    const related = scoreOf(score(job, magasinier), 'occupation');
    // The title "Magasinier" reads as N1110, so the given N1103 is trusted at 0.8 (the order's code at 1):
    // 0.8 × 0.7 × closeness, plus 0.2 × the title words' similarity (none here).
    expect(related?.score).toBeCloseTo(100 * 0.8 * 0.7 * occupationCloseness('N1101', 'N1103'), 0);
    expect(related?.evidence[0]).toContain('Magasinier');
  });

  it('counts months in a related occupation half, weighted by how sure the code comparison is', () => {
    // 24 months as magasinier (related) = 12 months of cariste experience: exactly the minimum, which the
    // requirement counts in full (met); the criterion credits them at the comparison's confidence (the
    // given N1103 is not what the title "Magasinier" reads as: 0.8), so 12 × 0.8 of 12 months.
    const related = buildProfile(
      caristeSpec('c', {
        experiences: [{ title: 'Magasinier', romeCode: 'N1103', start: '2024-12', current: true }],
      }),
    );
    expect(occupationCloseness('N1101', 'N1103')).toBeGreaterThanOrEqual(0.5);
    expect(scoreOf(score(job, related), 'experience')).toMatchObject({
      score: 80,
      met: 'yes',
    });
    const shorter = buildProfile(
      caristeSpec('d', {
        experiences: [{ title: 'Magasinier', romeCode: 'N1103', start: '2025-12', current: true }],
      }),
    );
    // 12 months related = 6 months counted: half the minimum, at 0.8.
    expect(scoreOf(score(job, shorter), 'experience')?.score).toBe(40);
  });

  it('trusts an entry written without dates less than a dated one, and counts no months for it', () => {
    const cariste = { title: 'Cariste', romeCode: 'N1101' };
    const dated = score(
      job,
      buildProfile(
        caristeSpec('u1', { headline: null, experiences: [{ ...cariste, start: '2024-01', current: true }] }),
      ),
    );
    const undated = score(
      job,
      buildProfile(caristeSpec('u2', { headline: null, experiences: [{ ...cariste, start: null }] })),
    );
    const datedOccupation = scoreOf(dated, 'occupation');
    const undatedOccupation = scoreOf(undated, 'occupation');
    expect(undatedOccupation?.score).toBeCloseTo(UNDATED_SCORE_SHARE * (datedOccupation?.score ?? 0), 0);
    expect(undatedOccupation?.confidence).toBeCloseTo(UNDATED_SHARE * (datedOccupation?.confidence ?? 0), 3);
    expect(scoreOf(dated, 'experience')).toMatchObject({ score: 100, met: 'yes' });
    expect(scoreOf(undated, 'experience')).toMatchObject({ score: 0, met: 'no' });
    // "No experience" is less sure when the only entry has no dates.
    expect(scoreOf(undated, 'experience')?.confidence).toBeLessThan(
      scoreOf(dated, 'experience')?.confidence ?? 0,
    );
  });

  it('credits skills found in full, in part, or not at all, with quotes', () => {
    const profile = buildProfile(
      caristeSpec('e', {
        skills: ['Chariots élévateurs'],
        experiences: [
          {
            title: 'Cariste',
            romeCode: 'N1101',
            start: '2023-01',
            current: true,
            description: 'Déchargement des camions.',
          },
        ],
      }),
    );
    const skills = scoreOf(score(job, profile), 'skills');
    // "conduite de chariot élévateur": same taxonomy skill as the listed "Chariots élévateurs" → found;
    // "chargement de camions": 1 of its 2 terms in a description sentence (below 2/3) → not found.
    expect(skills).toMatchObject({ score: 50, met: 'partial', evidence: ['Chariots élévateurs'] });
    const sorting = jobOrderSchema.parse({ ...job, requiredSkills: ['tri sélectif des palettes'] });
    const listed = buildProfile(caristeSpec('e2', { skills: ['Tri sélectif'], experiences: [] }));
    // 2 of the 3 terms in a listed skill (at least half) → half credit.
    expect(scoreOf(score(sorting, listed), 'skills')).toMatchObject({
      score: 50,
      evidence: ['Tri sélectif'],
    });
  });

  it('scores distance 100 close by, 50 at the stated radius, 0 at twice the radius', () => {
    const at = (lat: number) =>
      scoreOf(score(job, buildProfile(caristeSpec('f', { lat, lon: 4.8867 }))), 'distance')?.score;
    expect(at(45.6975)).toBe(100);
    expect(at(45.6975 + 30 / 111.2)).toBeCloseTo(50, 0);
    expect(at(45.6975 + 60 / 111.2)).toBeCloseTo(0, 0);
  });

  it('rates an experience with no title on the headline, at 0.8 of a titled one', () => {
    const spec = (id: string, title: string, headline: string | null) =>
      caristeSpec(id, {
        headline,
        experiences: [{ title, start: '2025-11', current: true, description: 'Entrepôt.' }],
      });
    const titled = assessPair(job, buildProfile(spec('u1', 'Cariste', 'Cariste')), { now: NOW });
    const untitled = assessPair(job, buildProfile(spec('u2', '', 'Cariste')), { now: NOW });
    const bare = assessPair(job, buildProfile(spec('u3', '', null)), { now: NOW });
    expect(titled.experience.rated[0]?.score).toBeCloseTo(1, 5);
    expect(untitled.experience.rated[0]?.score).toBeCloseTo(0.8, 5);
    // Its 13 months count (0.8 is still the same occupation), credited at the headline's mapping confidence
    // (so a little below the titled entry's full credit); with no headline either, nothing counts.
    const titledScore = scoreOf(scoreFeatures(titled), 'experience')?.score ?? 0;
    const untitledScore = scoreOf(scoreFeatures(untitled), 'experience');
    expect(titledScore).toBe(100);
    expect(untitledScore?.met).toBe('yes');
    expect(untitledScore?.score).toBeGreaterThanOrEqual(90);
    expect(untitledScore?.score).toBeLessThanOrEqual(titledScore);
    expect(scoreOf(scoreFeatures(bare), 'experience')?.score).toBe(0);
  });

  it('scores the keywords criterion as plain BM25 over the pool, the best match at 100', () => {
    const words = buildProfile(caristeSpec('k1'));
    const none = buildProfile(
      caristeSpec('k2', {
        headline: 'Serveur',
        experiences: [
          { title: 'Serveur', start: '2022-03', current: true, description: 'Service en salle.' },
        ],
        skills: ['service en salle'],
      }),
    );
    const pool = [words, none];
    const titles = titleContext(job, pool);
    const text = scoreTextPool(job, pool, titles.pool);
    const keywords = (profile: CandidateProfile) =>
      scoreOf(score(job, profile, { titles, text: text.get(profile.id) ?? null }), 'keywords');
    expect(keywords(words)).toMatchObject({ score: 100, met: 'yes', source: 'rule' });
    expect(keywords(none)?.score).toBe(0);
    // Against a pool of itself, a CV holding each keyword about once is not worth 100.
    expect(keywordRelevance(job, words, titles.pool)).toBeGreaterThan(0);
    expect(jobKeywords(job)).toEqual(['cariste', 'conduit', 'chariot', 'elevateur', 'chargement', 'camion']);
  });

  it('has a semantic criterion only when retrieval gave one', () => {
    const profile = buildProfile(caristeSpec('g'));
    expect(scoreOf(score(job, profile), 'semantic')).toBeUndefined();
    expect(scoreOf(score(job, profile, { semantic: 0.42 }), 'semantic')).toMatchObject({
      score: 42,
      source: 'embedding',
    });
  });
});
