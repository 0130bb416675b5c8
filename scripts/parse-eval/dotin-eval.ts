/**
 * Field-level accuracy of `parseCvText` on the dotin resumes (308 real English resumes with entity spans):
 * each file's text is rebuilt (`readDotinResume`), parsed, and its profile compared with the gold values
 * of `dotinGold` under the matching rules of `field-matching.ts`. A fixed ~30% of the files (by the hash
 * of their name, `isHeldOut`) is set aside: never tuned on, reported only when asked.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CandidateProfile } from '../../src/domain/index.js';
import { parseCvText } from '../../src/parsing/index.js';
import { type Calibration, type CalibrationPoint, calibrate } from './calibration.js';
import { DOTIN_FIELDS, DOTIN_MICRO_FIELDS, type DotinField, dotinGold } from './dotin-gold.js';
import { readDotinResume } from './dotin-resume.js';
import { type MatchRule, matchField } from './field-matching.js';
import { addCounts, type FieldCounts, type FieldScore, type MicroScore, scoreFields } from './score-table.js';

export const DOTIN_DIRECTORY = '../shared/data/dev/dotin-resume-ner';
/** Reference date for "Present" (the resumes were collected around 2018–2019). */
const DOTIN_NOW = '2019-06-01';

/**
 * Whether a file belongs to the held-out part: the first byte of the SHA-256 of its name below 77
 * (77/256 ≈ 30%). Fixed by the names alone, before any result was seen.
 */
export function isHeldOut(fileName: string): boolean {
  return createHash('sha256').update(fileName, 'utf8').digest()[0]! < 77;
}

/** How each field's predicted values are matched against the gold spans. */
export const RULES: Record<DotinField, MatchRule> = {
  name: 'name',
  email: 'exact',
  'location.city': 'city',
  'experience.title': 'span',
  'experience.company': 'span',
  'experience.dates': 'exact',
  'education.degree': 'degree',
  skills: 'skill',
  'education.year': 'exact',
};

/** A predicted value (a skill carries its text and its taxonomy label) with the confidence it came with. */
export interface PredictedItem {
  value: string | string[];
  confidence: number;
}

/** The profile's values for each scored field, each with its confidence. */
export function predictedValues(profile: CandidateProfile): Record<DotinField, PredictedItem[]> {
  const scalar = (value: string | null | undefined, confidence: number | undefined) =>
    value ? [{ value, confidence: confidence ?? 0.5 }] : [];
  const item = <T extends { confidence?: number | undefined }>(entry: T, value: string) => ({
    value,
    confidence: entry.confidence ?? 0.5,
  });
  return {
    name: scalar(profile.name, profile.confidence.name),
    email: scalar(profile.email, profile.confidence.email),
    'location.city': scalar(profile.location?.city, profile.confidence.location),
    // The headline is the resume's own job title (Indeed's second line): scored with the titles.
    'experience.title': [
      ...profile.experiences.map((entry) => item(entry, entry.title)),
      ...scalar(profile.headline, profile.confidence.headline),
    ],
    'experience.company': profile.experiences.flatMap((entry) =>
      entry.company ? [item(entry, entry.company)] : [],
    ),
    'experience.dates': profile.experiences
      .filter((entry) => entry.start !== null)
      .map((entry) =>
        item(
          entry,
          `${entry.start!.slice(0, 4)}|${entry.current ? 'present' : (entry.end?.slice(0, 4) ?? '')}`,
        ),
      ),
    'education.degree': profile.education.map((entry) => item(entry, entry.degree)),
    skills: profile.skills.map((skill) => ({
      value: skill.normalized ? [skill.name, skill.normalized] : skill.name,
      confidence: skill.confidence ?? 0.5,
    })),
    'education.year': profile.education.flatMap((entry) =>
      entry.year === null ? [] : [item(entry, String(entry.year))],
    ),
  };
}

/** Scores of one part of the dataset (development or held out). */
export interface DotinPartReport {
  documents: number;
  failed: { file: string; message: string }[];
  fields: FieldScore[];
  /** Micro-average over the fields (all but `education.year`). */
  micro: MicroScore;
  /** Per field, the labelled spans before the header/list rules kept the gold ones. */
  mentions: Partial<Record<DotinField, number>>;
  /** Per document and field, what was missed and what was spurious (only with `verbose`). */
  mismatches: { file: string; field: DotinField; missed: string[]; spurious: string[] }[];
  /** Confidence against correctness of every predicted value of the micro-averaged fields. */
  calibration: Calibration;
  /** The same, per field. */
  calibrationByField: Partial<Record<DotinField, Calibration>>;
}

export interface DotinReport {
  development: DotinPartReport;
  /** Only when asked for (`heldOut: true`). */
  heldOut: DotinPartReport | null;
  seconds: number;
}

async function evaluatePart(
  directory: string,
  files: string[],
  options: { verbose: boolean },
): Promise<DotinPartReport> {
  const counts = new Map<string, FieldCounts>(
    DOTIN_FIELDS.map((field) => [field, { gold: 0, predicted: 0, correct: 0 }]),
  );
  const mentions: Partial<Record<DotinField, number>> = {};
  const failed: DotinPartReport['failed'] = [];
  const mismatches: DotinPartReport['mismatches'] = [];
  const points = new Map<DotinField, CalibrationPoint[]>();
  for (const file of files) {
    const resume = readDotinResume(await readFile(path.join(directory, file), 'utf8'));
    const gold = dotinGold(resume);
    for (const [field, count] of Object.entries(gold.mentions) as [DotinField, number][])
      mentions[field] = (mentions[field] ?? 0) + count;
    let predicted: Record<DotinField, PredictedItem[]> | null = null;
    try {
      const { profile } = await parseCvText(resume.text, { file, now: DOTIN_NOW });
      predicted = predictedValues(profile);
    } catch (error) {
      failed.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
    for (const field of DOTIN_FIELDS) {
      const items = predicted?.[field] ?? [];
      const match = matchField(
        RULES[field],
        gold[field],
        items.map((entry) => entry.value),
      );
      addCounts(counts, field, match);
      const fieldPoints = points.get(field) ?? [];
      for (const [index, entry] of items.entries())
        fieldPoints.push({ confidence: entry.confidence, correct: match.credited[index] === true });
      points.set(field, fieldPoints);
      if (options.verbose && (match.missed.length > 0 || match.spurious.length > 0))
        mismatches.push({ file, field, missed: match.missed, spurious: match.spurious });
    }
  }
  const { fields, micro } = scoreFields(counts, DOTIN_MICRO_FIELDS);
  const calibrationByField: DotinPartReport['calibrationByField'] = {};
  for (const [field, fieldPoints] of points) calibrationByField[field] = calibrate(fieldPoints);
  const calibration = calibrate(
    DOTIN_MICRO_FIELDS.filter((field) => field !== 'experience.dates').flatMap(
      (field) => points.get(field) ?? [],
    ),
  );
  return {
    documents: files.length,
    failed,
    fields,
    micro,
    mentions,
    mismatches,
    calibration,
    calibrationByField,
  };
}

/**
 * Scores the dotin resumes of `directory`: the development part always, the held-out part only with
 * `heldOut: true` (its mismatches are never listed).
 */
export async function evaluateDotin(
  directory = DOTIN_DIRECTORY,
  options: { heldOut?: boolean; verbose?: boolean } = {},
): Promise<DotinReport> {
  const started = performance.now();
  const files = (await readdir(directory))
    .filter((file) => file.endsWith('.xml'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const development = await evaluatePart(
    directory,
    files.filter((file) => !isHeldOut(file)),
    { verbose: options.verbose === true },
  );
  const heldOut = options.heldOut
    ? await evaluatePart(
        directory,
        files.filter((file) => isHeldOut(file)),
        { verbose: false },
      )
    : null;
  return { development, heldOut, seconds: (performance.now() - started) / 1000 };
}
