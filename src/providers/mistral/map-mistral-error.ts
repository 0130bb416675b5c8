import type * as MistralErrors from '@mistralai/mistralai/models/errors';
import { CvmatchError, ProviderError } from '../../errors.js';
import { providerErrorFromStatus, redact, redactCause } from '../middleware/http-error.js';

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
 * and HTTP status, never on message text. `apiKey` is scrubbed from every message and cause.
 */
export function mapMistralError(
  error: unknown,
  context: { apiKey: string | undefined; errors: typeof MistralErrors },
): unknown {
  const { errors } = context;
  if (error instanceof CvmatchError) return error;
  const cause = redactCause(error, context.apiKey);
  if (error instanceof errors.RequestTimeoutError) {
    return new ProviderError('mistral request timed out', { provider: 'mistral', retryable: true, cause });
  }
  if (error instanceof errors.RequestAbortedError) return error;
  if (error instanceof errors.ConnectionError) {
    return new ProviderError('mistral connection failed (no answer from the server)', {
      provider: 'mistral',
      retryable: true,
      cause,
    });
  }
  if (error instanceof errors.ResponseValidationError) {
    // The server answered 2xx with a body that is not the API's shape (a proxy page, a truncated body).
    return new ProviderError('mistral answered with an unexpected response shape', {
      provider: 'mistral',
      status: error.statusCode,
      requestId: error.headers.get('x-request-id'),
      retryable: error.statusCode >= 500,
      cause,
    });
  }
  if (error instanceof errors.MistralError) {
    return providerErrorFromStatus({
      provider: 'mistral',
      status: error.statusCode,
      headers: error.headers,
      detail: detailOf(error.body, context.apiKey),
      cause,
    });
  }
  if (error instanceof errors.HTTPClientError || error instanceof errors.SDKValidationError) {
    return new ProviderError(`mistral client error: ${redact(error.message, context.apiKey)}`, {
      provider: 'mistral',
      retryable: false,
      cause,
    });
  }
  return error;
}
