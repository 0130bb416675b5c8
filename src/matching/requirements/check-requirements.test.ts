import { beforeAll, describe, expect, it } from 'vitest';
import { buildProfile, caristeSpec } from '../../../test/matching/profile-factory.js';
import { type JobOrder, jobOrderSchema } from '../../domain/index.js';
import { lookupCommune } from '../../geo/index.js';
import { normalizeOccupation } from '../../taxonomy/index.js';
import { checkRequirements } from './check-requirements.js';
import { defaultPenalties, requirementKinds } from './requirement-policy.js';

/** README "Concepts / Default weights": what an unmet requirement multiplies the score by. */
const DOCUMENTED_PENALTIES = {
  certification: 0.6,
  licence: 0.6,
  distance: 0.75,
  language: 0.8,
  availability: 0.85,
  experience: 0.9,
};

const NOW = '2026-11-29';
const job: JobOrder = jobOrderSchema.parse({
  id: 'j',
  title: 'Chauffeur PL',
  romeCode: 'N4101',
  location: { city: 'Corbas', postalCode: '69960', lat: 45.6681, lon: 4.9017 },
  startDate: '2027-01-04',
  requiredCertifications: ['FCO_MARCHANDISES'],
  requiredLicences: ['C'],
  languages: [{ name: 'Anglais', level: 'B1' }],
  minExperienceMonths: 12,
  language: 'en',
});

beforeAll(() => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
}, 120_000);

const byKind = (checks: ReturnType<typeof checkRequirements>) =>
  Object.fromEntries(checks.map((check) => [`${check.kind}:${check.requirement}`, check.met]));

describe('checkRequirements', () => {
  it('checks each requirement kind and says why', () => {
    const driver = buildProfile({
      id: 'cv_driver',
      city: 'Corbas',
      lat: 45.67,
      lon: 4.9,
      experiences: [{ title: 'Chauffeur poids lourd', romeCode: 'N4101', start: '2024-01', current: true }],
      certifications: [{ code: 'FCO_MARCHANDISES', label: 'FCO marchandises', validUntil: '2029-01-01' }],
      licences: ['B', 'C'],
      languages: [{ name: 'English', level: 'B2' }],
      availability: { from: '2027-01-14', immediate: false },
    });
    const checks = checkRequirements(job, driver, { now: NOW });
    expect(byKind(checks)).toEqual({
      'certification:FCO_MARCHANDISES': 'yes',
      'licence:C': 'yes',
      'availability:2027-01-04': 'no',
      'distance:50 km': 'yes',
      'language:Anglais B1': 'yes', // "English" and "Anglais" are the same language
      'experience:12 months': 'yes',
    });
    const late = checks.find((check) => check.kind === 'availability');
    expect(late?.message).toBe('available on 2027-01-14, 10 days after the start (2027-01-04)');
    expect(late?.penalty).toBe(0.85);
    expect(checks.find((check) => check.kind === 'licence')?.evidence).toEqual(['Permis B, C']);
  });

  it('says one day and one month in the singular, in both languages', () => {
    const soon = buildProfile({
      id: 'cv_soon',
      experiences: [{ title: 'Chauffeur poids lourd', romeCode: 'N4101', start: '2026-10', end: '2026-10' }],
      availability: { from: '2027-01-05', immediate: false },
    });
    const english = checkRequirements(job, soon, { now: NOW });
    expect(english.find((check) => check.kind === 'availability')?.message).toBe(
      'available on 2027-01-05, 1 day after the start (2027-01-04)',
    );
    expect(english.find((check) => check.kind === 'experience')?.message).toBe(
      '1 month of experience in the occupation, 12 required',
    );
    const french = checkRequirements({ ...job, language: 'fr' }, soon, { now: NOW });
    expect(french.find((check) => check.kind === 'availability')?.message).toBe(
      'disponible le 2027-01-05, 1 jour après le début (2027-01-04)',
    );
    expect(french.find((check) => check.kind === 'experience')?.message).toBe(
      "1 mois d'expérience dans le métier, 12 demandés",
    );
  });

  it('reports what the profile does not say as unknown, never as unmet', () => {
    const empty = buildProfile({ id: 'cv_empty' });
    const checks = checkRequirements(job, empty, { now: NOW });
    expect(checks.find((check) => check.kind === 'availability')?.met).toBe('unknown');
    expect(checks.find((check) => check.kind === 'distance')?.met).toBe('unknown');
    expect(
      checks
        .filter((check) => check.met === 'unknown')
        .every((check) => check.penalty === 1 && !check.excluded),
    ).toBe(true);
    expect(byKind(checks)['licence:C']).toBe('no');
  });

  it('applies the policy per kind', () => {
    const cariste = buildProfile(caristeSpec('cv_cariste'));
    const checks = checkRequirements(job, cariste, { now: NOW, policy: { licence: 'exclude' } });
    const licence = checks.find((check) => check.kind === 'licence');
    expect(licence).toMatchObject({ met: 'no', policy: 'exclude', excluded: true, penalty: 1 });
    const certification = checks.find((check) => check.kind === 'certification');
    expect(certification).toMatchObject({
      met: 'no',
      policy: 'penalize',
      excluded: false,
      penalty: 0.6,
    });
  });

  it('caps the distance of a candidate without a vehicle at 30 km even with a wider stated radius', () => {
    const noCar = buildProfile(
      caristeSpec('cv_no_car', { lat: 45.95, lon: 4.95, mobility: { maxDistanceKm: 60, hasVehicle: false } }),
    );
    const distance = checkRequirements(job, noCar, { now: NOW }).find((check) => check.kind === 'distance');
    expect(distance?.requirement).toBe('30 km');
    expect(distance?.met).toBe('no');
    expect(distance?.message).toMatch(/^\d+ km from the site \(no vehicle\)$/);
  });

  it('reads a language level below the requirement as unmet', () => {
    const beginner = buildProfile({ id: 'cv_a2', languages: [{ name: 'anglais', level: 'A2' }] });
    const language = checkRequirements(job, beginner, { now: NOW }).find(
      (check) => check.kind === 'language',
    );
    expect(language?.met).toBe('no');
    expect(language?.message).toBe('Anglais at A2, B1 required');
  });

  it('multiplies a missed requirement by its documented penalty, per kind', () => {
    const missesAll = buildProfile({
      id: 'cv_misses_all',
      city: 'Dijon',
      postalCode: '21000',
      lat: 47.322,
      lon: 5.0415,
      experiences: [{ title: 'Serveur', romeCode: 'G1803', start: '2025-06', current: true }],
      certifications: [],
      licences: ['B'],
      languages: [{ name: 'Anglais', level: 'A2' }],
      availability: { from: '2027-03-01', immediate: false },
      mobility: { maxDistanceKm: 20, hasVehicle: true },
    });
    const checks = checkRequirements(job, missesAll, { now: NOW });
    expect(checks.every((check) => check.met === 'no' && check.policy === 'penalize')).toBe(true);
    expect(Object.fromEntries(checks.map((check) => [check.kind, check.penalty]))).toEqual(
      DOCUMENTED_PENALTIES,
    );
    expect(defaultPenalties).toEqual(DOCUMENTED_PENALTIES);
    expect([...requirementKinds].sort()).toEqual(Object.keys(DOCUMENTED_PENALTIES).sort());
  });
});
