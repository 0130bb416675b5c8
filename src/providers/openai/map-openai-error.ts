import type { ProviderError } from '../../errors.js';
import { providerErrorFromStatus, redact, redactCause } from '../middleware/http-error.js';
import type { MapErrorContext } from '../remote/create-remote-provider.js';
import { clientError, connectionError, fetchFailureError, timeoutError } from '../remote/transport-errors.js';
import type { OpenAIConnection } from './openai-connection.js';

/**
 * The one place where OpenAI SDK errors become cvmatch errors (for OpenAI and OpenAI-compatible
 * servers). Branches on the SDK's error classes and HTTP status, never on message text. The API key is
 * scrubbed from every message and cause.
 */
export function mapOpenAIError(error: unknown, context: MapErrorContext<OpenAIConnection>): ProviderError {
  const { provider } = context;
  const OpenAI = context.connection.sdk.default;
  const { apiKey, timeoutMs } = context.transport;
  const cause = redactCause(error, apiKey);
  if (error instanceof OpenAI.APIConnectionTimeoutError) return timeoutError(provider, timeoutMs, cause);
  if (error instanceof OpenAI.APIConnectionError) return connectionError(provider, cause);
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const body = error.error as { message?: unknown } | undefined;
    const detail = typeof body?.message === 'string' ? redact(body.message, apiKey) : null;
    return providerErrorFromStatus({
      provider,
      status: error.status,
      headers: error.headers,
      detail,
      code: error.code ?? null,
      requestId: error.requestID ?? null,
      cause,
    });
  }
  // Failures the SDK lets through unwrapped: the socket or a non-JSON body, while the body was read.
  const failure = fetchFailureError(error, { provider, timeoutMs, cause });
  return failure ?? clientError(provider, error, apiKey, cause);
}
