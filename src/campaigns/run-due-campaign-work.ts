import type { CampaignContext } from './campaign-context.js';
import { clockOf } from './campaign-context.js';
import { withCampaign } from './campaign-session.js';
import { stepConversation } from './conversation-step.js';
import { refreshCallList, runWave } from './run-wave.js';

export interface DueWorkReport {
  /** Wave checks run. */
  waves: number;
  /** Conversations looked at (held messages sent, reminders, time-outs). */
  conversations: number;
  /** Messages sent. */
  sent: number;
}

/**
 * One pass of the scheduler: everything due at the context's clock — campaign wave checks, then
 * conversations (held messages once quiet hours end, reminders, no-answer time-outs). Due work lives in the
 * store (`due_at`), so any number of workers, in any number of processes, may call this: conversations
 * are claimed with `FOR UPDATE SKIP LOCKED`, and each is handled under its campaign's lock after checking
 * it is still due. Call it on a timer (e.g. every minute), or from a simulation's virtual clock.
 */
export async function runDueCampaignWork(
  context: CampaignContext,
  options: { limit?: number } = {},
): Promise<DueWorkReport> {
  const limit = options.limit ?? 100;
  const now = clockOf(context);
  const report: DueWorkReport = { waves: 0, conversations: 0, sent: 0 };
  const { store } = context;

  const campaigns = await store.sql.query<{ id: string }>(
    `SELECT id FROM campaigns WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at, id LIMIT $2`,
    [now, limit],
  );
  for (const { id } of campaigns) {
    await withCampaign(context, id, async (session) => {
      const [row] = await session.tx.sql.query<{ due_at: Date | null }>(
        'SELECT due_at FROM campaigns WHERE id = $1',
        [id],
      );
      if (!row?.due_at || new Date(row.due_at).getTime() > session.now.getTime()) return;
      session.dueAt = null;
      await refreshCallList(session);
      await runWave(session);
      report.waves++;
    });
  }

  const claimed = await store.transaction((tx) => tx.conversations.claimDue(now, limit));
  for (const claim of claimed) {
    if (!claim.campaignId) continue;
    await withCampaign(context, claim.campaignId, async (session) => {
      const conversation = await session.tx.conversations.lock(claim.id);
      if (!conversation.dueAt || new Date(conversation.dueAt).getTime() > session.now.getTime()) return;
      if (conversation.status === 'not-contacted') return;
      if (session.status !== 'active' || conversation.status === 'closed') {
        await session.tx.conversations.update(conversation.id, { dueAt: null }, conversation.version);
        return;
      }
      const result = await stepConversation(session, conversation, { type: 'tick' });
      report.conversations++;
      report.sent += result.sent;
      if (result.status !== 'in-progress') {
        await refreshCallList(session);
        await runWave(session);
      }
    });
  }
  return report;
}

/** The next moment any campaign work is due (null when nothing is scheduled). */
export async function nextCampaignWorkAt(
  context: CampaignContext,
  campaignId?: string,
): Promise<Date | null> {
  const [row] = await context.store.sql.query<{ at: Date | null }>(
    `SELECT least(
        (SELECT min(due_at) FROM campaigns WHERE due_at IS NOT NULL AND ($1::text IS NULL OR id = $1)),
        (SELECT min(due_at) FROM conversations WHERE due_at IS NOT NULL AND ($1::text IS NULL OR campaign_id = $1))
      ) AS at`,
    [campaignId ?? null],
  );
  return row?.at ? new Date(row.at) : null;
}
