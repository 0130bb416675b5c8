import { createRequestLimiter } from '../middleware/limiter.js';
import {
  applyChatMiddleware,
  applyEmbeddingMiddleware,
  type MiddlewareOptions,
} from '../middleware/stack.js';
import { type RemoteProviderSettings, readSetting } from '../settings.js';
import type { ChatModel, EmbeddingModel } from '../spec.js';
import {
  createMistralChatModel,
  createMistralClientSource,
  createMistralEmbeddingModel,
} from './mistral-models.js';

export type MistralSettings = RemoteProviderSettings;

export interface MistralProvider {
  readonly name: 'mistral';
  /** Default `mistral-embed` (1024 dimensions). */
  embeddingModel(modelId?: string): EmbeddingModel;
  /** Default `mistral-small-latest`. */
  chatModel(modelId?: string): ChatModel;
}

/**
 * Mistral La Plateforme (`baseURL` = the SDK's `serverURL`, e.g. the EU endpoint). Models come
 * wrapped in the standard middleware: retries, timeout, limits, batching, repair, cache, usage.
 */
export function createMistral(settings: MistralSettings = {}): MistralProvider {
  const source = createMistralClientSource(settings);
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
    cacheParameters: { baseURL: readSetting(settings.baseURL, 'MISTRAL_BASE_URL', settings.env) ?? null },
    usage: settings.usage,
    prices: settings.prices,
  });
  return {
    name: 'mistral',
    embeddingModel(modelId = settings.embeddingModelId ?? 'mistral-embed') {
      return applyEmbeddingMiddleware(createMistralEmbeddingModel(modelId, settings, source), {
        ...middleware(),
        batch: { maxInputs: 128, maxTokens: 12_000, ...settings.batch },
      });
    },
    chatModel(modelId = settings.chatModelId ?? 'mistral-small-latest') {
      return applyChatMiddleware(createMistralChatModel(modelId, source), middleware());
    },
  };
}
