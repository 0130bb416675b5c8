import type { CandidateProfile, Experience, JobOrder } from '../../domain/index.js';
import { monthIndex } from '../support/calendar.js';
import { bestOccupation, cachedCloseness, cachedTerms } from '../support/memo.js';

/** Below this score a title is not trusted to name an occupation. */
const OCCUPATION_MATCH_THRESHOLD = 0.5;
/** Experiences at least this close to the order's occupation count as experience in it. */
export const RELEVANT_CLOSENESS = 0.5;

/** The order's ROME code: as given, else the best match of its title (null when nothing is close enough). */
export function jobOccupationCode(job: JobOrder): string | null {
  if (job.romeCode) return job.romeCode;
  const best = bestOccupation(job.title);
  return best && best.score >= OCCUPATION_MATCH_THRESHOLD ? best.romeCode : null;
}

/** Dice coefficient of the stemmed content terms of two titles, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(cachedTerms(a));
  const right = new Set(cachedTerms(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** How close one experience is to the order's occupation, 0..1, and how that was decided. */
export interface ExperienceCloseness {
  experience: Experience;
  closeness: number;
  /** `rome`: same or related ROME code; `title`: title words only. */
  basis: 'rome' | 'title';
  /** Duration in months (0 when the dates are unknown). */
  months: number;
}

/** Duration of an experience in whole months, counting both end months; current ones run to `now`. */
export function experienceMonths(experience: Experience, now: string): number {
  if (!experience.start) return 0;
  const end = experience.end ?? (experience.current ? now.slice(0, 7) : experience.start);
  return Math.max(0, monthIndex(end) - monthIndex(experience.start) + 1);
}

/** Closeness of one experience to the order: the ROME graph when both sides have a code, else title similarity. */
export function experienceCloseness(
  experience: Experience,
  jobCode: string | null,
  jobTitle: string,
): { closeness: number; basis: 'rome' | 'title' } {
  const code = experience.occupation?.romeCode ?? null;
  if (jobCode && code) {
    const closeness = cachedCloseness(jobCode, code);
    if (closeness > 0) return { closeness, basis: 'rome' };
  }
  // Title words are weaker evidence than a shared code: at most 0.6.
  return { closeness: 0.6 * titleSimilarity(jobTitle, experience.title), basis: 'title' };
}

/** Every experience of the profile with its closeness to the order, closest first (ties: most recent first). */
export function rateExperiences(
  job: JobOrder,
  profile: CandidateProfile,
  now: string,
): ExperienceCloseness[] {
  const jobCode = jobOccupationCode(job);
  const rated = profile.experiences.map((experience) => ({
    experience,
    ...experienceCloseness(experience, jobCode, job.title),
    months: experienceMonths(experience, now),
  }));
  return rated.sort(
    (a, b) =>
      b.closeness - a.closeness ||
      endMonth(b.experience, now) - endMonth(a.experience, now) ||
      a.experience.title.localeCompare(b.experience.title),
  );
}

/** Month index an experience ended (now for current ones; -1 when undated). */
export function endMonth(experience: Experience, now: string): number {
  if (experience.current) return monthIndex(now);
  const end = experience.end ?? experience.start;
  return end ? monthIndex(end) : -1;
}

/** Share of a month spent in a related (not the same) occupation that counts as experience in the order's. */
export const RELATED_MONTH_FACTOR = 0.5;

/** A profile's experience measured against one order's occupation. */
export interface OccupationExperience {
  /** Every experience with its closeness to the order, closest first (`rateExperiences`). */
  rated: ExperienceCloseness[];
  /** Months in the occupation (related months count half, overlaps once), rounded down. */
  months: number;
  /** Month index the most recent relevant experience ended; null when no relevant experience is dated. */
  lastMonth: number | null;
  /** The rated experiences at least `RELEVANT_CLOSENESS` close, closest first. */
  relevant: ExperienceCloseness[];
}

/**
 * Months of experience in the order's occupation: a month in the same occupation counts 1, a month
 * in a related one (at least `RELEVANT_CLOSENESS` close) counts 0.5; overlapping periods are counted
 * once (at their best factor). Also the month the most recent relevant experience ended.
 */
export function occupationExperience(rated: ExperienceCloseness[], now: string): OccupationExperience {
  const relevant = rated.filter((item) => item.closeness >= RELEVANT_CLOSENESS);
  const covered = new Map<number, number>();
  let lastMonth: number | null = null;
  for (const item of relevant) {
    const { start } = item.experience;
    if (!start) continue;
    const factor = item.closeness >= 1 ? 1 : RELATED_MONTH_FACTOR;
    const first = monthIndex(start);
    for (let month = first; month < first + item.months; month++) {
      covered.set(month, Math.max(covered.get(month) ?? 0, factor));
    }
    const ended = endMonth(item.experience, now);
    if (lastMonth === null || ended > lastMonth) lastMonth = ended;
  }
  let months = 0;
  for (const factor of covered.values()) months += factor;
  return { rated, months: Math.floor(months), lastMonth, relevant };
}
