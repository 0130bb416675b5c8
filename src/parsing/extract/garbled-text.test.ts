import { describe, expect, it } from 'vitest';
import { removeGarbledText, repairMojibake } from './garbled-text.js';

describe('repairMojibake', () => {
  it('decodes UTF-8 sequences written as Windows-1252 characters', () => {
    expect(repairMojibake('CÃ©sar ChÃ¡vez â€“ FundaciÃ³n')).toEqual({
      text: 'César Chávez – Fundación',
      count: 4,
    });
    expect(repairMojibake('inquiry basedÂ lesson').text).toBe('inquiry based lesson');
  });

  it('leaves correct Latin-1 text alone', () => {
    for (const text of ['SÃO PAULO', 'Âge : 25 ans', 'Crème brûlée à 5 €', 'Ça va'])
      expect(repairMojibake(text)).toEqual({ text, count: 0 });
  });
});

describe('removeGarbledText', () => {
  it('drops words of glyph codes and counts them, keeps real words', () => {
    expect(removeGarbledText('\u0001\u0002\u0003 Lyon')).toEqual({
      text: ' Lyon',
      garbledCount: 3,
      repairedCount: 0,
      bullet: false,
    });
  });

  it('removes lone private-use icons without counting them, and reads symbol bullets', () => {
    expect(removeGarbledText('\uF02A jean@example.org')).toMatchObject({ garbledCount: 0, bullet: false });
    expect(removeGarbledText('\uF0B7 Gestion de stock')).toEqual({
      text: 'Gestion de stock',
      garbledCount: 0,
      repairedCount: 0,
      bullet: true,
    });
  });
});
