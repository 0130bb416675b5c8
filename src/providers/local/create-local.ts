import { ProviderError } from '../../errors.js';
import { type UsageMeter, withEmbeddingUsage } from '../middleware/usage.js';
import type { ProviderRegistration } from '../registration.js';
import type { EmbeddingModel } from '../spec.js';
import { createLocalEmbeddingModel, type LocalEmbeddingOptions } from './local-embedding-model.js';

export interface LocalSettings extends LocalEmbeddingOptions {
  /** Where calls and (free) token counts are recorded. */
  usage?: UsageMeter;
}

/** The offline provider: embeddings only. It has no `chatModel` (a capability it lacks is absent). */
export interface LocalProvider {
  readonly name: 'local';
  /**
   * The only model is `hashing-v1`. Its `modelId` reports the settings that change vectors
   * (`hashing-v1`, `hashing-v1-d512`, `hashing-v1-idf-<fingerprint>`) so indexes never mix them.
   */
  embeddingModel(modelId?: string): EmbeddingModel;
}

/** Offline, deterministic, free: for tests, demos, CI and a first ranking without any key. */
export function createLocal(settings: LocalSettings = {}): LocalProvider {
  return {
    name: 'local',
    embeddingModel(modelId = 'hashing-v1') {
      if (modelId !== 'hashing-v1') {
        throw new ProviderError(`local: unknown embedding model "${modelId}" (the only one is hashing-v1)`, {
          provider: 'local',
        });
      }
      let id = modelId;
      if (settings.dimensions !== undefined && settings.dimensions !== 1024) id += `-d${settings.dimensions}`;
      if (settings.language && settings.language !== 'auto') id += `-${settings.language}`;
      if (settings.wordShare !== undefined && settings.wordShare !== 0.6) id += `-w${settings.wordShare}`;
      if (settings.idf) id += `-idf-${settings.idf.fingerprint}`;
      const model = createLocalEmbeddingModel(id, settings);
      return settings.usage ? withEmbeddingUsage(model, settings.usage) : model;
    },
  };
}

/** `--provider local` (the default). */
export const localRegistration: ProviderRegistration = {
  name: 'local',
  description: 'offline, deterministic, free',
  keyVariable: null,
  requiresKey: false,
  baseURLVariable: null,
  requiresBaseURL: false,
  defaults: { embeddingModelId: 'hashing-v1', chatModelId: null },
  hasChat: false,
  create: (settings) =>
    createLocal({
      ...(settings.usage ? { usage: settings.usage } : {}),
      ...(settings.dimensions !== undefined ? { dimensions: settings.dimensions } : {}),
    }),
};
