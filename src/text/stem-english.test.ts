import { describe, expect, it } from 'vitest';
import { stemEnglish } from './stem-english.js';

describe('stemEnglish', () => {
  it("gives the stems of Porter's 1980 paper (step 1 examples, then whole words)", () => {
    const examples: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      ties: 'ti',
      cats: 'cat',
      feed: 'feed',
      agreed: 'agre',
      plastered: 'plaster',
      motoring: 'motor',
      sing: 'sing',
      hopping: 'hop',
      falling: 'fall',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      conditional: 'condit',
      generalizations: 'gener',
      adjustment: 'adjust',
      effective: 'effect',
      controll: 'control',
    };
    expect(Object.fromEntries(Object.keys(examples).map((word) => [word, stemEnglish(word)]))).toEqual(
      examples,
    );
  });

  it('lower-cases, and keeps words under 3 letters as they are', () => {
    expect(stemEnglish('Licensed')).toBe('licens');
    expect(stemEnglish('IT')).toBe('IT');
  });
});
