import type { PhoneHasher } from './phone-hash.js';
import { isoTime, toCount, toDate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** One entry of the agency-wide opt-out registry. */
export interface OptOutRecord {
  phoneHash: string;
  optedOutAt: string;
  /** How the person opted out: `sms-stop`, `recruiter`, `email`, `web`… */
  source: string;
  campaignId: string | null;
}

/** The agency-wide STOP list: check it before every send, whatever the order. */
export interface OptOutRepository {
  /** Registers the phone (hashed); true when it was not registered yet. The first date is kept. */
  add(
    phone: string,
    options: { source: string; at?: Date | string; campaignId?: string | null },
  ): Promise<boolean>;
  has(phone: string): Promise<boolean>;
  get(phone: string): Promise<OptOutRecord | null>;
  /** The person asked to be contacted again (record that consent elsewhere); true when it was registered. */
  remove(phone: string): Promise<boolean>;
  count(): Promise<number>;
}

/** Contacts across orders, for frequency caps. */
export interface ContactLogRepository {
  record(contact: {
    phone: string;
    campaignId?: string | null;
    conversationId?: string | null;
    channel?: string;
    at?: Date | string;
  }): Promise<void>;
  /** Contacts of this phone at or after `since` (all campaigns). */
  count(phone: string, since: Date | string): Promise<number>;
}

/** A recruiter's decision about a proposed candidate (the machine proposes, a person decides). */
export interface DecisionRecord {
  id: number;
  campaignId: string | null;
  candidateId: string;
  /** e.g. `called`, `placed`, `rejected`, `no-answer`. */
  decision: string;
  /** Who decided (recruiter id). */
  by: string;
  reason: string | null;
  decidedAt: string;
}

export interface DecisionRepository {
  record(decision: {
    campaignId?: string | null;
    candidateId: string;
    decision: string;
    by: string;
    reason?: string | null;
    at?: Date | string;
  }): Promise<DecisionRecord>;
  list(filter?: { campaignId?: string; candidateId?: string }): Promise<DecisionRecord[]>;
}

interface OptOutRow {
  phone_hash: string;
  opted_out_at: Date;
  source: string;
  campaign_id: string | null;
}

interface DecisionRow {
  id: number | string;
  campaign_id: string | null;
  candidate_id: string;
  decision: string;
  decided_by: string;
  reason: string | null;
  decided_at: Date;
}

function toDecision(row: DecisionRow): DecisionRecord {
  return {
    id: toCount(row.id),
    campaignId: row.campaign_id,
    candidateId: row.candidate_id,
    decision: row.decision,
    by: row.decided_by,
    reason: row.reason,
    decidedAt: isoTime(row.decided_at),
  };
}

export function createOptOutRepository(sql: SqlExecutor, hashPhone: PhoneHasher): OptOutRepository {
  const get = async (phone: string): Promise<OptOutRecord | null> => {
    const [row] = await sql.query<OptOutRow>('SELECT * FROM opt_outs WHERE phone_hash = $1', [
      hashPhone(phone),
    ]);
    return row
      ? {
          phoneHash: row.phone_hash,
          optedOutAt: isoTime(row.opted_out_at),
          source: row.source,
          campaignId: row.campaign_id,
        }
      : null;
  };
  return {
    add: async (phone, options) =>
      (
        await sql.query(
          `INSERT INTO opt_outs (phone_hash, opted_out_at, source, campaign_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (phone_hash) DO NOTHING RETURNING phone_hash`,
          [hashPhone(phone), toDate(options.at), options.source, options.campaignId ?? null],
        )
      ).length > 0,
    has: async (phone) => (await get(phone)) !== null,
    get,
    remove: async (phone) =>
      (await sql.query('DELETE FROM opt_outs WHERE phone_hash = $1 RETURNING phone_hash', [hashPhone(phone)]))
        .length > 0,
    count: async () =>
      (await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM opt_outs'))[0]?.count ?? 0,
  };
}

export function createContactLogRepository(sql: SqlExecutor, hashPhone: PhoneHasher): ContactLogRepository {
  return {
    record: async (contact) => {
      await sql.query(
        `INSERT INTO contact_log (phone_hash, campaign_id, conversation_id, channel, contacted_at) VALUES ($1, $2, $3, $4, $5)`,
        [
          hashPhone(contact.phone),
          contact.campaignId ?? null,
          contact.conversationId ?? null,
          contact.channel ?? 'sms',
          toDate(contact.at),
        ],
      );
    },
    count: async (phone, since) =>
      (
        await sql.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM contact_log WHERE phone_hash = $1 AND contacted_at >= $2',
          [hashPhone(phone), toDate(since)],
        )
      )[0]?.count ?? 0,
  };
}

export function createDecisionRepository(sql: SqlExecutor): DecisionRepository {
  return {
    record: async (decision) => {
      const [row] = await sql.query<DecisionRow>(
        `INSERT INTO decisions (campaign_id, candidate_id, decision, decided_by, reason, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          decision.campaignId ?? null,
          decision.candidateId,
          decision.decision,
          decision.by,
          decision.reason ?? null,
          toDate(decision.at),
        ],
      );
      return toDecision(row as DecisionRow);
    },
    list: async (filter = {}) =>
      (
        await sql.query<DecisionRow>(
          `SELECT * FROM decisions WHERE ($1::text IS NULL OR campaign_id = $1) AND ($2::text IS NULL OR candidate_id = $2)
            ORDER BY decided_at, id`,
          [filter.campaignId ?? null, filter.candidateId ?? null],
        )
      ).map(toDecision),
  };
}
