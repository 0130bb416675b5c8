import * as z from 'zod';
import { protectedCriterionSchema } from './protected-criterion.js';
import {
  questionAboutSchema,
  questionTopicSchema,
  replyIntentSchema,
  replyInterpretationSchema,
  screeningQuestionSchema,
} from './screening-reply.js';

/** How an answer weighs on the outcome. */
export const assessmentSchema = z.enum(['ok', 'concern', 'disqualifying']);
export type Assessment = z.infer<typeof assessmentSchema>;

export const answerSchema = z.object({
  questionId: z.string(),
  topic: questionTopicSchema,
  /** The value read: `true`/`false`, an ISO date, a rate, a transport mode. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /**
   * The candidate's reply that supports the value, with protected facts, names, phone numbers and
   * e-mail addresses replaced by `[…]`.
   */
  reply: z.string(),
  intent: replyIntentSchema,
  assessment: assessmentSchema,
  /** Plain-words note for the recruiter, e.g. "disponible à partir du 15 janvier 2027". */
  note: z.string(),
});
export type ScreeningAnswer = z.infer<typeof answerSchema>;

export const messageKindSchema = z.enum([
  'intro',
  'question',
  'reminder',
  'answer',
  'clarify',
  'handoff',
  'closing',
  'opt-out',
  'reply',
]);
export type MessageKind = z.infer<typeof messageKindSchema>;

/** One SMS of the conversation, as sent or received (the transcript keeps replies verbatim). */
export const messageSchema = z.object({
  direction: z.enum(['out', 'in']),
  text: z.string(),
  /** ISO 8601 date-time. */
  at: z.string(),
  /** Question the message asks (out) or answers (in). */
  questionId: z.string().nullable(),
  /** Out: `intro`, `question`, `reminder`, `answer`, `clarify`, `handoff`, `closing`, `opt-out`; in: `reply`. */
  kind: messageKindSchema,
  interpretation: replyInterpretationSchema.nullable(),
});
export type ScreeningMessage = z.infer<typeof messageSchema>;

export const screeningStatusSchema = z.enum([
  'qualified',
  'not-qualified',
  'needs-human',
  'opted-out',
  'no-answer',
  'in-progress',
]);
export type ScreeningStatus = z.infer<typeof screeningStatusSchema>;

/** Why a person takes over. */
export const handoffReasonSchema = z.enum(['asked', 'unclear', 'question', 'injections', 'guard']);
export type HandoffReason = z.infer<typeof handoffReasonSchema>;

const at = { at: z.string() };

/**
 * What happened in a conversation, one event per fact, for the audit log (`recordScreeningEvents`) and
 * for whoever drives conversations. Events carry no message text: ids, kinds, intents and counts only.
 */
export const screeningEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...at,
    type: z.literal('message-sent'),
    kind: messageKindSchema,
    /** Wording used (`availability`, `clarify`…) and whether an agency override or the built-in one. */
    template: z.string(),
    source: z.enum(['override', 'built-in']),
    questionId: z.string().nullable(),
    segments: z.number().int().positive(),
    encoding: z.enum(['GSM-7', 'UCS-2']),
  }),
  z.object({ ...at, type: z.literal('reply-received'), questionId: z.string().nullable() }),
  z.object({
    ...at,
    type: z.literal('reply-read'),
    questionId: z.string().nullable(),
    intent: replyIntentSchema,
    confidence: z.number().min(0).max(1),
    by: z.enum(['rules', 'llm']),
    /** Read as unsure: the question is asked again, or a person takes over. */
    unsure: z.boolean(),
    questionAbout: questionAboutSchema.nullable(),
    protectedFacts: z.array(protectedCriterionSchema),
  }),
  z.object({
    ...at,
    type: z.literal('answer-recorded'),
    questionId: z.string(),
    intent: replyIntentSchema,
    assessment: assessmentSchema,
  }),
  z.object({
    ...at,
    type: z.literal('guard-blocked'),
    template: z.string(),
    source: z.enum(['override', 'built-in']),
    categories: z.array(protectedCriterionSchema),
  }),
  z.object({ ...at, type: z.literal('guard-escalated'), template: z.string() }),
  z.object({ ...at, type: z.literal('injection'), questionId: z.string().nullable() }),
  z.object({ ...at, type: z.literal('clarification'), questionId: z.string() }),
  z.object({ ...at, type: z.literal('handoff'), reason: handoffReasonSchema }),
  z.object({ ...at, type: z.literal('opt-out') }),
  z.object({ ...at, type: z.literal('reminder'), questionId: z.string().nullable() }),
  z.object({ ...at, type: z.literal('timeout') }),
  /** The chat model failed (the rules' reading was kept): the error class, never its message. */
  z.object({ ...at, type: z.literal('model-error'), errorName: z.string() }),
  z.object({ ...at, type: z.literal('late-reply'), endedBy: z.string().nullable() }),
  z.object({ ...at, type: z.literal('outcome'), status: screeningStatusSchema }),
]);
export type ScreeningEvent = z.infer<typeof screeningEventSchema>;
export type ScreeningEventType = ScreeningEvent['type'];

export const screeningOptionsSchema = z.object({
  /** Minutes of silence before the single reminder. */
  reminderAfterMinutes: z.number().positive().default(180),
  /** Minutes of silence (after the last message, reminder included) before `no-answer`. */
  noAnswerAfterMinutes: z
    .number()
    .positive()
    .default(24 * 60),
  /** Unclear replies tolerated on one question (each asked again in other words) before a person takes over. */
  maxClarifications: z.number().int().nonnegative().default(1),
  /** Steering attempts tolerated before handing over to a human. */
  maxInjections: z.number().int().nonnegative().default(2),
  /** Distance (km) under which transport is not asked when both places are known. */
  transportCheckKm: z.number().nonnegative().default(10),
  /** Profile confidence from which a certification, licence or availability counts as established. */
  establishedConfidence: z.number().min(0).max(1).default(0.9),
  /** Reading confidence under which a reply counts as unsure (asked again, never taken as an answer). */
  unsureBelow: z.number().min(0).max(1).default(0.6),
  /**
   * Reading confidence from which a yes or a date is taken; under it the reply is unsure (asked again once,
   * then a person). Higher than `unsureBelow`: a yes or a date changes a candidate's standing. Default
   * `POSITIVE_ANSWER_FROM`, chosen on the development replies (eval/screening/README.md).
   */
  positiveAnswerFrom: z.number().min(0).max(1).default(0.7),
  /**
   * Agency wording overrides, by template key (see `templateKeys`). `{placeholders}` as in the defaults.
   * Each override passes the guard; a blocked one falls back to the built-in wording.
   */
  templates: z.record(z.string(), z.string()).default({}),
});
export type ScreeningOptions = z.output<typeof screeningOptionsSchema>;
export type ScreeningOptionsInput = z.input<typeof screeningOptionsSchema>;

/** What the conversation needs of the job order: what messages say and replies are read against. */
export const screeningJobSchema = z.object({
  id: z.string().min(1),
  /** The title as sent to candidates ("H/F" markers removed). */
  title: z.string().min(1),
  city: z.string().nullable(),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  shift: z.string().nullable(),
  hourlyRateEur: z.number().positive().nullable(),
});
export type ScreeningJob = z.infer<typeof screeningJobSchema>;

export const SCREENING_STATE_VERSION = 2;

/**
 * Everything needed to continue a conversation: plain JSON, versioned, safe to store between webhook
 * calls. `revision` grows by one with every step that changes the state, for optimistic locking.
 */
export const screeningStateSchema = z.object({
  version: z.literal(SCREENING_STATE_VERSION),
  revision: z.number().int().nonnegative(),
  jobId: z.string(),
  candidateId: z.string(),
  language: z.enum(['fr', 'en']),
  agency: z.object({ name: z.string().min(1), humanContact: z.string().min(1) }),
  job: screeningJobSchema,
  options: screeningOptionsSchema,
  createdAt: z.string(),
  phase: z.enum(['not-started', 'awaiting-reply', 'finished']),
  plan: z.array(screeningQuestionSchema),
  /** Index in `plan` of the question awaiting an answer. */
  current: z.number().int().nonnegative(),
  clarifications: z.number().int().nonnegative(),
  injections: z.number().int().nonnegative(),
  remindersSent: z.number().int().nonnegative(),
  /** Last outgoing message, ISO date-time: reminders and time-outs count from it. */
  lastOutgoingAt: z.string().nullable(),
  /** Set when the conversation ended for a reason other than the plan's end. */
  endedBy: z.enum(['opt-out', 'no-answer', 'handoff', 'disqualified', 'completed']).nullable(),
  messages: z.array(messageSchema),
  answers: z.array(answerSchema),
  /** Candidate questions a person must answer, redacted like `answers[].reply`. */
  pendingQuestions: z.array(z.string()),
  events: z.array(screeningEventSchema),
});
export type ScreeningState = z.infer<typeof screeningStateSchema>;

/** Identifiers to redact from replies before the recruiter sees them (the candidate's own). */
export const replyIdentifiersSchema = z.object({
  names: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
});
export type ReplyIdentifiers = z.input<typeof replyIdentifiersSchema>;

/**
 * One input to the engine's `step`. Time always comes in: the engine never reads a clock. A `reply` may
 * carry a reading made outside (by a chat model); without one the rules read it. STOP is always read by
 * the rules, whatever reading is given.
 */
export const screeningInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at: z.iso.datetime({ offset: true }) }),
  z.object({
    type: z.literal('reply'),
    at: z.iso.datetime({ offset: true }),
    text: z.string(),
    reading: replyInterpretationSchema.optional(),
    /** The chat model failed on this reply (error class): recorded, the rules' reading is used. */
    modelError: z.string().optional(),
    identifiers: replyIdentifiersSchema.optional(),
  }),
  z.object({ type: z.literal('tick'), at: z.iso.datetime({ offset: true }) }),
]);
export type ScreeningInput = z.input<typeof screeningInputSchema>;

export const screeningOutcomeSchema = z.object({
  status: screeningStatusSchema,
  answers: z.array(
    answerSchema.pick({ questionId: true, topic: true, value: true, reply: true, intent: true, note: true }),
  ),
  reasons: z.array(z.string()),
  summary: z.string(),
});
export type ScreeningOutcome = z.infer<typeof screeningOutcomeSchema>;
