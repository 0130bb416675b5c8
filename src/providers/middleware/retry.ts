import { ProviderError, RateLimitError } from '../../errors.js';
import type { CallInterceptor } from './intercept.js';

export interface RetryOptions {
  /** Retries after the first attempt. Default 3 (so at most 4 attempts). */
  maxRetries?: number;
  /** First backoff ceiling; doubles each attempt. Default 500 ms. */
  initialDelayMs?: number;
  /** Largest backoff ceiling. Default 20 s. */
  maxDelayMs?: number;
  /** Largest wait honoured from a `retry-after` header. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Source of randomness for full jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Called before each wait; for logs and tests. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  provider: string;
  modelId: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  error: ProviderError;
}

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Delay before the next attempt: the server's `retry-after` (capped) or exponential backoff with full jitter. */
export function retryDelay(error: ProviderError, attempt: number, options: RetryOptions): number {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  if (RateLimitError.isInstance(error) && error.retryAfterMs !== null) {
    return Math.min(error.retryAfterMs, maxRetryAfterMs);
  }
  const initial = options.initialDelayMs ?? 500;
  const ceiling = Math.min(options.maxDelayMs ?? 20_000, initial * 2 ** (attempt - 1));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/**
 * Retries calls that failed with a retryable `ProviderError` (429, 5xx, timeouts, dropped connections).
 * Anything else is rethrown at once. The final error carries the number of attempts made.
 */
export function retryInterceptor(options: RetryOptions = {}): CallInterceptor {
  const maxRetries = options.maxRetries ?? 3;
  return async (call, context) => {
    for (let attempt = 1; ; attempt++) {
      if (context.signal?.aborted) throw context.signal.reason;
      try {
        return await call(context.signal);
      } catch (error) {
        // Cancelled (by the caller, or by a sibling batch that failed): stop, and leave the error as is.
        if (context.signal?.aborted) throw context.signal.reason;
        if (!ProviderError.isInstance(error)) throw error;
        error.attempts = attempt;
        if (!error.retryable || attempt > maxRetries) throw error;
        const delayMs = retryDelay(error, attempt, options);
        options.onRetry?.({
          provider: context.provider,
          modelId: context.modelId,
          attempt,
          delayMs,
          error,
        });
        await sleep(delayMs, context.signal);
      }
    }
  };
}
