import { ProviderError } from '../../errors.js';
import type { EmbeddingModel, Usage } from '../spec.js';
import { estimateTokens } from './intercept.js';

export interface BatchingOptions {
  /** Most inputs in one call. Default: the model's `maxInputsPerCall`. */
  maxInputs?: number;
  /** Most estimated tokens in one call. Default: unlimited. */
  maxTokens?: number;
}

/**
 * Splits `inputs` into consecutive `[start, end)` ranges by count and estimated size. An input larger
 * than `maxTokens` gets a batch of its own (the server decides); no input is ever dropped.
 */
export function planBatches(
  inputs: readonly string[],
  options: Required<BatchingOptions>,
): [number, number][] {
  const batches: [number, number][] = [];
  let start = 0;
  let tokens = 0;
  for (let index = 0; index < inputs.length; index++) {
    const size = estimateTokens(inputs[index]!);
    const count = index - start;
    if (count > 0 && (count >= options.maxInputs || tokens + size > options.maxTokens)) {
      batches.push([start, index]);
      start = index;
      tokens = 0;
    }
    tokens += size;
  }
  if (start < inputs.length) batches.push([start, inputs.length]);
  return batches;
}

/**
 * Embeds any number of inputs in batches the model accepts, concurrently (limits are the limiter's job),
 * and returns the vectors in input order. A batch answering with the wrong number of vectors is an error.
 */
export function withEmbeddingBatching(model: EmbeddingModel, options: BatchingOptions = {}): EmbeddingModel {
  const plan = {
    maxInputs: Math.max(1, Math.min(options.maxInputs ?? model.maxInputsPerCall, model.maxInputsPerCall)),
    maxTokens: options.maxTokens ?? Number.POSITIVE_INFINITY,
  };
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    dimensions: model.dimensions,
    maxInputsPerCall: Number.MAX_SAFE_INTEGER,
    async embed({ inputs, signal }) {
      if (inputs.length === 0) return { vectors: [], usage: { inputTokens: 0, outputTokens: 0 } };
      const batches = planBatches(inputs, plan);
      // The first failing batch cancels the others: their vectors would be thrown away anyway.
      const cancel = new AbortController();
      const batchSignal = signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal;
      const results = await Promise.all(
        batches.map(async ([start, end]) => {
          const result = await model
            .embed({ inputs: inputs.slice(start, end), signal: batchSignal })
            .catch((error: unknown) => {
              cancel.abort(error);
              throw error;
            });
          if (result.vectors.length !== end - start) {
            throw new ProviderError(
              `${model.provider} returned ${result.vectors.length} vectors for ${end - start} inputs`,
              { provider: model.provider, retryable: false },
            );
          }
          return result;
        }),
      );
      const vectors: Float32Array[] = [];
      const usage: Usage = { inputTokens: 0, outputTokens: 0 };
      for (const result of results) {
        vectors.push(...result.vectors);
        usage.inputTokens += result.usage.inputTokens;
        usage.outputTokens += result.usage.outputTokens;
      }
      return { vectors, usage };
    },
  };
}
