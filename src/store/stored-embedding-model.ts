import type { EmbeddingModel } from '../providers/spec.js';

/**
 * An embedding model that answers from vectors already in the store (keyed by the exact text that was
 * embedded) and asks `base` only for the other texts (the job order, profiles added with another model
 * or whose search text changed). Same provider, model id and dimensions as `base`, so rankings made with
 * it are the rankings `base` would give, without re-embedding the pool.
 */
export function createStoredEmbeddingModel(
  base: EmbeddingModel,
  stored: ReadonlyMap<string, Float32Array>,
): EmbeddingModel {
  return {
    specificationVersion: 'v1',
    provider: base.provider,
    modelId: base.modelId,
    dimensions: base.dimensions,
    maxInputsPerCall: base.maxInputsPerCall,
    embed: async (request) => {
      const vectors: (Float32Array | undefined)[] = request.inputs.map((input) => stored.get(input));
      const missing = request.inputs.filter((_, index) => vectors[index] === undefined);
      if (missing.length === 0) {
        return { vectors: vectors as Float32Array[], usage: { inputTokens: 0, outputTokens: 0 } };
      }
      const fresh = await base.embed({
        inputs: missing,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      let next = 0;
      const merged = vectors.map((vector) => vector ?? (fresh.vectors[next++] as Float32Array));
      return { vectors: merged, usage: fresh.usage };
    },
  };
}
