/**
 * Applies the rubric of eval/qrels/README.md to the fixture CVs' expected profiles and the fixture
 * job orders, and prints the judgements as TSV (`job_id<TAB>candidate<TAB>grade`, grade ≥ 1 only).
 *
 *   npx tsx eval/qrels/judge.ts > eval/qrels/fixtures.tsv
 *
 * The occupation of each CV comes from hand-written title patterns below (one ROME code per title);
 * distances from the offline commune table (src/geo). Nothing here reads names or contact details.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceKm, lookupCommune } from '../../src/geo/index.js';
import { normalizeKey } from '../../src/text/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** "In area": the candidate's city is at most this far from the job site. */
const AREA_KM = 50;

/** Title pattern (on folded, lower-case text) → ROME code. First match wins. */
const TITLE_OCCUPATIONS: [RegExp, string][] = [
  [/\b(cariste|forklift)\b/, 'N1101'],
  [/\b(preparat\w* de commandes|order picker|picker)\b/, 'N1103'],
  [/\bmagasini\w*\b/, 'N1103'],
  [/\b(manutentionnaire|warehouse operative|agent de quai)\b/, 'N1105'],
  [/\b((chauffeur|conducteur) (pl|spl|poids lourd|super lourd))\b/, 'N4101'],
  [/\bchauffeur livreur\b/, 'N4105'],
  [/\b(aide soignant\w*|care assistant|healthcare assistant)\b/, 'J1501'],
  [/\b(agent de service hospitalier|ash)\b/, 'J1301'],
  [/\b(agent de proprete|agent d entretien|femme de chambre)\b/, 'K2204'],
  [/\b(serveu\w*|waiter|waitress)\b/, 'G1803'],
  [/\b(commis de cuisine|plongeur|kitchen porter|kitchen assistant)\b/, 'G1602'],
  [/\belectricien\b/, 'F1602'],
  [/\bsoudeu\w*\b/, 'H2913'],
  [/\b(macon|aide macon)\b/, 'F1703'],
  [/\boperateur de production\b/, 'H2102'],
];

/** Close occupations (grade 1), both directions: logistics among themselves, care, cleaning, restaurant. */
const CLOSE: [string, string][] = [
  ['N1101', 'N1103'],
  ['N1101', 'N1105'],
  ['N1103', 'N1105'],
  ['N4101', 'N4105'],
  ['J1501', 'J1301'],
  ['K2204', 'K2205'],
  ['K2204', 'J1301'],
  ['K2205', 'J1301'],
  ['G1803', 'G1602'],
];
/** The jobs say K2205 (propreté de locaux); the CVs' cleaning titles map to K2204: same trade. */
const SAME: [string, string][] = [['K2204', 'K2205']];

interface ExpectedProfile {
  headline: string | null;
  experiences: { title: string }[];
  education: { degree: string }[];
  certifications: string[];
  drivingLicences: string[];
  location: { city: string | null; postalCode: string | null } | null;
}

interface Job {
  id: string;
  romeCode: string | null;
  requiredCertifications: string[];
  requiredLicences: string[];
  location: { city: string | null; postalCode: string | null; lat: number | null; lon: number | null } | null;
}

function occupationsOf(profile: ExpectedProfile): Set<string> {
  const codes = new Set<string>();
  for (const title of [
    profile.headline ?? '',
    ...profile.experiences.map((experience) => experience.title),
  ]) {
    const key = normalizeKey(title);
    const match = TITLE_OCCUPATIONS.find(([pattern]) => pattern.test(key));
    if (match) codes.add(match[1]);
  }
  return codes;
}

function related(pairs: [string, string][], a: string, b: string): boolean {
  return pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** A certificate counts when its code is listed, or (diplomas such as DEAS) its name is a degree. */
function holds(profile: ExpectedProfile, code: string): boolean {
  if (profile.certifications.includes(code)) return true;
  return profile.education.some((education) =>
    normalizeKey(education.degree).split(' ').includes(code.toLowerCase()),
  );
}

function distanceToJob(profile: ExpectedProfile, job: Job): number | null {
  const site =
    job.location?.lat != null && job.location.lon != null
      ? { lat: job.location.lat, lon: job.location.lon }
      : job.location
        ? lookupCommune(job.location)
        : null;
  const home = profile.location ? lookupCommune(profile.location) : null;
  return site && home ? distanceKm(site, home) : null;
}

export function grade(profile: ExpectedProfile, job: Job): { grade: number; why: string } {
  const rome = job.romeCode;
  if (!rome) return { grade: 0, why: 'job has no ROME code' };
  const occupations = [...occupationsOf(profile)];
  const same = occupations.some((code) => code === rome || related(SAME, code, rome));
  if (!same) {
    const close = occupations.some((code) => related(CLOSE, code, rome));
    return close
      ? { grade: 1, why: `close occupation (${occupations.join(', ')})` }
      : { grade: 0, why: 'unrelated' };
  }
  const missing = [
    ...job.requiredCertifications.filter((code) => !holds(profile, code)),
    ...job.requiredLicences.filter((licence) => !profile.drivingLicences.includes(licence)),
  ];
  const distance = distanceToJob(profile, job);
  const far = distance === null || distance > AREA_KM;
  if (missing.length > 0 || far) {
    const reasons = [
      ...missing.map((code) => `missing ${code}`),
      far ? `far (${distance?.toFixed(0) ?? '?'} km)` : '',
    ];
    return { grade: 2, why: reasons.filter(Boolean).join(', ') };
  }
  return { grade: 3, why: `in area (${distance?.toFixed(0)} km), all requirements` };
}

function main(): void {
  const cvDirectory = join(ROOT, 'fixtures', 'cvs');
  const jobDirectory = join(ROOT, 'fixtures', 'jobs');
  const profiles = readdirSync(cvDirectory)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => ({
      stem: file.replace(/\.expected\.json$/, ''),
      profile: JSON.parse(readFileSync(join(cvDirectory, file), 'utf8')) as ExpectedProfile,
    }));
  const jobs = readdirSync(jobDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(jobDirectory, file), 'utf8')) as Job);
  const verbose = process.argv.includes('--why');
  const lines = ['job_id\tcandidate\tgrade'];
  for (const job of jobs) {
    for (const { stem, profile } of profiles) {
      const judged = grade(profile, job);
      if (verbose) process.stderr.write(`${job.id}\t${stem}\t${judged.grade}\t${judged.why}\n`);
      if (judged.grade > 0) lines.push(`${job.id}\t${stem}\t${judged.grade}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
