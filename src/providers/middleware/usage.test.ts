import { describe, expect, it } from 'vitest';
import { createUsageMeter } from './usage.js';

describe('usage meter', () => {
  it('sums tokens and cost per model, counts cached calls apart, lists unpriced models', () => {
    const meter = createUsageMeter({ prices: { 'acme/*': { inputPerMillion: 2, outputPerMillion: 4 } } });
    meter.record({
      provider: 'openai',
      modelId: 'gpt-4o-mini',
      inputTokens: 1_000_000,
      outputTokens: 500_000,
    });
    meter.record({ provider: 'acme', modelId: 'x', inputTokens: 500_000, outputTokens: 0 });
    meter.record({ provider: 'acme', modelId: 'x', inputTokens: 0, outputTokens: 0, cached: true });
    meter.record({ provider: 'self-hosted', modelId: 'llama', inputTokens: 10, outputTokens: 10 });
    const report = meter.report();
    expect(report.calls).toBe(3);
    expect(report.cachedCalls).toBe(1);
    expect(report.inputTokens).toBe(1_500_010);
    expect(report.byModel['openai/gpt-4o-mini']!.costEstimate).toBeCloseTo(0.15 + 0.3, 10);
    expect(report.byModel['acme/x']!.costEstimate).toBeCloseTo(1, 10);
    expect(report.costEstimate).toBeCloseTo(1.45, 10);
    expect(report.unpricedModels).toEqual(['self-hosted/llama']);
    expect(Object.keys(report.byModel)).toEqual(['acme/x', 'openai/gpt-4o-mini', 'self-hosted/llama']);
  });
});
