import { randomUUID } from 'node:crypto';
import { conflictOnDuplicate, type JsonObject } from './campaign-repository.js';
import { StoreError } from './errors.js';
import type { PhoneHasher } from './phone-hash.js';
import { isoTime, isoTimeOrNull, json, toDate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** A stored screening conversation. `state` is the engine's JSON (null once purged). */
export interface ConversationRecord {
  id: string;
  campaignId: string | null;
  pool: string | null;
  candidateId: string;
  /** Keyed hash of the candidate's phone (see `Store.hashPhone`), for routing replies and opt-outs. */
  phoneHash: string | null;
  status: string;
  state: JsonObject | null;
  version: number;
  /** When a worker must look at it next (reminder, timeout); null when nothing is due. */
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  purgedAt: string | null;
}

export interface ConversationInput {
  id?: string;
  campaignId?: string | null;
  pool?: string | null;
  candidateId: string;
  /** Hashed before it is stored; the number itself is never kept here. */
  phone?: string | null;
  status?: string;
  state?: JsonObject;
  dueAt?: Date | string | null;
}

export interface ConversationChanges {
  status?: string;
  state?: JsonObject;
  /** `null` clears it. */
  dueAt?: Date | string | null;
}

export interface ConversationRepository {
  /** `StoreError('conflict')` when this campaign already has a conversation with this candidate. */
  create(input: ConversationInput): Promise<ConversationRecord>;
  get(id: string): Promise<ConversationRecord | null>;
  list(filter?: { campaignId?: string; status?: string }): Promise<ConversationRecord[]>;
  /** Conversations with this phone (hashed here), newest first, optionally of one campaign or status. */
  findByPhone(
    phone: string,
    filter?: { campaignId?: string; status?: string },
  ): Promise<ConversationRecord[]>;
  /** Optimistic update: `StoreError('conflict')` when the conversation is no longer at `expectedVersion`. */
  update(id: string, changes: ConversationChanges, expectedVersion: number): Promise<ConversationRecord>;
  /**
   * Inside `store.transaction`: locks the conversation row (`FOR UPDATE`) until the transaction ends, so
   * one process at a time handles it. `StoreError('not-found')` when it does not exist.
   */
  lock(id: string): Promise<ConversationRecord>;
  /**
   * Inside `store.transaction`: up to `limit` conversations due at `now`, locked with `FOR UPDATE SKIP
   * LOCKED`, so several workers share the due work without taking the same conversation.
   */
  claimDue(now: Date | string, limit: number): Promise<ConversationRecord[]>;
}

interface ConversationRow {
  id: string;
  campaign_id: string | null;
  pool: string | null;
  candidate_id: string;
  phone_hash: string | null;
  status: string;
  state: JsonObject | null;
  version: number;
  due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  purged_at: Date | null;
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    pool: row.pool,
    candidateId: row.candidate_id,
    phoneHash: row.phone_hash,
    status: row.status,
    state: row.state,
    version: row.version,
    dueAt: isoTimeOrNull(row.due_at),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    purgedAt: isoTimeOrNull(row.purged_at),
  };
}

function dueParam(value: Date | string | null | undefined): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function createConversationRepository(
  sql: SqlExecutor,
  hashPhone: PhoneHasher,
): ConversationRepository {
  const get = async (id: string) => {
    const [row] = await sql.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
    return row ? toRecord(row) : null;
  };
  return {
    create: async (input) => {
      const id = input.id ?? randomUUID();
      const rows = await sql
        .query<ConversationRow>(
          `INSERT INTO conversations (id, campaign_id, pool, candidate_id, phone_hash, status, state, due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING *`,
          [
            id,
            input.campaignId ?? null,
            input.pool ?? null,
            input.candidateId,
            input.phone ? hashPhone(input.phone) : null,
            input.status ?? 'active',
            json(input.state ?? {}),
            dueParam(input.dueAt),
          ],
        )
        .catch((error: unknown) =>
          conflictOnDuplicate(
            error,
            `conversation ${id} (or this candidate in this campaign) already exists`,
          ),
        );
      return toRecord(rows[0] as ConversationRow);
    },
    get,
    list: async (filter = {}) =>
      (
        await sql.query<ConversationRow>(
          `SELECT * FROM conversations WHERE ($1::text IS NULL OR campaign_id = $1) AND ($2::text IS NULL OR status = $2)
            ORDER BY created_at, id`,
          [filter.campaignId ?? null, filter.status ?? null],
        )
      ).map(toRecord),
    findByPhone: async (phone, filter = {}) =>
      (
        await sql.query<ConversationRow>(
          `SELECT * FROM conversations WHERE phone_hash = $1 AND ($2::text IS NULL OR campaign_id = $2)
              AND ($3::text IS NULL OR status = $3) ORDER BY created_at DESC, id`,
          [hashPhone(phone), filter.campaignId ?? null, filter.status ?? null],
        )
      ).map(toRecord),
    update: async (id, changes, expectedVersion) => {
      const rows = await sql.query<ConversationRow>(
        `UPDATE conversations SET status = coalesce($3, status), state = coalesce($4::jsonb, state),
                due_at = CASE WHEN $5::boolean THEN $6 ELSE due_at END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING *`,
        [
          id,
          expectedVersion,
          changes.status ?? null,
          changes.state === undefined ? null : json(changes.state),
          changes.dueAt !== undefined,
          dueParam(changes.dueAt),
        ],
      );
      const [row] = rows;
      if (row) return toRecord(row);
      const current = await get(id);
      if (!current) throw new StoreError('not-found', `no conversation ${id}`);
      throw new StoreError(
        'conflict',
        `conversation ${id} is at version ${current.version}, not ${expectedVersion}`,
      );
    },
    lock: async (id) => {
      const [row] = await sql.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [
        id,
      ]);
      if (!row) throw new StoreError('not-found', `no conversation ${id}`);
      return toRecord(row);
    },
    claimDue: async (now, limit) =>
      (
        await sql.query<ConversationRow>(
          `SELECT * FROM conversations WHERE due_at IS NOT NULL AND due_at <= $1
            ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [toDate(now), Math.max(0, Math.floor(limit))],
        )
      ).map(toRecord),
  };
}
