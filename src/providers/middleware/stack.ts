import type { ChatModel, EmbeddingModel } from '../spec.js';
import { withEmbeddingBatching } from './batching.js';
import { createDiskCache, type ProviderCache, withChatCache, withEmbeddingCache } from './cache.js';
import { type CallInterceptor, interceptChatModel, interceptEmbeddingModel } from './intercept.js';
import { createRequestLimiter, limiterInterceptor, type RequestLimiter } from './limiter.js';
import { withObjectRepair } from './repair.js';
import { type RetryOptions, retryInterceptor } from './retry.js';
import { timeoutInterceptor } from './timeout.js';
import { type PriceTable, type UsageMeter, withChatUsage, withEmbeddingUsage } from './usage.js';

/** Everything the standard middleware stack needs. All optional. */
export interface MiddlewareOptions {
  timeoutMs?: number;
  retry?: RetryOptions;
  limiter?: RequestLimiter;
  batch?: { maxInputs?: number; maxTokens?: number };
  cache?: ProviderCache | string;
  /** Extra key parts for the cache (e.g. base URL). */
  cacheParameters?: Record<string, unknown>;
  usage?: UsageMeter;
  /** Price overrides recorded with this model's usage. */
  prices?: PriceTable;
}

/** Composes interceptors, first = outermost. */
export function composeInterceptors(...interceptors: CallInterceptor[]): CallInterceptor {
  return (call, context) => {
    const run = interceptors.reduceRight<typeof call>(
      (inner, interceptor) => (signal) => interceptor(inner, { ...context, signal }),
      call,
    );
    return run(context.signal);
  };
}

function callInterceptor(options: MiddlewareOptions): CallInterceptor {
  const limiter = options.limiter ?? createRequestLimiter();
  // Retry outside the limiter (a backoff wait frees the slot), timeout inside (queueing is not timed).
  return composeInterceptors(
    retryInterceptor(options.retry),
    limiterInterceptor(limiter),
    timeoutInterceptor(options.timeoutMs ?? 60_000),
  );
}

function resolveCache(cache: ProviderCache | string | undefined): ProviderCache | undefined {
  return typeof cache === 'string' ? createDiskCache(cache) : cache;
}

/**
 * The standard stack for a raw embedding model:
 * cache → batching → usage → retry → limiter → timeout → model.
 */
export function applyEmbeddingMiddleware(
  model: EmbeddingModel,
  options: MiddlewareOptions = {},
): EmbeddingModel {
  let wrapped = interceptEmbeddingModel(model, callInterceptor(options));
  if (options.usage) wrapped = withEmbeddingUsage(wrapped, options.usage, { prices: options.prices });
  wrapped = withEmbeddingBatching(wrapped, options.batch);
  const cache = resolveCache(options.cache);
  if (cache) {
    wrapped = withEmbeddingCache(wrapped, {
      cache,
      parameters: options.cacheParameters,
      usage: options.usage,
    });
  }
  return wrapped;
}

/**
 * The standard stack for a raw chat model:
 * cache → structured-output repair → usage → retry → limiter → timeout → model.
 */
export function applyChatMiddleware(model: ChatModel, options: MiddlewareOptions = {}): ChatModel {
  let wrapped = interceptChatModel(model, callInterceptor(options));
  if (options.usage) wrapped = withChatUsage(wrapped, options.usage, { prices: options.prices });
  wrapped = withObjectRepair(wrapped);
  const cache = resolveCache(options.cache);
  if (cache) {
    wrapped = withChatCache(wrapped, { cache, parameters: options.cacheParameters, usage: options.usage });
  }
  return wrapped;
}
