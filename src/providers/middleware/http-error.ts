import { AuthenticationError, ProviderError, RateLimitError } from '../../errors.js';

/** Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date). `null` when absent. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | null | undefined,
  now: number = Date.now(),
): number | null {
  if (!headers) return null;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return null;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Replaces every occurrence of `secret` in `text`. Used on every message built from a provider's answer. */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

/**
 * Removes `secret` from an SDK error we are about to attach as `cause`: its message, stack and the
 * parsed error body it keeps (some servers echo the key they were sent). Walks nested objects and causes.
 */
export function redactCause(cause: unknown, secret: string | null | undefined): unknown {
  if (secret && secret.length >= 4) scrub(cause, secret, 0, new Set());
  return cause;
}

function scrub(value: unknown, secret: string, depth: number, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || depth > 6 || seen.has(value)) return;
  if (value instanceof Headers || ArrayBuffer.isView(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const property = descriptor.value;
    if (typeof property === 'string') {
      if (property.includes(secret) && descriptor.writable) record[key] = redact(property, secret);
    } else {
      scrub(property, secret, depth + 1, seen);
    }
  }
}

export interface HttpFailure {
  provider: string;
  status: number;
  headers: { get(name: string): string | null } | null | undefined;
  /** The provider's own error message (already redacted), or null. */
  detail: string | null;
  /** A machine-readable error code from the body (e.g. OpenAI's `insufficient_quota`), or null. */
  code?: string | null;
  /** Request id the SDK already extracted, if any (else read from `x-request-id`). */
  requestId?: string | null;
  cause: unknown;
}

/**
 * Maps an HTTP error status to our error tree: 401/403 → AuthenticationError, 429 → RateLimitError
 * (not retryable when the quota is exhausted), 408/409/5xx → retryable ProviderError, other 4xx → not retryable.
 */
export function providerErrorFromStatus(failure: HttpFailure): ProviderError {
  const { provider, status, headers, detail, cause } = failure;
  const requestId = failure.requestId ?? headers?.get('x-request-id') ?? headers?.get('request-id') ?? null;
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) {
    return new AuthenticationError(`${provider} rejected the API key (HTTP ${status})${suffix}`, {
      provider,
      status,
      requestId,
      cause,
    });
  }
  if (status === 429) {
    const quotaExhausted = failure.code === 'insufficient_quota';
    return new RateLimitError(`${provider} rate limit (HTTP 429)${suffix}`, {
      provider,
      status,
      requestId,
      retryable: !quotaExhausted,
      retryAfterMs: parseRetryAfter(headers),
      cause,
    });
  }
  const retryable = status === 408 || status === 409 || status >= 500;
  return new ProviderError(`${provider} request failed (HTTP ${status})${suffix}`, {
    provider,
    status,
    requestId,
    retryable,
    cause,
  });
}
