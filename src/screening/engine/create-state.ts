import { checkJobOrder } from '../../compliance/check-job-order.js';
import {
  type CandidateProfile,
  type JobOrder,
  type JobOrderInput,
  SCREENING_STATE_VERSION,
  type ScreeningJob,
  type ScreeningOptionsInput,
  type ScreeningState,
  screeningOptionsSchema,
} from '../../domain/index.js';
import { DiscriminatoryJobOrderError, ValidationError } from '../../errors.js';
import { message } from '../../locale/index.js';
import { planQuestions } from './plan-questions.js';
import { iso, parseCandidate, parseJob } from './screening-input.js';

export interface ScreeningAgency {
  name: string;
  /** How to reach a person: a phone number or an address, shown in the first message. */
  humanContact: string;
}

export interface CreateScreeningStateInput {
  job: JobOrderInput;
  candidate: CandidateProfile;
  agency: ScreeningAgency;
  /** Defaults to the job order's language (French by default). */
  language?: 'fr' | 'en';
  now: Date | string;
  options?: ScreeningOptionsInput;
}

/** Mixed-gender markers in a title ("Cariste H/F", "Serveur (F/H)"): not sent, the SMS says the job. */
const MIXED_MARKER = /\s*[([-]?\s*\b(?:H\s*\/\s*F|F\s*\/\s*H|M\s*\/\s*F|F\s*\/\s*M|M\s*\/\s*W)\b\s*[)\]]?/gi;

/** What a conversation needs of the job order, kept in its state. */
export function screeningJobOf(job: JobOrder): ScreeningJob {
  const title = job.title.replace(MIXED_MARKER, ' ').replace(/\s+/g, ' ').trim() || job.title;
  return {
    id: job.id,
    title,
    city: job.location?.city ?? null,
    startDate: job.startDate,
    endDate: job.endDate,
    shift: job.shift,
    hourlyRateEur: job.hourlyRateEur,
  };
}

/**
 * The state of a new conversation (phase `not-started`: `step(state, { type: 'start', at })` sends the
 * first messages). Refuses an order that selects on a criterion the law forbids
 * (`DiscriminatoryJobOrderError`, with `checkJobOrder`'s warnings): nothing is ever sent for it.
 */
export function createScreeningState(input: CreateScreeningStateInput): ScreeningState {
  const job = parseJob(input.job);
  const candidate = parseCandidate(input.candidate);
  const options = screeningOptionsSchema.parse(input.options ?? {});
  const agency = input.agency;
  if (!agency?.name?.trim() || !agency.humanContact?.trim())
    throw new ValidationError('agency name and humanContact are required', {
      issues: [{ path: ['agency'], message: 'name and humanContact must be non-empty' }],
    });
  const language = input.language ?? job.language ?? 'fr';
  const warnings = checkJobOrder(job);
  if (warnings.length > 0)
    throw new DiscriminatoryJobOrderError(
      message(language, 'law.refused', { jobId: job.id, count: warnings.length }),
      { jobId: job.id, warnings },
    );
  return {
    version: SCREENING_STATE_VERSION,
    revision: 0,
    jobId: job.id,
    candidateId: candidate.id,
    language,
    agency: { name: agency.name.trim(), humanContact: agency.humanContact.trim() },
    job: screeningJobOf(job),
    options,
    createdAt: iso(input.now),
    phase: 'not-started',
    plan: planQuestions(job, candidate, options),
    current: 0,
    clarifications: 0,
    injections: 0,
    remindersSent: 0,
    lastOutgoingAt: null,
    endedBy: null,
    messages: [],
    answers: [],
    pendingQuestions: [],
    events: [],
  };
}
