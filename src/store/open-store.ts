import { type AuditRepository, createAuditRepository } from './audit-repository.js';
import { type CampaignRepository, createCampaignRepository } from './campaign-repository.js';
import { type ConversationRepository, createConversationRepository } from './conversation-repository.js';
import { StoreError } from './errors.js';
import { createJobOrderRepository, type JobOrderRepository } from './job-order-repository.js';
import { createMessageRepository, type MessageRepository } from './message-repository.js';
import {
  LATEST_SCHEMA_VERSION,
  type MigrationReport,
  migrate,
  migrationStates,
  type VectorPreference,
} from './migrate.js';
import { openPgliteClient } from './pglite-client.js';
import { createPhoneHasher, type PhoneHasher, resolvePhoneHashKey } from './phone-hash.js';
import { createPoolRepository, type PoolRepository } from './pool-repository.js';
import { openPostgresClient, type PostgresOptions } from './postgres-client.js';
import {
  createProfileRepository,
  type ProfileRepository,
  type SnapshotRunner,
} from './profile-repository.js';
import { type PurgeReport, purgeStore } from './purge.js';
import {
  type ContactLogRepository,
  createContactLogRepository,
  createDecisionRepository,
  createOptOutRepository,
  type DecisionRepository,
  type OptOutRepository,
} from './registry-repositories.js';
import type { SqlClient, SqlExecutor, StoreBackend, TransactionIsolation } from './sql-client.js';
import { describeLocation, parseStoreLocation, resolveStoreUrl } from './store-location.js';
import { readStoreStatus, type StoreStatus } from './store-status.js';
import { type VectorStorage, vectorCodec } from './vector-codec.js';

export interface OpenStoreOptions {
  /**
   * Vector storage when the store is created: `auto` (default) uses pgvector when the database has it
   * (`pg_available_extensions`), else `bytea`; `bytea` never uses pgvector; `pgvector` fails without it.
   * An existing store keeps what it was created with.
   */
  vectors?: VectorPreference;
  /**
   * Key of the phone hashes (hex or base64, ≥ 16 bytes). Default: `CVMATCH_PHONE_HASH_KEY`, else a
   * random key created with the store and kept in it (see the README's store section).
   */
  phoneHashKey?: string;
  /** Pool size and TLS of the PostgreSQL backend. */
  postgres?: PostgresOptions;
  /** Apply pending migrations on open (default true). `false` only for `status`. */
  migrate?: boolean;
  /** Environment read for the defaults (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** The typed tables, on the store or inside one transaction. */
export interface StoreRepositories {
  readonly pools: PoolRepository;
  readonly profiles: ProfileRepository;
  readonly jobOrders: JobOrderRepository;
  readonly campaigns: CampaignRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly optOuts: OptOutRepository;
  readonly contacts: ContactLogRepository;
  readonly decisions: DecisionRepository;
  readonly audit: AuditRepository;
  /** Raw parameterised SQL on the same connection (or transaction), for what the typed API lacks. */
  readonly sql: SqlExecutor;
}

/** The repositories bound to one transaction. */
export type StoreTransaction = StoreRepositories;

/** A durable store: an embedded PGlite folder or a PostgreSQL server, same schema and API. */
export interface Store extends StoreRepositories {
  readonly backend: StoreBackend;
  /** Folder, `memory` or the server URL without its password. */
  readonly location: string;
  /** How vectors are kept: `pgvector` (nearest-neighbour in SQL) or `bytea` (scanned in process). */
  readonly vectors: VectorStorage;
  /** Keyed hash of a phone number, as stored in the opt-out registry, contact log and conversations. */
  hashPhone(phone: string): string;
  /** Runs `run` in one transaction: everything it wrote is committed together, or nothing is. */
  transaction<T>(
    run: (tx: StoreTransaction) => Promise<T>,
    options?: { isolation?: TransactionIsolation },
  ): Promise<T>;
  /** Applies pending migrations (done on open unless `migrate: false`). */
  migrate(): Promise<MigrationReport>;
  status(): Promise<StoreStatus>;
  /** Retention: deletes profiles and erases conversation text older than `olderThan` (default `2y`). */
  purge(options?: { olderThan?: string; now?: Date | string; dryRun?: boolean }): Promise<PurgeReport>;
  /** One line for `--verbose`: backend, location, vector storage. */
  describe(): string;
  close(): Promise<void>;
}

function repositories(
  sql: SqlExecutor,
  storage: VectorStorage,
  hashPhone: PhoneHasher,
  snapshot?: SnapshotRunner,
): StoreRepositories {
  return {
    pools: createPoolRepository(sql),
    profiles: createProfileRepository(sql, vectorCodec(storage), snapshot),
    jobOrders: createJobOrderRepository(sql),
    campaigns: createCampaignRepository(sql),
    conversations: createConversationRepository(sql, hashPhone),
    messages: createMessageRepository(sql),
    optOuts: createOptOutRepository(sql, hashPhone),
    contacts: createContactLogRepository(sql, hashPhone),
    decisions: createDecisionRepository(sql),
    audit: createAuditRepository(sql),
    sql,
  };
}

async function readVectorStorage(client: SqlClient): Promise<VectorStorage | null> {
  const [row] = await client.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM store_settings WHERE key = 'vectors'`,
  );
  return row?.value === 'pgvector' || row?.value === 'bytea' ? row.value : null;
}

function unmigrated(): never {
  throw new StoreError('migration', 'the store schema is not up to date: run `cvmatch db migrate`');
}

/**
 * Opens (and creates, and migrates) a store. `url`: a folder (embedded PGlite, one process at a time),
 * `memory:`, or `postgres://user:pass@host:port/db` (a server shared by many processes). Without a URL:
 * `CVMATCH_DB`, `DATABASE_URL`, then `./.cvmatch/db`. The database drivers are loaded on first use.
 */
export async function openStore(url?: string | null, options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const location = parseStoreLocation(resolveStoreUrl(url, env));
  const client =
    location.backend === 'postgres'
      ? await openPostgresClient(location.url, options.postgres)
      : await openPgliteClient(location.folder);
  try {
    if (options.migrate !== false) await migrate(client, options.vectors ?? 'auto');
    const storage = await readVectorStorage(client).catch((error: unknown) => {
      if ((error as { code?: unknown })?.code === '42P01') return null; // store_settings not created yet
      throw error;
    });
    const ready =
      storage !== null && (await migrationStates(client)).every((state) => state.appliedAt !== null);
    let hashPhone: PhoneHasher = unmigrated;
    if (ready)
      hashPhone = createPhoneHasher(
        await resolvePhoneHashKey(client, options.phoneHashKey ?? env.CVMATCH_PHONE_HASH_KEY),
      );
    const vectors = storage ?? 'bytea';
    const snapshot: SnapshotRunner = (run) => client.transaction(run, { isolation: 'repeatable read' });
    const bound = repositories(client, vectors, hashPhone, snapshot);
    const where = describeLocation(location);
    return {
      ...bound,
      backend: client.backend,
      location: where,
      vectors,
      hashPhone,
      transaction: (run, transactionOptions) =>
        client.transaction((tx) => run(repositories(tx, vectors, hashPhone)), transactionOptions),
      migrate: () => migrate(client, options.vectors ?? 'auto'),
      status: () => readStoreStatus(client, where),
      purge: (purgeOptions) => purgeStore(client, purgeOptions),
      describe: () =>
        `${client.backend === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'} ${where}; vectors: ${
          vectors === 'pgvector'
            ? 'pgvector column (nearest-neighbour queries in SQL)'
            : 'bytea float32 (scanned in process by the SIMD index)'
        }; schema v${LATEST_SCHEMA_VERSION}`,
      close: () => client.close(),
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
