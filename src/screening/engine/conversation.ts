import type { CandidateProfile, JobOrder, JobOrderInput } from '../../domain/index.js';
import {
  type ReplyInterpretation,
  type ScreeningEvent,
  type ScreeningMessage,
  type ScreeningOptionsInput,
  type ScreeningOutcome,
  type ScreeningQuestion,
  type ScreeningState,
  screeningOptionsSchema,
  screeningStateSchema,
} from '../../domain/screening.js';
import { CvmatchError, ValidationError } from '../../errors.js';
import type { ChatModel } from '../../providers/spec.js';
import { interpretReply, interpretReplyWithRules } from '../reading/interpret-reply.js';
import { assessAnswer } from './assess-answer.js';
import { type ComposeContext, composeMessage, questionTemplate } from './compose-message.js';
import { planQuestions } from './plan-questions.js';
import { iso, minutesBetween, parseCandidate, parseJob } from './screening-input.js';
import { screeningOutcome } from './screening-outcome.js';
import type { TemplateKey } from './templates.js';

export interface ScreeningAgency {
  name: string;
  /** How to reach a person: a phone number or an address, shown in the first message. */
  humanContact: string;
}

export interface CreateScreeningInput {
  job: JobOrderInput;
  candidate: CandidateProfile;
  agency: ScreeningAgency;
  /** Reads replies the rules cannot; never writes messages. */
  model?: ChatModel;
  /** Defaults to the job order's language (French by default). */
  language?: 'fr' | 'en';
  now: Date | string;
  options?: ScreeningOptionsInput;
}

/** What one call produced: the messages to send (in order) and the state to store. */
export interface ScreeningStep {
  messages: ScreeningMessage[];
  state: ScreeningState;
}

export interface Screening {
  /** A copy of the current state (plain JSON). */
  readonly state: ScreeningState;
  /** First messages: the introduction and the first question. */
  start(): ScreeningStep;
  /** Reads a reply received at `at` and returns what to send next (nothing after STOP). */
  receive(replyText: string, at: Date | string): Promise<ScreeningStep>;
  /** Time passes without a reply: sends the single reminder, then ends as `no-answer`. */
  tick(now: Date | string): ScreeningStep;
  outcome(): ScreeningOutcome;
}

/** Starts a screening conversation for one candidate and one job order. */
export function createScreening(input: CreateScreeningInput): Screening {
  const job = parseJob(input.job);
  const candidate = parseCandidate(input.candidate);
  const options = screeningOptionsSchema.parse(input.options ?? {});
  const agency = input.agency;
  if (!agency?.name?.trim() || !agency.humanContact?.trim())
    throw new ValidationError('agency name and humanContact are required', {
      issues: [{ path: ['agency'], message: 'name and humanContact must be non-empty' }],
    });
  const state: ScreeningState = {
    version: 1,
    jobId: job.id,
    candidateId: candidate.id,
    language: input.language ?? job.language ?? 'fr',
    agency: { name: agency.name.trim(), humanContact: agency.humanContact.trim() },
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
  return conversation(state, job, input.model);
}

/** Continues a conversation from a stored state (e.g. between two webhook calls). */
export function resumeScreening(
  stored: unknown,
  context: { job: JobOrderInput; candidate: CandidateProfile; model?: ChatModel },
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
  return conversation(parsed.data, job, context.model);
}

function conversation(state: ScreeningState, job: JobOrder, model: ChatModel | undefined): Screening {
  const context: ComposeContext = {
    language: state.language,
    agency: state.agency,
    job,
    overrides: state.options.templates,
  };

  const event = (type: ScreeningEvent['type'], at: string, detail: string) => {
    state.events.push({ type, at, detail });
  };
  const currentQuestion = (): ScreeningQuestion | null => state.plan[state.current] ?? null;

  const finish = (endedBy: NonNullable<ScreeningState['endedBy']>) => {
    state.phase = 'finished';
    state.endedBy = endedBy;
  };

  /** Renders, guards and records one outgoing message. Returns false when nothing could be sent. */
  const send = (
    out: ScreeningMessage[],
    key: TemplateKey,
    values: Record<string, string>,
    at: string,
    kind: string,
    questionId: string | null,
  ): boolean => {
    const composed = composeMessage(key, values, context);
    for (const blocked of composed.blocked)
      event(
        'guard-blocked',
        at,
        `${key} (${blocked.source}): ${blocked.violations.map((v) => `${v.category} "${v.match}"`).join(', ')}`,
      );
    if (composed.text === null) {
      event('guard-escalated', at, `no safe wording for ${key}`);
      if (state.phase !== 'finished') finish('handoff');
      return false;
    }
    const message: ScreeningMessage = {
      direction: 'out',
      text: composed.text,
      at,
      questionId,
      kind,
      interpretation: null,
    };
    state.messages.push(message);
    out.push(message);
    state.lastOutgoingAt = at;
    return true;
  };

  /** The text of the current question, for templates that repeat it. */
  const questionText = (): string => {
    const question = currentQuestion();
    if (!question) return '';
    const { key, values } = questionTemplate(question, context);
    return composeMessage(key, values, context).text ?? '';
  };

  const askCurrent = (out: ScreeningMessage[], at: string, prefixKey?: TemplateKey, prefixValues = {}) => {
    const question = currentQuestion();
    if (!question) return;
    if (prefixKey) {
      // One message when the prefix and the question fit together, two otherwise.
      const combined = composeMessage(prefixKey, { ...prefixValues, question: questionText() }, context);
      const usesQuestion = combined.text?.includes(questionText()) ?? false;
      if (usesQuestion) {
        send(
          out,
          prefixKey,
          { ...prefixValues, question: questionText() },
          at,
          prefixKind(prefixKey),
          question.id,
        );
        return;
      }
      if (!send(out, prefixKey, { ...prefixValues, question: '' }, at, prefixKind(prefixKey), question.id))
        return;
    }
    const { key, values } = questionTemplate(question, context);
    send(out, key, values, at, 'question', question.id);
  };

  const close = (out: ScreeningMessage[], at: string) => {
    finish('completed');
    const review =
      state.answers.some((answer) => answer.assessment === 'concern') || state.pendingQuestions.length > 0;
    send(out, review ? 'closing-review' : 'closing-qualified', {}, at, 'closing', null);
  };

  const handleAnswer = (
    out: ScreeningMessage[],
    question: ScreeningQuestion,
    reply: string,
    reading: ReplyInterpretation,
    at: string,
  ) => {
    const { answer, requirement } = assessAnswer(question, reply, reading, job, state.language);
    state.answers.push(answer);
    state.clarifications = 0;
    if (answer.assessment === 'disqualifying') {
      finish('disqualified');
      if (question.topic === 'confirmation' || question.topic === 'rate')
        send(out, 'closing-not-interested', {}, at, 'closing', null);
      else send(out, 'closing-not-qualified', { requirement }, at, 'closing', null);
      return;
    }
    state.current++;
    if (currentQuestion()) askCurrent(out, at);
    else close(out, at);
  };

  const handleReply = async (text: string, at: string, out: ScreeningMessage[]) => {
    const question = currentQuestion();
    const readingContext = { question, job, now: at };
    let reading: ReplyInterpretation;
    try {
      // A finished conversation only listens for STOP: no model call for late replies.
      const useModel = model && state.phase !== 'finished';
      reading = await interpretReply(text, { ...readingContext, ...(useModel ? { model } : {}) });
      if (reading.by === 'llm') event('llm-used', at, `intent ${reading.intent}`);
    } catch (error) {
      if (!CvmatchError.isInstance(error)) throw error;
      event('llm-error', at, `${error.name}: ${error.message}`);
      reading = interpretReplyWithRules(text, readingContext);
    }
    state.messages.push({
      direction: 'in',
      text,
      at,
      questionId: question?.id ?? null,
      kind: 'reply',
      interpretation: reading,
    });

    if (reading.intent === 'opt_out') {
      event('opt-out', at, 'STOP received');
      finish('opt-out');
      send(out, 'opt-out', {}, at, 'opt-out', null);
      return;
    }
    if (state.phase === 'finished') {
      event('late-reply', at, `reply after the end (${state.endedBy})`);
      return;
    }
    if (!question) return;
    switch (reading.intent) {
      case 'injection': {
        state.injections++;
        event('injection', at, `steering attempt flagged on ${question.id}`);
        if (state.injections > state.options.maxInjections) {
          finish('handoff');
          send(out, 'handoff', {}, at, 'handoff', null);
        } else askCurrent(out, at, 'injection');
        return;
      }
      case 'wants_human': {
        event('handoff', at, 'candidate asked for a person');
        finish('handoff');
        send(out, 'handoff', {}, at, 'handoff', null);
        return;
      }
      case 'question': {
        const about = reading.extracted.questionAbout ?? 'other';
        const key = answerKey(about, job);
        if (key) askCurrent(out, at, key);
        else {
          state.pendingQuestions.push(text);
          event('handoff', at, `question for a consultant (${about})`);
          askCurrent(out, at, 'handoff-question');
        }
        return;
      }
      case 'off_topic': {
        state.clarifications++;
        if (state.clarifications > state.options.maxClarifications) {
          event('handoff', at, `unclear replies on ${question.id}`);
          finish('handoff');
          send(out, 'handoff', {}, at, 'handoff', null);
        } else askCurrent(out, at, 'clarify');
        return;
      }
      default:
        handleAnswer(out, question, text, reading, at);
    }
  };

  /** Applies the reminder and the time-out for a moment without a reply. */
  const applyTime = (at: string, out: ScreeningMessage[], allowReminder: boolean) => {
    if (state.phase !== 'awaiting-reply' || !state.lastOutgoingAt) return;
    const silent = minutesBetween(state.lastOutgoingAt, at);
    const { reminderAfterMinutes, noAnswerAfterMinutes } = state.options;
    if (state.remindersSent === 0) {
      if (allowReminder && silent >= reminderAfterMinutes) {
        state.remindersSent = 1;
        event('reminder', at, `after ${Math.round(silent)} min of silence`);
        const question = currentQuestion();
        send(out, 'reminder', { question: questionText() }, at, 'reminder', question?.id ?? null);
      } else if (!allowReminder && silent >= reminderAfterMinutes + noAnswerAfterMinutes) {
        event('timeout', at, 'no reply before the reply arrived (reminder never sent)');
        finish('no-answer');
      }
      return;
    }
    if (silent >= noAnswerAfterMinutes) {
      event('timeout', at, `no reply ${Math.round(silent)} min after the reminder`);
      finish('no-answer');
    }
  };

  return {
    get state() {
      return structuredClone(state);
    },
    start() {
      if (state.phase !== 'not-started') throw new CvmatchError('screening already started');
      const at = state.createdAt;
      const out: ScreeningMessage[] = [];
      state.phase = 'awaiting-reply';
      if (send(out, 'intro', {}, at, 'intro', null)) askCurrent(out, at);
      return { messages: out, state: structuredClone(state) };
    },
    async receive(replyText, atInput) {
      if (state.phase === 'not-started') throw new CvmatchError('call start() before receive()');
      const at = iso(atInput);
      const out: ScreeningMessage[] = [];
      if (state.endedBy === 'opt-out') {
        // Nothing after STOP: the reply is kept for the record, nothing is sent.
        state.messages.push({
          direction: 'in',
          text: replyText,
          at,
          questionId: null,
          kind: 'reply',
          interpretation: null,
        });
        event('late-reply', at, 'reply after STOP, nothing sent');
        return { messages: out, state: structuredClone(state) };
      }
      applyTime(at, out, false);
      await handleReply(replyText, at, out);
      return { messages: out, state: structuredClone(state) };
    },
    tick(nowInput) {
      const out: ScreeningMessage[] = [];
      applyTime(iso(nowInput), out, true);
      return { messages: out, state: structuredClone(state) };
    },
    outcome() {
      return screeningOutcome(state, job);
    },
  };
}

function prefixKind(key: TemplateKey): string {
  if (key.startsWith('answer-')) return 'answer';
  if (key === 'handoff-question') return 'handoff';
  return key;
}

/** The answer template for a candidate's question, when the job order holds the answer. */
function answerKey(about: string, job: JobOrder): TemplateKey | null {
  if (about === 'pay') return job.hourlyRateEur !== null ? 'answer-pay' : null;
  if (about === 'hours') return job.shift ? 'answer-hours' : null;
  if (about === 'address') return job.location?.city ? 'answer-address' : null;
  if (about === 'dates' || about === 'duration') return job.startDate ? 'answer-dates' : null;
  return null;
}
