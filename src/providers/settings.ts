import type { ProviderCache } from './middleware/cache.js';
import type { RequestLimiter } from './middleware/limiter.js';
import type { RetryOptions } from './middleware/retry.js';
import type { PriceTable, UsageMeter } from './middleware/usage.js';

/**
 * How to reach the server: the only settings a provider's SDK code sees. Key and base URL fall back to
 * the provider's env variables when a call is made, not when the provider is created.
 */
export interface TransportSettings {
  /** Else the provider's env variable (`MISTRAL_API_KEY`, `OPENAI_API_KEY`…), read when a call is made. */
  apiKey?: string;
  /** Else the provider's base URL variable (`MISTRAL_BASE_URL`, `OPENAI_BASE_URL`), else the official endpoint. */
  baseURL?: string;
  /** Per HTTP request, enforced by the SDK (its timeout error is mapped to a retryable `ProviderError`). Default 60 s. */
  timeoutMs?: number;
  /** Extra HTTP headers on every request (a gateway's own key, a tenant header). */
  headers?: Record<string, string>;
  /** Custom fetch, passed to the SDK (tests, proxies). */
  fetch?: typeof globalThis.fetch;
  /** Read at call time for the API key and base URL. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** What the middleware does around every call: retries, limits, batching, cache and accounting. */
export interface BehaviourSettings {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff tuning (tests use tiny delays). `maxRetries` above wins over `retry.maxRetries`. */
  retry?: RetryOptions;
  /** Calls in flight at once, per provider instance. Default 4. */
  maxConcurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Share one limiter between provider instances (e.g. two models on the same account). */
  limiter?: RequestLimiter;
  /** Embedding batch limits (defaults are the provider's). */
  batch?: { maxInputs?: number; maxTokens?: number };
  /** A cache object, or a directory for the on-disk cache. No cache by default. */
  cache?: ProviderCache | string;
  /** Where calls, tokens and cost are recorded. */
  usage?: UsageMeter;
  /** USD per million tokens for this provider's models, over the meter's table (e.g. a negotiated rate). */
  prices?: PriceTable;
}

/** Which models `embeddingModel()` and `chatModel()` return without an id, and the vector size. */
export interface ModelSettings {
  /** Default model for `embeddingModel()`. */
  embeddingModelId?: string;
  /** Default model for `chatModel()`. */
  chatModelId?: string;
  /** Vector size. Required for embedding models the provider does not know; sent to OpenAI as `dimensions`. */
  dimensions?: number;
}

/** Settings of the remote providers (Mistral, OpenAI, OpenAI-compatible servers): the three groups, flat. */
export interface RemoteProviderSettings extends TransportSettings, BehaviourSettings, ModelSettings {}

/** Env lookups happen at call time, not at construction, so a provider can be created before a key exists. */
export function readSetting(
  explicit: string | undefined,
  variable: string | null,
  env: Record<string, string | undefined> | undefined,
): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit;
  if (variable === null) return undefined;
  const value = (env ?? process.env)[variable];
  return value === undefined || value === '' ? undefined : value;
}
