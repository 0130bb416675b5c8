/**
 * The error tree. Every error cvmatch throws is a `CvmatchError`; callers branch on the class
 * (or on `reason` for documents), never on message text.
 */
export class CvmatchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Why a document could not be read. */
export type DocumentErrorReason =
  | 'encrypted'
  | 'no-text'
  | 'corrupt'
  | 'too-large'
  | 'unsupported'
  | 'timeout';

export class DocumentError extends CvmatchError {
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
}

/** One problem found while validating input: where (`path`) and what. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

/** Input (a job order, a profile, options, an LLM answer) does not match its schema. */
export class ValidationError extends CvmatchError {
  readonly issues: ValidationIssue[];
  constructor(message: string, options?: { issues?: ValidationIssue[]; cause?: unknown }) {
    super(message, options);
    this.issues = options?.issues ?? [];
  }
}

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
}

/** 429: too many requests. `retryAfterMs` is the server's hint, when it gave one. */
export class RateLimitError extends ProviderError {
  readonly retryAfterMs: number | null;
  constructor(message: string, options: ProviderErrorOptions & { retryAfterMs?: number | null }) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** 401/403: missing or wrong API key. Never retryable. */
export class AuthenticationError extends ProviderError {
  constructor(message: string, options: ProviderErrorOptions) {
    super(message, { ...options, retryable: false });
  }
}

/** Invalid command-line usage (the CLI exits with code 2). */
export class UsageError extends CvmatchError {}
