import { z } from 'zod';

/** What a screening question is about. */
export const questionTopicSchema = z.enum([
  'availability',
  'certification',
  'licence',
  'transport',
  'rate',
  'confirmation',
]);
export type QuestionTopic = z.infer<typeof questionTopicSchema>;

/** One planned question. `code` is the certification or licence code for those topics. */
export const screeningQuestionSchema = z.object({
  /** Stable id: `availability`, `certification:CACES_R489_3`, `licence:CE`, `transport`, `rate`, `confirmation`. */
  id: z.string(),
  topic: questionTopicSchema,
  code: z.string().nullable(),
  /** Why the question is asked, for the recruiter (never sent). */
  reason: z.string(),
});
export type ScreeningQuestion = z.infer<typeof screeningQuestionSchema>;

export const replyIntentSchema = z.enum([
  'yes',
  'no',
  'partial',
  'date_given',
  'question',
  'opt_out',
  'wants_human',
  'off_topic',
  'injection',
]);
export type ReplyIntent = z.infer<typeof replyIntentSchema>;

export const transportModeSchema = z.enum(['car', 'motorbike', 'bike', 'walk', 'public', 'carpool', 'none']);
export type TransportMode = z.infer<typeof transportModeSchema>;

/** A date read in a reply, resolved against the conversation clock. */
export const extractedDateSchema = z.object({
  date: z.iso.date(),
  /** `from`: available from / starting; `until`: valid until / available until; `on`: that day. */
  kind: z.enum(['from', 'until', 'on']),
  text: z.string(),
});
export type ExtractedDate = z.infer<typeof extractedDateSchema>;

export const extractedCertificateSchema = z.object({
  /** Canonical code (`CACES_R489_3`) or licence category (`CE`). */
  code: z.string(),
  kind: z.enum(['certification', 'licence']),
  text: z.string(),
  /** Whether the reply says the person does NOT hold it ("g pa le caces 3"). */
  negated: z.boolean(),
});
export type ExtractedCertificate = z.infer<typeof extractedCertificateSchema>;

/** What the candidate asks about, when the reply is a question. */
export const questionAboutSchema = z.enum(['pay', 'hours', 'address', 'dates', 'duration', 'other']);
export type QuestionAbout = z.infer<typeof questionAboutSchema>;

export const extractedValuesSchema = z.object({
  dates: z.array(extractedDateSchema),
  /** "de suite", "immédiatement". */
  immediate: z.boolean(),
  certificates: z.array(extractedCertificateSchema),
  /** Hourly rates in euros read in the reply ("12,50", "13€"). */
  hourlyRates: z.array(z.number()),
  transport: transportModeSchema.nullable(),
  questionAbout: questionAboutSchema.nullable(),
});
export type ExtractedValues = z.infer<typeof extractedValuesSchema>;

export const replyInterpretationSchema = z.object({
  intent: replyIntentSchema,
  extracted: extractedValuesSchema,
  confidence: z.number().min(0).max(1),
  by: z.enum(['rules', 'llm']),
});
export type ReplyInterpretation = z.infer<typeof replyInterpretationSchema>;

/** How an answer weighs on the outcome. */
export const assessmentSchema = z.enum(['ok', 'concern', 'disqualifying']);
export type Assessment = z.infer<typeof assessmentSchema>;

export const answerSchema = z.object({
  questionId: z.string(),
  topic: questionTopicSchema,
  /** The value read: `true`/`false`, a date, a rate, a transport mode. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** The candidate's reply that supports the value, verbatim. */
  reply: z.string(),
  intent: replyIntentSchema,
  assessment: assessmentSchema,
  /** Plain-words note for the recruiter, e.g. "available from 2027-01-15, job starts 2027-01-11". */
  note: z.string(),
});
export type ScreeningAnswer = z.infer<typeof answerSchema>;

export const messageSchema = z.object({
  direction: z.enum(['out', 'in']),
  text: z.string(),
  /** ISO 8601 date-time. */
  at: z.string(),
  /** Question the message asks (out) or answers (in). */
  questionId: z.string().nullable(),
  /** Out: `intro`, `question`, `reminder`, `answer`, `clarify`, `handoff`, `closing`, `opt-out`; in: `reply`. */
  kind: z.string(),
  interpretation: replyInterpretationSchema.nullable(),
});
export type ScreeningMessage = z.infer<typeof messageSchema>;

export const screeningEventSchema = z.object({
  type: z.enum([
    'guard-blocked',
    'guard-escalated',
    'injection',
    'opt-out',
    'handoff',
    'reminder',
    'timeout',
    'llm-used',
    'llm-error',
    'late-reply',
  ]),
  at: z.string(),
  detail: z.string(),
});
export type ScreeningEvent = z.infer<typeof screeningEventSchema>;

export const screeningStatusSchema = z.enum([
  'qualified',
  'not-qualified',
  'needs-human',
  'opted-out',
  'no-answer',
  'in-progress',
]);
export type ScreeningStatus = z.infer<typeof screeningStatusSchema>;

export const screeningOptionsSchema = z.object({
  /** Minutes of silence before the single reminder. */
  reminderAfterMinutes: z.number().positive().default(180),
  /** Minutes of silence (after the last message, reminder included) before `no-answer`. */
  noAnswerAfterMinutes: z
    .number()
    .positive()
    .default(24 * 60),
  /** Unclear replies tolerated on one question before handing over to a human. */
  maxClarifications: z.number().int().nonnegative().default(1),
  /** Steering attempts tolerated before handing over to a human. */
  maxInjections: z.number().int().nonnegative().default(2),
  /** Distance (km) under which transport is not asked when both places are known. */
  transportCheckKm: z.number().nonnegative().default(10),
  /** Profile confidence from which a certification, licence or availability counts as established. */
  establishedConfidence: z.number().min(0).max(1).default(0.9),
  /**
   * Agency wording overrides, by template key (see `templateKeys`). `{placeholders}` as in the defaults.
   * Each override passes the guard; a blocked one falls back to the built-in wording.
   */
  templates: z.record(z.string(), z.string()).default({}),
});
export type ScreeningOptions = z.output<typeof screeningOptionsSchema>;
export type ScreeningOptionsInput = z.input<typeof screeningOptionsSchema>;

/** Everything needed to continue a conversation: plain JSON, safe to store between webhook calls. */
export const screeningStateSchema = z.object({
  version: z.literal(1),
  jobId: z.string(),
  candidateId: z.string(),
  language: z.enum(['fr', 'en']),
  agency: z.object({ name: z.string().min(1), humanContact: z.string().min(1) }),
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
  /** Candidate questions a human must answer. */
  pendingQuestions: z.array(z.string()),
  events: z.array(screeningEventSchema),
});
export type ScreeningState = z.infer<typeof screeningStateSchema>;

export const screeningOutcomeSchema = z.object({
  status: screeningStatusSchema,
  answers: z.array(
    answerSchema.pick({ questionId: true, topic: true, value: true, reply: true, intent: true, note: true }),
  ),
  reasons: z.array(z.string()),
  summary: z.string(),
});
export type ScreeningOutcome = z.infer<typeof screeningOutcomeSchema>;
