import { createRequestLimiter } from '../middleware/limiter.js';
import {
  applyChatMiddleware,
  applyEmbeddingMiddleware,
  type MiddlewareOptions,
} from '../middleware/stack.js';
import { type RemoteProviderSettings, readSetting } from '../settings.js';
import type { ChatModel, EmbeddingModel } from '../spec.js';
import {
  createOpenAIChatModel,
  createOpenAIClientSource,
  createOpenAIEmbeddingModel,
} from './openai-models.js';

export type OpenAISettings = RemoteProviderSettings;

export interface OpenAIProvider {
  readonly name: 'openai';
  /** Default `text-embedding-3-small` (1536 dimensions, or `settings.dimensions`). */
  embeddingModel(modelId?: string): EmbeddingModel;
  /** Default `gpt-4o-mini`. */
  chatModel(modelId?: string): ChatModel;
}

/**
 * OpenAI, or any OpenAI-compatible server (vLLM, Ollama, LM Studio) through `baseURL`. Models come
 * wrapped in the standard middleware: retries, timeout, limits, batching, repair, cache, usage.
 */
export function createOpenAI(settings: OpenAISettings = {}): OpenAIProvider {
  const source = createOpenAIClientSource(settings);
  const limiter =
    settings.limiter ??
    createRequestLimiter({
      maxConcurrency: settings.maxConcurrency,
      requestsPerMinute: settings.requestsPerMinute,
      tokensPerMinute: settings.tokensPerMinute,
    });
  const middleware = (): MiddlewareOptions => ({
    timeoutMs: settings.timeoutMs,
    retry: { ...settings.retry, maxRetries: settings.maxRetries ?? settings.retry?.maxRetries },
    limiter,
    cache: settings.cache,
    // Different servers behind the same model id give different answers.
    cacheParameters: { baseURL: readSetting(settings.baseURL, 'OPENAI_BASE_URL', settings.env) ?? null },
    usage: settings.usage,
    prices: settings.prices,
  });
  return {
    name: 'openai',
    embeddingModel(modelId = settings.embeddingModelId ?? 'text-embedding-3-small') {
      return applyEmbeddingMiddleware(createOpenAIEmbeddingModel(modelId, settings, source), {
        ...middleware(),
        batch: { maxInputs: 2048, maxTokens: 250_000, ...settings.batch },
      });
    },
    chatModel(modelId = settings.chatModelId ?? 'gpt-4o-mini') {
      return applyChatMiddleware(createOpenAIChatModel(modelId, settings, source), middleware());
    },
  };
}
