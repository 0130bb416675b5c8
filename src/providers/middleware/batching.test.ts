import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors.js';
import { planBatches, withEmbeddingBatching } from './batching.js';

describe('planBatches', () => {
  it('splits by count and size, in order, never dropping an input', () => {
    const inputs = ['aaa', 'bbb', 'c'.repeat(300), 'ddd', 'eee', 'fff'];
    const batches = planBatches(inputs, { maxInputs: 2, maxTokens: 50 });
    expect(batches).toEqual([
      [0, 2],
      [2, 3],
      [3, 5],
      [5, 6],
    ]);
    expect(planBatches([], { maxInputs: 2, maxTokens: 50 })).toEqual([]);
  });
});

describe('withEmbeddingBatching', () => {
  it('cancels the remaining batches when one fails, and reports that failure', async () => {
    const started: string[] = [];
    const failure = new ProviderError('boom', { provider: 'test', status: 400 });
    const model = withEmbeddingBatching({
      specificationVersion: 'v1',
      provider: 'test',
      modelId: 'm',
      dimensions: 2,
      maxInputsPerCall: 1,
      async embed({ inputs, signal }) {
        started.push(inputs[0]!);
        if (inputs[0] === 'bad') throw failure;
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 5_000);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
          });
        });
        return { vectors: [new Float32Array(2)], usage: { inputTokens: 1, outputTokens: 0 } };
      },
    });
    const begun = performance.now();
    await expect(model.embed({ inputs: ['a', 'bad', 'c'] })).rejects.toBe(failure);
    expect(performance.now() - begun).toBeLessThan(2_000);
    expect(started).toEqual(['a', 'bad', 'c']);
  });
});
