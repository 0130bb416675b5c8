import type { ConnectionOptions } from 'node:tls';
import { StoreError } from './errors.js';
import { isolationStatement, type SqlClient, type SqlExecutor } from './sql-client.js';

/** Settings of the PostgreSQL server backend (`pg` pool). */
export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /**
   * TLS: `true` (verify against the system CAs), `false` (plain), or Node TLS options (`ca`, `cert`, `key`,
   * `rejectUnauthorized`…). Default: what the URL says (`sslmode=require|verify-ca|verify-full`, `sslrootcert=`…).
   */
  ssl?: boolean | ConnectionOptions;
  /** Milliseconds to wait for a connection (default 10,000). */
  connectionTimeoutMs?: number;
  /** `application_name` seen in `pg_stat_activity` (default `cvmatch`). */
  applicationName?: string;
}

interface PgQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

function executor(target: PgQueryable): SqlExecutor {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await target.query(text, [...params])).rows as Row[],
    exec: async (text: string) => {
      await target.query(text);
    },
  };
}

/** The URL with its password hidden, for messages and `--verbose`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * Connects a `pg` pool to a PostgreSQL server (`postgres://user:pass@host:port/db?sslmode=…`). `pg` is
 * imported on demand. The first connection is made here, so a wrong URL fails at open time with
 * `StoreError('connection')`.
 */
export async function openPostgresClient(url: string, options: PostgresOptions = {}): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: options.applicationName ?? 'cvmatch',
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool: without a listener Node exits.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new StoreError('connection', `cannot connect to ${redactUrl(url)}`, { cause: error });
  }
  let closed = false;
  return {
    backend: 'postgres',
    ...executor(pool),
    transaction: async (run, transactionOptions) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const statement = isolationStatement(transactionOptions?.isolation);
        if (statement) await client.query(statement);
        const result = await run(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = true;
          throw new StoreError('connection', 'rollback failed after an error', {
            cause: new AggregateError([error, rollbackError]),
          });
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
