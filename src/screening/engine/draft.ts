import type {
  HandoffReason,
  MessageKind,
  ScreeningEvent,
  ScreeningMessage,
  ScreeningQuestion,
  ScreeningState,
} from '../../domain/index.js';
import { type ComposeContext, composeMessage, MAX_SEGMENTS, questionTemplate } from './compose-message.js';
import { statusOf } from './screening-outcome.js';
import { countSmsSegments } from './sms-segments.js';
import type { TemplateKey } from './templates.js';

/**
 * One step being worked out: a copy of the state the step may change, and what it produced. Only `step`
 * creates one, from a deep copy, so the state given to `step` is never changed.
 */
export interface Draft {
  state: ScreeningState;
  outgoing: ScreeningMessage[];
  events: ScreeningEvent[];
}

/** A part of a message: a template and its values. Parts are joined into one SMS when they fit. */
export interface Part {
  key: TemplateKey;
  values?: Record<string, string>;
}

export function emit(draft: Draft, event: ScreeningEvent): void {
  draft.state.events.push(event);
  draft.events.push(event);
}

export function composeContext(state: ScreeningState): ComposeContext {
  return {
    language: state.language,
    agency: state.agency,
    job: state.job,
    overrides: state.options.templates,
  };
}

export function currentQuestion(state: ScreeningState): ScreeningQuestion | null {
  return state.plan[state.current] ?? null;
}

/** The part that asks the current question; `again`: in other words. */
export function questionPart(state: ScreeningState, again = false): Part | null {
  const question = currentQuestion(state);
  if (!question) return null;
  const { key, values } = questionTemplate(question, composeContext(state), again);
  return { key, values };
}

/** Ends the conversation (once), with an `outcome` event. */
export function finish(draft: Draft, endedBy: NonNullable<ScreeningState['endedBy']>, at: string): void {
  if (draft.state.phase === 'finished') return;
  draft.state.phase = 'finished';
  draft.state.endedBy = endedBy;
  emit(draft, { type: 'outcome', at, status: statusOf(draft.state) });
}

export function handOff(draft: Draft, reason: HandoffReason, at: string): void {
  emit(draft, { type: 'handoff', at, reason });
  finish(draft, 'handoff', at);
  send(draft, [{ key: 'handoff' }], at, 'handoff', null);
}

/**
 * Composes, guards and records one outgoing message made of parts (a prefix, then a question): one SMS
 * when they fit together in `MAX_SEGMENTS`, else one per part. When a part has no wording that passes
 * the guard, nothing more is sent and a person takes over. Returns false when nothing could be sent.
 */
export function send(
  draft: Draft,
  parts: readonly Part[],
  at: string,
  kind: MessageKind,
  questionId: string | null,
): boolean {
  const context = composeContext(draft.state);
  const texts: { text: string; key: TemplateKey; source: 'override' | 'built-in' }[] = [];
  for (const part of parts) {
    const composed = composeMessage(part.key, part.values ?? {}, context);
    for (const blocked of composed.blocked)
      emit(draft, {
        type: 'guard-blocked',
        at,
        template: part.key,
        source: blocked.source,
        categories: [...new Set(blocked.violations.map((violation) => violation.category))],
      });
    if (composed.text === null) {
      emit(draft, { type: 'guard-escalated', at, template: part.key });
      if (draft.state.phase !== 'finished') {
        emit(draft, { type: 'handoff', at, reason: 'guard' });
        finish(draft, 'handoff', at);
      }
      return false;
    }
    texts.push({ text: composed.text, key: part.key, source: composed.source });
  }
  const joined = texts.map((item) => item.text).join(' ');
  const groups = countSmsSegments(joined).segments <= MAX_SEGMENTS ? [texts] : texts.map((item) => [item]);
  for (const group of groups) {
    const text = group.map((item) => item.text).join(' ');
    const last = group.at(-1)!;
    const message: ScreeningMessage = { direction: 'out', text, at, questionId, kind, interpretation: null };
    draft.state.messages.push(message);
    draft.outgoing.push(message);
    draft.state.lastOutgoingAt = at;
    const count = countSmsSegments(text);
    emit(draft, {
      type: 'message-sent',
      at,
      kind,
      template: last.key,
      source: last.source,
      questionId,
      segments: count.segments,
      encoding: count.encoding,
    });
  }
  return true;
}

/** Asks the current question, after the given parts (an answer, "Merci.", "Je n'ai pas compris."). */
export function ask(
  draft: Draft,
  at: string,
  prefix: readonly Part[],
  again: boolean,
  kind: MessageKind,
): void {
  const question = currentQuestion(draft.state);
  const part = questionPart(draft.state, again);
  if (!question || !part) return;
  send(draft, [...prefix, part], at, kind, question.id);
}
