import { randomUUID } from 'node:crypto';
import { StoreError } from './errors.js';
import { isoTime, json } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** JSON kept as is (settings, engine state). */
export type JsonObject = Record<string, unknown>;

/** A stored campaign: one job order filled from one pool. `state` belongs to the campaign engine. */
export interface CampaignRecord {
  id: string;
  jobOrderId: string;
  pool: string;
  headcount: number;
  status: string;
  settings: JsonObject;
  state: JsonObject;
  /** Incremented by every update: pass it back to `update` (optimistic locking). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignInput {
  /** Default: a random UUID. */
  id?: string;
  jobOrderId: string;
  pool: string;
  headcount: number;
  status?: string;
  settings?: JsonObject;
  state?: JsonObject;
}

export interface CampaignChanges {
  status?: string;
  settings?: JsonObject;
  state?: JsonObject;
}

export interface CampaignRepository {
  /** `StoreError('conflict')` when the id exists. The job order must be stored first. */
  create(input: CampaignInput): Promise<CampaignRecord>;
  get(id: string): Promise<CampaignRecord | null>;
  list(filter?: { status?: string }): Promise<CampaignRecord[]>;
  /**
   * Applies `changes` if the campaign is still at `expectedVersion`, and returns it at the next version;
   * `StoreError('conflict')` when someone else updated it first (read it again and retry).
   */
  update(id: string, changes: CampaignChanges, expectedVersion: number): Promise<CampaignRecord>;
}

interface CampaignRow {
  id: string;
  job_order_id: string;
  pool: string;
  headcount: number;
  status: string;
  settings: JsonObject;
  state: JsonObject;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.id,
    jobOrderId: row.job_order_id,
    pool: row.pool,
    headcount: row.headcount,
    status: row.status,
    settings: row.settings,
    state: row.state,
    version: row.version,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** Maps a unique-violation (SQLSTATE 23505) to `StoreError('conflict')`. */
export function conflictOnDuplicate(error: unknown, message: string): never {
  if ((error as { code?: unknown })?.code === '23505')
    throw new StoreError('conflict', message, { cause: error });
  throw error;
}

export function createCampaignRepository(sql: SqlExecutor): CampaignRepository {
  const get = async (id: string) => {
    const [row] = await sql.query<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [id]);
    return row ? toRecord(row) : null;
  };
  return {
    create: async (input) => {
      const id = input.id ?? randomUUID();
      const rows = await sql
        .query<CampaignRow>(
          `INSERT INTO campaigns (id, job_order_id, pool, headcount, status, settings, state)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) RETURNING *`,
          [
            id,
            input.jobOrderId,
            input.pool,
            input.headcount,
            input.status ?? 'active',
            json(input.settings ?? {}),
            json(input.state ?? {}),
          ],
        )
        .catch((error: unknown) => conflictOnDuplicate(error, `campaign ${id} already exists`));
      return toRecord(rows[0] as CampaignRow);
    },
    get,
    list: async (filter = {}) =>
      (
        await sql.query<CampaignRow>(
          'SELECT * FROM campaigns WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at, id',
          [filter.status ?? null],
        )
      ).map(toRecord),
    update: async (id, changes, expectedVersion) => {
      const rows = await sql.query<CampaignRow>(
        `UPDATE campaigns SET status = coalesce($3, status), settings = coalesce($4::jsonb, settings),
                state = coalesce($5::jsonb, state), version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING *`,
        [
          id,
          expectedVersion,
          changes.status ?? null,
          changes.settings === undefined ? null : json(changes.settings),
          changes.state === undefined ? null : json(changes.state),
        ],
      );
      const [row] = rows;
      if (row) return toRecord(row);
      const current = await get(id);
      if (!current) throw new StoreError('not-found', `no campaign ${id}`);
      throw new StoreError(
        'conflict',
        `campaign ${id} is at version ${current.version}, not ${expectedVersion}`,
      );
    },
  };
}
