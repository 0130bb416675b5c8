/**
 * Field-level accuracy of `parseCv` on the French intérim set (`eval/parse/fr`, written by
 * scripts/generate-fr-interim-set.ts): 56 fictitious temp workers' CVs in the layouts agencies receive
 * (Europass, designer sidebar, classic, missions list, Word tables, typed text), each with a gold
 * `<id>.gold.json`. Values are matched with the rules of field-matching.ts (as on the dotin resumes);
 * certifications, licences, languages, phone and dates exactly. A fixed third of the files (by the hash of
 * their name, `isFrHeldOut`) is held out: its figures are printed, its per-document differences never.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CandidateProfile } from '../../src/domain/index.js';
import { parseCv } from '../../src/parsing/index.js';
import { type MatchRule, matchField } from './field-matching.js';
import { addCounts, type FieldCounts, type FieldScore, type MicroScore, scoreFields } from './score-table.js';

export const FR_INTERIM_DIRECTORY = 'eval/parse/fr';

/**
 * Whether a file belongs to the held-out part: the first byte of the SHA-256 of its name below 86
 * (86/256 ≈ 1/3). Fixed by the names alone, before any result was seen.
 */
export function isFrHeldOut(fileName: string): boolean {
  return createHash('sha256').update(fileName, 'utf8').digest()[0]! < 86;
}

/** The gold file's shape (scripts/fr-interim/compose.ts). */
interface FrGold {
  file: string;
  layout: string;
  now: string;
  name: string;
  email: string;
  phone: string;
  city: string;
  experiences: {
    title: string;
    company: string | null;
    start: string | null;
    end: string | null;
    current: boolean;
  }[];
  degrees: string[];
  skills: string[];
  certifications: string[];
  drivingLicences: string[];
  languages: string[];
}

export const FR_RULES = {
  name: 'name',
  email: 'exact',
  phone: 'exact',
  'location.city': 'city',
  'experience.title': 'span',
  'experience.company': 'span',
  'experience.dates': 'exact',
  'education.degree': 'degree',
  skills: 'skill',
  certifications: 'exact',
  drivingLicences: 'exact',
  languages: 'exact',
} as const satisfies Record<string, MatchRule>;
type FrField = keyof typeof FR_RULES;
const FR_FIELDS = Object.keys(FR_RULES) as FrField[];

const dateKey = (start: string | null, end: string | null, current: boolean) =>
  `${start}|${current ? 'present' : (end ?? '')}`;

function goldValues(gold: FrGold): Record<FrField, string[]> {
  return {
    name: [gold.name],
    email: [gold.email],
    phone: [gold.phone],
    'location.city': [gold.city],
    'experience.title': gold.experiences.map((item) => item.title),
    'experience.company': gold.experiences.flatMap((item) => (item.company ? [item.company] : [])),
    'experience.dates': gold.experiences
      .filter((item) => item.start !== null)
      .map((item) => dateKey(item.start, item.end, item.current)),
    'education.degree': gold.degrees,
    skills: gold.skills,
    certifications: gold.certifications,
    drivingLicences: gold.drivingLicences,
    languages: gold.languages,
  };
}

function predicted(profile: CandidateProfile): Record<FrField, (string | string[])[]> {
  const one = (value: string | null | undefined) => (value ? [value] : []);
  return {
    name: one(profile.name),
    email: one(profile.email),
    phone: one(profile.phone),
    'location.city': one(profile.location?.city),
    'experience.title': profile.experiences.map((item) => item.title),
    'experience.company': profile.experiences.flatMap((item) => (item.company ? [item.company] : [])),
    'experience.dates': profile.experiences
      .filter((item) => item.start !== null)
      .map((item) => dateKey(item.start, item.end, item.current)),
    'education.degree': profile.education.map((item) => item.degree),
    skills: profile.skills.map((skill) => (skill.normalized ? [skill.name, skill.normalized] : skill.name)),
    certifications: profile.certifications.map((item) => item.code),
    drivingLicences: profile.drivingLicences,
    languages: profile.languages.map((item) => item.name),
  };
}

export interface FrPartReport {
  documents: number;
  failed: { file: string; message: string }[];
  fields: FieldScore[];
  micro: MicroScore;
  /** Per-layout micro-F1. */
  layouts: { layout: string; documents: number; micro: MicroScore }[];
  /** Per document, the fields with a difference (development part, with `verbose`, only). */
  mismatches: { file: string; field: string; missed: string[]; spurious: string[] }[];
}

export interface FrReport {
  development: FrPartReport;
  heldOut: FrPartReport;
  seconds: number;
}

async function evaluatePart(directory: string, golds: FrGold[], verbose: boolean): Promise<FrPartReport> {
  const counts = new Map<string, FieldCounts>();
  const perLayout = new Map<string, { documents: number; counts: Map<string, FieldCounts> }>();
  const failed: FrPartReport['failed'] = [];
  const mismatches: FrPartReport['mismatches'] = [];
  for (const gold of golds) {
    const layout = gold.layout;
    const layoutEntry = perLayout.get(layout) ?? { documents: 0, counts: new Map<string, FieldCounts>() };
    layoutEntry.documents++;
    perLayout.set(layout, layoutEntry);
    let values: Record<FrField, (string | string[])[]> | null = null;
    try {
      // A generous time limit: the eval measures reading, not speed, on a machine other jobs share.
      const { profile } = await parseCv(path.join(directory, gold.file), {
        now: gold.now,
        limits: { timeoutMs: 60_000 },
      });
      values = predicted(profile);
    } catch (error) {
      failed.push({ file: gold.file, message: error instanceof Error ? error.message : String(error) });
    }
    const expected = goldValues(gold);
    for (const field of FR_FIELDS) {
      const match = matchField(FR_RULES[field], expected[field], values ? values[field] : []);
      addCounts(counts, field, match);
      addCounts(layoutEntry.counts, field, match);
      if (verbose && (match.missed.length > 0 || match.spurious.length > 0))
        mismatches.push({ file: gold.file, field, missed: match.missed, spurious: match.spurious });
    }
  }
  const ordered = new Map(
    FR_FIELDS.map((field) => [field, counts.get(field) ?? { gold: 0, predicted: 0, correct: 0 }]),
  );
  const { fields, micro } = scoreFields(ordered);
  const layouts = [...perLayout.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([layout, entry]) => ({
      layout,
      documents: entry.documents,
      micro: scoreFields(entry.counts).micro,
    }));
  return { documents: golds.length, failed, fields, micro, layouts, mismatches };
}

/** Parses and scores every document of the set; per-document differences only for the development part. */
export async function evaluateFrInterim(
  directory = FR_INTERIM_DIRECTORY,
  options: { verbose?: boolean } = {},
): Promise<FrReport> {
  const started = performance.now();
  const goldFiles = (await readdir(directory)).filter((file) => file.endsWith('.gold.json')).sort();
  const golds: FrGold[] = [];
  for (const file of goldFiles)
    golds.push(JSON.parse(await readFile(path.join(directory, file), 'utf8')) as FrGold);
  const development = await evaluatePart(
    directory,
    golds.filter((gold) => !isFrHeldOut(gold.file)),
    options.verbose ?? false,
  );
  const heldOut = await evaluatePart(
    directory,
    golds.filter((gold) => isFrHeldOut(gold.file)),
    false,
  );
  return { development, heldOut, seconds: (performance.now() - started) / 1000 };
}
