import type { CandidateProfile, Experience, JobOrder } from '../../domain/index.js';
import {
  buildTextPool,
  jobTitleTerms,
  profileTitleTerms,
  type TextPool,
  titleSimilarity,
} from '../features/text-relevance.js';
import { monthIndex } from '../support/calendar.js';
import { cachedCloseness } from '../support/memo.js';
import { guessOccupation, type OccupationGuess } from '../support/occupation-guess.js';

/** Experiences at least this close to the order's occupation count as experience in it. */
export const RELEVANT_CLOSENESS = 0.5;
/** At least this close, an experience counts as the same occupation (its months count fully). */
export const SAME_OCCUPATION_CLOSENESS = 0.8;
/** Share of a title match that counts whatever the codes say: the same job title is strong evidence. */
const TITLE_FLOOR = 0.9;
/** Confidence of a CV code that its title does not give (set by an extractor or the caller). */
const GIVEN_CODE_CONFIDENCE = 0.8;
/**
 * An experience whose title was not read is rated on the CV's headline, worth this share of a titled one
 * (the headline says what the person does now, not necessarily what they did then).
 */
export const UNTITLED_SHARE = 0.8;
/** A related (not the same) ROME occupation is worth at most this much. */
const RELATED_CODE_SHARE = 0.7;
/**
 * An entry written without dates is trusted this share of its parse confidence: the parser is sure the line
 * is a job title, not that it is a job the person held (a wished-for job, a line of a summary...).
 */
export const UNDATED_SHARE = 0.6;
/** An undated entry's closeness counts this share: a title without its dates says less than a dated job. */
export const UNDATED_SCORE_SHARE = 0.8;
/** Parse confidence of an experience whose extractor gave none. */
export const DEFAULT_ENTRY_CONFIDENCE = 0.7;

/**
 * How far an experience entry can be trusted as read, 0..1: its parse confidence (title and dates read by
 * the extractor), times `UNDATED_SHARE` when it has no dates.
 */
export function entryReliability(experience: Experience, fallback = DEFAULT_ENTRY_CONFIDENCE): number {
  const parsed = Math.max(0, Math.min(1, experience.confidence ?? fallback));
  return experience.start ? parsed : UNDATED_SHARE * parsed;
}

/** The order's occupation: its ROME code as given (confidence 1), else read from its title. */
export function jobOccupation(job: JobOrder): OccupationGuess | null {
  if (job.romeCode) return { romeCode: job.romeCode, confidence: 1 };
  return guessOccupation(job.title);
}

/** The order's ROME code: as given, else the best match of its title (null when nothing is close enough). */
export function jobOccupationCode(job: JobOrder): string | null {
  return jobOccupation(job)?.romeCode ?? null;
}

/** How close one experience is to the order's occupation, 0..1, and how that was decided. */
export interface ExperienceCloseness {
  experience: Experience;
  /** 0..1, a related code counting its full mobility closeness: whether months in it are relevant. */
  closeness: number;
  /** 0..1, a related code counting 0.7 of its closeness: how strongly it is the order's occupation. */
  score: number;
  /** `rome`: mostly the ROME codes; `title`: mostly the title words. */
  basis: 'rome' | 'title';
  /** How far the ROME comparison was trusted, 0..1 (confidence of the order's code × the title's). */
  codeConfidence: number;
  /** Duration in months (0 when the dates are unknown). */
  months: number;
  /** How far the entry was read right, 0..1 (`entryReliability`). */
  reliability: number;
  /**
   * How sure it is that the entry is (or is not) in the order's occupation, 0..1: the code comparison's
   * confidence where the codes decided (`basis` `rome`), 1 where the title's own words did.
   */
  mapping: number;
}

/** What titles are compared with: the order's title terms and the pool's title statistics. */
export interface TitleContext {
  jobTitle: Set<string>;
  pool: TextPool;
}

/**
 * Closeness of a CV title to the order's occupation, 0..1, trusting each signal as far as it is sure:
 * `c·rome + (1 − c)·title`, where `c` is the confidence of the order's code times that of the code read
 * from the CV title, `rome` is 1 for the same code and the mobility closeness for a related one (0.7 of it in
 * `score`, the occupation's strength; in full in `closeness`, which decides whether months count), and
 * `title` is the IDF-weighted title similarity (`titleSimilarity`); never below 0.9 × `title`. A doubtful
 * code therefore neither sinks a CV whose title says the job nor lifts one whose title does not.
 */
export function titleCloseness(
  title: string,
  titleTerms: ReadonlySet<string>,
  code: string | null,
  job: OccupationGuess | null,
  context: TitleContext,
): { closeness: number; score: number; basis: 'rome' | 'title'; codeConfidence: number } {
  const titleScore = titleSimilarity(context.jobTitle, titleTerms, context.pool);
  let related = 0;
  let codeConfidence = 0;
  if (job && code) {
    // A code the title itself gives is as sure as that reading; one set otherwise (by an extractor or
    // the caller) is taken as fairly sure.
    const guess = guessOccupation(title);
    const titleConfidence = guess?.romeCode === code ? guess.confidence : GIVEN_CODE_CONFIDENCE;
    codeConfidence = job.confidence * titleConfidence;
    related = cachedCloseness(job.romeCode, code);
  }
  const mix = (rome: number) =>
    Math.max(codeConfidence * rome + (1 - codeConfidence) * titleScore, TITLE_FLOOR * titleScore);
  const closeness = mix(related);
  const score = mix(related >= 1 ? 1 : RELATED_CODE_SHARE * related);
  const basis =
    related > 0 && codeConfidence * related >= (1 - codeConfidence) * titleScore ? 'rome' : 'title';
  return { closeness, score, basis, codeConfidence };
}

/** Duration of an experience in whole months, counting both end months; current ones run to `now`. */
export function experienceMonths(experience: Experience, now: string): number {
  if (!experience.start) return 0;
  const end = experience.end ?? (experience.current ? now.slice(0, 7) : experience.start);
  return Math.max(0, monthIndex(end) - monthIndex(experience.start) + 1);
}

/**
 * Every experience of the profile with its closeness to the order, closest first (ties: most recent first).
 * An experience with no title is rated on the headline, at `UNTITLED_SHARE` of its closeness.
 */
export function rateExperiences(
  job: JobOrder,
  profile: CandidateProfile,
  now: string,
  context?: TitleContext,
): ExperienceCloseness[] {
  const titles = context ?? titleContext(job, [profile]);
  const occupation = jobOccupation(job);
  const termsOf = profileTitleTerms(profile, job.language);
  const headline = profile.headline?.trim() ?? '';
  const rated = profile.experiences.map((experience) => {
    const months = experienceMonths(experience, now);
    const reliability = entryReliability(experience, profile.confidence.experiences);
    // No title read for this job: the CV's own headline stands in for it, trusted less. An undated job counts
    // at `UNDATED_SCORE_SHARE`.
    const untitled = experience.title.trim() === '' && headline !== '';
    const title = untitled ? headline : experience.title;
    const closeness = titleCloseness(
      title,
      termsOf(title),
      (untitled ? guessOccupation(headline)?.romeCode : experience.occupation?.romeCode) ?? null,
      occupation,
      titles,
    );
    const share = untitled ? UNTITLED_SHARE : experience.start ? 1 : UNDATED_SCORE_SHARE;
    return {
      experience,
      ...closeness,
      closeness: share * closeness.closeness,
      score: share * closeness.score,
      months,
      reliability,
      mapping: mappingConfidence(closeness),
    };
  });
  return rated.sort(
    (a, b) =>
      b.score - a.score ||
      b.closeness - a.closeness ||
      endMonth(b.experience, now) - endMonth(a.experience, now) ||
      a.experience.title.localeCompare(b.experience.title),
  );
}

/** How sure a closeness is: the code comparison's confidence where the codes decided, else 1 (the title's words). */
function mappingConfidence(closeness: { basis: 'rome' | 'title'; codeConfidence: number }): number {
  return closeness.basis === 'rome' ? closeness.codeConfidence : 1;
}

/** Title statistics of `profiles` for comparisons with `job` (a pool of one when none is given). */
export function titleContext(job: JobOrder, profiles: readonly CandidateProfile[]): TitleContext {
  return { jobTitle: jobTitleTerms(job), pool: buildTextPool(profiles, job.language) };
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
  /**
   * The same months, each weighted by how sure the occupation mapping of the experience that gives it is
   * (`mapping`): what the experience criterion scores. `months` (unweighted) is what requirements check.
   */
  creditedMonths: number;
  /**
   * How sure the months are, 0..1: the months-weighted mean of `reliability · mapping` over the experiences
   * counted; with none counted, the mean reliability of the dated entries (how sure "no experience" is).
   */
  certainty: number;
  /** Month index the most recent relevant experience ended; null when no relevant experience is dated. */
  lastMonth: number | null;
  /** The rated experiences at least `RELEVANT_CLOSENESS` close, closest first. */
  relevant: ExperienceCloseness[];
}

/**
 * Months of experience in the order's occupation: a month in the same occupation (`score` at least
 * `SAME_OCCUPATION_CLOSENESS`) counts 1, a month in a related one (at least `RELEVANT_CLOSENESS`) 0.5;
 * overlapping periods are counted once (at their best factor). Undated entries add no months. Also the
 * months weighted by mapping confidence, how sure they are, and the month the most recent relevant
 * experience ended.
 */
export function occupationExperience(rated: ExperienceCloseness[], now: string): OccupationExperience {
  const relevant = rated.filter((item) => item.closeness >= RELEVANT_CLOSENESS);
  const covered = new Map<number, { factor: number; credit: number }>();
  let lastMonth: number | null = null;
  let sureMonths = 0;
  let countedMonths = 0;
  for (const item of relevant) {
    const { start } = item.experience;
    if (!start) continue;
    const factor = item.score >= SAME_OCCUPATION_CLOSENESS ? 1 : RELATED_MONTH_FACTOR;
    const first = monthIndex(start);
    for (let month = first; month < first + item.months; month++) {
      const best = covered.get(month) ?? { factor: 0, credit: 0 };
      covered.set(month, {
        factor: Math.max(best.factor, factor),
        credit: Math.max(best.credit, factor * item.mapping),
      });
    }
    sureMonths += item.months * factor * item.reliability * item.mapping;
    countedMonths += item.months * factor;
    const ended = endMonth(item.experience, now);
    if (lastMonth === null || ended > lastMonth) lastMonth = ended;
  }
  let months = 0;
  let creditedMonths = 0;
  for (const { factor, credit } of covered.values()) {
    months += factor;
    creditedMonths += credit;
  }
  const dated = rated.filter((item) => item.experience.start !== null);
  const certainty =
    countedMonths > 0
      ? sureMonths / countedMonths
      : rated.length === 0
        ? 0
        : dated.reduce((sum, item) => sum + item.reliability, 0) / rated.length;
  return { rated, months: Math.floor(months), creditedMonths, certainty, lastMonth, relevant };
}
