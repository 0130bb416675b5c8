import * as z from 'zod';
import { protectedCriterionSchema } from './protected-criterion.js';

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

/**
 * How a reply reads. `yes`, `no`, `partial` (a condition, a restriction, a doubt) and `date_given` answer
 * the question; `question` asks one (a reply may also answer *and* ask: then the intent is the answer's
 * and `extracted.questionAbout` says what was asked); `off_topic` says nothing usable (the rules are
 * unsure: the question is asked again in other words, then a person takes over).
 */
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

/**
 * What the candidate asks about. `bot`: whether they are talking to a machine or a person (answered
 * truthfully, AI Act art. 50); `protected`: whether a protected fact they gave (age, religion…) matters
 * (it never does).
 */
export const questionAboutSchema = z.enum([
  'pay',
  'hours',
  'address',
  'dates',
  'duration',
  'bot',
  'protected',
  'other',
]);
export type QuestionAbout = z.infer<typeof questionAboutSchema>;

export const extractedValuesSchema = z.object({
  dates: z.array(extractedDateSchema),
  /** "de suite", "immédiatement". */
  immediate: z.boolean(),
  certificates: z.array(extractedCertificateSchema),
  /** Hourly rates in euros read in the reply ("12,50", "13€"). */
  hourlyRates: z.array(z.number()),
  transport: transportModeSchema.nullable(),
  /** Set when the reply asks something (alone, or next to an answer). */
  questionAbout: questionAboutSchema.nullable(),
  /**
   * Protected facts the candidate volunteered ("j'ai 3 enfants"): which criteria, never the words. They
   * are left out of the reading (they weigh on nothing) and out of everything the recruiter sees.
   */
  protectedFacts: z.array(protectedCriterionSchema).default([]),
});
export type ExtractedValues = z.output<typeof extractedValuesSchema>;

/**
 * Why the second reading of a reply (its scope, read over the whole reply) did not let a yes or a date
 * stand: the words were quoted from the message, asked back, someone else's, about the past, hypothetical,
 * doubted, deferred, a litotes, negated, sarcastic, a greeting, thanks, a yes to who one is, bound to a time
 * or an event the reading did not resolve ("dès que j'ai fini mon contrat"), or the date is gone by.
 */
export const positiveVetoReasonSchema = z.enum([
  'quoted',
  'asked',
  'reported',
  'past',
  'past-date',
  'hypothetical',
  'doubt',
  'deferred',
  'litotes',
  'negated',
  'sarcasm',
  'greeting',
  'acknowledged',
  'identity',
  'time-bound',
]);
export type PositiveVetoReason = z.infer<typeof positiveVetoReasonSchema>;

export const replyInterpretationSchema = z.object({
  intent: replyIntentSchema,
  extracted: extractedValuesSchema,
  confidence: z.number().min(0).max(1),
  by: z.enum(['rules', 'llm']),
  /**
   * Set when the first reading said yes or gave a date and the second, independent check of the whole
   * reply vetoed or downgraded it: what was first read and why it was not taken.
   */
  verification: z
    .object({ firstIntent: z.enum(['yes', 'date_given']), reason: positiveVetoReasonSchema })
    .optional(),
});
export type ReplyInterpretation = z.output<typeof replyInterpretationSchema>;
