import type { CandidateProfile, JobOrder, Met } from '../../domain/index.js';
import type { LanguageCode } from '../../locale/index.js';
import { findSkill, indexProfileSkills } from '../../matching/features/skills.js';
import {
  checkRequirements,
  occupationExperience,
  type RequirementCheck,
  rateExperiences,
} from '../../matching/requirements/index.js';
import { isQuoteInText, jobCriteria, normalizeForQuote } from '../../matching/rerank/index.js';

/** One criterion as the reranker answers it (see `rerankAnswerSchema`). */
export interface AnsweredCriterion {
  criterion: string;
  met: Met;
  evidence: string[];
}

/** Months in the order's occupation from which the role experience counts as met. */
const ROLE_EXPERIENCE_MONTHS = 6;
/** The reranker's prompt asks for at most 2 quotes of under 15 words each. */
const MAX_QUOTES = 2;
const MAX_QUOTE_WORDS = 14;

function metOf(check: RequirementCheck | undefined): Met {
  if (!check) return 'partial';
  return check.met === 'yes' ? 'yes' : check.met === 'no' ? 'no' : 'partial';
}

/**
 * The criteria of the reranker's prompt (`jobCriteria`, same labels, same order), each rated by the rules:
 * requirement checks for certifications, licences, languages, minimum experience and availability, the skill
 * index for skills, months in the occupation for the role. Quotes are kept only when they appear in the
 * pseudonymised text the prompt sends (`isQuoteInText`), so a training answer never quotes what the model
 * could not see, nor anything pseudonymisation removed.
 */
export function ruleCriteria(
  job: JobOrder,
  profile: CandidateProfile,
  options: { language: LanguageCode; now: string; promptText: string },
): AnsweredCriterion[] {
  const { language, now } = options;
  const labels = jobCriteria(job, language);
  const experience = occupationExperience(rateExperiences(job, profile, now), now);
  const checks = checkRequirements(job, profile, { now, language, experience });
  const ofKind = (kind: RequirementCheck['kind']) => checks.filter((check) => check.kind === kind);
  const skillIndex = indexProfileSkills(profile, job.language);
  const source = normalizeForQuote(options.promptText);
  const quotes = (candidates: (string | null | undefined)[]): string[] =>
    candidates
      .filter((quote): quote is string => typeof quote === 'string' && quote.trim().length > 0)
      .filter((quote) => quote.split(/\s+/).length <= MAX_QUOTE_WORDS && isQuoteInText(quote, source))
      .filter((quote, index, all) => all.indexOf(quote) === index)
      .slice(0, MAX_QUOTES);
  const fromCheck = (check: RequirementCheck | undefined) => ({
    met: metOf(check),
    evidence: quotes(check?.evidence ?? []),
  });
  const fromSkill = (skill: string) => {
    const match = findSkill(skill, skillIndex, job.language);
    const met: Met = match.coverage >= 1 ? 'yes' : match.coverage > 0 ? 'partial' : 'no';
    return { met, evidence: met === 'no' ? [] : quotes([match.evidence]) };
  };

  const certifications = ofKind('certification');
  const licences = ofKind('licence');
  const languages = ofKind('language');
  const rated: { met: Met; evidence: string[] }[] = [
    ...job.requiredCertifications.map((code) =>
      fromCheck(certifications.find((check) => check.requirement === code)),
    ),
    ...job.requiredLicences.map((code) => fromCheck(licences.find((check) => check.requirement === code))),
    ...job.requiredSkills.map(fromSkill),
    ...job.preferredSkills.map(fromSkill),
    ...job.languages.map((_, index) => fromCheck(languages[index])),
  ];
  if (job.minExperienceMonths > 0) rated.push(fromCheck(ofKind('experience')[0]));
  const months = experience.months;
  rated.push({
    met: months >= ROLE_EXPERIENCE_MONTHS ? 'yes' : months > 0 ? 'partial' : 'no',
    evidence: quotes(experience.relevant.map((entry) => entry.experience.title)),
  });
  if (job.startDate) rated.push(fromCheck(ofKind('availability')[0]));
  return labels.map((criterion, index) => ({
    criterion,
    ...(rated[index] ?? { met: 'partial' as const, evidence: [] }),
  }));
}
