/**
 * Field-level accuracy of `parseCv` on the fixture CVs: per field precision, recall and F1, and micro-F1
 * over all fields, comparing parse output with each `*.expected.json` (strings compared case- and
 * accent-insensitively, codes and dates exactly). Part of `npm run eval:parse`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CandidateProfile } from '../../src/domain/index.js';
import { parseCv } from '../../src/parsing/index.js';
import { normalizeKey } from '../../src/text/index.js';
import {
  type FieldCounts,
  type FieldScore,
  formatFieldTable,
  type MicroScore,
  scoreFields,
} from './score-table.js';

export interface ParseEvalReport {
  documents: number;
  failed: { file: string; message: string }[];
  fields: FieldScore[];
  micro: MicroScore;
  /** Per document, the fields with a difference (only with `verbose`). */
  mismatches: { file: string; field: string; expected: string[]; actual: string[] }[];
  seconds: number;
}

// The expected-file shape written by scripts/generate-fixtures.ts (the fields compared here).
interface Expected {
  file: string;
  now: string;
  language: string;
  name: string | null;
  headline: string | null;
  email: string | null;
  phone: string | null;
  location: { city: string | null; postalCode: string | null } | null;
  experiences: {
    title: string;
    company: string | null;
    start: string | null;
    end: string | null;
    current: boolean;
  }[];
  education: { degree: string; year: number | null }[];
  skills: string[];
  certifications: string[];
  drivingLicences: string[];
  languages: { name: string; level: string | null }[];
  availability: { from: string | null; immediate: boolean } | null;
  mobility: { maxDistanceKm: number | null; hasVehicle: boolean | null } | null;
  totalExperienceMonths: number;
  sensitive: {
    birthDate: string | null;
    age: number | null;
    nationality: string | null;
    maritalStatus: string | null;
  } | null;
}

const text = (value: string | null | undefined) => (value ? normalizeKey(value) : null);
const list = (...values: (string | null | undefined)[]) =>
  values.filter((value): value is string => Boolean(value));
const mobilityKey = (mobility: Expected['mobility']) =>
  mobility && (mobility.maxDistanceKm !== null || mobility.hasVehicle !== null)
    ? `${mobility.maxDistanceKm}|${mobility.hasVehicle}`
    : null;

/** Field → the comparable items of a document (a multiset of normalised strings). */
const FIELDS: Record<string, (value: Expected) => string[]> = {
  language: (value) => [value.language],
  name: (value) => list(text(value.name)),
  headline: (value) => list(text(value.headline)),
  email: (value) => list(value.email?.toLowerCase()),
  phone: (value) => list(value.phone),
  'location.city': (value) => list(text(value.location?.city)),
  'location.postalCode': (value) => list(value.location?.postalCode),
  'experience.title': (value) => value.experiences.map((item) => normalizeKey(item.title)),
  'experience.company': (value) => list(...value.experiences.map((item) => text(item.company))),
  'experience.dates': (value) => value.experiences.map((item) => `${item.start}|${item.end}|${item.current}`),
  'education.degree': (value) => value.education.map((item) => normalizeKey(item.degree)),
  'education.year': (value) =>
    list(...value.education.map((item) => (item.year === null ? null : String(item.year)))),
  skills: (value) => value.skills.map((item) => normalizeKey(item)),
  certifications: (value) => [...value.certifications],
  drivingLicences: (value) => [...value.drivingLicences],
  languages: (value) => value.languages.map((item) => `${normalizeKey(item.name)}|${item.level}`),
  availability: (value) =>
    list(value.availability ? `${value.availability.immediate}|${value.availability.from}` : null),
  mobility: (value) => list(mobilityKey(value.mobility)),
  totalExperienceMonths: (value) => [String(value.totalExperienceMonths)],
  'sensitive.birthDate': (value) => list(value.sensitive?.birthDate),
  'sensitive.age': (value) => list(value.sensitive?.age == null ? null : String(value.sensitive.age)),
  'sensitive.nationality': (value) => list(text(value.sensitive?.nationality)),
  'sensitive.maritalStatus': (value) => list(text(value.sensitive?.maritalStatus)),
};

/** A parsed profile in the expected-file shape. */
export function profileAsExpected(profile: CandidateProfile): Omit<Expected, 'file' | 'now'> {
  return {
    language: profile.source.language,
    name: profile.name,
    headline: profile.headline,
    email: profile.email,
    phone: profile.phone,
    location: profile.location,
    experiences: profile.experiences,
    education: profile.education,
    skills: profile.skills.map((skill) => skill.name),
    certifications: profile.certifications.map((item) => item.code),
    drivingLicences: profile.drivingLicences,
    languages: profile.languages,
    availability: profile.availability,
    mobility: profile.mobility,
    totalExperienceMonths: profile.totalExperienceMonths,
    sensitive: profile.sensitive,
  };
}

function countMatches(expected: string[], actual: string[]): number {
  const remaining = new Map<string, number>();
  for (const item of expected) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  let correct = 0;
  for (const item of actual) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) {
      correct++;
      remaining.set(item, left - 1);
    }
  }
  return correct;
}

/** Parses every fixture with an expected file in `directory` and scores each field. */
export async function evaluateParse(
  directory = 'fixtures/cvs',
  options: { verbose?: boolean } = {},
): Promise<ParseEvalReport> {
  const started = performance.now();
  const expectedFiles = (await readdir(directory)).filter((file) => file.endsWith('.expected.json')).sort();
  const counts = new Map<string, FieldCounts>(
    Object.keys(FIELDS).map((field) => [field, { gold: 0, predicted: 0, correct: 0 }]),
  );
  const failed: ParseEvalReport['failed'] = [];
  const mismatches: ParseEvalReport['mismatches'] = [];
  for (const expectedFile of expectedFiles) {
    const expected = JSON.parse(await readFile(path.join(directory, expectedFile), 'utf8')) as Expected;
    let actual: Omit<Expected, 'file' | 'now'> | null = null;
    try {
      const { profile } = await parseCv(path.join(directory, expected.file), { now: expected.now });
      actual = profileAsExpected(profile);
    } catch (error) {
      failed.push({ file: expected.file, message: error instanceof Error ? error.message : String(error) });
    }
    for (const [field, read] of Object.entries(FIELDS)) {
      const gold = read(expected);
      const predicted = actual ? read({ ...expected, ...actual }) : [];
      const correct = countMatches(gold, predicted);
      const count = counts.get(field)!;
      count.gold += gold.length;
      count.predicted += predicted.length;
      count.correct += correct;
      if (options.verbose && (correct !== gold.length || correct !== predicted.length)) {
        mismatches.push({ file: expected.file, field, expected: gold, actual: predicted });
      }
    }
  }
  const { fields, micro } = scoreFields(counts);
  return {
    documents: expectedFiles.length,
    failed,
    fields,
    micro,
    mismatches,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A readable table of the report. */
export function formatReport(report: ParseEvalReport): string {
  const rows = [
    formatFieldTable(report.fields, report.micro),
    `${report.documents} documents, ${report.failed.length} failed, ${report.seconds.toFixed(1)} s`,
  ];
  for (const failure of report.failed) rows.push(`FAILED ${failure.file}: ${failure.message}`);
  for (const item of report.mismatches) {
    rows.push(
      `  ${item.file} ${item.field}: expected ${JSON.stringify(item.expected)} got ${JSON.stringify(item.actual)}`,
    );
  }
  return rows.join('\n');
}
