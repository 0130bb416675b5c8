import { ProviderError } from '../../errors.js';
import { redact } from '../middleware/http-error.js';

/** Node and undici codes of a connection that failed or dropped (refused, reset, closed mid-body). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function codeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('code' in value)) return null;
  const { code } = value as { code: unknown };
  return typeof code === 'string' ? code : null;
}

/** True when `error` or one of its causes carries a connection error code. */
function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = codeOf(current);
    if (code !== null && CONNECTION_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The transport deadline passed (the SDK's timeout, or the deadline signal while the body was read). */
export function timeoutError(provider: string, timeoutMs: number, cause: unknown): ProviderError {
  return new ProviderError(`${provider} request timed out after ${timeoutMs} ms`, {
    provider,
    retryable: true,
    cause,
  });
}

/** No answer, or not all of it: refused, reset or dropped connection. */
export function connectionError(provider: string, cause: unknown): ProviderError {
  return new ProviderError(`${provider} connection failed (no complete answer from the server)`, {
    provider,
    retryable: true,
    cause,
  });
}

/** Anything else the SDK threw (a bad request it refused to send, a failing custom fetch): not retryable. */
export function clientError(
  provider: string,
  error: unknown,
  apiKey: string | undefined,
  cause: unknown,
): ProviderError {
  const message = redact(error instanceof Error ? error.message : String(error), apiKey);
  return new ProviderError(`${provider} client error: ${message}`, { provider, retryable: false, cause });
}

/**
 * Failures below the SDK that SDKs let through unwrapped (typically while reading the body, after the
 * SDK's own error handling): the transport deadline (`TimeoutError`), a dropped connection (by error
 * code), a body that is not JSON (`SyntaxError`, retryable: usually cut short). Read from classes and
 * codes, never from message text. Null for anything else.
 */
export function fetchFailureError(
  error: unknown,
  context: { provider: string; timeoutMs: number; cause: unknown },
): ProviderError | null {
  const { provider, cause } = context;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return timeoutError(provider, context.timeoutMs, cause);
  }
  if (isConnectionFailure(error)) return connectionError(provider, cause);
  if (error instanceof SyntaxError) {
    // Typically a body cut short (`Unexpected end of JSON input`) by a proxy or a dropped stream: as
    // transient as a reset connection, so retried; a server that keeps answering so is an outage.
    return new ProviderError(`${provider} answered with a body that is not valid JSON`, {
      provider,
      retryable: true,
      cause,
    });
  }
  return null;
}
