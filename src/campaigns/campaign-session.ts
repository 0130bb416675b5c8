import type { AuditEventInput } from '../compliance/audit-log.js';
import { StoreError } from '../errors.js';
import type { CampaignRecord } from '../store/campaign-repository.js';
import type { StoreTransaction } from '../store/open-store.js';
import { type CampaignContext, clockOf } from './campaign-context.js';
import {
  auditRunId,
  type CampaignSettings,
  type CampaignState,
  type CampaignStatus,
  campaignSettingsSchema,
  campaignStateSchema,
} from './campaign-state.js';

/** Details of a campaign audit event: ids, counts, codes (no free text). */
export type CampaignAuditDetail = Record<string, string | number | boolean | null | string[]>;

/**
 * One unit of campaign work, inside one store transaction that holds the campaign's row lock: every
 * change to the campaign, its conversations, messages and audit trail commits together or not at all.
 */
export interface CampaignSession {
  readonly tx: StoreTransaction;
  readonly context: CampaignContext;
  readonly campaign: CampaignRecord;
  readonly settings: CampaignSettings;
  readonly state: CampaignState;
  readonly now: Date;
  status: CampaignStatus;
  /** Next wave check; `undefined` leaves it as it was. */
  dueAt: Date | null | undefined;
  /** Audit events written at commit, in order, in the run `campaign:<id>`. */
  readonly audit: AuditEventInput[];
  log(event: string, candidateId: string | null, detail?: CampaignAuditDetail): void;
}

/**
 * Runs `work` on the campaign in one transaction, holding its row lock (`FOR UPDATE`): one process at a
 * time changes a campaign and its conversations, so the call list is never over-filled and nothing is sent
 * after the order is full. Lock order everywhere: campaign, then conversation.
 */
export async function withCampaign<T>(
  context: CampaignContext,
  campaignId: string,
  work: (session: CampaignSession) => Promise<T>,
): Promise<T> {
  return context.store.transaction(async (tx) => {
    await tx.sql.query('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
    const campaign = await tx.campaigns.get(campaignId);
    if (!campaign) throw new StoreError('not-found', `no campaign ${campaignId}`);
    const settings = campaignSettingsSchema.parse(campaign.settings) as CampaignSettings;
    const state = campaignStateSchema.parse(campaign.state);
    const now = clockOf(context);
    const audit: AuditEventInput[] = [];
    const session: CampaignSession = {
      tx,
      context,
      campaign,
      settings,
      state,
      now,
      status: campaign.status as CampaignStatus,
      dueAt: undefined,
      audit,
      log(event, candidateId, detail = {}) {
        audit.push({
          type: 'campaign',
          campaignId,
          event,
          candidateId,
          at: now.toISOString(),
          detail,
        });
      },
    };
    const result = await work(session);
    await commit(session);
    return result;
  });
}

async function commit(session: CampaignSession): Promise<void> {
  const { tx, campaign, state } = session;
  if (session.audit.length > 0) {
    const runId = auditRunId(campaign.id);
    const events = session.audit.map((event, index) => ({
      ...event,
      runId,
      seq: state.auditSeq + index,
      timestamp: session.now.toISOString(),
    }));
    state.auditSeq += events.length;
    await tx.audit.append(events as Parameters<typeof tx.audit.append>[0]);
  }
  await tx.campaigns.update(campaign.id, { state, status: session.status }, campaign.version);
  if (session.dueAt !== undefined)
    await tx.sql.query('UPDATE campaigns SET due_at = $2 WHERE id = $1', [campaign.id, session.dueAt]);
}
