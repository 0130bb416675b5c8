import { type AuditEvent, auditEventSchema } from '../compliance/audit-log.js';
import { isoTime, json, validate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** An audit event as stored: the event and when the store received it. */
export interface StoredAuditEvent {
  id: number;
  event: AuditEvent;
  recordedAt: string;
}

/** Receives audit events from `createAuditLog({ sink })` and writes them to the store in order. */
export interface StoreAuditSink {
  /** Queues one event (called synchronously by the audit log). */
  write(event: AuditEvent): void;
  /** Waits until every queued event is stored; rejects with the first write error. */
  flush(): Promise<void>;
}

/**
 * The audit trail in the store: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE with
 * SQLSTATE `CVM01`). The same event (run id + seq) appended twice is kept once.
 */
export interface AuditRepository {
  append(events: AuditEvent[]): Promise<number>;
  list(filter?: { runId?: string; type?: AuditEvent['type']; limit?: number }): Promise<StoredAuditEvent[]>;
  count(): Promise<number>;
  /** A sink for `createAuditLog({ sink: store.audit.sink().write })`; await `flush()` before closing. */
  sink(): StoreAuditSink;
}

export function createAuditRepository(sql: SqlExecutor): AuditRepository {
  const append = async (events: AuditEvent[]): Promise<number> => {
    if (events.length === 0) return 0;
    const valid = events.map((event) => validate(auditEventSchema, event, `audit event '${event?.type}'`));
    const rows = await sql.query(
      `INSERT INTO audit_events (run_id, seq, type, occurred_at, event)
       SELECT e->>'runId', (e->>'seq')::int, e->>'type', (e->>'timestamp')::timestamptz, e
         FROM jsonb_array_elements($1::jsonb) AS e
       ON CONFLICT (run_id, seq) DO NOTHING RETURNING id`,
      [json(valid)],
    );
    return rows.length;
  };
  return {
    append,
    list: async (filter = {}) => {
      const rows = await sql.query<{ id: number | string; event: AuditEvent; recorded_at: Date }>(
        `SELECT id, event, recorded_at FROM audit_events
          WHERE ($1::text IS NULL OR run_id = $1) AND ($2::text IS NULL OR type = $2)
          ORDER BY id LIMIT $3`,
        [filter.runId ?? null, filter.type ?? null, filter.limit ?? 1_000_000],
      );
      return rows.map((row) => ({
        id: Number(row.id),
        event: row.event,
        recordedAt: isoTime(row.recorded_at),
      }));
    },
    count: async () =>
      (await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_events'))[0]?.count ?? 0,
    sink: () => {
      let pending: AuditEvent[] = [];
      let chain: Promise<void> = Promise.resolve();
      let failure: unknown = null;
      const drain = async () => {
        const batch = pending;
        pending = [];
        if (batch.length === 0 || failure !== null) return;
        try {
          await append(batch);
        } catch (error) {
          failure = error;
        }
      };
      return {
        write: (event) => {
          pending.push(event);
          if (pending.length === 1) chain = chain.then(drain);
        },
        flush: async () => {
          chain = chain.then(drain);
          await chain;
          if (failure !== null) throw failure;
        },
      };
    },
  };
}
