import { CvmatchError } from '../errors.js';

/**
 * Why a store operation failed:
 * - `locked`: an embedded (PGlite) store folder is already open in another process (or in this one);
 * - `connection`: the database cannot be reached or opened;
 * - `migration`: the schema cannot be brought up to date (or is newer than this cvmatch);
 * - `config`: bad URL or settings (phone-hash key that does not match the store, pgvector asked but missing…);
 * - `conflict`: an optimistic-locking update lost the race (the row changed since it was read);
 * - `not-found`: the pool, campaign, conversation… does not exist;
 * - `corrupt`: stored data cannot be read back (a vector of the wrong size…).
 */
export type StoreErrorReason =
  | 'locked'
  | 'connection'
  | 'migration'
  | 'config'
  | 'conflict'
  | 'not-found'
  | 'corrupt';

/** A store (embedded PGlite or PostgreSQL server) operation failed; branch on `reason`. */
export class StoreError extends CvmatchError {
  readonly reason: StoreErrorReason;
  constructor(reason: StoreErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
