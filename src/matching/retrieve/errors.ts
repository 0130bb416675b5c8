import { CvmatchError } from '../../errors.js';

/** Why a saved index could not be used. */
export type IndexErrorReason =
  /** Not an index file, or a truncated/corrupt one. */
  | 'corrupt'
  /** Written by a newer or older, incompatible format version. */
  | 'version'
  /** Built with another embedding model than the one asked for. */
  | 'model'
  /** Vectors of another dimension than the one asked for. */
  | 'dimensions'
  /** The index has no vectors but an embedding model was given (or the reverse). */
  | 'no-vectors';

/**
 * A vector or pool index cannot be read, or does not fit the embedding model it is used with.
 * Callers branch on `reason`, never on the message.
 */
export class IndexError extends CvmatchError {
  readonly reason: IndexErrorReason;
  readonly file: string | null;
  constructor(
    reason: IndexErrorReason,
    message: string,
    options?: { file?: string | null; cause?: unknown },
  ) {
    super(message, options);
    this.reason = reason;
    this.file = options?.file ?? null;
  }
}
