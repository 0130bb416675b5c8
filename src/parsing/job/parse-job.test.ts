import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type JobOrder, jobOrderSchema } from '../../domain/index.js';
import { ValidationError } from '../../errors.js';
import { distanceKm, lookupCommune } from '../../geo/index.js';
import { normalizeOccupation } from '../../taxonomy/index.js';
import { parseJobOrder } from './parse-job.js';

const folder = new URL('../../../fixtures/jobs/', import.meta.url);
const slugs = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();
const NOW = '2026-11-29';

// The taxonomy and communes tables load on first use (seconds on a busy machine): load them before timing starts.
beforeAll(() => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
}, 120_000);

const keyFields = (job: JobOrder) => ({
  title: job.title.toLowerCase(),
  romeCode: job.romeCode,
  city: job.location?.city,
  postalCode: job.location?.postalCode,
  startDate: job.startDate,
  endDate: job.endDate,
  shift: job.shift,
  requiredCertifications: [...job.requiredCertifications].sort(),
  requiredLicences: [...job.requiredLicences].sort(),
  requiredSkills: job.requiredSkills,
  preferredSkills: job.preferredSkills,
  minExperienceMonths: job.minExperienceMonths,
  languages: job.languages,
  hourlyRateEur: job.hourlyRateEur,
  headcount: job.headcount,
  language: job.language,
});

describe('parseJobOrder on the fixture ads', () => {
  it('has at least 6 orders, each as valid JSON and as an ad text', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    for (const slug of slugs) {
      const json = JSON.parse(readFileSync(new URL(`${slug}.json`, folder), 'utf8'));
      expect(jobOrderSchema.safeParse(json).success, slug).toBe(true);
      expect(readFileSync(new URL(`${slug}.txt`, folder), 'utf8').length).toBeGreaterThan(100);
    }
  });

  it.each(slugs)('reads %s.txt as the matching .json on the key fields', (slug) => {
    const expected = parseJobOrder(readFileSync(new URL(`${slug}.json`, folder), 'utf8'), { now: NOW });
    const parsed = parseJobOrder(readFileSync(new URL(`${slug}.txt`, folder), 'utf8'), {
      now: NOW,
      id: slug,
    });
    expect(parsed.id).toBe(slug);
    expect(keyFields(parsed)).toEqual(keyFields(expected));
    const [a, b] = [parsed.location, expected.location];
    if (a?.lat != null && a.lon != null && b?.lat != null && b.lon != null) {
      expect(distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon })).toBeLessThan(10);
    } else {
      throw new Error(`${slug}: no coordinates`);
    }
  });
});

describe('parseJobOrder on JSON', () => {
  const base = { id: 'j1', title: 'Cariste' };

  it('normalises free-text certifications and licences to codes, fills the ROME code and coordinates', () => {
    const job = parseJobOrder({
      ...base,
      requiredCertifications: ['CACES R489 cat 3'],
      requiredLicences: ['permis poids lourd'],
      location: { city: 'Vénissieux', postalCode: '69200' },
    });
    expect(job.requiredCertifications).toEqual(['CACES_R489_3']);
    expect(job.requiredLicences).toEqual(['C']);
    expect(job.romeCode).toBe('N1101');
    expect(job.location?.lat).toBeCloseTo(45.7, 1);
  });

  it('reports bad input as ValidationError with paths', () => {
    const attempt = (input: string | object) => {
      try {
        parseJobOrder(input);
      } catch (error) {
        return error;
      }
      throw new Error('expected a ValidationError');
    };
    const bad = attempt({
      ...base,
      hourlyRateEur: -3,
      requiredCertifications: ['permis de pêche'],
    }) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    const paths = bad.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('hourlyRateEur');
    expect(paths).toContain('requiredCertifications.0');
    expect(attempt('{ not json')).toBeInstanceOf(ValidationError);
    expect(attempt('   ')).toBeInstanceOf(ValidationError);
    expect(attempt('[1, 2]')).toBeInstanceOf(ValidationError);
  });

  it('accepts a ROME v3 or v4 code in any usual form, and rejects an unknown one', () => {
    expect(parseJobOrder({ ...base, title: 'Data analyst', romeCode: 'm1403' }).romeCode).toBe('M1403');
    expect(parseJobOrder({ ...base, title: 'Data analyst', romeCode: 'ROME M1419' }).romeCode).toBe('M1419');
    expect(() => parseJobOrder({ ...base, romeCode: 'A9999' })).toThrow(ValidationError);
  });

  it('leaves the ROME code empty for a title that names no occupation', () => {
    expect(parseJobOrder({ ...base, title: 'Technicien H/F' }).romeCode).toBeNull();
  });
});

describe('parseJobOrder on free text', () => {
  it('takes the ROME code the ad states over the title', () => {
    const job = parseJobOrder('Technicien hygiéniste H/F\nCode ROME : K2305\nSecteur Bordeaux, CDI.', {
      now: NOW,
    });
    expect(job.romeCode).toBe('K2305');
  });

  it('reads dates, rate, shift and experience written in other ways', () => {
    const job = parseJobOrder(
      "Manutentionnaire H/F\nMission du 07/12/2026 au 19/02/2027 en 3x8. 13€ brut de l'heure. 2 ans minimum. Anglais courant.",
      { now: NOW },
    );
    expect(job).toMatchObject({
      title: 'Manutentionnaire',
      startDate: '2026-12-07',
      endDate: '2027-02-19',
      shift: '3x8',
      hourlyRateEur: 13,
      minExperienceMonths: 24,
      languages: [{ name: 'Anglais', level: 'C1' }],
    });
    expect(job.id).toMatch(/^job_[0-9a-f]{12}$/);
  });

  it('skips noise in the title, finds the place in it, and reads CACES lists', () => {
    const job = parseJobOrder(
      'URGENT - Cariste cat 3 H/F - Lyon 7e\nNotre client recherche 3 caristes CACES 1, 3 et 5. Prise de poste immédiate. Permis B exigé.',
      { now: NOW },
    );
    expect(job).toMatchObject({
      title: 'Cariste cat 3',
      romeCode: 'N1101',
      startDate: NOW,
      headcount: 3,
      requiredLicences: ['B'],
    });
    expect(job.location).toMatchObject({ city: 'Lyon', postalCode: '69007' });
    expect(job.requiredCertifications).toContain('CACES_R489_3');
    expect(job.requiredCertifications).toContain('CACES_R489_5');
  });

  it('reads English ads: "category", clause-bound language levels, "appreciated" as not required', () => {
    const job = parseJobOrder(
      'Forklift driver (M/F) - Saint-Priest (69800)\nWe are looking for 4 forklift drivers. CACES R489 category 3 required. ' +
        'Starting January 11, 2027. Night shift. 13.10 € per hour. Basic French is enough, good English appreciated.',
      { now: NOW },
    );
    expect(job).toMatchObject({
      title: 'Forklift driver',
      romeCode: 'N1101',
      requiredCertifications: ['CACES_R489_3'],
      startDate: '2027-01-11',
      shift: 'nuit',
      hourlyRateEur: 13.1,
      headcount: 4,
      languages: [{ name: 'French', level: 'A2' }],
      language: 'en',
    });
    expect(job.preferredSkills).toEqual([]);
  });

  it('decides required or preferred per clause: a licence "souhaité" after a required CACES', () => {
    const job = parseJobOrder(
      'Cariste H/F\nCACES R489 cat. 3 exigé, permis B souhaité. Le SST est un plus mais le CACES 5 est obligatoire.',
      { now: NOW },
    );
    expect(job.requiredCertifications).toEqual(['CACES_R489_3', 'CACES_R489_5']);
    expect(job.requiredLicences).toEqual([]);
    expect(job.preferredSkills).toEqual(expect.arrayContaining(['permis B', 'SST']));
  });

  it('reads English "Skills required:", "Nice to have:" and a range of years as its lower bound', () => {
    const job = parseJobOrder(
      'Software Developer\nSkills required: PYTHON, Java, C++, SQL\nNice to have: Docker\n(1-4 years experience)',
      { now: NOW },
    );
    expect(job).toMatchObject({
      language: 'en',
      requiredSkills: ['PYTHON', 'java', 'C++', 'SQL'],
      preferredSkills: ['docker'],
      minExperienceMonths: 12,
    });
    expect(
      parseJobOrder('Cariste\nExpérience de 2 à 3 ans souhaitée.', { now: NOW }).minExperienceMonths,
    ).toBe(24);
    expect(parseJobOrder('Welder\n3+ years of experience.', { now: NOW }).minExperienceMonths).toBe(36);
  });

  it("keeps an English ad's own words for skills found without a label", () => {
    const job = parseJobOrder(
      'Call Center Representative\nWe need someone for customer service and data entry.',
      {
        now: NOW,
      },
    );
    expect(job.language).toBe('en');
    expect(job.requiredSkills).toEqual(['customer service', 'data entry']);
  });

  it('places a date without a year on the next matching weekday', () => {
    const job = parseJobOrder('Cariste\nDémarrage dès le lundi 4 janvier, mission de 2 semaines.', {
      now: NOW,
    });
    expect(job.startDate).toBe('2027-01-04');
    expect(job.endDate).toBe('2027-01-17');
  });
});
