import { describe, expect, it } from 'vitest';
import { foldForMatch } from './fold-for-match.js';

describe('foldForMatch', () => {
  it('lower-cases and removes accents', () => {
    expect(foldForMatch('Électricien Bâtiment à Orléans')).toBe('electricien batiment a orleans');
  });

  it('keeps every offset of the input, so a match in the result is a match in the text', () => {
    const text = 'Œuvre — CACES® R489 ß İstanbul';
    const folded = foldForMatch(text);
    expect(folded).toBe('œuvre — caces® r489 ß istanbul');
    expect(folded.length).toBe(text.length);
  });
});
