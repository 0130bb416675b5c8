import * as z from 'zod';
import type { ScreeningEvent } from '../domain/index.js';

/**
 * A screening event as the audit log keeps it (EU AI Act: logs of a high-risk system): the conversation's
 * ids, the event type and its details (kinds, intents, confidence, rules or model, guard categories,
 * hand-over reasons, outcome) — never the message text, unless the caller asks for it (`text`).
 */
export const screeningAuditFields = {
  type: z.literal('screening'),
  jobId: z.string(),
  candidateId: z.string(),
  /** The screening event type: `message-sent`, `reply-received`, `reply-read`, `guard-blocked`, `handoff`, `opt-out`, `outcome`… */
  event: z.string().min(1),
  /** When it happened in the conversation (ISO 8601), as the engine was told. */
  at: z.string(),
  /** The event's fields: ids, kinds, intents, numbers, booleans, lists of codes. No free text. */
  detail: z.record(
    z.string(),
    z.union([z.string().max(64), z.number(), z.boolean(), z.null(), z.array(z.string().max(64))]),
  ),
  /** The message text, only when the log was asked to include it. */
  text: z.string().optional(),
};

export type ScreeningAuditInput = {
  type: 'screening';
  jobId: string;
  candidateId: string;
  event: string;
  at: string;
  detail: Record<string, string | number | boolean | null | string[]>;
  text?: string;
};

/** One engine event as an audit-log event (`AuditLog.record` it). */
export function screeningAuditEvent(
  event: ScreeningEvent,
  ids: { jobId: string; candidateId: string },
  text?: string,
): ScreeningAuditInput {
  const { type, at, ...detail } = event;
  return {
    type: 'screening',
    jobId: ids.jobId,
    candidateId: ids.candidateId,
    event: type,
    at,
    detail: detail as ScreeningAuditInput['detail'],
    ...(text !== undefined ? { text } : {}),
  };
}
