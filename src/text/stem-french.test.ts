import { describe, expect, it } from 'vitest';
import { stemFrench } from './stem-french.js';

describe('stemFrench', () => {
  it('gives the stems of the Snowball French sample vocabulary', () => {
    const examples: Record<string, string> = {
      continua: 'continu',
      continuation: 'continu',
      continué: 'continu',
      continuellement: 'continuel',
      continuerait: 'continu',
      continuité: 'continu',
      continuum: 'continuum',
      contournait: 'contourn',
      contraignait: 'contraign',
      contrairement: 'contrair',
      contrarié: 'contrari',
    };
    expect(Object.fromEntries(Object.keys(examples).map((word) => [word, stemFrench(word)]))).toEqual(
      examples,
    );
  });

  it('keeps the quirks of natural 8.1.1 it was ported from, so stems stay the same', () => {
    // Snowball gives `contourn`; natural's step 2b has no `-ent` ending.
    expect(stemFrench('contournent')).toBe('contournent');
  });

  it('works on the words the matcher sees: lower-cased, accents folded', () => {
    expect(
      ['caristes', 'electriciennes', 'preparateur', 'manutentionnaire'].map((word) => stemFrench(word)),
    ).toEqual(['carist', 'electricien', 'prepar', 'manutentionnair']);
    expect(stemFrench('Cariste')).toBe('carist');
  });
});
