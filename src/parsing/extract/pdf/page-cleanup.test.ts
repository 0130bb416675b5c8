import { describe, expect, it } from 'vitest';
import { isPageNumber, joinHyphenatedWords } from './page-cleanup.js';

describe('isPageNumber', () => {
  it.each(['1/2', '2 / 3', 'Page 2', 'page 2 sur 3', '2 sur 3', '- 2 -', '– 3 –', '4', 'p. 2'])(
    '%s is a page number',
    (text) => {
      expect(isPageNumber(text)).toBe(true);
    },
  );
  it.each(['2019', 'Permis B', '06 12 34 56 78', '1/2 journée', 'Page de garde'])('%s is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

describe('joinHyphenatedWords', () => {
  const line = (text: string, column = 0, page = 1) => ({ text, column, page });

  it('joins a lower-case continuation, keeps the rest of the next line, and keeps compound hyphens', () => {
    expect(
      joinHyphenatedWords([
        line('Conduite et manu-'),
        line('tention, stockage'),
        line('Saint-'),
        line('Étienne'),
      ]).map((item) => item.text),
    ).toEqual(['Conduite et manutention,', 'stockage', 'Saint-Étienne']);
  });

  it('does not join across columns or pages, nor a dash after a space', () => {
    const lines = [
      line('manu-', 0),
      line('tention', 1),
      line('2019 -'),
      line('2021'),
      line('pré-', 0, 1),
      line('paration', 0, 2),
    ];
    expect(joinHyphenatedWords(lines).map((item) => item.text)).toEqual([
      'manu-',
      'tention',
      '2019 -',
      '2021',
      'pré-',
      'paration',
    ]);
  });
});
