// Public API of the providers area. What is not exported here is private.

export { isOutage } from '../errors.js';
export { chatModelFromV2 } from './chat-model-from-v2.js';
export { type FallbackEvent, type FallbackOptions, fallback } from './fallback.js';
export { createLocal, type LocalProvider, type LocalSettings } from './local/create-local.js';
export { fitIdf, type IdfTable } from './local/idf.js';
export { type BatchingOptions, withEmbeddingBatching } from './middleware/batching.js';
export {
  createDiskCache,
  createMemoryCache,
  type DamagedCacheEntry,
  type DiskCacheOptions,
  type ProviderCache,
  withChatCache,
  withEmbeddingCache,
} from './middleware/cache.js';
export { providerErrorFromStatus } from './middleware/http-error.js';
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
export {
  createOpenAICompatible,
  type OpenAICompatibleProvider,
  type OpenAICompatibleSettings,
} from './openai-compatible/create-openai-compatible.js';
export type { ProviderRegistration } from './registration.js';
export { findProvider, providerRegistry } from './registry.js';
export {
  createRemoteProvider,
  type MapErrorContext,
  type RemoteModelContext,
  type RemoteProvider,
  type RemoteProviderDefinition,
  type ResolvedTransport,
} from './remote/create-remote-provider.js';
export type {
  BehaviourSettings,
  ModelSettings,
  RemoteProviderSettings,
  TransportSettings,
} from './settings.js';
export type {
  ChatModelV2,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  JsonResponseFormat,
} from './spec-v2.js';
export { cosineSimilarity } from './vector.js';
