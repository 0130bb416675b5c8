import { describe, expect, it } from 'vitest';
import { foldGender } from './fold-gender.js';
import { words } from './tokenize.js';

const fold = (text: string, language: 'fr' | 'en' = 'fr') =>
  words(text)
    .map((word) => foldGender(word, language))
    .join(' ');

describe('foldGender', () => {
  it.each([
    ['serveur', 'serveuse'],
    ['conducteur', 'conductrice'],
    ['caissiers', 'caissières'],
    ['technicien', 'technicienne'],
    ['né', 'née'],
    ['employé', 'employée'],
    ['inscrit', 'inscrite'],
    ['sportif', 'sportive'],
    ['ponctuel', 'ponctuelle'],
    ['sérieux', 'sérieuse'],
    ['polyvalent', 'polyvalente'],
    ['hôte', 'hôtesse'],
    ['boulanger', 'boulangère'],
    ['patron', 'patronne'],
    ['chef', 'cheffe'],
    ['motivés', 'motivées'],
    ['directeur', 'directrice'],
    ['français', 'française'],
    ['supérieur', 'supérieure'],
    ['aide-soignant', 'aide-soignante'],
  ])('%s and %s fold to one word', (masculine, feminine) => {
    expect(fold(feminine)).toBe(fold(masculine));
  });

  it('folds English gendered words', () => {
    expect(fold('She is a waitress and saleswoman', 'en')).toBe(fold('He is a waiter and salesman', 'en'));
  });

  it('leaves short words, numbers and English words without gender alone', () => {
    expect(fold('CACES R489 cat 3 le la')).toBe('cace r489 cat 3 le la');
    expect(fold('creative executive manager associate', 'en')).toBe('creative executive manager associate');
  });

  it('folds French titles quoted in an English text', () => {
    expect(fold('Préparatrice de commandes, aide-soignante, employée', 'en')).toBe(
      fold('Préparateur de commandes, aide-soignant, employé', 'en'),
    );
  });
});
