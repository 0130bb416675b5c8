import {
  type CandidateProfile,
  candidateProfileSchema,
  type JobOrder,
  type JobOrderInput,
  jobOrderSchema,
} from '../../domain/index.js';
import { ValidationError } from '../../errors.js';

/** A date as an ISO 8601 string; `ValidationError` for an invalid one. */
export function iso(at: Date | string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new ValidationError(`invalid date: ${String(at)}`);
  return date.toISOString();
}

export function minutesBetween(from: string, to: string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
}

/** The job order with defaults filled; `ValidationError` with the schema's issues otherwise. */
export function parseJob(input: JobOrderInput): JobOrder {
  const parsed = jobOrderSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError('invalid job order', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      cause: parsed.error,
    });
  return parsed.data;
}

export function parseCandidate(input: CandidateProfile): CandidateProfile {
  const parsed = candidateProfileSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError('invalid candidate profile', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      cause: parsed.error,
    });
  return parsed.data;
}
