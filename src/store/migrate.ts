import { StoreError } from './errors.js';
import { type MigrationContext, migrations } from './migrations/index.js';
import type { SqlClient, SqlExecutor } from './sql-client.js';
import type { VectorStorage } from './vector-codec.js';

/** Which vector storage to create: pgvector when the server has it (`auto`, the default), or forced. */
export type VectorPreference = 'auto' | 'pgvector' | 'bytea';

/** One schema version and whether (and when) it is applied. */
export interface MigrationState {
  version: number;
  name: string;
  appliedAt: string | null;
}

export interface MigrationReport {
  /** Versions applied by this call (empty when the schema was up to date). */
  applied: number[];
  current: number;
  latest: number;
}

/** Key of the advisory lock that serialises migrations across processes ('cvma' in ASCII). */
const MIGRATION_LOCK_KEY = 0x63766d61;
export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Schema versions known to this cvmatch, with when each was applied (null: pending). */
export async function migrationStates(sql: SqlExecutor): Promise<MigrationState[]> {
  const [{ exists } = { exists: false }] = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  const applied = exists
    ? await sql.query<{ version: number; applied_at: Date }>(
        'SELECT version, applied_at FROM schema_migrations',
      )
    : [];
  const appliedAt = new Map(applied.map((row) => [row.version, row.applied_at.toISOString()]));
  const unknown = applied.filter((row) => !migrations.some((migration) => migration.version === row.version));
  if (unknown.length > 0) {
    throw new StoreError(
      'migration',
      `the store has schema version ${Math.max(...unknown.map((row) => row.version))}, newer than this cvmatch ` +
        `(${LATEST_SCHEMA_VERSION}): upgrade cvmatch`,
    );
  }
  return migrations.map((migration) => ({
    version: migration.version,
    name: migration.name,
    appliedAt: appliedAt.get(migration.version) ?? null,
  }));
}

/** Whether pgvector can be used: listed in `pg_available_extensions` and `CREATE EXTENSION` allowed. */
async function choosePgvector(tx: SqlExecutor, preference: VectorPreference): Promise<VectorStorage> {
  if (preference === 'bytea') return 'bytea';
  const available = await tx.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
  if (available.length > 0) {
    await tx.exec('SAVEPOINT try_pgvector');
    try {
      await tx.exec('CREATE EXTENSION IF NOT EXISTS vector');
      await tx.exec('RELEASE SAVEPOINT try_pgvector');
      return 'pgvector';
    } catch (error) {
      await tx.exec('ROLLBACK TO SAVEPOINT try_pgvector');
      if (preference === 'pgvector') {
        throw new StoreError('config', 'pgvector is installed but CREATE EXTENSION vector failed', {
          cause: error,
        });
      }
      return 'bytea';
    }
  }
  if (preference === 'pgvector') {
    throw new StoreError(
      'config',
      'pgvector was asked for but the server does not have the vector extension',
    );
  }
  return 'bytea';
}

/**
 * Brings the schema up to date in ONE transaction, holding a transaction-level advisory lock: two
 * processes opening the same database at once do not both migrate (the second waits, then finds
 * nothing to do). A failed migration rolls back whole.
 */
export async function migrate(
  client: SqlClient,
  preference: VectorPreference = 'auto',
): Promise<MigrationReport> {
  try {
    return await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.exec(CREATE_MIGRATIONS_TABLE);
      const states = await migrationStates(tx);
      const pending = migrations.filter(
        (migration) => states.find((state) => state.version === migration.version)?.appliedAt === null,
      );
      const current = Math.max(0, ...states.filter((state) => state.appliedAt).map((state) => state.version));
      if (pending.length === 0) return { applied: [], current, latest: LATEST_SCHEMA_VERSION };
      const context: MigrationContext = {
        vectors: pending.some((migration) => migration.version === 2)
          ? await choosePgvector(tx, preference)
          : 'bytea',
      };
      for (const migration of pending) {
        await tx.exec(migration.sql(context));
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      }
      return {
        applied: pending.map((migration) => migration.version),
        current: LATEST_SCHEMA_VERSION,
        latest: LATEST_SCHEMA_VERSION,
      };
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('migration', 'the store schema could not be migrated', { cause: error });
  }
}
