import { pseudonymizeProfile } from '../../compliance/pseudonymize-profile.js';
import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { type LanguageCode, type MessageKey, type MessageValues, message } from '../../locale/index.js';
import type { ChatMessage } from '../../providers/spec.js';

/** One candidate as sent: neutral id and pseudonymised text (already free of identity). */
export interface PromptCandidate {
  id: string;
  text: string;
}

const MAX_DESCRIPTION_CHARS = 3_000;

/** Angle brackets inside data become look-alikes so no CV can close or open a `<candidate>` fence. */
export function fenceSafe(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** The criteria the model rates, as labels it echoes back. Derived from the job order only. */
export function jobCriteria(job: JobOrder, language: LanguageCode): string[] {
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const criteria = [
    ...job.requiredCertifications.map((code) => say('rerank.criterion.certification', { code })),
    ...job.requiredLicences.map((code) => say('rerank.criterion.licence', { code })),
    ...job.requiredSkills.map((skill) => say('rerank.criterion.requiredSkill', { skill })),
    ...job.preferredSkills.map((skill) => say('rerank.criterion.preferredSkill', { skill })),
    ...job.languages.map((entry) =>
      say('rerank.criterion.language', { language: `${entry.name}${entry.level ? ` ${entry.level}` : ''}` }),
    ),
  ];
  if (job.minExperienceMonths > 0)
    criteria.push(say('rerank.criterion.minExperience', { months: job.minExperienceMonths }));
  criteria.push(say('rerank.criterion.roleExperience', { title: job.title }));
  if (job.startDate) criteria.push(say('rerank.criterion.availableBy', { date: job.startDate }));
  return criteria;
}

/** Job order as the model sees it: what the work is, never the client's commercial terms (rate, headcount, site). */
function renderJob(job: JobOrder, criteria: string[], language: LanguageCode): string {
  const say = (key: MessageKey) => message(language, key);
  const description = job.description.trim().slice(0, MAX_DESCRIPTION_CHARS);
  const lines = [
    '<job_order>',
    `${say('rerank.job.title')}: ${job.title}`,
    ...(job.romeCode ? [`ROME: ${job.romeCode}`] : []),
    ...(job.startDate
      ? [`${say('rerank.job.start')}: ${job.startDate}${job.endDate ? ` → ${job.endDate}` : ''}`]
      : []),
    ...(job.shift ? [`${say('rerank.job.shift')}: ${job.shift}`] : []),
    ...(description ? [`${say('rerank.job.description')}: ${fenceSafe(description)}`] : []),
    '</job_order>',
    '',
    say('rerank.criteria'),
    ...criteria.map((criterion, index) => `${index + 1}. ${criterion}`),
  ];
  return lines.join('\n');
}

/** Messages for one batch: a system message with the rules, then the job order, criteria and fenced candidates. */
export function buildRerankMessages(
  job: JobOrder,
  candidates: PromptCandidate[],
  language: LanguageCode,
): ChatMessage[] {
  const criteria = jobCriteria(job, language);
  const fenced = candidates.map(
    (candidate) => `<candidate id="${candidate.id}">\n${fenceSafe(candidate.text)}\n</candidate>`,
  );
  const ids = candidates.map((candidate) => candidate.id).join(', ');
  const closing = message(language, 'rerank.closing', { ids });
  return [
    { role: 'system', content: message(language, 'rerank.system', { count: criteria.length }) },
    { role: 'user', content: [renderJob(job, criteria, language), '', closing, '', ...fenced].join('\n') },
  ];
}

/** How a batch of profiles is turned into the prompt (the reranker's options that change what is sent). */
export interface CandidatePromptOptions {
  language: LanguageCode;
  /** Home-to-site distances computed by rules, by candidate id; the model sees only this number. */
  distancesKm?: ReadonlyMap<string, number | null>;
  /** Longest CV text per candidate, in characters (default 6,000). */
  maxCvTextChars?: number;
}

/** One profile of a prompt: the neutral alias it has in its batch and the pseudonymised text sent. */
export interface PromptEntry {
  profile: CandidateProfile;
  alias: string;
  text: string;
}

/**
 * The messages the reranker sends for `profiles` (one batch): each profile pseudonymised under the alias
 * `c1`, `c2`… in order, then `buildRerankMessages`. The fine-tuning export calls it with one profile, so a
 * training example's prompt is exactly what the reranker sends.
 */
export function buildCandidatePrompt(
  job: JobOrder,
  profiles: readonly CandidateProfile[],
  options: CandidatePromptOptions,
): { entries: PromptEntry[]; messages: ChatMessage[] } {
  const entries = profiles.map((profile, position): PromptEntry => {
    const alias = `c${position + 1}`;
    const pseudonymized = pseudonymizeProfile(profile, {
      alias,
      language: options.language,
      distanceToSiteKm: options.distancesKm?.get(profile.id) ?? null,
      ...(options.maxCvTextChars !== undefined ? { maxCvTextChars: options.maxCvTextChars } : {}),
    });
    return { profile, alias, text: pseudonymized.text };
  });
  const messages = buildRerankMessages(
    job,
    entries.map((entry) => ({ id: entry.alias, text: entry.text })),
    options.language,
  );
  return { entries, messages };
}
