import { isoTime, isoTimeOrNull, toCount, toDate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

export type MessageDirection = 'in' | 'out';

/** One SMS in or out of a conversation. `body` is null once purged (retention). */
export interface MessageRecord {
  id: number;
  conversationId: string;
  direction: MessageDirection;
  body: string | null;
  provider: string | null;
  providerMessageId: string | null;
  /** Unique across the store: recording the same key twice returns the first message (idempotent). */
  idempotencyKey: string;
  /** Free-form lifecycle: `queued`, `sent`, `delivered`, `failed`, `received`… */
  status: string;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  purgedAt: string | null;
}

export interface MessageInput {
  conversationId: string;
  direction: MessageDirection;
  body: string;
  idempotencyKey: string;
  status: string;
  provider?: string | null;
  providerMessageId?: string | null;
  at?: Date | string;
}

export interface MessageRepository {
  /**
   * Records a message once: a second call with the same `idempotencyKey` (or the same provider message id)
   * changes nothing and returns the first one with `created: false` (duplicate webhooks, retried sends).
   */
  record(input: MessageInput): Promise<{ message: MessageRecord; created: boolean }>;
  /** Sets the status (and provider id, error) of the message with this idempotency key; null if unknown. */
  update(
    idempotencyKey: string,
    changes: { status?: string; provider?: string; providerMessageId?: string; error?: string | null },
  ): Promise<MessageRecord | null>;
  /** Delivery receipts: the status of the message the provider knows by this id; null if unknown. */
  updateByProviderId(
    provider: string,
    providerMessageId: string,
    status: string,
    error?: string | null,
  ): Promise<MessageRecord | null>;
  /** Messages of a conversation, oldest first. */
  list(conversationId: string): Promise<MessageRecord[]>;
  count(filter?: {
    conversationId?: string;
    campaignId?: string;
    direction?: MessageDirection;
  }): Promise<number>;
}

interface MessageRow {
  id: number | string;
  conversation_id: string;
  direction: MessageDirection;
  body: string | null;
  provider: string | null;
  provider_message_id: string | null;
  idempotency_key: string;
  status: string;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  purged_at: Date | null;
}

function toRecord(row: MessageRow): MessageRecord {
  return {
    id: toCount(row.id),
    conversationId: row.conversation_id,
    direction: row.direction,
    body: row.body,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    error: row.error,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    purgedAt: isoTimeOrNull(row.purged_at),
  };
}

export function createMessageRepository(sql: SqlExecutor): MessageRepository {
  return {
    record: async (input) => {
      const at = toDate(input.at);
      const inserted = await sql.query<MessageRow>(
        `INSERT INTO messages (conversation_id, direction, body, provider, provider_message_id, idempotency_key, status,
                               created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT DO NOTHING RETURNING *`,
        [
          input.conversationId,
          input.direction,
          input.body,
          input.provider ?? null,
          input.providerMessageId ?? null,
          input.idempotencyKey,
          input.status,
          at,
        ],
      );
      if (inserted[0]) return { message: toRecord(inserted[0]), created: true };
      const [existing] = await sql.query<MessageRow>(
        `SELECT * FROM messages WHERE idempotency_key = $1
            OR (provider IS NOT DISTINCT FROM $2 AND provider_message_id = $3) ORDER BY id LIMIT 1`,
        [input.idempotencyKey, input.provider ?? null, input.providerMessageId ?? null],
      );
      return { message: toRecord(existing as MessageRow), created: false };
    },
    update: async (idempotencyKey, changes) => {
      const [row] = await sql.query<MessageRow>(
        `UPDATE messages SET status = coalesce($2, status), provider = coalesce($3, provider),
                provider_message_id = coalesce($4, provider_message_id),
                error = CASE WHEN $5::boolean THEN $6 ELSE error END, updated_at = now()
          WHERE idempotency_key = $1 RETURNING *`,
        [
          idempotencyKey,
          changes.status ?? null,
          changes.provider ?? null,
          changes.providerMessageId ?? null,
          changes.error !== undefined,
          changes.error ?? null,
        ],
      );
      return row ? toRecord(row) : null;
    },
    updateByProviderId: async (provider, providerMessageId, status, error = null) => {
      const [row] = await sql.query<MessageRow>(
        `UPDATE messages SET status = $3, error = $4, updated_at = now()
          WHERE provider = $1 AND provider_message_id = $2 RETURNING *`,
        [provider, providerMessageId, status, error],
      );
      return row ? toRecord(row) : null;
    },
    list: async (conversationId) =>
      (
        await sql.query<MessageRow>('SELECT * FROM messages WHERE conversation_id = $1 ORDER BY id', [
          conversationId,
        ])
      ).map(toRecord),
    count: async (filter = {}) => {
      const [row] = await sql.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM messages m
          WHERE ($1::text IS NULL OR m.conversation_id = $1) AND ($3::text IS NULL OR m.direction = $3)
            AND ($2::text IS NULL OR m.conversation_id IN (SELECT id FROM conversations WHERE campaign_id = $2))`,
        [filter.conversationId ?? null, filter.campaignId ?? null, filter.direction ?? null],
      );
      return row?.count ?? 0;
    },
  };
}
