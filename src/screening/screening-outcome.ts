import { certificateLabel } from './reply-certificates.js';
import type { ScreeningAnswer, ScreeningOutcome, ScreeningState, ScreeningStatus } from './schemas.js';
import { formatRate } from './templates.js';

function statusOf(state: ScreeningState): ScreeningStatus {
  if (state.endedBy === 'opt-out') return 'opted-out';
  if (state.answers.some((answer) => answer.assessment === 'disqualifying')) return 'not-qualified';
  if (state.endedBy === 'no-answer') return 'no-answer';
  if (state.endedBy === 'handoff') return 'needs-human';
  if (state.phase !== 'finished') return 'in-progress';
  const concerns = state.answers.some((answer) => answer.assessment === 'concern');
  return concerns || state.pendingQuestions.length > 0 ? 'needs-human' : 'qualified';
}

function describeAnswer(answer: ScreeningAnswer, language: 'fr' | 'en'): string {
  return language === 'fr' ? `${answer.note} (« ${answer.reply} »)` : `${answer.note} ("${answer.reply}")`;
}

function reasonsOf(state: ScreeningState, status: ScreeningStatus): string[] {
  const french = state.language === 'fr';
  const reasons: string[] = [];
  for (const answer of state.answers) {
    if (answer.assessment !== 'ok') reasons.push(describeAnswer(answer, state.language));
  }
  for (const question of state.pendingQuestions)
    reasons.push(french ? `question à traiter : « ${question} »` : `question to answer: "${question}"`);
  const injections = state.events.filter((event) => event.type === 'injection').length;
  if (injections > 0)
    reasons.push(
      french
        ? `${injections} tentative(s) de détourner l'assistant, signalée(s) et ignorée(s)`
        : `${injections} attempt(s) to steer the assistant, flagged and ignored`,
    );
  if (state.events.some((event) => event.type === 'guard-escalated'))
    reasons.push(
      french
        ? 'message bloqué par le garde-fou : reprise humaine'
        : 'message blocked by the guard: human takeover',
    );
  if (status === 'opted-out')
    reasons.push(french ? 'a demandé à ne plus être contacté (STOP)' : 'asked not to be contacted (STOP)');
  if (status === 'no-answer')
    reasons.push(french ? 'pas de réponse après relance' : 'no reply after a reminder');
  if (state.endedBy === 'handoff' && !state.events.some((event) => event.type === 'guard-escalated'))
    reasons.push(
      french ? 'demande ou nécessite un échange avec un conseiller' : 'asks for or needs a consultant',
    );
  return reasons;
}

function okFacts(state: ScreeningState): string[] {
  const french = state.language === 'fr';
  return state.answers
    .filter((answer) => answer.assessment === 'ok')
    .map((answer) => {
      const code = answer.questionId.split(':')[1] ?? '';
      switch (answer.topic) {
        case 'availability':
          return typeof answer.value === 'string'
            ? french
              ? `disponible à partir du ${answer.value}`
              : `available from ${answer.value}`
            : french
              ? 'disponible aux dates et horaires'
              : 'available on the dates and shift';
        case 'certification':
        case 'licence':
          return french
            ? `déclare avoir ${certificateLabel(code, answer.topic, 'fr')}`
            : `says they hold ${certificateLabel(code, answer.topic, 'en')}`;
        case 'transport':
          return answer.note;
        case 'rate':
          return french ? 'accepte le taux horaire' : 'accepts the rate';
        case 'confirmation':
          return french ? 'confirme son intérêt' : 'confirms interest';
      }
      return answer.note;
    });
}

const STATUS_WORDS: Record<ScreeningStatus, [string, string]> = {
  qualified: ['Qualifié', 'Qualified'],
  'not-qualified': ['Non qualifié', 'Not qualified'],
  'needs-human': ['À revoir par un conseiller', 'Needs a consultant'],
  'opted-out': ['Désinscrit', 'Opted out'],
  'no-answer': ['Sans réponse', 'No answer'],
  'in-progress': ['En cours', 'In progress'],
};

/** The recruiter's view of a conversation: status, answers with the replies behind them, reasons, summary. */
export function screeningOutcome(
  state: ScreeningState,
  job: { hourlyRateEur: number | null },
): ScreeningOutcome {
  const status = statusOf(state);
  const reasons = reasonsOf(state, status);
  const french = state.language === 'fr';
  const facts = okFacts(state);
  const rate = job.hourlyRateEur !== null ? formatRate(job.hourlyRateEur, state.language) : null;
  const parts = [`${STATUS_WORDS[status][french ? 0 : 1]}.`];
  if (facts.length > 0)
    parts.push(
      `${capitalise(facts.join(', '))}${rate && facts.some((fact) => /taux|rate/.test(fact)) ? ` (${rate})` : ''}.`,
    );
  if (reasons.length > 0)
    parts.push(`${french ? 'Points' : 'Notes'} : ${reasons.join(' ; ')}.`.replace(' :', french ? ' :' : ':'));
  const asked = state.plan.length;
  const answered = state.answers.length;
  parts.push(
    french ? `${answered}/${asked} questions répondues.` : `${answered}/${asked} questions answered.`,
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
