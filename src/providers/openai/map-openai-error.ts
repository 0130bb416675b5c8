import type OpenAIClient from 'openai';
import { CvmatchError, ProviderError } from '../../errors.js';
import { providerErrorFromStatus, redact, redactCause } from '../middleware/http-error.js';

/**
 * The one place where OpenAI SDK errors become cvmatch errors. Branches on the SDK's error classes and
 * HTTP status, never on message text. `apiKey` is scrubbed from every message and cause.
 */
export function mapOpenAIError(
  error: unknown,
  context: { apiKey: string | undefined; OpenAI: typeof OpenAIClient },
): unknown {
  const { OpenAI } = context;
  if (error instanceof CvmatchError) return error;
  const cause = redactCause(error, context.apiKey);
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError('openai request timed out', { provider: 'openai', retryable: true, cause });
  }
  if (error instanceof OpenAI.APIUserAbortError) return error;
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError('openai connection failed (no answer from the server)', {
      provider: 'openai',
      retryable: true,
      cause,
    });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const body = error.error as { message?: unknown } | undefined;
    const detail = typeof body?.message === 'string' ? redact(body.message, context.apiKey) : null;
    return providerErrorFromStatus({
      provider: 'openai',
      status: error.status,
      headers: error.headers,
      detail,
      code: error.code ?? null,
      requestId: error.requestID ?? null,
      cause,
    });
  }
  if (error instanceof OpenAI.OpenAIError) {
    return new ProviderError(`openai client error: ${redact(error.message, context.apiKey)}`, {
      provider: 'openai',
      retryable: false,
      cause,
    });
  }
  return error;
}
