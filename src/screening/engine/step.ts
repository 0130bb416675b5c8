import {
  type ScreeningEvent,
  type ScreeningInput,
  type ScreeningMessage,
  type ScreeningState,
  screeningInputSchema,
} from '../../domain/index.js';
import { CvmatchError, ValidationError } from '../../errors.js';
import { applyTime } from './apply-time.js';
import { ask, type Draft, send } from './draft.js';
import { receiveReply } from './step-reply.js';

/** What one step produced: the new state, the messages to send (in order) and what happened. */
export interface StepResult {
  state: ScreeningState;
  outgoing: ScreeningMessage[];
  events: ScreeningEvent[];
}

/**
 * The screening engine: a pure function of a conversation's state and one input (`start`, a `reply`, or a
 * `tick` of the clock). It never reads a clock (time comes in the input), keeps nothing between calls and
 * never changes the state it is given: it returns a new state (its `revision` one higher when anything
 * changed), the messages to send and the events to log. Store the state, send the messages, log the
 * events; call it again with the next input. Replies are read by the rules unless the input carries a
 * reading (from a chat model, see `interpretReply`); STOP is always read by the rules.
 */
export function step(state: ScreeningState, input: ScreeningInput): StepResult {
  const parsed = screeningInputSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError('invalid screening input', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      cause: parsed.error,
    });
  const draft: Draft = { state: structuredClone(state), outgoing: [], events: [] };
  const command = parsed.data;
  const at = new Date(command.at).toISOString();
  switch (command.type) {
    case 'start':
      start(draft, at);
      break;
    case 'reply':
      if (draft.state.phase === 'not-started') throw new CvmatchError('start the screening before a reply');
      receiveReply(draft, { ...command, at });
      break;
    case 'tick':
      applyTime(draft, at, true);
      break;
  }
  if (draft.events.length > 0 || draft.outgoing.length > 0) draft.state.revision = state.revision + 1;
  return { state: draft.state, outgoing: draft.outgoing, events: draft.events };
}

function start(draft: Draft, at: string): void {
  if (draft.state.phase !== 'not-started') throw new CvmatchError('screening already started');
  draft.state.phase = 'awaiting-reply';
  if (!send(draft, [{ key: 'intro' }], at, 'intro', null)) return;
  ask(draft, at, [], false, 'question');
}
