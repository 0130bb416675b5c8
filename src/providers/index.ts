// Public API of the providers area. What is not exported here is private.

export { type FallbackEvent, type FallbackOptions, fallback, isOutage } from './fallback.js';
export { createLocal, type LocalProvider, type LocalSettings } from './local/create-local.js';
export { fitIdf, type IdfTable } from './local/idf.js';
export { type BatchingOptions, withEmbeddingBatching } from './middleware/batching.js';
export {
  createDiskCache,
  createMemoryCache,
  type ProviderCache,
  withChatCache,
  withEmbeddingCache,
} from './middleware/cache.js';
export {
  type CallContext,
  type CallInterceptor,
  interceptChatModel,
  interceptEmbeddingModel,
} from './middleware/intercept.js';
export {
  createRequestLimiter,
  limiterInterceptor,
  type RequestLimiter,
  type RequestLimiterOptions,
} from './middleware/limiter.js';
export { withObjectRepair } from './middleware/repair.js';
export { type RetryEvent, type RetryOptions, retryInterceptor } from './middleware/retry.js';
export {
  applyChatMiddleware,
  applyEmbeddingMiddleware,
  composeInterceptors,
  type MiddlewareOptions,
} from './middleware/stack.js';
export { timeoutInterceptor } from './middleware/timeout.js';
export {
  createUsageMeter,
  DEFAULT_PRICES,
  type ModelPrice,
  type ModelUsage,
  type PriceTable,
  type UsageMeter,
  type UsageRecord,
  type UsageReport,
  withChatUsage,
  withEmbeddingUsage,
} from './middleware/usage.js';
export { createMistral, type MistralProvider, type MistralSettings } from './mistral/create-mistral.js';
export { createOpenAI, type OpenAIProvider, type OpenAISettings } from './openai/create-openai.js';
export type { RemoteProviderSettings } from './settings.js';
export { cosineSimilarity } from './vector.js';
