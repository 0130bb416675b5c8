/**
 * Layout-robustness signal on the livecareer resume PDFs (../shared/data/dev/livecareer-resumes/<CATEGORY>/),
 * which have no gold spans: how many parsed profiles have the parts every real resume has. These resumes are
 * anonymised (no person's name, "Company Name", "City , State"), so a name found is a false one.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CandidateProfile } from '../../src/domain/index.js';
import { parseCvs } from '../../src/parsing/index.js';

export const LIVECAREER_DIRECTORY = '../shared/data/dev/livecareer-resumes';

/** Shares of the parsed profiles (0–1) with each property. */
export interface LivecareerCoverage {
  documents: number;
  failed: { file: string; reason: string }[];
  withExperience: number;
  withTitleAndDates: number;
  withSkills: number;
  withEducation: number;
  /** Should be 0: the resumes are anonymised. */
  withName: number;
  /** Share of experience titles that look wrong: a sentence, a placeholder, a heading, a date. */
  suspectTitles: number;
  /** Share of experiences read without a title (an employer and dates only). */
  untitledExperiences: number;
  experiencesPerCv: number;
  seconds: number;
}

const PLACEHOLDER = /\b(?:company name|city\s*,\s*state)\b/iu;

/** Whether an experience title looks like something else than a job title. */
export function isSuspectTitle(title: string): boolean {
  const words = title.split(/\s+/).length;
  return (
    words > 10 ||
    /[.;]$/.test(title) ||
    PLACEHOLDER.test(title) ||
    /^\W*$/.test(title) ||
    /\b(?:19|20)\d{2}\b/.test(title) ||
    /^(?:in|and|the|of|to|for|with)\b/iu.test(title)
  );
}

export function coverageOf(
  profiles: CandidateProfile[],
): Omit<LivecareerCoverage, 'documents' | 'failed' | 'seconds'> {
  const share = (test: (profile: CandidateProfile) => boolean) =>
    profiles.length === 0 ? 0 : profiles.filter(test).length / profiles.length;
  const titles = profiles.flatMap((profile) => profile.experiences.map((item) => item.title)).filter(Boolean);
  const entries = profiles.reduce((sum, profile) => sum + profile.experiences.length, 0);
  return {
    withExperience: share((profile) => profile.experiences.length > 0),
    withTitleAndDates: share((profile) =>
      profile.experiences.some(
        (item) => item.title.length > 0 && item.start !== null && !isSuspectTitle(item.title),
      ),
    ),
    withSkills: share((profile) => profile.skills.length > 0),
    withEducation: share((profile) => profile.education.length > 0),
    withName: share((profile) => profile.name !== null),
    suspectTitles: titles.length === 0 ? 0 : titles.filter(isSuspectTitle).length / titles.length,
    experiencesPerCv: profiles.length === 0 ? 0 : entries / profiles.length,
    untitledExperiences: entries === 0 ? 0 : (entries - titles.length) / entries,
  };
}

/** Parses every PDF of the folder (two at a time) and measures coverage. */
export async function evaluateLivecareer(directory = LIVECAREER_DIRECTORY): Promise<LivecareerCoverage> {
  const started = performance.now();
  const files: string[] = [];
  for (const category of (await readdir(directory)).sort()) {
    const folder = path.join(directory, category);
    const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOTDIR') return [];
      throw error;
    });
    for (const file of entries.filter((name) => name.endsWith('.pdf')).sort())
      files.push(path.join(folder, file));
  }
  const results = await parseCvs(files, { concurrency: 2, now: '2020-01-01' });
  const profiles: CandidateProfile[] = [];
  const failed: LivecareerCoverage['failed'] = [];
  for (const result of results) {
    if ('error' in result)
      failed.push({ file: path.relative(directory, result.file), reason: result.error.reason });
    else profiles.push(result.profile);
  }
  return {
    documents: files.length,
    failed,
    ...coverageOf(profiles),
    seconds: (performance.now() - started) / 1000,
  };
}
