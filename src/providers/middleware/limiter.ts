import { limitConcurrency } from '../../support/limit-concurrency.js';
import type { CallInterceptor } from './intercept.js';
import { sleep } from './retry.js';

export interface RequestLimiterOptions {
  /** Calls in flight at once. Default 4. */
  maxConcurrency?: number;
  /** Calls started in any 60 s window. Unlimited by default. */
  requestsPerMinute?: number;
  /** Estimated input tokens sent in any 60 s window. Unlimited by default. */
  tokensPerMinute?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Shared by every model of one provider instance, so all of them respect the same limits. */
export interface RequestLimiter {
  run<T>(estimatedTokens: number, call: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

const WINDOW_MS = 60_000;

/** Bounded concurrency plus sliding-window requests-per-minute and tokens-per-minute limits. */
export function createRequestLimiter(options: RequestLimiterOptions = {}): RequestLimiter {
  const limit = limitConcurrency(Math.max(1, options.maxConcurrency ?? 4));
  const now = options.now ?? Date.now;
  const requestsPerMinute = options.requestsPerMinute ?? Number.POSITIVE_INFINITY;
  const tokensPerMinute = options.tokensPerMinute ?? Number.POSITIVE_INFINITY;
  const window: { at: number; tokens: number }[] = [];
  let windowTokens = 0;

  async function admit(tokens: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const time = now();
      while (window.length > 0 && window[0]!.at <= time - WINDOW_MS) {
        windowTokens -= window.shift()!.tokens;
      }
      const fitsRequests = window.length < requestsPerMinute;
      // A single call larger than the whole budget may still go, alone, in an empty window.
      const fitsTokens = window.length === 0 || windowTokens + tokens <= tokensPerMinute;
      if (fitsRequests && fitsTokens) {
        window.push({ at: time, tokens });
        windowTokens += tokens;
        return;
      }
      await sleep(Math.max(1, window[0]!.at + WINDOW_MS - time), signal);
    }
  }

  return {
    run(estimatedTokens, call, signal) {
      return limit(async () => {
        await admit(estimatedTokens, signal);
        return call();
      });
    },
  };
}

/** Runs each attempt through `limiter` (place it inside the retry interceptor, so waits free the slot). */
export function limiterInterceptor(limiter: RequestLimiter): CallInterceptor {
  return (call, context) => limiter.run(context.estimatedTokens, () => call(context.signal), context.signal);
}
