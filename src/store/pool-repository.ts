import { ValidationError } from '../errors.js';
import { isoTime } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** A pool name: letters, digits, `.`, `_`, `-`; 1–100 characters, starting with a letter or digit. */
export const POOL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** One pool as `pool ls` shows it. */
export interface PoolSummary {
  name: string;
  profiles: number;
  /** Profiles with a stored vector, per embedding model (`provider/modelId`). */
  embedded: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export function assertPoolName(name: string): void {
  if (!POOL_NAME_PATTERN.test(name)) {
    throw new ValidationError(`invalid pool name "${name}"`, {
      issues: [{ path: ['pool'], message: 'letters, digits, ".", "_" or "-"; up to 100 characters' }],
    });
  }
}

/** Named candidate pools (one agency may keep several: per branch, per sector…). */
export interface PoolRepository {
  /** Creates the pool if it does not exist. */
  ensure(name: string): Promise<void>;
  list(): Promise<PoolSummary[]>;
  get(name: string): Promise<PoolSummary | null>;
  /** Marks the pool changed now (once per batch of profile changes). */
  touch(name: string): Promise<void>;
  /** Deletes the pool with its profiles and vectors; false when there was no such pool. */
  remove(name: string): Promise<boolean>;
}

export function createPoolRepository(sql: SqlExecutor): PoolRepository {
  const summaries = async (name: string | null): Promise<PoolSummary[]> => {
    const pools = await sql.query<{ name: string; created_at: Date; updated_at: Date; profiles: number }>(
      `SELECT p.name, p.created_at, p.updated_at,
              (SELECT count(*)::int FROM profiles pr WHERE pr.pool = p.name) AS profiles
         FROM pools p WHERE ($1::text IS NULL OR p.name = $1) ORDER BY p.name`,
      [name],
    );
    const embedded = await sql.query<{ pool: string; model: string; count: number }>(
      `SELECT pool, model, count(*)::int AS count FROM embeddings
        WHERE ($1::text IS NULL OR pool = $1) GROUP BY pool, model ORDER BY pool, model`,
      [name],
    );
    return pools.map((row) => ({
      name: row.name,
      profiles: row.profiles,
      embedded: Object.fromEntries(
        embedded.filter((entry) => entry.pool === row.name).map((entry) => [entry.model, entry.count]),
      ),
      createdAt: isoTime(row.created_at),
      updatedAt: isoTime(row.updated_at),
    }));
  };
  return {
    ensure: async (name) => {
      assertPoolName(name);
      await sql.query('INSERT INTO pools (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
    },
    touch: async (name) => {
      await sql.query('UPDATE pools SET updated_at = now() WHERE name = $1', [name]);
    },
    list: () => summaries(null),
    get: async (name) => (await summaries(name))[0] ?? null,
    remove: async (name) => {
      const rows = await sql.query('DELETE FROM pools WHERE name = $1 RETURNING name', [name]);
      return rows.length > 0;
    },
  };
}
