import { describe, expect, it } from 'vitest';
import type { Experience } from '../../domain/index.js';
import {
  type ExperienceCloseness,
  entryReliability,
  occupationExperience,
  UNDATED_SHARE,
} from './occupation-experience.js';

const NOW = '2026-11-01';
const experience = (overrides: Partial<Experience>): Experience => ({
  title: 'Cariste',
  company: null,
  location: null,
  start: '2024-01',
  end: '2024-12',
  current: false,
  description: '',
  occupation: null,
  source: { text: 'Cariste', start: 0, end: 7 },
  confidence: 0.7,
  ...overrides,
});
const rated = (entry: Experience, overrides: Partial<ExperienceCloseness>): ExperienceCloseness => ({
  experience: entry,
  closeness: 1,
  score: 1,
  basis: 'rome',
  codeConfidence: 1,
  months: entry.start ? 12 : 0,
  reliability: entryReliability(entry),
  mapping: 1,
  ...overrides,
});

describe('entryReliability', () => {
  it('is the parse confidence, a share of it without dates', () => {
    expect(entryReliability(experience({ confidence: 0.9 }))).toBeCloseTo(0.9, 10);
    expect(entryReliability(experience({ confidence: 0.9, start: null, end: null }))).toBeCloseTo(
      UNDATED_SHARE * 0.9,
      10,
    );
    expect(entryReliability(experience({ confidence: undefined }), 0.5)).toBeCloseTo(0.5, 10);
  });
});

describe('occupationExperience', () => {
  it('credits months at their mapping confidence and counts the plain months for requirements', () => {
    const sure = occupationExperience([rated(experience({}), { mapping: 1 })], NOW);
    const unsure = occupationExperience([rated(experience({}), { mapping: 0.5 })], NOW);
    expect(sure).toMatchObject({ months: 12, creditedMonths: 12 });
    expect(unsure).toMatchObject({ months: 12, creditedMonths: 6 });
    expect(sure.certainty).toBeCloseTo(0.7, 10);
    expect(unsure.certainty).toBeCloseTo(0.35, 10);
  });

  it('is unsure of "no experience" read from undated or doubtful entries', () => {
    const dated = occupationExperience([rated(experience({}), { closeness: 0, score: 0 })], NOW);
    const undated = occupationExperience(
      [rated(experience({ start: null, end: null }), { closeness: 0, score: 0 })],
      NOW,
    );
    expect(dated).toMatchObject({ months: 0, creditedMonths: 0 });
    expect(dated.certainty).toBeCloseTo(0.7, 10);
    expect(undated.certainty).toBe(0);
  });
});
