import type { VectorStorage } from '../vector-codec.js';
import { coreMigration } from './0001-core.js';
import { embeddingsMigration } from './0002-embeddings.js';
import { campaignSchedulingMigration } from './0003-campaign-scheduling.js';

/** What a migration may depend on, decided when it is applied. */
export interface MigrationContext {
  vectors: VectorStorage;
}

/** One schema version. `sql` is run in the migration transaction, after the previous versions. */
export interface Migration {
  version: number;
  name: string;
  sql(context: MigrationContext): string;
}

/** Every schema version, in order. Versions are never renumbered or edited once released. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'core', sql: () => coreMigration },
  { version: 2, name: 'embeddings', sql: (context) => embeddingsMigration(context.vectors) },
  { version: 3, name: 'campaign-scheduling', sql: () => campaignSchedulingMigration },
];
