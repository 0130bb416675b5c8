import type { CandidateProfile, Criterion, CriterionScore, JobOrder, Met } from '../../domain/index.js';
import { foldAccents } from '../../text/index.js';
import type { RequirementCheck } from '../requirements/check-requirements.js';
import {
  jobOccupation,
  type OccupationExperience,
  type TitleContext,
  titleCloseness,
} from '../requirements/occupation-experience.js';
import type { RequirementOutcome } from '../requirements/tally-requirements.js';
import { monthIndex } from '../support/calendar.js';
import { quotes, shortQuote, sourceQuote } from '../support/evidence.js';
import { guessOccupation } from '../support/occupation-guess.js';
import { findSkill, type SkillIndex } from './skills.js';
import { profileTitleTerms } from './text-relevance.js';

/** One criterion's score before weighting (`weight` is set when scores are fused), with its confidence. */
export type FeatureScore = Omit<CriterionScore, 'weight' | 'confidence'> & {
  criterion: Criterion;
  confidence: number;
};

/** The text criterion's input: relevance normalised over the pool (0..1) and the order's words found. */
export interface TextScore {
  score: number;
  /** Plain BM25 of the order's keywords in the CV's text, normalised over the pool (0..1). */
  keywords: number;
  matched: string[];
  /** How much text the profile has to judge from, 0..1 (1 from about 50 words). */
  confidence: number;
}

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
  /** Embedding similarity of CV and order, normalised over the pool, 0..1; null: no `semantic` criterion. */
  semantic: number | null;
  /** Text relevance of the CV to the order; null: no `text` criterion. */
  text: TextScore | null;
  /** The order's title and the pool's title statistics, for the headline. */
  titles: TitleContext;
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
  const out: FeatureScore[] = [occupationScore(pair)];
  const skillConfidence =
    profile.skills.length > 0 || profile.experiences.some((item) => item.description) ? 1 : 0.5;
  if (job.requiredSkills.length > 0)
    out.push(skillScore('skills', job.requiredSkills, skillIndex, job.language, skillConfidence));
  if (job.preferredSkills.length > 0) {
    out.push(skillScore('preferredSkills', job.preferredSkills, skillIndex, job.language, skillConfidence));
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
  if (pair.text) {
    const score = round(pair.text.score * 100);
    out.push({
      criterion: 'text',
      score,
      met: metFor(score, 60, 30),
      evidence: quoteWords(profile.text, pair.text.matched.slice(0, 6)),
      source: 'rule',
      confidence: pair.text.confidence,
    });
    const keywords = round(pair.text.keywords * 100);
    out.push({
      criterion: 'keywords',
      score: keywords,
      met: metFor(keywords, 60, 30),
      evidence: quoteWords(profile.text, pair.text.matched.slice(0, 6)),
      source: 'rule',
      confidence: pair.text.confidence,
    });
  }
  if (pair.semantic !== null) {
    const score = round(pair.semantic * 100);
    out.push({
      criterion: 'semantic',
      score,
      met: metFor(score, 60, 30),
      evidence: [],
      source: 'embedding',
      confidence: 1,
    });
  }
  return out;
}

/** The CV's own spelling of each (folded) word, as found in its text: quotes for the text criterion. */
function quoteWords(text: string, folded: string[]): string[] {
  const wanted = new Set(folded);
  const found = new Map<string, string>();
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const key = foldAccents(token).toLowerCase();
    if (wanted.has(key) && !found.has(key)) found.set(key, token);
    if (found.size === wanted.size) break;
  }
  return folded.flatMap((word) => {
    const quote = found.get(word);
    return quote ? [quote] : [];
  });
}

/** Parse confidence of a field, or `fallback` when the parser gave none. */
const fieldConfidence = (profile: CandidateProfile, field: 'headline' | 'experiences', fallback = 0.7) =>
  profile.confidence[field] ?? fallback;

/**
 * The occupation: the closest of the CV's experience titles and its headline (a claim, worth 0.9 of a
 * past job), each compared with `titleCloseness` (ROME codes as far as they are sure, title words
 * otherwise). Confidence: how reliably that title was read; 0 when the CV has no title at all.
 */
function occupationScore(pair: FeatureInput): FeatureScore {
  const { job, profile } = pair;
  let score = 0;
  let evidence: string[] = [];
  let confidence = 0;
  const best = pair.experience.rated[0];
  if (best) {
    score = 100 * best.score;
    evidence = [sourceQuote(profile, best.experience.source, best.experience.title)];
    // As far as the entry was read right: an undated entry is trusted less (`entryReliability`).
    confidence = best.reliability;
  }
  if (profile.headline) {
    const headline = titleCloseness(
      profile.headline,
      profileTitleTerms(profile, job.language)(profile.headline),
      guessOccupation(profile.headline)?.romeCode ?? null,
      jobOccupation(job),
      pair.titles,
    );
    const headlineScore = 90 * headline.score; // a claim, weaker than a past job
    if (headlineScore > score) {
      score = headlineScore;
      evidence = [sourceQuote(profile, profile.sources.headline, profile.headline)];
    }
    confidence = Math.max(confidence, fieldConfidence(profile, 'headline'));
  }
  const value = round(score);
  return {
    criterion: 'occupation',
    score: value,
    met: metFor(value),
    evidence,
    source: 'rule',
    confidence: Math.min(1, confidence),
  };
}

function skillScore(
  criterion: 'skills' | 'preferredSkills',
  skills: string[],
  index: SkillIndex,
  language: JobOrder['language'],
  confidence: number,
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
    confidence,
  };
}

function experienceScore(
  job: JobOrder,
  profile: CandidateProfile,
  { months, creditedMonths, certainty, lastMonth, relevant }: OccupationExperience,
  now: string,
): FeatureScore {
  const target = job.minExperienceMonths > 0 ? job.minExperienceMonths : 12;
  const sinceLast = lastMonth === null ? null : monthIndex(now) - lastMonth;
  // Recent experience counts fully; older experience less (skills fade, certificates lapse).
  const recency =
    sinceLast === null || sinceLast <= 12 ? 1 : sinceLast <= 36 ? 0.85 : sinceLast <= 60 ? 0.7 : 0.5;
  // Months weighted by how sure their occupation mapping is; the requirement checks the plain months.
  const score = round(100 * Math.min(1, creditedMonths / target) * recency);
  const met: Met = months >= target && recency >= 0.85 ? 'yes' : months > 0 ? 'partial' : 'no';
  const evidence = relevant
    .filter((item) => item.months > 0)
    .slice(0, 3)
    .map((item) => sourceQuote(profile, item.experience.source, item.experience.title));
  // As sure as the entries it counted were read and mapped (`certainty`); unsure when the CV lists none
  // (the parser may have missed them).
  const confidence =
    profile.experiences.length === 0
      ? 0.3
      : (0.3 + 0.7 * certainty) * Math.min(1, fieldConfidence(profile, 'experiences') + 0.2);
  return { criterion: 'experience', score, met, evidence, source: 'rule', confidence };
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
  const known = relevant.filter((check) => check.met !== 'unknown').length;
  return {
    criterion,
    score,
    met: score >= 99.9 ? 'yes' : score > 0 ? 'partial' : 'no',
    evidence: quotes(relevant.flatMap((check) => check.evidence.map(shortQuote))),
    source: 'rule',
    confidence: 0.5 + (0.5 * known) / relevant.length,
  };
}

function distanceScore(check: RequirementCheck | undefined): FeatureScore | null {
  if (!check) return null;
  const { distanceKm, limitKm } = check.detail;
  if (distanceKm === undefined || limitKm === undefined) {
    // Unknown: shown, but it weighs nothing.
    return { criterion: 'distance', score: 50, met: 'partial', evidence: [], source: 'rule', confidence: 0 };
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
    confidence: 1,
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
    // Unknown availability (50 for everyone) separates no one: it weighs nothing.
    confidence: check.met === 'unknown' || daysLate === undefined ? 0 : 1,
  };
}
