import type { CandidateProfile, CriterionScore, JobOrder, Met } from '../../domain/index.js';
import type { Criterion } from '../fuse/weights.js';
import {
  type CheckRequirementsOptions,
  checkRequirements,
  type RequirementCheck,
} from '../requirements/check-requirements.js';
import {
  jobOccupationCode,
  occupationExperience,
  rateExperiences,
  titleSimilarity,
} from '../requirements/occupation-experience.js';
import { monthIndex, toIsoDate } from '../support/calendar.js';
import { quotes, shortQuote, sourceQuote } from '../support/evidence.js';
import { bestOccupation, cachedCloseness } from '../support/memo.js';
import { findSkill, indexProfileSkills, type SkillIndex } from './skills.js';

/** One criterion's score before weighting (`weight` is set when scores are fused). */
export type FeatureScore = Omit<CriterionScore, 'weight'> & { criterion: Criterion };

export interface ScoreFeaturesOptions {
  /** Reference date; default today. */
  now?: string | Date;
  /** Requirement checks already made for this pair (computed when absent). */
  requirements?: RequirementCheck[];
  /** Embedding similarity of CV and order from retrieval, 0..1; `null`/absent: no `semantic` criterion. */
  semantic?: number | null;
  policy?: CheckRequirementsOptions['policy'];
  /** Prebuilt skill index of the profile (saves work when one profile meets many orders). */
  skillIndex?: SkillIndex;
}

const metFor = (score: number, yes = 80, partial = 40): Met =>
  score >= yes ? 'yes' : score >= partial ? 'partial' : 'no';
const round = (value: number): number => Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;

/**
 * Structured scoring criteria for one profile against one order, each 0–100 with `met` and
 * evidence quoted from the CV, source `rule` (and `semantic` from embeddings when given).
 * Criteria the order does not ask about (no required licence, ...) are left out.
 */
export function scoreFeatures(
  job: JobOrder,
  profile: CandidateProfile,
  options: ScoreFeaturesOptions = {},
): FeatureScore[] {
  const now = toIsoDate(options.now);
  const checks = options.requirements ?? checkRequirements(job, profile, { now, policy: options.policy });
  const skillIndex = options.skillIndex ?? indexProfileSkills(profile, job.language);
  const rated = rateExperiences(job, profile, now);
  const out: FeatureScore[] = [occupationScore(job, profile, rated)];
  if (job.requiredSkills.length > 0)
    out.push(skillScore('skills', job.requiredSkills, skillIndex, job.language));
  if (job.preferredSkills.length > 0) {
    out.push(skillScore('preferredSkills', job.preferredSkills, skillIndex, job.language));
  }
  out.push(experienceScore(job, profile, rated, now));
  const certification = checkScore('certifications', checks, 'certification');
  if (certification) out.push(certification);
  const licence = checkScore('licences', checks, 'licence');
  if (licence) out.push(licence);
  const distance = distanceScore(checks);
  if (distance) out.push(distance);
  const availability = availabilityScore(checks);
  if (availability) out.push(availability);
  const languages = checkScore('languages', checks, 'language');
  if (languages) out.push(languages);
  if (typeof options.semantic === 'number') {
    const score = round(options.semantic * 100);
    out.push({ criterion: 'semantic', score, met: metFor(score, 60, 30), evidence: [], source: 'embedding' });
  }
  return out;
}

function occupationScore(
  job: JobOrder,
  profile: CandidateProfile,
  rated: ReturnType<typeof rateExperiences>,
): FeatureScore {
  let score = 0;
  let evidence: string[] = [];
  const best = rated[0];
  if (best) {
    // Same ROME code: 100; related through the mobility graph: up to 70; title words only: up to 60.
    score = best.basis === 'rome' ? (best.closeness >= 1 ? 100 : 70 * best.closeness) : 100 * best.closeness;
    evidence = [sourceQuote(profile, best.experience.source, best.experience.title)];
  }
  if (profile.headline && score < 100) {
    const headlineScore = headlineCloseness(job, profile.headline) * 90; // a claim, weaker than a past job
    if (headlineScore > score) {
      score = headlineScore;
      evidence = [sourceQuote(profile, profile.sources.headline, profile.headline)];
    }
  }
  const value = round(score);
  return { criterion: 'occupation', score: value, met: metFor(value), evidence, source: 'rule' };
}

function headlineCloseness(job: JobOrder, headline: string): number {
  const jobCode = jobOccupationCode(job);
  const match = bestOccupation(headline);
  if (jobCode && match && match.score >= 0.5) {
    const closeness = cachedCloseness(jobCode, match.romeCode);
    if (closeness > 0) return closeness >= 1 ? 1 : 0.7 * closeness;
  }
  return 0.6 * titleSimilarity(job.title, headline);
}

function skillScore(
  criterion: 'skills' | 'preferredSkills',
  skills: string[],
  index: SkillIndex,
  language: JobOrder['language'],
): FeatureScore {
  const matches = skills.map((skill) => findSkill(skill, index, language));
  const covered = matches.reduce((sum, match) => sum + match.coverage, 0);
  const score = round((100 * covered) / skills.length);
  const evidence = [...new Set(matches.flatMap((match) => (match.evidence ? [match.evidence] : [])))];
  return {
    criterion,
    score,
    met: score >= 99.9 ? 'yes' : score > 0 ? 'partial' : 'no',
    evidence,
    source: 'rule',
  };
}

function experienceScore(
  job: JobOrder,
  profile: CandidateProfile,
  rated: ReturnType<typeof rateExperiences>,
  now: string,
): FeatureScore {
  const { months, lastMonth, relevant } = occupationExperience(rated, now);
  const target = job.minExperienceMonths > 0 ? job.minExperienceMonths : 12;
  const sinceLast = lastMonth === null ? null : monthIndex(now) - lastMonth;
  // Recent experience counts fully; older experience less (skills fade, certificates lapse).
  const recency =
    sinceLast === null || sinceLast <= 12 ? 1 : sinceLast <= 36 ? 0.85 : sinceLast <= 60 ? 0.7 : 0.5;
  const score = round(100 * Math.min(1, months / target) * recency);
  const met: Met = months >= target && recency >= 0.85 ? 'yes' : months > 0 ? 'partial' : 'no';
  const evidence = relevant
    .filter((item) => item.months > 0)
    .slice(0, 3)
    .map((item) => sourceQuote(profile, item.experience.source, item.experience.title));
  return { criterion: 'experience', score, met, evidence, source: 'rule' };
}

function checkScore(
  criterion: 'certifications' | 'licences' | 'languages',
  checks: RequirementCheck[],
  kind: RequirementCheck['kind'],
): FeatureScore | null {
  const relevant = checks.filter((check) => check.kind === kind);
  if (relevant.length === 0) return null;
  const points = relevant.reduce(
    (sum, check) => sum + (check.met === 'yes' ? 1 : check.met === 'unknown' ? 0.5 : 0),
    0,
  );
  const score = round((100 * points) / relevant.length);
  return {
    criterion,
    score,
    met: score >= 99.9 ? 'yes' : score > 0 ? 'partial' : 'no',
    evidence: quotes(relevant.flatMap((check) => check.evidence.map(shortQuote))),
    source: 'rule',
  };
}

function distanceScore(checks: RequirementCheck[]): FeatureScore | null {
  const check = checks.find((item) => item.kind === 'distance');
  if (!check) return null;
  const { distanceKm, limitKm } = check.detail;
  if (distanceKm === undefined || limitKm === undefined) {
    return { criterion: 'distance', score: 50, met: 'partial', evidence: [], source: 'rule' };
  }
  // 100 up to a quarter of the radius, 50 at the radius, 0 at twice the radius.
  const quarter = limitKm / 4;
  const score =
    distanceKm <= quarter
      ? 100
      : distanceKm <= limitKm
        ? 100 - (50 * (distanceKm - quarter)) / Math.max(1, limitKm - quarter)
        : Math.max(0, 50 - (50 * (distanceKm - limitKm)) / Math.max(1, limitKm));
  const value = round(score);
  return {
    criterion: 'distance',
    score: value,
    met: check.met === 'no' ? 'no' : value >= 75 ? 'yes' : 'partial',
    evidence: quotes(check.evidence.map(shortQuote)),
    source: 'rule',
  };
}

function availabilityScore(checks: RequirementCheck[]): FeatureScore | null {
  const check = checks.find((item) => item.kind === 'availability');
  if (!check) return null;
  const daysLate = check.detail.daysLate;
  const score = check.met === 'unknown' || daysLate === undefined ? 50 : round(100 - 3 * daysLate);
  return {
    criterion: 'availability',
    score,
    met: check.met === 'yes' ? 'yes' : check.met === 'unknown' ? 'partial' : 'no',
    evidence: quotes(check.evidence.map(shortQuote)),
    source: 'rule',
  };
}
