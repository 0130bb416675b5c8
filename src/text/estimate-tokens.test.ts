import { getEncoding } from 'js-tiktoken';
import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens.js';

const french = `Cariste confirmé (CACES R489 catégories 1, 3 et 5), 8 ans d'expérience en entrepôt logistique.
Préparation de commandes, chargement et déchargement de camions, inventaires tournants.
Disponible immédiatement, permis B, véhiculé. Secteur : Lyon et Villeurbanne (69).`;
const english = `Warehouse operative with 6 years of experience in order picking, forklift driving (counterbalance
and reach trucks) and stock control. Trained team members on WMS scanners; reduced picking errors by 12%.
Available for night shifts; full UK driving licence.`;

describe('estimateTokens', () => {
  it('stays within 20% of a real tokenizer on French and English CV text', () => {
    const encoding = getEncoding('o200k_base');
    for (const text of [french, english, `${french}\n${english}`]) {
      const tokens = encoding.encode(text).length;
      expect(Math.abs(estimateTokens(text) / tokens - 1)).toBeLessThan(0.2);
    }
  });

  it('counts nothing for an empty text and grows with the text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens(`${english} ${english}`)).toBeGreaterThan(estimateTokens(english));
  });
});
