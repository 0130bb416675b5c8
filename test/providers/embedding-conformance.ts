import { describe, expect, it } from 'vitest';
import type { UsageMeter } from '../../src/providers/middleware/usage.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import type { EmbeddingModel, Provider } from '../../src/providers/spec.js';

/** What the shared conformance suite needs from a provider under test. */
export interface ConformanceTarget {
  name: string;
  /** A provider whose models record into `usage`. */
  createProvider(options: { usage: UsageMeter }): Provider;
  expectedDimensions: number;
  /** Whether the provider offers chat (remote) or must not have the key at all (local). */
  hasChat: boolean;
}

function norm(vector: Float32Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

const TEXTS = [
  'Préparateur de commandes, CACES R489 catégorie 1, Vénissieux',
  'Aide-soignante diplômée, EHPAD, nuit',
  'Maçon coffreur N3P2, chantier gros œuvre',
];

/** The one conformance suite every provider passes (local directly, remote ones through a fake server). */
export function describeProviderConformance(target: ConformanceTarget): void {
  describe(`${target.name}: provider conformance`, () => {
    const setup = () => {
      const usage = createUsageMeter();
      const provider = target.createProvider({ usage });
      const model = provider.embeddingModel?.() as EmbeddingModel;
      return { usage, provider, model };
    };

    it('names itself and exposes exactly the capabilities it has', () => {
      const { provider, model } = setup();
      expect(provider.name).toBe(target.name);
      expect(model.specificationVersion).toBe('v1');
      expect(model.provider).toBe(target.name);
      expect(model.dimensions).toBe(target.expectedDimensions);
      expect('chatModel' in provider).toBe(target.hasChat);
    });

    it('returns one unit vector per input, of the declared size, in input order', async () => {
      const { model } = setup();
      const { vectors } = await model.embed({ inputs: TEXTS });
      expect(vectors).toHaveLength(TEXTS.length);
      for (const vector of vectors) {
        expect(vector).toBeInstanceOf(Float32Array);
        expect(vector).toHaveLength(target.expectedDimensions);
        expect(norm(vector)).toBeCloseTo(1, 4);
      }
      const single = await model.embed({ inputs: [TEXTS[1]!] });
      expect(Array.from(single.vectors[0]!)).toEqual(Array.from(vectors[1]!));
      expect(Array.from(vectors[0]!)).not.toEqual(Array.from(vectors[1]!));
    });

    it('accepts more inputs than one call allows and keeps their order', async () => {
      const { model } = setup();
      const inputs = Array.from({ length: 300 }, (_, index) => `Profil ${index}: cariste ${index % 7} CACES`);
      const { vectors } = await model.embed({ inputs });
      expect(vectors).toHaveLength(300);
      const spot = await model.embed({ inputs: [inputs[257]!] });
      expect(Array.from(vectors[257]!)).toEqual(Array.from(spot.vectors[0]!));
    });

    it('answers an empty input list with no vectors', async () => {
      const { model } = setup();
      const result = await model.embed({ inputs: [] });
      expect(result.vectors).toEqual([]);
    });

    it('counts usage per call in the meter it was given', async () => {
      const { model, usage } = setup();
      const result = await model.embed({ inputs: TEXTS });
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      const report = usage.report();
      expect(report.calls).toBe(1);
      expect(report.inputTokens).toBe(result.usage.inputTokens);
      expect(Object.keys(report.byModel)).toEqual([`${target.name}/${model.modelId}`]);
    });

    it('rejects at once when the signal is already aborted', async () => {
      const { model } = setup();
      const controller = new AbortController();
      controller.abort(new Error('stop now'));
      await expect(model.embed({ inputs: TEXTS, signal: controller.signal })).rejects.toThrow('stop now');
    });
  });
}
