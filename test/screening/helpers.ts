import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CandidateProfile,
  type JobOrder,
  jobOrderSchema,
  type QuestionTopic,
  type ScreeningQuestion,
} from '../../src/domain/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A job order from fixtures/jobs/<name>.json, defaults filled. */
export function loadJob(name: string): JobOrder {
  return jobOrderSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'fixtures', 'jobs', `${name}.json`), 'utf8')),
  );
}

/** Names of every JSON job fixture. */
export function jobFixtureNames(): string[] {
  return readdirSync(join(ROOT, 'fixtures', 'jobs'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** A synthetic, empty-ish profile (a fictional person); override what a test needs. */
export function syntheticCandidate(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    id: 'cv_0123456789abcdef',
    source: { file: null, format: 'json', pages: 1, language: 'fr' },
    name: 'Camille Exemple',
    email: null,
    phone: '+33600000000',
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
    ...overrides,
  };
}

export const AGENCY = { name: 'Interim Test Lyon', humanContact: '04 00 00 00 00' };
/** Monday 28 December 2026, 10:00 in Paris. */
export const NOW = '2026-12-28T09:00:00Z';

/** A chat model's reading of a reply (`modelReadingSchema`), off-topic unless overridden. */
export function modelAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    intent: 'off_topic',
    evidence: '',
    dates: [],
    immediate: false,
    hourlyRate: null,
    transport: null,
    questionAbout: null,
    confidence: 0.9,
    ...overrides,
  };
}

/** The order the reply-reading unit tests ask about: a CACES R489 3 forklift job near Lyon, from 4 January 2027. */
export const READING_JOB = jobOrderSchema.parse({
  id: 'cariste-test',
  title: 'Cariste',
  location: { city: 'Vénissieux', postalCode: '69200', lat: 45.6975, lon: 4.8867 },
  startDate: '2027-01-04',
  endDate: '2027-04-03',
  shift: '2x8',
  requiredCertifications: ['CACES_R489_3'],
  hourlyRateEur: 12.5,
});

/** A screening question on `topic` (and a certificate `code` for certification questions). */
export function readingQuestion(topic: QuestionTopic, code: string | null = null): ScreeningQuestion {
  return { id: code ? `${topic}:${code}` : topic, topic, code, reason: 'test' };
}
