import { createScreeningState } from '../screening/engine/create-state.js';
import type { ConversationRecord } from '../store/conversation-repository.js';
import type { CampaignSession } from './campaign-session.js';
import { conversationIdFor } from './campaign-state.js';
import { candidateOf, stepConversation } from './conversation-step.js';
import { cancelHeldMessages } from './deliver-messages.js';
import { isSendingAllowed, nextSendingTime } from './quiet-hours.js';

/** Recruiter decisions that take a candidate off the call list (the place goes to the next one). */
export const DECLINING_DECISIONS = new Set(['rejected', 'unavailable', 'declined', 'no-answer']);

/** Places on the call list: `callsPerPosition` per position. */
export function callListCapacity(session: CampaignSession): number {
  return session.campaign.headcount * session.settings.policy.callsPerPosition;
}

async function declinedIds(session: CampaignSession): Promise<Set<string>> {
  const decisions = await session.tx.decisions.list({ campaignId: session.campaign.id });
  const last = new Map<string, string>();
  for (const decision of decisions) last.set(decision.candidateId, decision.decision);
  return new Set([...last].filter(([, decision]) => DECLINING_DECISIONS.has(decision)).map(([id]) => id));
}

/**
 * The call list: qualified candidates not declined by a recruiter, best ranked first, up to the capacity.
 * Logs its changes; when it is complete the campaign is full: held messages are cancelled, open
 * conversations closed, and nothing more is sent.
 */
export async function refreshCallList(session: CampaignSession): Promise<string[]> {
  const qualified = await session.tx.conversations.list({
    campaignId: session.campaign.id,
    status: 'qualified',
  });
  const declined = await declinedIds(session);
  const rankOf = new Map(session.state.ranked.map((entry) => [entry.candidateId, entry.rank]));
  const capacity = callListCapacity(session);
  const list = qualified
    .map((conversation) => conversation.candidateId)
    .filter((id) => !declined.has(id))
    .sort((a, b) => (rankOf.get(a) ?? 1e9) - (rankOf.get(b) ?? 1e9) || a.localeCompare(b))
    .slice(0, capacity);
  const before = session.state.callList;
  if (list.join('\n') !== before.join('\n')) {
    session.state.callList = list;
    session.log('call-list-changed', null, {
      size: list.length,
      capacity,
      added: list.filter((id) => !before.includes(id)),
      removed: before.filter((id) => !list.includes(id)),
    });
  }
  if (list.length >= capacity && session.status === 'active') await closeWhenFull(session);
  else if (list.length < capacity && session.status === 'full') {
    session.status = 'active';
    session.state.fullAt = null;
    session.dueAt = session.now;
    session.log('campaign-reopened', null, { size: list.length, capacity });
  }
  return list;
}

async function closeWhenFull(session: CampaignSession): Promise<void> {
  session.status = 'full';
  session.state.fullAt ??= session.now.toISOString();
  session.dueAt = null;
  const cancelled = await cancelHeldMessages(session, 'order-closed');
  const closed = await session.tx.sql.query(
    `UPDATE conversations SET status = 'closed', due_at = NULL, version = version + 1, updated_at = now()
      WHERE campaign_id = $1 AND status = 'in-progress' RETURNING id`,
    [session.campaign.id],
  );
  session.log('campaign-full', null, {
    size: session.state.callList.length,
    cancelledMessages: cancelled,
    closedConversations: closed.length,
  });
}

/** Expected qualified candidates still to come from the open conversations. */
function expectedYield(session: CampaignSession, open: ConversationRecord[]): number {
  const { expectedReplyRate: reply, expectedQualifyRate: qualify } = session.settings.policy;
  let expected = 0;
  for (const conversation of open) {
    const state = conversation.state as { messages?: { direction: string }[]; remindersSent?: number } | null;
    const replied = state?.messages?.some((message) => message.direction === 'in') ?? false;
    if (replied) expected += qualify;
    else if ((state?.remindersSent ?? 0) > 0) expected += (reply * qualify) / 2;
    else expected += reply * qualify;
  }
  return expected;
}

async function skipReason(
  session: CampaignSession,
  phone: string | null,
): Promise<'no-phone' | 'opted-out' | 'contact-cap' | null> {
  if (!phone) return 'no-phone';
  const { tx, now, campaign } = session;
  if (await tx.optOuts.has(phone)) return 'opted-out';
  const policy = session.settings.policy;
  const since = new Date(now.getTime() - policy.contactCapDays * 86_400_000);
  const [row] = await tx.sql.query<{ count: number }>(
    `SELECT count(DISTINCT campaign_id)::int AS count FROM contact_log
      WHERE phone_hash = $1 AND contacted_at >= $2 AND campaign_id IS DISTINCT FROM $3`,
    [session.context.store.hashPhone(phone), since, campaign.id],
  );
  return (row?.count ?? 0) >= policy.maxOtherCampaigns ? 'contact-cap' : null;
}

/**
 * A wave: texts the next best candidates until the qualified ones plus those expected from the open
 * conversations cover the call list. The first wave is sized by the expected reply and qualify rates;
 * later waves widen when answers are negative or missing (a silent conversation counts for less once
 * reminded). Nothing is started during quiet hours (the check is moved to the next window).
 */
export async function runWave(session: CampaignSession): Promise<number> {
  if (session.status !== 'active') return 0;
  const policy = session.settings.policy;
  if (!isSendingAllowed(session.now, policy.quietHours)) {
    session.dueAt = nextSendingTime(session.now, policy.quietHours);
    return 0;
  }
  const capacity = callListCapacity(session);
  const open = await session.tx.conversations.list({
    campaignId: session.campaign.id,
    status: 'in-progress',
  });
  let expected = session.state.callList.length + expectedYield(session, open);
  const { expectedReplyRate: reply, expectedQualifyRate: qualify } = policy;
  let started = 0;
  const skipped: Record<string, number> = {};
  const { ranked } = session.state;
  while (expected < capacity && session.state.next < ranked.length) {
    const entry = ranked[session.state.next] as (typeof ranked)[number];
    session.state.next++;
    const candidate = await candidateOf(session, entry.candidateId);
    const id = conversationIdFor(session.campaign.id, candidate.id);
    if (await session.tx.conversations.get(id)) continue;
    const reason = await skipReason(session, candidate.phone);
    if (reason) {
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      await session.tx.conversations.create({
        id,
        campaignId: session.campaign.id,
        pool: session.campaign.pool,
        candidateId: candidate.id,
        phone: candidate.phone,
        status: 'not-contacted',
        state: { skipped: reason },
      });
      session.log('candidate-skipped', candidate.id, { reason, rank: entry.rank });
      continue;
    }
    const job = (await session.tx.jobOrders.get(session.campaign.jobOrderId))?.job;
    if (!job) throw new Error(`job order ${session.campaign.jobOrderId} is missing`);
    const state = createScreeningState({
      job,
      candidate,
      agency: session.settings.agency,
      language: session.settings.language,
      now: session.now,
      options: policy.screening,
    });
    const conversation = await session.tx.conversations.create({
      id,
      campaignId: session.campaign.id,
      pool: session.campaign.pool,
      candidateId: candidate.id,
      phone: candidate.phone,
      status: 'in-progress',
      state: state as unknown as Record<string, unknown>,
    });
    await stepConversation(session, conversation, { type: 'start' });
    started++;
    expected += reply * qualify;
  }
  if (started > 0 || Object.keys(skipped).length > 0) {
    if (started > 0) session.state.waves++;
    session.log('wave-sent', null, {
      wave: session.state.waves,
      started,
      skippedOptedOut: skipped['opted-out'] ?? 0,
      skippedContactCap: skipped['contact-cap'] ?? 0,
      skippedNoPhone: skipped['no-phone'] ?? 0,
      expected: Math.round(expected * 100) / 100,
      capacity,
    });
  }
  const stillOpen = open.length + started > 0;
  if (session.state.next >= ranked.length && !stillOpen) {
    session.status = 'exhausted';
    session.dueAt = null;
    session.log('campaign-exhausted', null, { size: session.state.callList.length, capacity });
  } else session.dueAt = new Date(session.now.getTime() + policy.waveCheckMinutes * 60_000);
  return started;
}
