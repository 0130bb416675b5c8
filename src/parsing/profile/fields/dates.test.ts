import { describe, expect, it } from 'vitest';
import { parseDateRange, parseFrenchDate, parsePlaceholderRange, totalExperienceMonths } from './dates.js';

const CASES: [string, string | null, string | null, boolean][] = [
  ["janv. 2021 – aujourd'hui", '2021-01', null, true],
  ['janv. 2021 – aujourd’hui', '2021-01', null, true],
  ['03/2019 - 06/2020', '2019-03', '2020-06', false],
  ['Depuis septembre 2022', '2022-09', null, true],
  ['depuis 2020', '2020-01', null, true],
  ['Depuis le mois de mars 2021', '2021-03', null, true],
  ['2018-2020', '2018-01', '2020-12', false],
  ['2017 – 2024', '2017-01', '2024-12', false],
  ['De mars à juin 2023', '2023-03', '2023-06', false],
  ['De juin à août 2019', '2019-06', '2019-08', false],
  ['de novembre à février 2020', '2019-11', '2020-02', false],
  ['Jan 2020 - Present', '2020-01', null, true],
  ['2019 à 2021', '2019-01', '2021-12', false],
  ['Juin 2019 - Août 2021', '2019-06', '2021-08', false],
  ['Sept. 2020 → présent', '2020-09', null, true],
  ['March 2019 – Present', '2019-03', null, true],
  ['March 2016 – December 2019', '2016-03', '2019-12', false],
  ['mars 2021 - déc. 2023', '2021-03', '2023-12', false],
  ['Janvier 2022 - Juillet 2024', '2022-01', '2024-07', false],
  ['févr. 2019 – aujourd’hui', '2019-02', null, true],
  ['avril 2019 - présent', '2019-04', null, true],
  ['Sep 2021 - Present', '2021-09', null, true],
  ['May 2022 - Present', '2022-05', null, true],
  ['06/2019', '2019-06', '2019-06', false],
  ['2021', '2021-01', '2021-12', false],
  ['de 2015 à 2018', '2015-01', '2018-12', false],
  ['du 01/2020 au 03/2020', '2020-01', '2020-03', false],
  ['2019/2020', '2019-01', '2020-12', false],
  ['oct. 2018 – aujourd’hui', '2018-10', null, true],
  ['nov. 2021 – en cours', '2021-11', null, true],
  ['Since 2018', '2018-01', null, true],
  ['2020-03 - 2021-05', '2020-03', '2021-05', false],
  ['09.2015 - 12.2016', '2015-09', '2016-12', false],
  ['Aug 2017 to Jun 2019', '2017-08', '2019-06', false],
  ['juil. 2016 - actuellement', '2016-07', null, true],
  ['03/2019 : Préparateur chez X (Lyon)', '2019-03', '2019-03', false],
  ['Transports Ferrand | Villeurbanne | Depuis septembre 2022', '2022-09', null, true],
  ['06/2016 to Current', '2016-06', null, true],
  ['June 2016 - till date', '2016-06', null, true],
  ['Jan 2015 to Date', '2015-01', null, true],
  ['September 2017 onwards', '2017-09', null, true],
  ['(Mar 2014 till now)', '2014-03', null, true],
  ['1992-95: Senior Legal Officer', '1992-01', '1995-12', false],
  ['Partner (1979-92)', '1979-01', '1992-12', false],
  ['2011-12', '2011-01', '2012-12', false],
  ['2011-09', '2011-09', '2011-09', false],
  ['May/2008 - May/2016', '2008-05', '2016-05', false],
  ['Software Engineer, 1/09 to Present', '2009-01', null, true],
  ['5/95 - 6/98', '1995-05', '1998-06', false],
];

describe('parseDateRange', () => {
  it.each(CASES)('%s', (text, start, end, current) => {
    const range = parseDateRange(text);
    expect(range).not.toBeNull();
    expect({ start: range?.start, end: range?.end, current: range?.current }).toEqual({
      start,
      end,
      current,
    });
  });

  it('gives the position of the dates in the text', () => {
    const text = 'Cariste | Lyon | 03/2019 - 06/2020';
    const range = parseDateRange(text)!;
    expect(text.slice(range.index, range.index + range.length)).toBe('03/2019 - 06/2020');
    expect(range.isRange).toBe(true);
  });

  it('does not read a birth date or a phone number as a period', () => {
    expect(parseDateRange('Née le 12/04/1995')?.isRange ?? false).toBe(false);
    expect(parseDateRange('Tél. : 06 99 12 34 56')).toBeNull();
    expect(parseDateRange('Rayon de 30 km')).toBeNull();
    expect(parseDateRange('Gestion des marchandises')).toBeNull();
    // A two-digit number after a spaced dash is no year ("20 ans": twenty years old).
    expect(parseDateRange('2019 - 20 ans')?.isRange).toBe(false);
    expect(parseDateRange('Mix 1/2 - 3/4 cup')).toBeNull();
    expect(parseDateRange('10/09/11/09 (45 days)')).toBeNull();
  });
});

describe('parsePlaceholderRange', () => {
  it('finds template periods without giving them dates', () => {
    expect(parsePlaceholderRange('Administrative Secretary, July 20XX to Present')).toMatchObject({
      start: null,
      end: null,
      current: true,
      index: 26,
    });
    expect(parsePlaceholderRange('19xx-20xx')?.current).toBe(false);
    expect(parsePlaceholderRange('2019 - 2020')).toBeNull();
  });
});

describe('parseFrenchDate', () => {
  it.each([
    ['janv. 2021', { year: 2021, month: 1 }],
    ['Août 2021', { year: 2021, month: 8 }],
    ['03/2019', { year: 2019, month: 3 }],
    ['2019', { year: 2019, month: null }],
    ['décembre 2020', { year: 2020, month: 12 }],
  ])('%s', (text, expected) => {
    expect(parseFrenchDate(text)).toEqual(expected);
  });

  it('returns null for a month without a year or for words', () => {
    expect(parseFrenchDate('mars')).toBeNull();
    expect(parseFrenchDate('cariste')).toBeNull();
  });
});

describe('totalExperienceMonths', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  it('counts inclusive months and merges overlaps once', () => {
    expect(
      totalExperienceMonths(
        [
          { start: '2019-03', end: '2020-06', current: false },
          { start: '2020-01', end: '2020-12', current: false },
        ],
        now,
      ),
    ).toBe(22);
  });
  it('runs current periods to now and joins adjacent months', () => {
    expect(
      totalExperienceMonths(
        [
          { start: '2026-01', end: null, current: true },
          { start: '2025-01', end: '2025-12', current: false },
        ],
        now,
      ),
    ).toBe(23);
  });
  it('ignores periods without start or ending before they start', () => {
    expect(totalExperienceMonths([{ start: null, end: '2020-01', current: false }], now)).toBe(0);
    expect(totalExperienceMonths([{ start: '2021-05', end: '2020-01', current: false }], now)).toBe(0);
  });
});

describe('parseDateRange with day/month/year dates (Europass)', () => {
  it('reads the month of each day', () => {
    expect(parseDateRange('03/02/2025 – ACTUEL')).toMatchObject({
      start: '2025-02',
      end: null,
      current: true,
    });
    expect(parseDateRange('Du 15/03/2021 au 30/06/2022')).toMatchObject({ start: '2021-03', end: '2022-06' });
  });
});
