import { describe, expect, it } from 'vitest';
import { MONTH_NUMBERS, namesPattern, WEEKDAY_NUMBERS } from './calendar-words.js';
import { languages, locales } from './registry.js';
import { foldTerm } from './vocabulary.js';

describe('calendar words', () => {
  it('gives no name two different numbers across languages', () => {
    const seen = new Map<string, number>();
    for (const language of languages)
      for (const [number, names] of locales[language].calendar.months)
        for (const name of names) {
          const folded = foldTerm(name);
          expect(seen.get(folded) ?? number, `${language} ${name}`).toBe(number);
          seen.set(folded, number);
        }
  });

  it('folds accents of the written names: "février", "août" read as "fevrier", "aout"', () => {
    expect(MONTH_NUMBERS.get('fevrier')).toBe(2);
    expect(MONTH_NUMBERS.get('aout')).toBe(8);
    expect(MONTH_NUMBERS.has('août')).toBe(false);
  });

  it('maps French and English month names and abbreviations to 1–12', () => {
    expect(MONTH_NUMBERS.get('janv')).toBe(1);
    expect(MONTH_NUMBERS.get('aout')).toBe(8);
    expect(MONTH_NUMBERS.get('sept')).toBe(9);
    expect(MONTH_NUMBERS.get('december')).toBe(12);
    expect(new Set(MONTH_NUMBERS.values()).size).toBe(12);
  });

  it('numbers weekdays like Date#getUTCDay', () => {
    expect(WEEKDAY_NUMBERS.get('dimanche')).toBe(0);
    expect(WEEKDAY_NUMBERS.get('lundi')).toBe(new Date('2027-01-04T00:00:00Z').getUTCDay());
  });

  it('puts longer names first so an alternation prefers "janvier" over "jan"', () => {
    const match = new RegExp(`(${namesPattern(MONTH_NUMBERS.keys())})`).exec('janvier 2027');
    expect(match?.[1]).toBe('janvier');
  });
});
