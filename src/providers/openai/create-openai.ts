import { remoteRegistration } from '../registration.js';
import {
  createRemoteProvider,
  type RemoteProvider,
  type RemoteProviderDefinition,
} from '../remote/create-remote-provider.js';
import type { RemoteProviderSettings } from '../settings.js';
import { mapOpenAIError } from './map-openai-error.js';
import { connectOpenAI, OPENAI_BASE_URL, type OpenAIConnection } from './openai-connection.js';
import {
  createOpenAIChatModel,
  createOpenAIEmbeddingModel,
  type OpenAIWireOptions,
} from './openai-models.js';

export type OpenAISettings = RemoteProviderSettings;

/**
 * `embeddingModel()`: default `text-embedding-3-small` (1536 dimensions, or `settings.dimensions`).
 * `chatModel()`: default `gpt-4o-mini`.
 */
export type OpenAIProvider = RemoteProvider<'openai'>;

const wire: OpenAIWireOptions = {
  embeddingDimensions: {
    'text-embedding-3-small': 1536,
    'text-embedding-3-large': 3072,
    'text-embedding-ada-002': 1536,
  },
  // OpenAI's own API wants `max_completion_tokens` (newer models reject `max_tokens`); compatible
  // servers reached through `baseURL` have long understood `max_tokens`.
  maxTokensField: (transport) =>
    transport.baseURL === undefined || transport.baseURL.startsWith(new URL(OPENAI_BASE_URL).origin)
      ? 'max_completion_tokens'
      : 'max_tokens',
};

/** What is specific to OpenAI: the SDK, its errors, its wire format, its defaults. */
export const openAIDefinition: RemoteProviderDefinition<'openai', OpenAIConnection> = {
  name: 'openai',
  keyVariable: 'OPENAI_API_KEY',
  baseURLVariable: 'OPENAI_BASE_URL',
  defaults: {
    embeddingModelId: 'text-embedding-3-small',
    chatModelId: 'gpt-4o-mini',
    batch: { maxInputs: 2048, maxTokens: 250_000 },
  },
  connect: connectOpenAI,
  mapError: mapOpenAIError,
  models: {
    embedding: (modelId, context) => createOpenAIEmbeddingModel(modelId, context, wire),
    chat: (modelId, context) => createOpenAIChatModel(modelId, context, wire),
  },
};

/**
 * OpenAI (or, through `baseURL`, a server that mimics it; `createOpenAICompatible` is made for those).
 * Models come wrapped in the standard middleware: retries, timeout, limits, batching, repair, cache, usage.
 */
export function createOpenAI(settings: OpenAISettings = {}): OpenAIProvider {
  return createRemoteProvider(openAIDefinition, settings);
}

/** `--provider openai`. */
export const openAIRegistration = remoteRegistration(openAIDefinition, {
  description: 'OpenAI',
  create: createOpenAI,
});
