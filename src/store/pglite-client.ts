import { join, resolve } from 'node:path';
import { importOptional } from '../support/optional-package.js';
import { StoreError } from './errors.js';
import { type FolderLock, lockFolder } from './folder-lock.js';
import { isolationStatement, type SqlClient, type SqlExecutor } from './sql-client.js';

/** PGlite's query surface as used here (the instance and its transaction object share it). */
interface PgliteQueryable {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(text: string): Promise<unknown>;
}

interface PgliteInstance extends PgliteQueryable {
  transaction<T>(run: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function executor(target: PgliteQueryable): SqlExecutor {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await target.query<Row>(text, [...params])).rows,
    exec: async (text: string) => {
      await target.exec(text);
    },
  };
}

/**
 * Opens an embedded PostgreSQL (PGlite, WebAssembly) in `folder` (`<folder>/pgdata`, created on first
 * use), or in memory when `folder` is null. PGlite and its pgvector extension are imported here, on
 * demand, so commands that never open a store do not pay for loading them.
 *
 * A folder serves ONE process: `<folder>/lock` is taken first, and a second opener gets
 * `StoreError('locked')` instead of two WebAssembly Postgres instances writing the same files.
 */
export async function openPgliteClient(
  folder: string | null,
): Promise<SqlClient & { folder: string | null }> {
  const absolute = folder === null ? null : resolve(folder);
  // Optional packages: not installed, MissingPackageError names the command (before any lock is taken).
  const [{ PGlite }, { vector }] = await importOptional(
    ['@electric-sql/pglite', '@electric-sql/pglite-pgvector'],
    () => Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-pgvector')]),
  );
  const lock: FolderLock | null = absolute === null ? null : lockFolder(absolute);
  let db: PgliteInstance;
  try {
    db = (await PGlite.create({
      ...(absolute === null ? {} : { dataDir: join(absolute, 'pgdata') }),
      extensions: { vector },
    })) as unknown as PgliteInstance;
  } catch (error) {
    lock?.release();
    throw new StoreError('connection', `cannot open the embedded store ${absolute ?? '(memory)'}`, {
      cause: error,
    });
  }
  let closed = false;
  return {
    backend: 'pglite',
    folder: absolute,
    ...executor(db),
    transaction: (run, options) =>
      db.transaction(async (tx) => {
        const statement = isolationStatement(options?.isolation);
        if (statement) await tx.exec(statement);
        return run(executor(tx));
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
