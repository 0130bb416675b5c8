import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactUrl } from './postgres-client.js';

/** Where the CLI keeps its embedded store when nothing else is said. */
export const DEFAULT_STORE_FOLDER = './.cvmatch/db';

/** A store address, parsed. */
export type StoreLocation =
  | { backend: 'pglite'; folder: string }
  | { backend: 'pglite'; folder: null }
  | { backend: 'postgres'; url: string };

/**
 * The store to use: the given URL, else `CVMATCH_DB`, else `DATABASE_URL`, else `./.cvmatch/db`.
 */
export function resolveStoreUrl(url?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return url || env.CVMATCH_DB || env.DATABASE_URL || DEFAULT_STORE_FOLDER;
}

/**
 * Reads a store address: `postgres://…` or `postgresql://…` (a server), `memory:` (an embedded store
 * that lives only in this process, for tests and demos), a `file:` URL or a folder path (embedded).
 */
export function parseStoreLocation(url: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { backend: 'postgres', url };
  if (/^memory:(\/\/)?$/i.test(url)) return { backend: 'pglite', folder: null };
  if (/^file:/i.test(url)) return { backend: 'pglite', folder: fileURLToPath(url) };
  return { backend: 'pglite', folder: resolve(url) };
}

/** The location for messages: folder, `memory`, or the URL without its password. */
export function describeLocation(location: StoreLocation): string {
  if (location.backend === 'postgres') return redactUrl(location.url);
  return location.folder ?? 'memory';
}
