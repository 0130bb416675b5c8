import type { ScreeningOutcome, ScreeningState, ScreeningStatus } from '../../domain/index.js';
import { type MessageKey, type MessageValues, message } from '../../locale/index.js';
import { certificateWithArticle } from '../reading/reply-certificates.js';
import { formatLongDate } from './templates.js';

/** Where a conversation stands, from its state. */
export function statusOf(state: ScreeningState): ScreeningStatus {
  if (state.endedBy === 'opt-out') return 'opted-out';
  if (state.answers.some((answer) => answer.assessment === 'disqualifying')) return 'not-qualified';
  if (state.endedBy === 'no-answer') return 'no-answer';
  if (state.endedBy === 'handoff') return 'needs-human';
  if (state.phase !== 'finished') return 'in-progress';
  const concerns = state.answers.some((answer) => answer.assessment === 'concern');
  return concerns || state.pendingQuestions.length > 0 ? 'needs-human' : 'qualified';
}

function reasonsOf(state: ScreeningState, status: ScreeningStatus): string[] {
  const say = (key: MessageKey, values?: MessageValues) => message(state.language, key, values);
  const reasons: string[] = [];
  for (const answer of state.answers) {
    if (answer.assessment !== 'ok')
      reasons.push(say('screening.reason.answer', { note: answer.note, reply: answer.reply }));
  }
  for (const question of state.pendingQuestions)
    reasons.push(say('screening.reason.pendingQuestion', { question }));
  const injections = state.events.filter((event) => event.type === 'injection').length;
  if (injections > 0) reasons.push(say('screening.reason.injections', { count: injections }));
  if (state.events.some((event) => event.type === 'guard-escalated'))
    reasons.push(say('screening.reason.guardEscalated'));
  if (status === 'opted-out') reasons.push(say('screening.reason.optedOut'));
  if (status === 'no-answer') reasons.push(say('screening.reason.noAnswer'));
  if (state.endedBy === 'handoff' && !state.events.some((event) => event.type === 'guard-escalated'))
    reasons.push(say('screening.reason.handoff'));
  return reasons;
}

/** What the candidate confirmed, in words. */
function okFacts(state: ScreeningState): string[] {
  const language = state.language;
  const ok = state.answers.filter((answer) => answer.assessment === 'ok');
  const facts = ok.map((answer) => {
    const code = answer.questionId.split(':')[1] ?? '';
    switch (answer.topic) {
      case 'availability':
        return typeof answer.value === 'string'
          ? message(language, 'screening.note.availableFrom', {
              date: formatLongDate(answer.value, language),
            })
          : message(language, 'screening.note.available');
      case 'certification':
      case 'licence':
        return message(language, 'screening.fact.holds', {
          label: certificateWithArticle(code, answer.topic, language),
        });
      case 'transport':
        return answer.note;
      case 'rate':
        return answer.note;
      case 'confirmation':
        return message(language, 'screening.note.confirmsInterest');
    }
    return answer.note;
  });
  return facts;
}

const STATUS_WORDS: Record<ScreeningStatus, MessageKey> = {
  qualified: 'screening.status.qualified',
  'not-qualified': 'screening.status.notQualified',
  'needs-human': 'screening.status.needsHuman',
  'opted-out': 'screening.status.optedOut',
  'no-answer': 'screening.status.noAnswer',
  'in-progress': 'screening.status.inProgress',
};

/**
 * The recruiter's view of a conversation: status, answers with the replies behind them (protected facts,
 * names and phone numbers already redacted when the reply was received), reasons, summary.
 */
export function screeningOutcome(state: ScreeningState): ScreeningOutcome {
  const status = statusOf(state);
  const reasons = reasonsOf(state, status);
  const language = state.language;
  const facts = okFacts(state);
  const parts = [`${message(language, STATUS_WORDS[status])}.`];
  if (facts.length > 0) parts.push(`${capitalise(facts.join(', '))}.`);
  if (reasons.length > 0)
    parts.push(message(language, 'screening.summary.reasons', { reasons: reasons.join(' ; ') }));
  parts.push(
    message(language, 'screening.summary.answered', {
      answered: state.answers.length,
      asked: state.plan.length,
    }),
  );
  return {
    status,
    answers: state.answers.map(({ questionId, topic, value, reply, intent, note }) => ({
      questionId,
      topic,
      value,
      reply,
      intent,
      note,
    })),
    reasons,
    summary: parts.join(' '),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
