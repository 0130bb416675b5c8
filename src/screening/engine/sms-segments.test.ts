import { describe, expect, it } from 'vitest';
import { countSmsSegments, isGsm7Character, nonGsm7Characters } from './sms-segments.js';

describe('countSmsSegments', () => {
  it('counts GSM-7 messages: 160 in one SMS, 153 per part after', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('keeps é è ù ì ò à Ç É in GSM-7 (basic table)', () => {
    for (const character of [
      'é',
      'è',
      'ù',
      'ì',
      'ò',
      'à',
      'Ç',
      'É',
      'ä',
      'ñ',
      'ü',
      '£',
      '¥',
      '§',
      '¿',
      '¡',
    ]) {
      expect(isGsm7Character(character), character).toBe(true);
      expect(countSmsSegments(character.repeat(160)), character).toEqual({
        encoding: 'GSM-7',
        segments: 1,
        units: 160,
      });
    }
  });

  it('switches to UCS-2 for ê â î ô û ç œ ’ and emoji: 70 in one SMS, 67 per part after', () => {
    for (const character of ['ê', 'â', 'î', 'ô', 'û', 'ç', 'œ', '’', 'Ê', 'ë']) {
      expect(isGsm7Character(character), character).toBe(false);
      expect(countSmsSegments(`${character}${'a'.repeat(69)}`), character).toEqual({
        encoding: 'UCS-2',
        segments: 1,
        units: 70,
      });
      expect(countSmsSegments(`${character}${'a'.repeat(70)}`).segments, character).toBe(2);
    }
    expect(countSmsSegments(`ê${'a'.repeat(133)}`).segments).toBe(2);
    expect(countSmsSegments(`ê${'a'.repeat(134)}`).segments).toBe(3);
  });

  it('one character outside GSM-7 changes the limit of the whole message', () => {
    const text =
      'Bonjour, etes-vous disponible demain pour une mission de cariste a Lyon ? Repondez oui ou non.';
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSmsSegments(text.replace('etes', 'êtes'))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(countSmsSegments(text.replace("'", '’')).encoding).toBe('GSM-7');
    expect(countSmsSegments('aujourd’hui').encoding).toBe('UCS-2');
  });

  it('counts extension characters (€ [ ] { } ^ ~ | \\) as two septets', () => {
    expect(countSmsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2, units: 162 });
    expect(countSmsSegments('[]{}^~|\\').units).toBe(16);
  });

  it('never splits an escape sequence or a surrogate pair across parts', () => {
    // 152 + 2 + 152 = 306 septets, but the € cannot straddle parts 1 and 2.
    expect(countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({
      encoding: 'GSM-7',
      segments: 3,
      units: 306,
    });
    // 66 + 2 + 66 = 134 UTF-16 units, but the emoji cannot straddle parts 1 and 2.
    expect(countSmsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({
      encoding: 'UCS-2',
      segments: 3,
      units: 134,
    });
    expect(countSmsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
  });

  it('lists the characters that force UCS-2', () => {
    expect(nonGsm7Characters('Êtes-vous prêt ? ça va 👍')).toEqual(['Ê', 'ê', 'ç', '👍']);
    expect(countSmsSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 });
  });
});
