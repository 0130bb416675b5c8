import type { AuditLog } from '../../compliance/audit-log.js';
import { screeningAuditEvent } from '../../compliance/screening-audit.js';
import {
  type CandidateProfile,
  type JobOrderInput,
  type ReplyIdentifiers,
  type ReplyInterpretation,
  type ScreeningEvent,
  type ScreeningInput,
  type ScreeningMessage,
  type ScreeningOutcome,
  type ScreeningState,
  screeningStateSchema,
} from '../../domain/index.js';
import { CvmatchError, isProviderFault, ValidationError } from '../../errors.js';
import type { ChatModel } from '../../providers/spec.js';
import { interpretReply, isUnsure } from '../reading/interpret-reply.js';
import { interpretReplyWithRules } from '../reading/read-reply-rules.js';
import { type CreateScreeningStateInput, createScreeningState } from './create-state.js';
import { currentQuestion } from './draft.js';
import { iso, parseCandidate, parseJob } from './screening-input.js';
import { screeningOutcome } from './screening-outcome.js';
import { step } from './step.js';

export interface ScreeningAuditOptions {
  log: AuditLog;
  /** Also write each message's text (default false: ids, kinds, intents and counts only). */
  includeText?: boolean;
}

export interface CreateScreeningInput extends CreateScreeningStateInput {
  /** Reads replies the rules are unsure about; never writes messages. */
  model?: ChatModel;
  /** Every event of the conversation goes to this audit log. */
  audit?: ScreeningAuditOptions;
}

/** What one call produced: the messages to send (in order), the state to store, and what happened. */
export interface ScreeningStep {
  messages: ScreeningMessage[];
  state: ScreeningState;
  events: ScreeningEvent[];
}

/**
 * One conversation, for single-conversation use: a thin wrapper that keeps the state between calls and
 * feeds the pure engine (`step`). Campaigns and webhook servers call `step` on a stored state instead.
 */
export interface Screening {
  /** A copy of the current state (plain JSON). */
  readonly state: ScreeningState;
  /** First messages: the introduction and the first question. */
  start(): ScreeningStep;
  /** Reads a reply received at `at` (the chat model only when the rules are unsure) and returns what to send. */
  receive(replyText: string, at: Date | string): Promise<ScreeningStep>;
  /** Time passes without a reply: sends the single reminder, then ends as `no-answer`. */
  tick(now: Date | string): ScreeningStep;
  outcome(): ScreeningOutcome;
}

/**
 * Starts a screening conversation for one candidate and one job order. Throws
 * `DiscriminatoryJobOrderError` for an order that selects on a criterion the law forbids.
 */
export function createScreening(input: CreateScreeningInput): Screening {
  const candidate = parseCandidate(input.candidate);
  return conversation(createScreeningState(input), identifiersOf(candidate), input.model, input.audit);
}

/** Continues a conversation from a stored state (e.g. between two webhook calls). */
export function resumeScreening(
  stored: unknown,
  context: {
    job: JobOrderInput;
    candidate: CandidateProfile;
    model?: ChatModel;
    audit?: ScreeningAuditOptions;
  },
): Screening {
  const parsed = screeningStateSchema.safeParse(stored);
  if (!parsed.success)
    throw new ValidationError('invalid screening state', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      cause: parsed.error,
    });
  const job = parseJob(context.job);
  const candidate = parseCandidate(context.candidate);
  if (parsed.data.jobId !== job.id || parsed.data.candidateId !== candidate.id)
    throw new ValidationError('the state belongs to another job or candidate', {
      issues: [{ path: ['jobId'], message: `state is for ${parsed.data.jobId}/${parsed.data.candidateId}` }],
    });
  return conversation(parsed.data, identifiersOf(candidate), context.model, context.audit);
}

/** The candidate's own identifiers, redacted from replies before the recruiter sees them. */
export function identifiersOf(candidate: CandidateProfile): ReplyIdentifiers {
  return {
    names: candidate.name ? [candidate.name] : [],
    phones: candidate.phone ? [candidate.phone] : [],
    emails: candidate.email ? [candidate.email] : [],
  };
}

/**
 * Reads a reply for the engine: the rules, then the chat model when they are unsure (and the
 * conversation still waits for an answer). A provider fault (`isProviderFault`) is returned as
 * `modelError` (its class name) and the rules' reading is kept; any other error is thrown.
 */
export async function readReplyForStep(
  state: ScreeningState,
  text: string,
  at: string,
  options: { model?: ChatModel | undefined; identifiers?: ReplyIdentifiers; signal?: AbortSignal },
): Promise<{ reading?: ReplyInterpretation; modelError?: string }> {
  const { model, identifiers } = options;
  if (!model || state.phase !== 'awaiting-reply') return {};
  const context = {
    question: currentQuestion(state),
    job: state.job,
    now: at,
    ...(identifiers ? { identifiers } : {}),
  };
  const ruled = interpretReplyWithRules(text, context);
  if (!isUnsure(ruled, state.options.unsureBelow, state.options.positiveAnswerFrom)) return {};
  try {
    return {
      reading: await interpretReply(text, {
        ...context,
        model,
        unsureBelow: state.options.unsureBelow,
        positiveAnswerFrom: state.options.positiveAnswerFrom,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    };
  } catch (error) {
    // A provider fault (outage after the retries, an answer failing its schema) keeps the rules' reading and
    // hands the conversation on; a wrong key, another 4xx, an abort or a bug is thrown.
    if (!isProviderFault(error)) throw error;
    return { modelError: error.name };
  }
}

function conversation(
  initial: ScreeningState,
  identifiers: ReplyIdentifiers,
  model: ChatModel | undefined,
  audit: ScreeningAuditOptions | undefined,
): Screening {
  let state = initial;
  const apply = (input: ScreeningInput, replyText?: string): ScreeningStep => {
    const result = step(state, input);
    state = result.state;
    if (audit) {
      const sent = [...result.outgoing];
      for (const event of result.events) {
        const text =
          event.type === 'message-sent'
            ? sent.shift()?.text
            : event.type === 'reply-received'
              ? replyText
              : undefined;
        audit.log.record(
          screeningAuditEvent(
            event,
            { jobId: state.jobId, candidateId: state.candidateId },
            audit.includeText ? text : undefined,
          ),
        );
      }
    }
    return { messages: result.outgoing, state: structuredClone(state), events: result.events };
  };
  return {
    get state() {
      return structuredClone(state);
    },
    start() {
      return apply({ type: 'start', at: state.createdAt });
    },
    async receive(replyText, atInput) {
      if (state.phase === 'not-started') throw new CvmatchError('call start() before receive()');
      const at = iso(atInput);
      const read = await readReplyForStep(state, replyText, at, { model, identifiers });
      return apply({ type: 'reply', at, text: replyText, identifiers, ...read }, replyText);
    },
    tick(nowInput) {
      return apply({ type: 'tick', at: iso(nowInput) });
    },
    outcome() {
      return screeningOutcome(state);
    },
  };
}
