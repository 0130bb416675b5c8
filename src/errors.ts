import type { JobOrderWarning } from './domain/protected-criterion.js';
import type { Usage } from './providers/spec.js';

/**
 * The error tree, in one module. Every error cvmatch throws is a `CvmatchError`; callers branch on the
 * class (or on `reason`), never on message text.
 *
 * The package ships an ESM and a CJS build, so one process can hold two copies of these classes (an
 * application `import`s cvmatch while a dependency `require`s it): `instanceof` then fails across the
 * copies. Each class therefore carries a marker, `Symbol.for('cvmatch.error.<Name>')`, on its prototype,
 * and a static `isInstance(value)` that checks the marker: use it wherever an error may come from code
 * you did not load yourself (a model passed in, a provider created by another copy).
 */

const CVMATCH_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.CvmatchError');
const DOCUMENT_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.DocumentError');
const PARSE_TIMEOUT_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.ParseTimeoutError');
const VALIDATION_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.ValidationError');
const PROVIDER_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.ProviderError');
const RATE_LIMIT_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.RateLimitError');
const AUTHENTICATION_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.AuthenticationError');
const OBJECT_VALIDATION_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.ObjectValidationError');
const INDEX_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.IndexError');
const USAGE_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.UsageError');
const TAXONOMY_DATA_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.TaxonomyDataError');
const DISCRIMINATORY_ORDER_ERROR_MARKER: unique symbol = Symbol.for(
  'cvmatch.error.DiscriminatoryJobOrderError',
);
const STORE_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.StoreError');
const MISSING_PACKAGE_ERROR_MARKER: unique symbol = Symbol.for('cvmatch.error.MissingPackageError');

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/** Puts the class's marker on its prototype (inherited by subclasses, invisible in logs and JSON). */
function mark(target: { prototype: object }, marker: symbol): void {
  Object.defineProperty(target.prototype, marker, { value: true });
}

export class CvmatchError extends Error {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [CVMATCH_ERROR_MARKER]: true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
  /** True for any cvmatch error, from this copy of the package or another (ESM/CJS). */
  static isInstance(value: unknown): value is CvmatchError {
    return hasMarker(value, CVMATCH_ERROR_MARKER);
  }
}
mark(CvmatchError, CVMATCH_ERROR_MARKER);

/** Why a document could not be read. */
export type DocumentErrorReason =
  | 'encrypted'
  | 'no-text'
  | 'corrupt'
  | 'too-large'
  | 'unsupported'
  | 'timeout';

export class DocumentError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [DOCUMENT_ERROR_MARKER]: true;
  readonly reason: DocumentErrorReason;
  readonly file: string | null;
  constructor(
    reason: DocumentErrorReason,
    message: string,
    options?: { file?: string | null; cause?: unknown },
  ) {
    super(message, options);
    this.reason = reason;
    this.file = options?.file ?? null;
  }
  static override isInstance(value: unknown): value is DocumentError {
    return hasMarker(value, DOCUMENT_ERROR_MARKER);
  }
}
mark(DocumentError, DOCUMENT_ERROR_MARKER);

/**
 * A document took longer than `limits.timeoutMs`: a `DocumentError` with `reason: 'timeout'`. Raised by the
 * extractor's own checks between units of work, or, when a single step never returns to them (one huge PDF
 * content stream), by the parent thread, which then terminates the worker the document was read in.
 */
export class ParseTimeoutError extends DocumentError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [PARSE_TIMEOUT_ERROR_MARKER]: true;
  /** The limit that was passed, ms. */
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { file?: string | null; cause?: unknown }) {
    super('timeout', `Extraction took longer than ${timeoutMs} ms (limits.timeoutMs).`, options);
    this.timeoutMs = timeoutMs;
  }
  static override isInstance(value: unknown): value is ParseTimeoutError {
    return hasMarker(value, PARSE_TIMEOUT_ERROR_MARKER);
  }
}
mark(ParseTimeoutError, PARSE_TIMEOUT_ERROR_MARKER);

/** One problem found while validating input: where (`path`) and what. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

/** Input (a job order, a profile, options, an LLM answer) does not match its schema. */
export class ValidationError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [VALIDATION_ERROR_MARKER]: true;
  readonly issues: ValidationIssue[];
  constructor(message: string, options?: { issues?: ValidationIssue[]; cause?: unknown }) {
    super(message, options);
    this.issues = options?.issues ?? [];
  }
  static override isInstance(value: unknown): value is ValidationError {
    return hasMarker(value, VALIDATION_ERROR_MARKER);
  }
}
mark(ValidationError, VALIDATION_ERROR_MARKER);

export interface ProviderErrorOptions {
  provider: string;
  status?: number | null;
  requestId?: string | null;
  retryable?: boolean;
  /** How many attempts were made before giving up (1 = no retry). */
  attempts?: number;
  cause?: unknown;
}

/** A model provider failed. `retryable` says whether trying again may help. */
export class ProviderError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [PROVIDER_ERROR_MARKER]: true;
  readonly provider: string;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly retryable: boolean;
  attempts: number;
  constructor(message: string, options: ProviderErrorOptions) {
    super(message, { cause: options.cause });
    this.provider = options.provider;
    this.status = options.status ?? null;
    this.requestId = options.requestId ?? null;
    this.retryable = options.retryable ?? false;
    this.attempts = options.attempts ?? 1;
  }
  static override isInstance(value: unknown): value is ProviderError {
    return hasMarker(value, PROVIDER_ERROR_MARKER);
  }
}
mark(ProviderError, PROVIDER_ERROR_MARKER);

/** 429: too many requests. `retryAfterMs` is the server's hint, when it gave one. */
export class RateLimitError extends ProviderError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [RATE_LIMIT_ERROR_MARKER]: true;
  readonly retryAfterMs: number | null;
  constructor(message: string, options: ProviderErrorOptions & { retryAfterMs?: number | null }) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
  static override isInstance(value: unknown): value is RateLimitError {
    return hasMarker(value, RATE_LIMIT_ERROR_MARKER);
  }
}
mark(RateLimitError, RATE_LIMIT_ERROR_MARKER);

/** 401/403: missing or wrong API key. Never retryable. */
export class AuthenticationError extends ProviderError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [AUTHENTICATION_ERROR_MARKER]: true;
  constructor(message: string, options: ProviderErrorOptions) {
    super(message, { ...options, retryable: false });
  }
  static override isInstance(value: unknown): value is AuthenticationError {
    return hasMarker(value, AUTHENTICATION_ERROR_MARKER);
  }
}
mark(AuthenticationError, AUTHENTICATION_ERROR_MARKER);

/**
 * A model answered, but not with valid JSON matching the schema. Not retryable as an outage; the
 * repair middleware gives the model one chance to fix it. Carries the zod issues, the raw answer and
 * the usage it cost.
 */
export class ObjectValidationError extends ProviderError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [OBJECT_VALIDATION_ERROR_MARKER]: true;
  readonly issues: ValidationIssue[];
  /** The model's raw answer. May contain personal data: do not log it at info level. */
  readonly text: string;
  readonly usage: Usage;
  constructor(
    message: string,
    options: { provider: string; issues: ValidationIssue[]; text: string; usage: Usage; cause?: unknown },
  ) {
    super(message, { provider: options.provider, retryable: false, cause: options.cause });
    this.issues = options.issues;
    this.text = options.text;
    this.usage = options.usage;
  }
  static override isInstance(value: unknown): value is ObjectValidationError {
    return hasMarker(value, OBJECT_VALIDATION_ERROR_MARKER);
  }
}
mark(ObjectValidationError, OBJECT_VALIDATION_ERROR_MARKER);

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
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [INDEX_ERROR_MARKER]: true;
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
  static override isInstance(value: unknown): value is IndexError {
    return hasMarker(value, INDEX_ERROR_MARKER);
  }
}
mark(IndexError, INDEX_ERROR_MARKER);

/**
 * Why a store operation failed:
 * - `locked`: an embedded (PGlite) store folder is already open in another process (or in this one);
 * - `connection`: the database cannot be reached or opened;
 * - `migration`: the schema cannot be brought up to date (or is newer than this cvmatch);
 * - `config`: bad URL or settings (phone-hash key that does not match the store, pgvector asked but missing…);
 * - `conflict`: an optimistic-locking update lost the race, or a unique key already exists;
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
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [STORE_ERROR_MARKER]: true;
  readonly reason: StoreErrorReason;
  constructor(reason: StoreErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
  static override isInstance(value: unknown): value is StoreError {
    return hasMarker(value, STORE_ERROR_MARKER);
  }
}
mark(StoreError, STORE_ERROR_MARKER);

/** Invalid command-line usage (the CLI exits with code 2). */
export class UsageError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [USAGE_ERROR_MARKER]: true;
  static override isInstance(value: unknown): value is UsageError {
    return hasMarker(value, USAGE_ERROR_MARKER);
  }
}
mark(UsageError, USAGE_ERROR_MARKER);

/** A taxonomy table shipped with the package could not be read or does not fit the code (a broken install). */
export class TaxonomyDataError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [TAXONOMY_DATA_ERROR_MARKER]: true;
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
  static override isInstance(value: unknown): value is TaxonomyDataError {
    return hasMarker(value, TAXONOMY_DATA_ERROR_MARKER);
  }
}
mark(TaxonomyDataError, TAXONOMY_DATA_ERROR_MARKER);

/**
 * A feature needs an optional package that is not installed (the provider SDKs, the embedded store): cvmatch
 * does not install them by default to keep its size down (see the README, "Install size and optional
 * packages"). `install` is the command that fixes it. Not a `ProviderError`: nothing degrades around it.
 */
export class MissingPackageError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [MISSING_PACKAGE_ERROR_MARKER]: true;
  /** The package to install, e.g. `@electric-sql/pglite`. */
  readonly packageName: string;
  /** What needs it, e.g. `the Mistral provider`. */
  readonly feature: string;
  /** The command that installs it, e.g. `npm install @electric-sql/pglite@0.5.15`. */
  readonly install: string;
  constructor(options: { packageName: string; feature: string; install: string; cause?: unknown }) {
    super(`${options.feature} needs the optional package ${options.packageName}: ${options.install}`, {
      cause: options.cause,
    });
    this.packageName = options.packageName;
    this.feature = options.feature;
    this.install = options.install;
  }
  static override isInstance(value: unknown): value is MissingPackageError {
    return hasMarker(value, MISSING_PACKAGE_ERROR_MARKER);
  }
}
mark(MissingPackageError, MISSING_PACKAGE_ERROR_MARKER);
/**
 * A job order selects on a criterion the law forbids (Code du travail L1132-1): screening refuses to start.
 * `warnings` are those of `checkJobOrder`: fix the order, then start again.
 */
export class DiscriminatoryJobOrderError extends CvmatchError {
  /** The class marker (on the prototype): see `isInstance`. */
  declare readonly [DISCRIMINATORY_ORDER_ERROR_MARKER]: true;
  readonly jobId: string;
  readonly warnings: JobOrderWarning[];
  constructor(message: string, options: { jobId: string; warnings: JobOrderWarning[]; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.jobId = options.jobId;
    this.warnings = options.warnings;
  }
  static override isInstance(value: unknown): value is DiscriminatoryJobOrderError {
    return hasMarker(value, DISCRIMINATORY_ORDER_ERROR_MARKER);
  }
}
mark(DiscriminatoryJobOrderError, DISCRIMINATORY_ORDER_ERROR_MARKER);

/**
 * An outage is worth falling back on: a retryable failure that survived the primary's retries (5xx,
 * timeouts, refused or dropped connections, 429) or an exhausted quota. Not an outage, rethrown as is:
 * a bad or missing key (fix the configuration), an answer failing its schema (the secondary model
 * would not fix the prompt), other 4xx (a bug), an abort.
 */
export function isOutage(error: unknown): error is ProviderError {
  if (!ProviderError.isInstance(error)) return false;
  if (AuthenticationError.isInstance(error) || ObjectValidationError.isInstance(error)) return false;
  return error.retryable || RateLimitError.isInstance(error);
}

/**
 * A provider fault that a batch of model calls survives by degrading (the rule score is kept, the result
 * says so): an outage (see `isOutage`: retryable failures that survived the retries, 429) or an answer that
 * failed its schema after the repair attempt. Anything else is thrown: a bad or missing key, another 4xx, an
 * abort, a programming error (`TypeError`…): silently mixing LLM and rule scores would hide them.
 */
export function isProviderFault(error: unknown): error is ProviderError {
  return isOutage(error) || ObjectValidationError.isInstance(error);
}
