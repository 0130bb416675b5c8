import { remoteRegistration } from '../registration.js';
import {
  createRemoteProvider,
  type RemoteProvider,
  type RemoteProviderDefinition,
} from '../remote/create-remote-provider.js';
import type { RemoteProviderSettings } from '../settings.js';
import { mapMistralError } from './map-mistral-error.js';
import { connectMistral, type MistralConnection } from './mistral-connection.js';
import { createMistralChatModel, createMistralEmbeddingModel } from './mistral-models.js';

export type MistralSettings = RemoteProviderSettings;

/** `embeddingModel()`: default `mistral-embed` (1024 dimensions). `chatModel()`: default `mistral-small-latest`. */
export type MistralProvider = RemoteProvider<'mistral'>;

/** What is specific to Mistral: the SDK, its errors, its wire format, its defaults. */
export const mistralDefinition: RemoteProviderDefinition<'mistral', MistralConnection> = {
  name: 'mistral',
  keyVariable: 'MISTRAL_API_KEY',
  baseURLVariable: 'MISTRAL_BASE_URL',
  defaults: {
    embeddingModelId: 'mistral-embed',
    chatModelId: 'mistral-small-latest',
    batch: { maxInputs: 128, maxTokens: 12_000 },
  },
  connect: connectMistral,
  mapError: mapMistralError,
  models: { embedding: createMistralEmbeddingModel, chat: createMistralChatModel },
};

/**
 * Mistral La Plateforme (`baseURL` = the SDK's `serverURL`, e.g. the EU endpoint). Models come
 * wrapped in the standard middleware: retries, timeout, limits, batching, repair, cache, usage.
 */
export function createMistral(settings: MistralSettings = {}): MistralProvider {
  return createRemoteProvider(mistralDefinition, settings);
}

/** `--provider mistral`. */
export const mistralRegistration = remoteRegistration(mistralDefinition, {
  description: 'Mistral La Plateforme',
  create: createMistral,
});
