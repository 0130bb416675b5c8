import type { ScreeningMessage } from '../domain/index.js';
import { CvmatchError } from '../errors.js';
import type { CampaignSession } from './campaign-session.js';
import { isSendingAllowed, nextSendingTime } from './quiet-hours.js';

export interface DeliveryReport {
  sent: number;
  scheduled: number;
  blocked: number;
  /** When held messages may go out (quiet hours), if any were held. */
  sendAfter: Date | null;
}

export interface DeliveryTarget {
  conversationId: string;
  candidateId: string;
  phone: string;
  /** Engine revision that produced the messages: with the index, the idempotency key. */
  revision: number;
}

/** Why a message was not sent. */
type BlockReason = 'order-closed' | 'opted-out';

/**
 * The checks before any send, in order: the campaign still texts (not full), the person is not on the
 * agency-wide opt-out list (the STOP confirmation itself excepted), and it is not quiet time (held until
 * the next window; a STOP confirmation is dropped rather than sent later). Sends go through the transport
 * inside the campaign's transaction: a crash before commit re-does the step (at-least-once, the window is
 * the send call itself).
 */
export async function deliverMessages(
  session: CampaignSession,
  target: DeliveryTarget,
  outgoing: readonly ScreeningMessage[],
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, scheduled: 0, blocked: 0, sendAfter: null };
  const { tx, now } = session;
  const quiet = session.settings.policy.quietHours;
  for (const [index, message] of outgoing.entries()) {
    const key = `${target.conversationId}:out:${target.revision}:${index}`;
    const isConfirmation = message.kind === 'opt-out';
    const blocked = await blockReason(session, target.phone, isConfirmation);
    // A message that may not go out is kept as cancelled, with the reason, so the transcript shows it.
    const cancel = async (reason: string) => {
      await tx.messages.record({
        conversationId: target.conversationId,
        direction: 'out',
        body: message.text,
        idempotencyKey: key,
        status: 'cancelled',
        at: now,
      });
      await tx.messages.update(key, { error: reason });
    };
    if (blocked) {
      await cancel(blocked);
      session.log('send-blocked', target.candidateId, { reason: blocked, kind: message.kind });
      report.blocked++;
      continue;
    }
    if (!isSendingAllowed(now, quiet)) {
      if (isConfirmation) {
        await cancel('quiet-hours');
        report.blocked++;
        continue;
      }
      const after = nextSendingTime(now, quiet);
      const { created } = await tx.messages.record({
        conversationId: target.conversationId,
        direction: 'out',
        body: message.text,
        idempotencyKey: key,
        status: 'scheduled',
        at: now,
      });
      if (created)
        await tx.sql.query('UPDATE messages SET send_after = $2 WHERE idempotency_key = $1', [key, after]);
      session.log('send-held', target.candidateId, { kind: message.kind, until: after.toISOString() });
      report.scheduled++;
      report.sendAfter = after;
      continue;
    }
    const { message: stored, created } = await tx.messages.record({
      conversationId: target.conversationId,
      direction: 'out',
      body: message.text,
      idempotencyKey: key,
      status: 'queued',
      at: now,
    });
    if (!created && stored.status !== 'queued') continue;
    if (await send(session, target, key, message.text)) report.sent++;
  }
  return report;
}

async function blockReason(
  session: CampaignSession,
  phone: string,
  isConfirmation: boolean,
): Promise<BlockReason | null> {
  if (session.status !== 'active' && !isConfirmation) return 'order-closed';
  if (!isConfirmation && (await session.tx.optOuts.has(phone))) return 'opted-out';
  return null;
}

async function send(
  session: CampaignSession,
  target: DeliveryTarget,
  key: string,
  text: string,
): Promise<boolean> {
  const { tx, now, context } = session;
  try {
    const { id } = await context.transport.send(target.phone, text);
    await tx.sql.query(
      `UPDATE messages SET status = 'sent', provider = $2, provider_message_id = $3, send_after = NULL,
              created_at = $4, updated_at = $4 WHERE idempotency_key = $1`,
      [key, context.transport.name, id, now],
    );
    await tx.contacts.record({
      phone: target.phone,
      campaignId: session.campaign.id,
      conversationId: target.conversationId,
      at: now,
    });
    return true;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const name = CvmatchError.isInstance(error) ? error.name : 'Error';
    await tx.messages.update(key, { status: 'failed', provider: context.transport.name, error: name });
    session.log('send-failed', target.candidateId, { error: name });
    return false;
  }
}

/**
 * Sends the messages held for quiet hours once the window is open (and the checks still pass); returns
 * how many went out and when the rest may go.
 */
export async function flushHeldMessages(
  session: CampaignSession,
  target: Omit<DeliveryTarget, 'revision'>,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, scheduled: 0, blocked: 0, sendAfter: null };
  const { tx, now } = session;
  const held = await tx.sql.query<{ idempotency_key: string; body: string; send_after: Date | null }>(
    `SELECT idempotency_key, body, send_after FROM messages
      WHERE conversation_id = $1 AND status = 'scheduled' ORDER BY id`,
    [target.conversationId],
  );
  for (const message of held) {
    const blocked = await blockReason(session, target.phone, false);
    if (blocked) {
      await tx.messages.update(message.idempotency_key, { status: 'cancelled', error: blocked });
      session.log('send-blocked', target.candidateId, { reason: blocked, kind: 'held' });
      report.blocked++;
      continue;
    }
    const after = message.send_after ? new Date(message.send_after) : now;
    if (after.getTime() > now.getTime() || !isSendingAllowed(now, session.settings.policy.quietHours)) {
      report.scheduled++;
      report.sendAfter = nextSendingTime(
        after.getTime() > now.getTime() ? after : now,
        session.settings.policy.quietHours,
      );
      continue;
    }
    if (await send(session, { ...target, revision: 0 }, message.idempotency_key, message.body)) report.sent++;
  }
  return report;
}

/** Cancels every held message of the campaign (the order is full). */
export async function cancelHeldMessages(session: CampaignSession, reason: string): Promise<number> {
  const rows = await session.tx.sql.query(
    `UPDATE messages SET status = 'cancelled', error = $2, send_after = NULL
      WHERE status = 'scheduled' AND conversation_id IN (SELECT id FROM conversations WHERE campaign_id = $1)
      RETURNING id`,
    [session.campaign.id, reason],
  );
  return rows.length;
}
