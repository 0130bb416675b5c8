import type { CandidateProfile, Criterion, CriterionScore, JobOrder, Met } from '../../domain/index.js';
import type { RequirementCheck } from '../requirements/check-requirements.js';
import {
  type ExperienceCloseness,
  jobOccupationCode,
  type OccupationExperience,
  titleSimilarity,
} from '../requirements/occupation-experience.js';
import type { RequirementOutcome } from '../requirements/tally-requirements.js';
import { monthIndex } from '../support/calendar.js';
import { quotes, shortQuote, sourceQuote } from '../support/evidence.js';
import { bestOccupation, cachedCloseness } from '../support/memo.js';
import { findSkill, type SkillIndex } from './skills.js';

/** One criterion's score before weighting (`weight` is set when scores are fused). */
export type FeatureScore = Omit<CriterionScore, 'weight'> & { criterion: Criterion };

/** What scoring reads about one (order, profile) pair; `assessPair` works it out once (a `PairAssessment` is one). */
export interface FeatureInput {
  job: JobOrder;
  profile: CandidateProfile;
  /** Reference date, `YYYY-MM-DD`. */
  now: string;
  /** The order's requirements checked against the profile, by kind. */
  requirements: Pick<RequirementOutcome, 'byKind'>;
  /** The profile's experiences rated against the order's occupation, and the months they add up to. */
  experience: OccupationExperience;
  /** The profile's passages skills are looked up in, in the order's language. */
  skillIndex: SkillIndex;
  /** Embedding similarity of CV and order from retrieval, 0..1; null: no `semantic` criterion. */
  semantic: number | null;
}

const metFor = (score: number, yes = 80, partial = 40): Met =>
  score >= yes ? 'yes' : score >= partial ? 'partial' : 'no';
const round = (value: number): number => Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;

/**
 * Structured scoring criteria for one assessed pair, each 0–100 with `met` and evidence quoted
 * from the CV, source `rule` (and `semantic` from embeddings when given). Criteria the order does
 * not ask about (no required licence, ...) are left out. Reads the assessment only: no requirement
 * is checked again and no experience rated again.
 */
export function scoreFeatures(pair: FeatureInput): FeatureScore[] {
  const { job, profile, experience, skillIndex } = pair;
  const checks = pair.requirements.byKind;
  const out: FeatureScore[] = [occupationScore(job, profile, experience.rated)];
  if (job.requiredSkills.length > 0)
    out.push(skillScore('skills', job.requiredSkills, skillIndex, job.language));
  if (job.preferredSkills.length > 0) {
    out.push(skillScore('preferredSkills', job.preferredSkills, skillIndex, job.language));
  }
  out.push(experienceScore(job, profile, experience, pair.now));
  const certification = checkScore('certifications', checks.certification);
  if (certification) out.push(certification);
  const licence = checkScore('licences', checks.licence);
  if (licence) out.push(licence);
  const distance = distanceScore(checks.distance[0]);
  if (distance) out.push(distance);
  const availability = availabilityScore(checks.availability[0]);
  if (availability) out.push(availability);
  const languages = checkScore('languages', checks.language);
  if (languages) out.push(languages);
  if (pair.semantic !== null) {
    const score = round(pair.semantic * 100);
    out.push({ criterion: 'semantic', score, met: metFor(score, 60, 30), evidence: [], source: 'embedding' });
  }
  return out;
}

function occupationScore(
  job: JobOrder,
  profile: CandidateProfile,
  rated: ExperienceCloseness[],
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
  { months, lastMonth, relevant }: OccupationExperience,
  now: string,
): FeatureScore {
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
  relevant: readonly RequirementCheck[],
): FeatureScore | null {
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

function distanceScore(check: RequirementCheck | undefined): FeatureScore | null {
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

function availabilityScore(check: RequirementCheck | undefined): FeatureScore | null {
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
