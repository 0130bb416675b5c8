import type {
  QuestionAbout,
  ReplyIdentifiers,
  ReplyInterpretation,
  ScreeningQuestion,
  ScreeningState,
} from '../../domain/index.js';
import { isUnsure } from '../reading/interpret-reply.js';
import { redactReply } from '../reading/protected-facts.js';
import { interpretReplyWithRules } from '../reading/read-reply-rules.js';
import { applyTime } from './apply-time.js';
import { assessAnswer } from './assess-answer.js';
import { ask, currentQuestion, type Draft, emit, finish, handOff, type Part, send } from './draft.js';
import type { TemplateKey } from './templates.js';

export interface ReplyCommand {
  at: string;
  text: string;
  reading?: ReplyInterpretation | undefined;
  modelError?: string | undefined;
  identifiers?: ReplyIdentifiers | undefined;
}

function identifierLists(identifiers: ReplyIdentifiers | undefined) {
  return {
    names: identifiers?.names ?? [],
    phones: identifiers?.phones ?? [],
    emails: identifiers?.emails ?? [],
  };
}

/**
 * The answer to a candidate's question, when the order holds it (or the question is whether they talk to
 * a machine, or whether a protected fact matters); null when a consultant must answer.
 */
function answerKey(about: QuestionAbout, state: ScreeningState): TemplateKey | null {
  const job = state.job;
  switch (about) {
    case 'bot':
      return 'answer-bot';
    case 'protected':
      return 'answer-protected';
    case 'pay':
      return job.hourlyRateEur !== null ? 'answer-pay' : null;
    case 'hours':
      return job.shift ? 'answer-hours' : null;
    case 'address':
      return job.city ? 'answer-address' : null;
    case 'dates':
    case 'duration':
      return job.startDate ? 'answer-dates' : null;
    default:
      return null;
  }
}

/** What to say about a candidate's question: its answer, or that a consultant will answer it (recorded). */
function answerQuestion(draft: Draft, about: QuestionAbout, redacted: string, at: string): Part {
  const key = answerKey(about, draft.state);
  if (key) return { key };
  draft.state.pendingQuestions.push(redacted);
  emit(draft, { type: 'handoff', at, reason: 'question' });
  return { key: 'handoff-question' };
}

/** The reading the step acts on: the one given (a model's), except that STOP is always the rules'. */
function readingFor(
  draft: Draft,
  command: ReplyCommand,
  question: ScreeningQuestion | null,
): ReplyInterpretation {
  const ruled = interpretReplyWithRules(command.text, {
    question,
    job: draft.state.job,
    now: command.at,
    identifiers: identifierLists(command.identifiers),
  });
  if (!command.reading || ruled.intent === 'opt_out') return ruled;
  return command.reading;
}

/** Handles one reply: records it, reads it, and answers. */
export function receiveReply(draft: Draft, command: ReplyCommand): void {
  const state = draft.state;
  const at = command.at;
  if (state.endedBy === 'opt-out') {
    // Nothing after STOP: the reply is kept for the record, nothing is sent.
    state.messages.push({
      direction: 'in',
      text: command.text,
      at,
      questionId: null,
      kind: 'reply',
      interpretation: null,
    });
    emit(draft, { type: 'reply-received', at, questionId: null });
    emit(draft, { type: 'late-reply', at, endedBy: state.endedBy });
    return;
  }
  applyTime(draft, at, false);
  const question = currentQuestion(state);
  const questionId = state.phase === 'finished' ? null : (question?.id ?? null);
  if (command.modelError) emit(draft, { type: 'model-error', at, errorName: command.modelError });
  const reading = readingFor(draft, command, state.phase === 'finished' ? null : question);
  const unsure = isUnsure(reading, state.options.unsureBelow, state.options.positiveAnswerFrom);
  state.messages.push({
    direction: 'in',
    text: command.text,
    at,
    questionId,
    kind: 'reply',
    interpretation: reading,
  });
  emit(draft, { type: 'reply-received', at, questionId });
  emit(draft, {
    type: 'reply-read',
    at,
    questionId,
    intent: reading.intent,
    confidence: reading.confidence,
    by: reading.by,
    unsure,
    questionAbout: reading.extracted.questionAbout,
    protectedFacts: reading.extracted.protectedFacts,
  });

  if (reading.intent === 'opt_out') {
    emit(draft, { type: 'opt-out', at });
    // Whatever stage the conversation is at (ended included), it is now an opt-out.
    state.phase = 'finished';
    state.endedBy = 'opt-out';
    emit(draft, { type: 'outcome', at, status: 'opted-out' });
    send(draft, [{ key: 'opt-out' }], at, 'opt-out', null);
    return;
  }
  if (state.phase === 'finished') {
    emit(draft, { type: 'late-reply', at, endedBy: state.endedBy });
    return;
  }
  if (!question) return;
  const redacted = redactReply(command.text, identifierLists(command.identifiers));
  switch (reading.intent) {
    case 'injection': {
      state.injections++;
      emit(draft, { type: 'injection', at, questionId: question.id });
      if (state.injections > state.options.maxInjections) handOff(draft, 'injections', at);
      else ask(draft, at, [{ key: 'injection' }], true, 'clarify');
      return;
    }
    case 'wants_human':
      handOff(draft, 'asked', at);
      return;
    case 'question': {
      const about = reading.extracted.questionAbout ?? 'other';
      ask(draft, at, [answerQuestion(draft, about, redacted, at)], false, 'answer');
      return;
    }
    default:
      break;
  }
  if (unsure) {
    // Never guessed: asked once more in other words, then a person takes over.
    state.clarifications++;
    if (state.clarifications > state.options.maxClarifications) handOff(draft, 'unclear', at);
    else {
      emit(draft, { type: 'clarification', at, questionId: question.id });
      ask(draft, at, [{ key: 'clarify' }], true, 'clarify');
    }
    return;
  }
  recordAnswer(draft, question, reading, redacted, at);
}

/** An answer (yes, no, partial, a date): assessed, recorded, then the next question or the closing. */
function recordAnswer(
  draft: Draft,
  question: ScreeningQuestion,
  reading: ReplyInterpretation,
  redacted: string,
  at: string,
): void {
  const state = draft.state;
  const { answer, requirement } = assessAnswer(question, redacted, reading, state.job, state.language);
  state.answers.push(answer);
  state.clarifications = 0;
  emit(draft, {
    type: 'answer-recorded',
    at,
    questionId: question.id,
    intent: answer.intent,
    assessment: answer.assessment,
  });
  // "oui, et vous êtes une IA ?": the answer is taken, the question answered too.
  const asked = reading.extracted.questionAbout;
  const prefix: Part[] = asked ? [answerQuestion(draft, asked, redacted, at)] : [];
  if (answer.assessment === 'disqualifying') {
    finish(draft, 'disqualified', at);
    const closing: Part =
      question.topic === 'confirmation' || question.topic === 'rate'
        ? { key: 'closing-not-interested' }
        : { key: 'closing-not-qualified', values: { requirement } };
    send(draft, [...prefix, closing], at, 'closing', null);
    return;
  }
  state.current++;
  if (currentQuestion(state)) {
    ask(
      draft,
      at,
      prefix.length > 0 ? prefix : [{ key: 'thanks' }],
      false,
      prefix.length > 0 ? 'answer' : 'question',
    );
    return;
  }
  finish(draft, 'completed', at);
  const review =
    state.answers.some((item) => item.assessment === 'concern') || state.pendingQuestions.length > 0;
  send(draft, [...prefix, { key: review ? 'closing-review' : 'closing-qualified' }], at, 'closing', null);
}
