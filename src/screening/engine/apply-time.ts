import { currentQuestion, type Draft, emit, finish, questionPart, send } from './draft.js';
import { minutesBetween } from './screening-input.js';

/**
 * The reminder and the time-out for a moment without a reply. `allowReminder` is false when a reply
 * has just arrived: a time-out that had passed is recorded, no reminder is sent.
 */
export function applyTime(draft: Draft, at: string, allowReminder: boolean): void {
  const state = draft.state;
  if (state.phase !== 'awaiting-reply' || !state.lastOutgoingAt) return;
  const silent = minutesBetween(state.lastOutgoingAt, at);
  const { reminderAfterMinutes, noAnswerAfterMinutes } = state.options;
  if (state.remindersSent === 0) {
    if (allowReminder && silent >= reminderAfterMinutes) {
      state.remindersSent = 1;
      const question = currentQuestion(state);
      emit(draft, { type: 'reminder', at, questionId: question?.id ?? null });
      const part = questionPart(state);
      send(
        draft,
        part ? [{ key: 'reminder' }, part] : [{ key: 'reminder' }],
        at,
        'reminder',
        question?.id ?? null,
      );
    } else if (!allowReminder && silent >= reminderAfterMinutes + noAnswerAfterMinutes) {
      emit(draft, { type: 'timeout', at });
      finish(draft, 'no-answer', at);
    }
    return;
  }
  if (silent >= noAnswerAfterMinutes) {
    emit(draft, { type: 'timeout', at });
    finish(draft, 'no-answer', at);
  }
}
