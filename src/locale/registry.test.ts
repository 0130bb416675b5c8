import { describe, expect, it } from 'vitest';
import { jobOrderSchema, screeningStateSchema } from '../domain/index.js';
import { fromEveryLocale, languages, locales } from './registry.js';
import { foldTerm } from './vocabulary.js';

describe('language registry', () => {
  it('lists French first: its words are tried first and its message keys are the reference', () => {
    expect(languages[0]).toBe('fr');
    expect(languages).toEqual(Object.keys(locales));
  });

  it('every registered language is one a job order and a screening may be written in (domain schemas)', () => {
    for (const schema of [jobOrderSchema.shape.language, screeningStateSchema.shape.language])
      for (const language of languages) expect(schema.safeParse(language).success, language).toBe(true);
  });

  it('reads words of every language in registry order', () => {
    const months = fromEveryLocale((locale) => locale.calendar.monthNames);
    expect(months[0]).toBe('janvier');
    expect(months[12]).toBe('January');
  });

  it('never names two kinds of CV section with the same heading', () => {
    const kinds = new Map<string, string>();
    for (const language of languages)
      for (const [kind, headings] of Object.entries(locales[language].cvHeadings))
        for (const heading of headings) {
          const folded = foldTerm(heading);
          expect(kinds.get(folded) ?? kind, `${language} "${heading}"`).toBe(kind);
          kinds.set(folded, kind);
        }
  });

  it('gives every language all twelve months, seven weekdays and a name for each', () => {
    for (const language of languages) {
      const { months, weekdays, monthNames, weekdayNames } = locales[language].calendar;
      expect(
        months.map(([number]) => number),
        language,
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(
        weekdays.map(([number]) => number),
        language,
      ).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(monthNames, language).toHaveLength(12);
      expect(weekdayNames, language).toHaveLength(7);
    }
  });
});
