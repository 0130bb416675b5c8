import { screeningAuditEvent } from '../compliance/screening-audit.js';
import type {
  CandidateProfile,
  ScreeningInput,
  ScreeningMessage,
  ScreeningState,
  ScreeningStatus,
} from '../domain/index.js';
import { screeningStateSchema } from '../domain/index.js';
import { CvmatchError } from '../errors.js';
import { identifiersOf, readReplyForStep } from '../screening/engine/screening.js';
import { screeningOutcome } from '../screening/engine/screening-outcome.js';
import { step } from '../screening/engine/step.js';
import type { ConversationRecord } from '../store/conversation-repository.js';
import type { CampaignSession } from './campaign-session.js';
import type { CampaignConversationStatus } from './campaign-state.js';
import { type DeliveryReport, deliverMessages, flushHeldMessages } from './deliver-messages.js';

/** The candidate behind a conversation, read from the campaign's pool. */
export async function candidateOf(session: CampaignSession, candidateId: string): Promise<CandidateProfile> {
  const stored = await session.tx.profiles.get(session.campaign.pool, candidateId);
  if (!stored)
    throw new CvmatchError(`candidate ${candidateId} is no longer in pool ${session.campaign.pool}`);
  return stored.profile;
}

export interface StepReport extends DeliveryReport {
  status: CampaignConversationStatus;
  optedOut: boolean;
}

/** When the conversation needs a worker next: held messages, else the engine's reminder or time-out. */
export function conversationDueAt(state: ScreeningState, heldUntil: Date | null): Date | null {
  if (heldUntil) return heldUntil;
  if (state.phase !== 'awaiting-reply' || !state.lastOutgoingAt) return null;
  const { reminderAfterMinutes, noAnswerAfterMinutes } = state.options;
  const minutes = state.remindersSent === 0 ? reminderAfterMinutes : noAnswerAfterMinutes;
  return new Date(new Date(state.lastOutgoingAt).getTime() + minutes * 60_000);
}

function statusOf(state: ScreeningState): ScreeningStatus {
  return screeningOutcome(state).status;
}

/**
 * Runs one engine input on a conversation the session holds locked (the row is locked by the caller):
 * reads the reply (rules, then the chat model when they are unsure), steps the pure engine, records the
 * opt-out in the agency-wide registry, sends or holds the outgoing messages, writes the audit events and
 * stores the new state, status and due time.
 */
export async function stepConversation(
  session: CampaignSession,
  conversation: ConversationRecord,
  input: { type: 'start' } | { type: 'tick' } | { type: 'reply'; text: string; at: string },
): Promise<StepReport> {
  const { tx } = session;
  const candidate = await candidateOf(session, conversation.candidateId);
  const phone = candidate.phone;
  if (!phone) throw new CvmatchError(`candidate ${candidate.id} has no phone number`);
  let state = screeningStateSchema.parse(conversation.state);
  const at = input.type === 'reply' ? input.at : session.now.toISOString();
  const target = { conversationId: conversation.id, candidateId: candidate.id, phone };

  // Messages held for quiet hours go first, and count as the last outgoing message when they leave.
  const flushed = await flushHeldMessages(session, target);
  if (flushed.sent > 0) state = { ...state, lastOutgoingAt: session.now.toISOString() };

  let engineInput: ScreeningInput;
  if (input.type === 'reply') {
    const identifiers = identifiersOf(candidate);
    const read = await readReplyForStep(state, input.text, at, {
      model: session.context.chatModel,
      identifiers,
    });
    engineInput = { type: 'reply', at, text: input.text, identifiers, ...read };
  } else engineInput = { type: input.type, at };
  const result = step(state, engineInput);
  state = result.state;

  const optedOut = result.events.some((event) => event.type === 'opt-out');
  if (optedOut)
    await tx.optOuts.add(phone, { source: 'sms-stop', at: session.now, campaignId: session.campaign.id });

  const delivered = await deliverMessages(session, { ...target, revision: state.revision }, result.outgoing);
  recordScreeningAudit(session, state, result.events, result.outgoing, input);

  const previous = conversation.status as CampaignConversationStatus;
  const screening = statusOf(state);
  const status: CampaignConversationStatus =
    previous === 'closed' && screening === 'in-progress' ? 'closed' : screening;
  const heldUntil = delivered.sendAfter ?? flushed.sendAfter;
  const due = status === 'in-progress' ? conversationDueAt(state, heldUntil) : heldUntil;
  await tx.conversations.update(
    conversation.id,
    { status, state: state as unknown as Record<string, unknown>, dueAt: due },
    conversation.version,
  );
  if (status !== previous && status !== 'in-progress' && status !== 'closed')
    session.log('conversation-outcome', candidate.id, {
      status,
      answers: state.answers.length,
      asked: state.plan.length,
      reasons: screeningOutcome(state).reasons.length,
    });
  return {
    sent: flushed.sent + delivered.sent,
    scheduled: delivered.scheduled + flushed.scheduled,
    blocked: delivered.blocked + flushed.blocked,
    sendAfter: heldUntil,
    status,
    optedOut,
  };
}

function recordScreeningAudit(
  session: CampaignSession,
  state: ScreeningState,
  events: ReturnType<typeof step>['events'],
  outgoing: readonly ScreeningMessage[],
  input: { type: string; text?: string },
): void {
  const withText = session.settings.policy.auditText;
  const sent = [...outgoing];
  for (const event of events) {
    const text =
      event.type === 'message-sent'
        ? sent.shift()?.text
        : event.type === 'reply-received' && 'text' in input
          ? input.text
          : undefined;
    session.audit.push(
      screeningAuditEvent(
        event,
        { jobId: state.jobId, candidateId: state.candidateId },
        withText ? text : undefined,
      ),
    );
  }
}
