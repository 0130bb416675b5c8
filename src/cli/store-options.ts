import { type Command, Option } from 'commander';
import { DEFAULT_STORE_FOLDER, openStore, type Store, type VectorPreference } from '../index.js';

/** The option values `addStoreOptions` adds. */
export interface StoreCliOptions {
  db?: string;
  vectors?: VectorPreference;
  verbose?: boolean;
}

/** Adds `--db`, `--vectors` and `--verbose` to a command that opens the store. */
export function addStoreOptions(command: Command): Command {
  return command
    .option(
      '--db <url>',
      `store: a folder (embedded PostgreSQL, one process at a time) or postgres://user:pass@host/db ` +
        `(else env CVMATCH_DB, then DATABASE_URL; default ${DEFAULT_STORE_FOLDER})`,
    )
    .addOption(
      new Option(
        '--vectors <kind>',
        'vector storage when the store is created: auto (pgvector when the database has it), pgvector, bytea',
      ).choices(['auto', 'pgvector', 'bytea']),
    )
    .option('--verbose', 'say on stderr which store, backend and vector storage are used');
}

/**
 * Opens the store the options name (the database driver is loaded only now), runs `run` and closes
 * it, also when `run` throws. With `--verbose`, describes the store on stderr.
 */
export async function withStore<T>(
  options: StoreCliOptions,
  run: (store: Store) => Promise<T>,
  openOptions: { migrate?: boolean } = {},
): Promise<T> {
  const started = performance.now();
  const store = await openStore(options.db, {
    ...(options.vectors ? { vectors: options.vectors } : {}),
    ...openOptions,
  });
  if (options.verbose) {
    process.stderr.write(
      `store: ${store.describe()} (opened in ${Math.round(performance.now() - started)} ms)\n`,
    );
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
