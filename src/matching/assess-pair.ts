import type { CandidateProfile, JobOrder } from '../domain/index.js';
import type { FeatureInput, TextScore } from './features/score-features.js';
import { indexProfileSkills, type SkillIndex } from './features/skills.js';
import { scoreTextPool } from './features/text-relevance.js';
import { checkRequirements } from './requirements/check-requirements.js';
import {
  occupationExperience,
  rateExperiences,
  type TitleContext,
  titleContext,
} from './requirements/occupation-experience.js';
import type { PolicyOption } from './requirements/requirement-policy.js';
import { type RequirementOutcome, tallyRequirements } from './requirements/tally-requirements.js';
import { toIsoDate } from './support/calendar.js';

/** What `assessPair` needs besides the order and the profile. */
export interface AssessPairContext {
  /** Reference date (`YYYY-MM-DD` or Date) for availability, experience and certificate validity; default today. */
  now?: string | Date;
  /** What to do with a missed requirement, for every kind or per kind (default `penalize`). */
  policy?: PolicyOption;
  /** Embedding similarity of CV and order from retrieval, 0..1; null or absent: no `semantic` criterion. */
  semantic?: number | null;
  /** The profile's skill index in the order's language, when one profile meets many orders. */
  skillIndex?: SkillIndex;
  /**
   * The text criterion, scored over the pool being ranked (`scoreTextPool`); absent: scored against a pool
   * of this profile alone. `null`: no text criterion.
   */
  text?: TextScore | null;
  /** The order's title and the pool's title statistics (`titleContext`); absent: a pool of this profile. */
  titles?: TitleContext;
}

/**
 * Everything the later stages read about one (order, profile) pair, worked out once: the requirement
 * checks (all of them, by kind, unmet, penalty, exclusion), the experiences rated against the order's
 * occupation, the skill index and the semantic similarity. `scoreFeatures` and `fuseScores` read it.
 */
export interface PairAssessment extends FeatureInput {
  requirements: RequirementOutcome;
}

/**
 * Assesses one profile against one order in a single pass: each experience is rated once and each
 * requirement checked once, whatever the later stages read. Reads only job-related fields of the
 * profile (never name, contact details or `sensitive`).
 */
export function assessPair(
  job: JobOrder,
  profile: CandidateProfile,
  context: AssessPairContext = {},
): PairAssessment {
  const now = toIsoDate(context.now);
  const titles = context.titles ?? titleContext(job, [profile]);
  const experience = occupationExperience(rateExperiences(job, profile, now, titles), now);
  const checks = checkRequirements(job, profile, {
    now,
    experience,
    ...(context.policy ? { policy: context.policy } : {}),
  });
  return {
    job,
    profile,
    now,
    requirements: tallyRequirements(checks),
    experience,
    skillIndex: context.skillIndex ?? indexProfileSkills(profile, job.language),
    semantic: context.semantic ?? null,
    text:
      context.text === undefined
        ? (scoreTextPool(job, [profile], titles.pool).get(profile.id) ?? null)
        : context.text,
    titles,
  };
}
