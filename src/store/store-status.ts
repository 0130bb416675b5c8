import { LATEST_SCHEMA_VERSION, type MigrationState, migrationStates } from './migrate.js';
import { isoTime } from './rows.js';
import type { SqlClient } from './sql-client.js';

/** What `cvmatch db status` prints. */
export interface StoreStatus {
  backend: 'pglite' | 'postgres';
  location: string;
  serverVersion: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  migrations: MigrationState[];
  /** `null` until the embeddings migration ran. */
  vectors: 'pgvector' | 'bytea' | null;
  /** pgvector as the database offers it (`pg_available_extensions`), installed or not. */
  pgvectorAvailable: string | null;
  /** Row counts per table (empty before the first migration). */
  counts: Record<string, number>;
  lastPurge: { purgedAt: string; cutoff: string; profilesDeleted: number; messagesScrubbed: number } | null;
}

const COUNTED = [
  'pools',
  'profiles',
  'embeddings',
  'job_orders',
  'campaigns',
  'conversations',
  'messages',
  'opt_outs',
  'contact_log',
  'decisions',
  'audit_events',
  'purges',
];

export async function readStoreStatus(client: SqlClient, location: string): Promise<StoreStatus> {
  const migrations = await migrationStates(client);
  const applied = migrations.filter((state) => state.appliedAt !== null);
  const [server] = await client.query<{ version: string; pgvector: string | null }>(
    `SELECT current_setting('server_version') AS version,
            (SELECT default_version FROM pg_available_extensions WHERE name = 'vector') AS pgvector`,
  );
  const counts: Record<string, number> = {};
  let vectors: StoreStatus['vectors'] = null;
  let lastPurge: StoreStatus['lastPurge'] = null;
  if (applied.length === migrations.length) {
    const [row] = await client.query<Record<string, number>>(
      `SELECT ${COUNTED.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    );
    Object.assign(counts, row);
    const [setting] = await client.query<{ value: string }>(
      `SELECT value #>> '{}' AS value FROM store_settings WHERE key = 'vectors'`,
    );
    vectors = setting?.value === 'pgvector' ? 'pgvector' : 'bytea';
    const [purge] = await client.query<{
      purged_at: Date;
      cutoff: Date;
      profiles_deleted: number;
      messages_scrubbed: number;
    }>('SELECT purged_at, cutoff, profiles_deleted, messages_scrubbed FROM purges ORDER BY id DESC LIMIT 1');
    if (purge) {
      lastPurge = {
        purgedAt: isoTime(purge.purged_at),
        cutoff: isoTime(purge.cutoff),
        profilesDeleted: purge.profiles_deleted,
        messagesScrubbed: purge.messages_scrubbed,
      };
    }
  }
  return {
    backend: client.backend,
    location,
    serverVersion: server?.version ?? 'unknown',
    schemaVersion: Math.max(0, ...applied.map((state) => state.version)),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    migrations,
    vectors,
    pgvectorAvailable: server?.pgvector ?? null,
    counts,
    lastPurge,
  };
}
