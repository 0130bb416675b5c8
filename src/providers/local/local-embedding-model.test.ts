import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors.js';
import { cosineSimilarity } from '../vector.js';
import { createLocal } from './create-local.js';
import { fitIdf } from './idf.js';

async function similarity(left: string, right: string, model = createLocal().embeddingModel()) {
  const { vectors } = await model.embed({ inputs: [left, right] });
  return cosineSimilarity(vectors[0]!, vectors[1]!);
}

describe('local hashing embeddings', () => {
  it('puts inflected forms of the same job title close together', async () => {
    const close = await similarity('préparateur de commandes', 'Préparatrice commande');
    const unrelated = await similarity('préparateur de commandes', 'aide-soignante en EHPAD');
    expect(close).toBeGreaterThan(0.7);
    expect(unrelated).toBeLessThan(0.15);
  });

  it('ignores accents and case', async () => {
    expect(await similarity('Électricien bâtiment', 'electricien BATIMENT')).toBeCloseTo(1, 5);
  });

  it('is deterministic across model instances', async () => {
    const text = 'Cariste CACES R489 cat 3 et 5, Lyon';
    const first = await createLocal()
      .embeddingModel()
      .embed({ inputs: [text] });
    const second = await createLocal()
      .embeddingModel()
      .embed({ inputs: [text] });
    expect(Array.from(first.vectors[0]!)).toEqual(Array.from(second.vectors[0]!));
  });

  it('counts content words as usage tokens and gives a text without any the zero vector', async () => {
    const model = createLocal().embeddingModel();
    const { vectors, usage } = await model.embed({ inputs: ['le cariste et la préparatrice', 'de la'] });
    expect(usage.inputTokens).toBe(2);
    expect(vectors[1]!.every((value) => value === 0)).toBe(true);
  });

  it('down-weights words every CV shares, by default and more so with a fitted IDF', async () => {
    const corpus = [
      'expérience cariste entrepôt',
      'expérience maçon chantier',
      'expérience aide-soignante EHPAD',
      'expérience serveur restaurant',
    ];
    const idf = fitIdf(corpus);
    const fitted = createLocal({ idf }).embeddingModel();
    expect(fitted.modelId).toBe(`hashing-v1-idf-${idf.fingerprint}`);
    expect(fitIdf(corpus).fingerprint).toBe(idf.fingerprint);
    // Words only, so the weighting is what differs. `grutier` is not a common word: full weight.
    const wordsOnly = createLocal({ wordShare: 1 }).embeddingModel();
    const fittedWordsOnly = createLocal({ wordShare: 1, idf }).embeddingModel();
    const flat = await similarity('grutier cariste', 'grutier maçon', wordsOnly);
    const withPrior = await similarity('expérience cariste', 'expérience maçon', wordsOnly);
    const withFitted = await similarity('expérience cariste', 'expérience maçon', fittedWordsOnly);
    expect(flat).toBeCloseTo(1 / 2.25, 5);
    expect(withPrior).toBeLessThan(flat / 2);
    expect(withFitted).toBeLessThan(flat / 2);
  });

  it('reports settings that change vectors in the model id, and rejects unknown ids and sizes', () => {
    expect(createLocal({ dimensions: 256 }).embeddingModel().modelId).toBe('hashing-v1-d256');
    expect(createLocal({ dimensions: 256 }).embeddingModel().dimensions).toBe(256);
    expect(() => createLocal().embeddingModel('bert')).toThrow(ProviderError);
    expect(() => createLocal({ dimensions: 3 }).embeddingModel()).toThrow(ProviderError);
  });
});
