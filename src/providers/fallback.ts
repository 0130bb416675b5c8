import { isOutage, type ProviderError, ValidationError } from '../errors.js';
import type { ChatModel, EmbeddingModel } from './spec.js';

export interface FallbackEvent {
  operation: 'embed' | 'generateObject' | 'generateText';
  from: { provider: string; modelId: string };
  to: { provider: string; modelId: string };
  /** The primary's final error (after its own retries). */
  error: ProviderError;
}

export interface FallbackOptions {
  /** Told once, when the switch happens. Default: a Node process warning (`CVMATCH_FALLBACK`). */
  onFallback?: (event: FallbackEvent) => void;
}

function announce(options: FallbackOptions, event: FallbackEvent): void {
  if (options.onFallback) {
    options.onFallback(event);
    return;
  }
  process.emitWarning(
    `${event.from.provider}/${event.from.modelId} failed (${event.error.message}); ` +
      `continuing on ${event.to.provider}/${event.to.modelId}`,
    { code: 'CVMATCH_FALLBACK' },
  );
}

/**
 * Uses `primary` until it has an outage (see `isOutage`), then `secondary` for every later call
 * ("sticky": a flaky primary is not hammered again, and vectors are not alternated).
 *
 * Embeddings: both models must have the same `dimensions` (else `ValidationError` at once), and the
 * returned model's `provider`/`modelId` change to the secondary's when it switches. Vectors from two
 * models are not comparable even with equal sizes: an index must store `modelId` with its vectors and
 * re-embed (job and profiles alike) when `onFallback` fires.
 */
export function fallback(
  primary: EmbeddingModel,
  secondary: EmbeddingModel,
  options?: FallbackOptions,
): EmbeddingModel;
export function fallback(primary: ChatModel, secondary: ChatModel, options?: FallbackOptions): ChatModel;
export function fallback(
  primary: EmbeddingModel | ChatModel,
  secondary: EmbeddingModel | ChatModel,
  options: FallbackOptions = {},
): EmbeddingModel | ChatModel {
  if ('embed' in primary && 'embed' in secondary) return embeddingFallback(primary, secondary, options);
  if ('generateObject' in primary && 'generateObject' in secondary)
    return chatFallback(primary, secondary, options);
  throw new ValidationError('fallback: both models must be embedding models, or both chat models');
}

function createSwitch<M extends { provider: string; modelId: string }>(
  primary: M,
  secondary: M,
  options: FallbackOptions,
) {
  let active = primary;
  return {
    get active() {
      return active;
    },
    async run<T>(operation: FallbackEvent['operation'], call: (model: M) => Promise<T>): Promise<T> {
      const current = active;
      try {
        return await call(current);
      } catch (error) {
        if (current !== primary || !isOutage(error)) throw error;
        if (active === primary) {
          active = secondary;
          announce(options, {
            operation,
            from: { provider: primary.provider, modelId: primary.modelId },
            to: { provider: secondary.provider, modelId: secondary.modelId },
            error,
          });
        }
        return call(secondary);
      }
    },
  };
}

function embeddingFallback(
  primary: EmbeddingModel,
  secondary: EmbeddingModel,
  options: FallbackOptions,
): EmbeddingModel {
  if (primary.dimensions !== secondary.dimensions) {
    throw new ValidationError(
      `fallback: ${primary.provider}/${primary.modelId} has ${primary.dimensions} dimensions but ` +
        `${secondary.provider}/${secondary.modelId} has ${secondary.dimensions}; their vectors cannot share an index`,
    );
  }
  const state = createSwitch(primary, secondary, options);
  return {
    specificationVersion: 'v1',
    get provider() {
      return state.active.provider;
    },
    get modelId() {
      return state.active.modelId;
    },
    dimensions: primary.dimensions,
    maxInputsPerCall: Math.min(primary.maxInputsPerCall, secondary.maxInputsPerCall),
    embed: (request) => state.run('embed', (model) => model.embed(request)),
  };
}

function chatFallback(primary: ChatModel, secondary: ChatModel, options: FallbackOptions): ChatModel {
  const state = createSwitch(primary, secondary, options);
  return {
    specificationVersion: 'v1',
    get provider() {
      return state.active.provider;
    },
    get modelId() {
      return state.active.modelId;
    },
    generateObject: (request) => state.run('generateObject', (model) => model.generateObject(request)),
    generateText: (request) => state.run('generateText', (model) => model.generateText(request)),
  };
}
