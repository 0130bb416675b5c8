/**
 * Writes the synthetic CV fixtures: for each person in scripts/fixtures/people-*.ts,
 * `fixtures/cvs/<slug>.<pdf|docx|txt>` and `fixtures/cvs/<slug>.expected.json` (the true field values the
 * parse eval compares). Deterministic: run it twice, get the same bytes.
 *
 *   npm run fixtures            # tsx scripts/generate-fixtures.ts [--out fixtures/cvs]
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { otherPeople } from './fixtures/people-3.js';
import { logisticsPeople } from './fixtures/people-fr-1.js';
import { tradePeople } from './fixtures/people-fr-2.js';
import { hardPeople } from './fixtures/people-hard.js';
import { renderDocx } from './fixtures/render-docx.js';
import { renderPdf } from './fixtures/render-pdf.js';
import { encodeWindows1252, renderText } from './fixtures/render-txt.js';
import type { FixtureFormat, FixturePerson } from './fixtures/types.js';

/** Reference date for "aujourd'hui"/"Present" and relative availability dates in every fixture. */
export const FIXTURE_NOW = '2026-11-01';

export const fixturePeople: FixturePerson[] = [
  ...logisticsPeople,
  ...tradePeople,
  ...otherPeople,
  ...hardPeople,
];

export function extensionOf(format: FixtureFormat): 'pdf' | 'docx' | 'txt' {
  if (format.startsWith('pdf')) return 'pdf';
  if (format.startsWith('docx')) return 'docx';
  return 'txt';
}

/** Inclusive month count of the union of periods; a current period ends at `now`'s month. */
export function totalMonths(
  periods: { start: string | null; end: string | null; current: boolean }[],
  now: string,
): number {
  const toIndex = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
  const intervals = periods
    .filter((period) => period.start !== null && (period.end !== null || period.current))
    .map((period) => [toIndex(period.start!), toIndex(period.current ? now : period.end!)] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let currentStart = -1;
  let currentEnd = -2;
  for (const [start, end] of intervals) {
    if (start > currentEnd + 1) {
      if (currentEnd >= currentStart && currentStart >= 0) total += currentEnd - currentStart + 1;
      currentStart = start;
      currentEnd = end;
    } else currentEnd = Math.max(currentEnd, end);
  }
  if (currentStart >= 0) total += currentEnd - currentStart + 1;
  return total;
}

/** The expected (true) values for one person, in the shape the eval reads. */
export function expectedProfile(person: FixturePerson) {
  const sortedUnique = (values: string[]) => [...new Set(values)].sort();
  return {
    file: `${person.slug}.${extensionOf(person.format)}`,
    layout: person.format,
    language: person.language,
    now: FIXTURE_NOW,
    name: person.name,
    email: person.email,
    phone: person.phoneE164,
    location: { city: person.city, postalCode: person.postalCode },
    headline: person.headline,
    experiences: person.experiences.map((item) => ({
      title: item.title,
      company: item.company,
      location: item.city,
      start: item.start,
      end: item.end,
      current: item.current,
    })),
    education: person.education.map((item) => ({
      degree: item.degree,
      institution: item.institution,
      year: item.year,
    })),
    skills: person.skills,
    certifications: sortedUnique([
      ...person.certifications.flatMap((item) => item.codes),
      ...person.education.flatMap((item) => item.codes ?? []),
    ]),
    drivingLicences: sortedUnique(person.licences.flatMap((item) => item.codes)),
    languages: person.languages.map((item) => ({ name: item.name, level: item.level })),
    availability: person.availability
      ? { from: person.availability.from, immediate: person.availability.immediate }
      : null,
    mobility: person.mobility
      ? { maxDistanceKm: person.mobility.maxDistanceKm, hasVehicle: person.mobility.hasVehicle }
      : null,
    totalExperienceMonths: totalMonths(person.experiences, FIXTURE_NOW),
    sensitive: person.sensitive
      ? {
          birthDate: person.sensitive.birthDate,
          age: person.sensitive.age,
          nationality: person.sensitive.nationality,
          maritalStatus: person.sensitive.maritalStatus,
        }
      : null,
    hiddenText: person.hiddenText ?? null,
  };
}

export type ExpectedProfile = ReturnType<typeof expectedProfile>;

async function render(person: FixturePerson): Promise<Uint8Array> {
  switch (extensionOf(person.format)) {
    case 'pdf':
      return renderPdf(person);
    case 'docx':
      return renderDocx(person);
    case 'txt': {
      const text = renderText(person);
      return person.format === 'txt-cp1252' ? encodeWindows1252(text) : new TextEncoder().encode(text);
    }
  }
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const outDirectory = path.resolve(outIndex > 0 ? process.argv[outIndex + 1]! : 'fixtures/cvs');
  await mkdir(outDirectory, { recursive: true });
  const slugs = new Set<string>();
  for (const person of fixturePeople) {
    if (slugs.has(person.slug)) throw new Error(`duplicate fixture slug ${person.slug}`);
    slugs.add(person.slug);
  }
  // Remove documents of people no longer in the list (only files this script writes).
  for (const file of await readdir(outDirectory)) {
    const slug = file.replace(/\.(expected\.json|pdf|docx|txt)$/, '');
    if (slug !== file && !slugs.has(slug)) await rm(path.join(outDirectory, file));
  }
  for (const person of fixturePeople) {
    const expected = expectedProfile(person);
    await writeFile(path.join(outDirectory, expected.file), await render(person));
    await writeFile(
      path.join(outDirectory, `${person.slug}.expected.json`),
      `${JSON.stringify(expected, null, 2)}\n`,
    );
  }
  process.stderr.write(`wrote ${fixturePeople.length} CVs and expected files to ${outDirectory}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
