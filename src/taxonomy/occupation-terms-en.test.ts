import { describe, expect, it } from 'vitest';
import { englishHeadWord, englishSingular, englishTitleWords } from './occupation-terms-en.js';

describe('English title words', () => {
  it('folds plurals without merging words a stemmer would', () => {
    expect(['nurses', 'nannies', 'developers', 'business', 'analysis', 'boxes'].map(englishSingular)).toEqual(
      ['nurse', 'nanny', 'developer', 'business', 'analysis', 'box'],
    );
  });

  it('drops seniority, contract and shift words, expands abbreviations, maps British spellings', () => {
    expect(englishTitleWords('Senior HGV Class 1 Driver - Nights (Temp)')).toEqual([
      'heavy',
      'goods',
      'vehicle',
      'class',
      'driver',
      'nights',
    ]);
    expect(englishTitleWords('General Labourer')).toEqual(['general', 'laborer']);
    expect(englishTitleWords('IT Support')).toEqual(['information', 'technology', 'support']);
  });

  it('does not read prototype keys as abbreviations', () => {
    expect(englishTitleWords('constructor toString')).toEqual(['constructor', 'tostring']);
  });

  it('finds the head word: the last word of the first part, before "of"', () => {
    expect(englishHeadWord('Third Grade Teacher')).toBe('teacher');
    expect(englishHeadWord('Senior Java Developer - Spring Boot')).toBe('developer');
    expect(englishHeadWord('Teacher of Mathematics')).toBe('teacher');
    expect(englishHeadWord('Cook/Chef')).toBe('cook');
    expect(englishHeadWord('Cashier/Stocker at Store')).toBe('cashier');
    expect(englishHeadWord('Java/J2EE Trainer')).toBe('trainer');
    expect(englishHeadWord('Drupal Architect/Developer')).toBe('architect');
    expect(englishHeadWord('Accountant III')).toBe('accountant');
    expect(englishHeadWord('Nurse at St Mary Hospital')).toBe('nurse');
    expect(englishHeadWord('Senior')).toBeNull();
  });
});
