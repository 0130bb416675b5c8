import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { extractLanguages, languageLevel } from './languages.js';

describe('languageLevel', () => {
  it.each([
    ['courant', 'C1'],
    ['bilingue', 'C2'],
    ['notions', 'A2'],
    ['langue maternelle', 'native'],
    ['natif', 'native'],
    ['B1', 'B1'],
    ['fluent', 'C1'],
    ['basic', 'A2'],
    ['intermediate', 'B1'],
    ['scolaire', 'A2'],
    ['débutant', 'A1'],
    ['', null],
  ])('%s → %s', (text, level) => {
    expect(languageLevel(text)).toBe(level);
  });
});

describe('extractLanguages', () => {
  it('reads a languages section, table rows and comma lists', () => {
    const text = 'LANGUES\nAnglais : courant\nEspagnol (notions), allemand B1\nPolish | native\nItalien';
    expect(
      extractLanguages(sectionLinesOf(text, 'languages'), { strict: false }).map((item) => [
        item.name,
        item.level,
      ]),
    ).toEqual([
      ['Anglais', 'C1'],
      ['Espagnol', 'A2'],
      ['Allemand', 'B1'],
      ['Polish', 'native'],
      ['Italien', null],
    ]);
  });

  it('outside a languages section needs a language name followed by a level', () => {
    const text = 'Nationalité française\nAnglais courant\nFrançais';
    expect(extractLanguages(sectionLinesOf(text), { strict: true }).map((item) => item.name)).toEqual([
      'Anglais',
    ]);
  });
});
