import { createHash } from 'node:crypto';
import type { ScreeningStatus } from '../domain/index.js';
import { interpretReplyWithRules } from '../screening/reading/read-reply-rules.js';
import type { ConversationRecord } from '../store/conversation-repository.js';
import type { CampaignContext } from './campaign-context.js';
import { clockOf } from './campaign-context.js';
import { withCampaign } from './campaign-session.js';
import { campaignSettingsSchema } from './campaign-state.js';
import { stepConversation } from './conversation-step.js';
import { refreshCallList, runWave } from './run-wave.js';

/** An SMS received from a candidate, as a webhook hands it over. */
export interface InboundReply {
  /** Sender's number (E.164 preferably; it is canonicalised before hashing). */
  from: string;
  /** The number the candidate wrote to: picks the campaign when the person is in several. */
  to?: string;
  text: string;
  /** ISO 8601 date-time the provider received it. */
  at: string;
  /** The provider's id of the message: a webhook delivered twice is handled once. */
  providerMessageId?: string;
}

/**
 * What became of an inbound reply.
 * - `handled`: routed to its conversation, read, answered (or the answer held for quiet hours).
 * - `duplicate`: this message was already handled (same provider id, or same sender, time and text).
 * - `late`: the conversation or its campaign is over (full, closed): the reply is kept, nothing is sent;
 *   a STOP is still registered.
 * - `unrouted`: no conversation with this number; a STOP is still registered agency-wide.
 */
export interface InboundOutcome {
  status: 'handled' | 'duplicate' | 'late' | 'unrouted';
  campaignId: string | null;
  conversationId: string | null;
  candidateId: string | null;
  /** The person is (now) on the agency-wide opt-out list because of this message. */
  optedOut: boolean;
  /** Messages sent now in answer, and held until quiet hours end. */
  sent: number;
  scheduled: number;
  /** Screening status of the conversation after the reply (null when not routed). */
  screeningStatus: ScreeningStatus | 'closed' | 'not-contacted' | null;
}

const CONTACTED = new Set([
  'in-progress',
  'qualified',
  'not-qualified',
  'needs-human',
  'no-answer',
  'opted-out',
  'closed',
]);

function lastOutgoing(conversation: ConversationRecord): number {
  const at = (conversation.state as { lastOutgoingAt?: string | null } | null)?.lastOutgoingAt;
  return at ? new Date(at).getTime() : 0;
}

/** The conversation a reply belongs to: an open one first, then the most recently texted. */
async function route(context: CampaignContext, inbound: InboundReply): Promise<ConversationRecord | null> {
  let candidates = (await context.store.conversations.findByPhone(inbound.from)).filter(
    (conversation) => conversation.campaignId !== null && CONTACTED.has(conversation.status),
  );
  if (candidates.length === 0) return null;
  if (inbound.to !== undefined && candidates.length > 1) {
    const to = context.store.hashPhone(inbound.to);
    const campaigns = await Promise.all(
      candidates.map((conversation) => context.store.campaigns.get(conversation.campaignId as string)),
    );
    const matching = candidates.filter((_, index) => {
      const settings = campaignSettingsSchema.safeParse(campaigns[index]?.settings);
      const sender = settings.success ? settings.data.senderNumber : null;
      return sender !== null && context.store.hashPhone(sender) === to;
    });
    if (matching.length > 0) candidates = matching;
  }
  const open = candidates.filter((conversation) => conversation.status === 'in-progress');
  const pool = open.length > 0 ? open : candidates;
  return (
    [...pool].sort(
      (a, b) => lastOutgoing(b) - lastOutgoing(a) || b.createdAt.localeCompare(a.createdAt),
    )[0] ?? null
  );
}

function isStop(text: string, at: string): boolean {
  const reading = interpretReplyWithRules(text, {
    question: null,
    job: {
      id: 'none',
      title: 'none',
      city: null,
      startDate: null,
      endDate: null,
      shift: null,
      hourlyRateEur: null,
    },
    now: at,
  });
  return reading.intent === 'opt_out';
}

function idempotencyKey(transport: string, inbound: InboundReply): string {
  if (inbound.providerMessageId) return `in:${transport}:${inbound.providerMessageId}`;
  const digest = createHash('sha256')
    .update(`${inbound.from}\u0000${new Date(inbound.at).toISOString()}\u0000${inbound.text}`)
    .digest('hex')
    .slice(0, 32);
  return `in:${transport}:sha256:${digest}`;
}

/**
 * Handles one SMS from a candidate, end to end: routes it to its conversation (by the sender's phone
 * hash, the campaign picked by the `to` number when the person is in several), records it once
 * (idempotent on `providerMessageId`), locks the campaign then the conversation so one process at a time
 * handles it, reads it and steps the screening engine, honours STOP in the agency-wide opt-out registry,
 * sends the next message (after the checks: order not full, not opted out, not quiet hours — else held),
 * updates the call list (and starts a wave when answers fall short), and writes the audit trail.
 */
export async function handleInboundReply(
  context: CampaignContext,
  inbound: InboundReply,
): Promise<InboundOutcome> {
  const at = new Date(inbound.at).toISOString();
  const conversation = await route(context, inbound);
  const none: InboundOutcome = {
    status: 'unrouted',
    campaignId: null,
    conversationId: null,
    candidateId: null,
    optedOut: false,
    sent: 0,
    scheduled: 0,
    screeningStatus: null,
  };
  if (!conversation) {
    if (!isStop(inbound.text, at)) return none;
    const added = await context.store.optOuts.add(inbound.from, { source: 'sms-stop', at: clockOf(context) });
    return { ...none, optedOut: added || (await context.store.optOuts.has(inbound.from)) };
  }
  const campaignId = conversation.campaignId as string;
  return withCampaign(context, campaignId, async (session) => {
    const locked = await session.tx.conversations.lock(conversation.id);
    const base = {
      campaignId,
      conversationId: locked.id,
      candidateId: locked.candidateId,
      optedOut: false,
      sent: 0,
      scheduled: 0,
    };
    const { created } = await session.tx.messages.record({
      conversationId: locked.id,
      direction: 'in',
      body: inbound.text,
      idempotencyKey: idempotencyKey(context.transport.name, inbound),
      provider: context.transport.name,
      providerMessageId: inbound.providerMessageId ?? null,
      status: 'received',
      at,
    });
    const status = locked.status as InboundOutcome['screeningStatus'];
    if (!created) return { ...base, status: 'duplicate', screeningStatus: status };
    if (session.status !== 'active' || locked.status === 'closed') {
      const stop = isStop(inbound.text, at);
      if (stop)
        await session.tx.optOuts.add(inbound.from, { source: 'sms-stop', at: session.now, campaignId });
      session.log('late-reply', locked.candidateId, { campaignStatus: session.status, optOut: stop });
      return { ...base, status: 'late', optedOut: stop, screeningStatus: status };
    }
    const report = await stepConversation(session, locked, { type: 'reply', text: inbound.text, at });
    if (report.status !== 'in-progress') {
      await refreshCallList(session);
      await runWave(session);
    }
    return {
      ...base,
      status: 'handled',
      optedOut: report.optedOut,
      sent: report.sent,
      scheduled: report.scheduled,
      screeningStatus: report.status,
    };
  });
}
