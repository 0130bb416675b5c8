import { ProviderError } from '../../errors.js';
import { providerErrorFromStatus, redact, redactCause } from '../middleware/http-error.js';
import type { MapErrorContext } from '../remote/create-remote-provider.js';
import { clientError, connectionError, fetchFailureError, timeoutError } from '../remote/transport-errors.js';
import type { MistralConnection } from './mistral-connection.js';

function detailOf(body: string, apiKey: string | undefined): string | null {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; detail?: unknown };
    const message = typeof parsed.message === 'string' ? parsed.message : parsed.detail;
    if (typeof message === 'string') return redact(message.slice(0, 300), apiKey);
  } catch (error) {
    // Not JSON (a proxy's HTML page, say): keep a short excerpt instead.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return redact(body.slice(0, 200), apiKey);
}

/**
 * The one place where Mistral SDK errors become cvmatch errors. Branches on the SDK's error classes
 * and HTTP status, never on message text. The API key is scrubbed from every message and cause.
 */
export function mapMistralError(error: unknown, context: MapErrorContext<MistralConnection>): ProviderError {
  const { provider } = context;
  const { errors } = context.connection.sdk;
  const { apiKey, timeoutMs } = context.transport;
  const cause = redactCause(error, apiKey);
  if (error instanceof errors.RequestTimeoutError) return timeoutError(provider, timeoutMs, cause);
  if (error instanceof errors.ConnectionError) return connectionError(provider, cause);
  if (
    error instanceof errors.ResponseValidationError ||
    (error instanceof errors.MistralError && error.statusCode < 300)
  ) {
    // A body that is not the API's shape (JSON of another shape, a proxy's HTML page with status 200).
    return new ProviderError(`${provider} answered with an unexpected response shape`, {
      provider,
      status: error.statusCode,
      requestId: error.headers.get('x-request-id'),
      retryable: error.statusCode >= 500,
      cause,
    });
  }
  if (error instanceof errors.MistralError) {
    return providerErrorFromStatus({
      provider,
      status: error.statusCode,
      headers: error.headers,
      detail: detailOf(error.body, apiKey),
      cause,
    });
  }
  // Failures the SDK lets through unwrapped: the deadline or the socket, while the body was read.
  const failure = fetchFailureError(error, { provider, timeoutMs, cause });
  return failure ?? clientError(provider, error, apiKey, cause);
}
