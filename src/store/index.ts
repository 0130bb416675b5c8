// Public API of the durable store (embedded PGlite or PostgreSQL server). The database drivers are
// imported by `openStore` on first use, never when this module loads.
export {
  type AddToPoolItem,
  type AddToPoolOptions,
  type AddToPoolReport,
  addToPool,
} from './add-to-pool.js';
export type { AuditRepository, StoreAuditSink, StoredAuditEvent } from './audit-repository.js';
export type {
  CampaignChanges,
  CampaignInput,
  CampaignRecord,
  CampaignRepository,
  JsonObject,
} from './campaign-repository.js';
export type {
  ConversationChanges,
  ConversationInput,
  ConversationRecord,
  ConversationRepository,
} from './conversation-repository.js';
export { StoreError, type StoreErrorReason } from './errors.js';
export type { JobOrderRepository, StoredJobOrder } from './job-order-repository.js';
export type {
  MessageDirection,
  MessageInput,
  MessageRecord,
  MessageRepository,
} from './message-repository.js';
export {
  LATEST_SCHEMA_VERSION,
  type MigrationReport,
  type MigrationState,
  type VectorPreference,
} from './migrate.js';
export {
  type OpenStoreOptions,
  openStore,
  type Store,
  type StoreRepositories,
  type StoreTransaction,
} from './open-store.js';
export { canonicalPhone } from './phone-hash.js';
export { POOL_NAME_PATTERN, type PoolRepository, type PoolSummary } from './pool-repository.js';
export type { PostgresOptions } from './postgres-client.js';
export {
  type LoadedPool,
  modelKey,
  type ProfileInput,
  type ProfileRepository,
  type StoredProfile,
  type StoredVector,
} from './profile-repository.js';
export { DEFAULT_RETENTION, type PurgeReport, retentionCutoff } from './purge.js';
export type {
  ContactLogRepository,
  DecisionRecord,
  DecisionRepository,
  OptOutRecord,
  OptOutRepository,
} from './registry-repositories.js';
export type { SqlExecutor, StoreBackend, TransactionIsolation } from './sql-client.js';
export {
  DEFAULT_STORE_FOLDER,
  parseStoreLocation,
  resolveStoreUrl,
  type StoreLocation,
} from './store-location.js';
export type { StoreStatus } from './store-status.js';
export { createStoredEmbeddingModel } from './stored-embedding-model.js';
export { loadStoredPool, rankStoredPool, type StoredPool } from './stored-pool.js';
export type { VectorStorage } from './vector-codec.js';
