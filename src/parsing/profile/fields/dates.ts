import { MONTH_NUMBERS, namesPattern } from '../../../locale/index.js';
import { foldForMatch } from '../../../text/index.js';

/**
 * French and English CV dates: "janv. 2021 – aujourd'hui", "03/2019 - 06/2020", "Depuis septembre 2022",
 * "2018-2020", "De mars à juin 2023", "Jan 2020 - Present", "Sept. 2020 → présent", "06/2016 to Current",
 * "June 2016 - till date", "September 2017 onwards"…
 *
 * Conventions: a month + year gives that month; a year alone gives January as a start and December as an
 * end; "aujourd'hui"/"Present"/"Depuis …" give `end: null, current: true`.
 */

/** A month of a year; `month` is null when only the year was written. */
export interface PartialDate {
  year: number;
  month: number | null;
}

/** A date range found in a text, with its position in that text. */
export interface DateRange {
  /** `YYYY-MM`. */
  start: string | null;
  /** `YYYY-MM`, null when current. */
  end: string | null;
  current: boolean;
  /** Offset of the matched text in the searched text, and its length. */
  index: number;
  length: number;
  /** True when the text held a real range (two dates, or "depuis"), not a single date. */
  isRange: boolean;
}

const MONTH = `(?:${namesPattern(MONTH_NUMBERS.keys())})`;
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
// One date: "janv. 2021", "sept 2020", "mars" (month alone, year taken from the other end), "15/03/2019"
// (a French day/month/year, as Europass writes it: its month), "03/2019", "2019-03", "2019".
const DAY_DATE = `(?<![\\d/.])(?:0?[1-9]|[12]\\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]${YEAR}`;
const ATOM = `(?:${DAY_DATE}|${MONTH}\\.?\\s*(?:[/-]\\s*)?${YEAR}|${MONTH}\\.?(?![a-z])|(?<![\\d/.])(?:0?[1-9]|1[0-2])\\s?[/.-]\\s?${YEAR}|${YEAR}[/.-](?:0[1-9]|1[0-2])(?!\\d)|${YEAR})`;
const PRESENT = `(?:aujourd'hui|aujourd’hui|a ce jour|ce jour|present|presentement|actuellement|actuel|en cours|maintenant|now|today|current|currently|ongoing|(?:till |to |until )?(?:date|now|present)|onwards?)`;
const SEPARATOR = `\\s*(?:-+|–|—|−|→|->|>|/|\\bà\\b|\\ba\\b|\\bau\\b|\\bto\\b|\\btill\\b|\\buntil\\b|\\bjusqu'?(?:a|au|en)\\b|\\bjusqu’(?:a|au|en)\\b)\\s*`;

const RANGE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:de|du|from|d'|d’)\\s*)?(${ATOM})${SEPARATOR}(?:(${PRESENT})|(${ATOM})|(\\d{2}))(?![\\p{L}\\d])`,
  'gu',
);
// "1/09 to Present", "5/95 - 6/98": months with two-digit years, only as a range (alone, "1/09" could be a
// fraction or a day; "10/09/11/09" is two days).
const SHORT_RANGE = new RegExp(
  `(?<![\\p{L}\\d/.])(0?[1-9]|1[0-2])/(\\d{2})\\s*(?:-+|–|—|\\bto\\b|\\btill\\b|\\buntil\\b)\\s*(?:(${PRESENT})|(0?[1-9]|1[0-2])/(\\d{2}))(?![\\p{L}\\d/])`,
  'gu',
);
/** A two-digit year: 00–50 in the 2000s, 51–99 in the 1900s. */
const fullYear = (digits: string) => (Number(digits) <= 50 ? 2000 : 1900) + Number(digits);
const SINCE = new RegExp(
  `(?<![\\p{L}\\d])(?:depuis|since|des|from)\\s+(?:le\\s+|l'|l’|(?:le\\s+)?mois\\s+de\\s+|(?:en\\s+))?(${ATOM})(?![\\p{L}\\d])(?!${SEPARATOR}(?:${ATOM}|${PRESENT}))`,
  'gu',
);
// "September 2017 onwards", "June 2016 till date": an open period written after its start.
const ONWARDS = new RegExp(
  `(?<![\\p{L}\\d])(${ATOM})\\s*(?:onwards?|(?:till|to|until) (?:date|now))(?![\\p{L}\\d])`,
  'gu',
);
const SINGLE = new RegExp(`(?<![\\p{L}\\d/])(${ATOM})(?![\\p{L}\\d/])`, 'gu');

/** Parses one date: "janv. 2021", "03/2019", "2019", "Sept 2020", "mars" (month only, year null → null). */
export function parseFrenchDate(text: string): PartialDate | null {
  const atom = parseAtom(foldForMatch(text.trim()));
  if (!atom || atom.year === null) return null;
  return { year: atom.year, month: atom.month };
}

function parseAtom(folded: string): { year: number | null; month: number | null } | null {
  const text = folded.replace(/\s+/g, ' ').trim();
  let match = /^\d{1,2}[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) return { year: Number(match[2]), month: Number(match[1]) };
  match = /^(\d{1,2}) ?[/.-] ?(\d{4})$/.exec(text);
  if (match) return { year: Number(match[2]), month: Number(match[1]) };
  match = /^(\d{4})[/.-](\d{2})$/.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]) };
  match = /^(\d{4})$/.exec(text);
  if (match) return { year: Number(match[1]), month: null };
  match = /^([a-z]+)\.? ?(?:[/-] ?)?(\d{4})?$/.exec(text);
  if (match) {
    const month = MONTH_NUMBERS.get(match[1]!);
    if (month === undefined) return null;
    return { year: match[2] ? Number(match[2]) : null, month };
  }
  return null;
}

/**
 * The end of "1992-95", "1979-92", "2011-12": a two-digit year written right after a year alone (no
 * space: "2019 - 20 ans" is not a period), read in the start's
 * century when it comes after the start ("2011-12" is read as 2011–2012, as academic years are written;
 * "2011-09" stays September 2011, a month being matched first). Null otherwise ("2019-05" after "March").
 */
function shortEndYear(
  start: { year: number | null; month: number | null } | null,
  digits: string,
): { year: number; month: null } | null {
  if (!start || start.year === null || start.month !== null) return null;
  const year = Math.floor(start.year / 100) * 100 + Number(digits);
  return year > start.year && year - start.year <= 40 ? { year, month: null } : null;
}

function formatMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Finds the first date range in `text` (a range "A – B", "depuis A", or else a single date) and returns it
 * as `YYYY-MM` months. Ranges win over single dates wherever they are in the text.
 */
export function parseDateRange(text: string): DateRange | null {
  const folded = foldForMatch(text);
  for (const match of folded.matchAll(RANGE)) {
    const start = parseAtom(match[1]!);
    const end = match[3]
      ? parseAtom(match[3])
      : match[4] && /\d{4}[-–—/]\d{2}$/u.test(match[0])
        ? shortEndYear(start, match[4])
        : null;
    const current = match[2] !== undefined;
    if (!start || (!current && !end)) continue;
    const startYear = start.year ?? end?.year ?? null;
    if (startYear === null) continue;
    let resolvedStartYear = startYear;
    if (start.year === null && end?.month != null && start.month !== null && start.month > end.month) {
      resolvedStartYear -= 1;
    }
    const endYear = end ? (end.year ?? startYear) : null;
    return {
      start: formatMonth(resolvedStartYear, start.month ?? 1),
      end: current || !end || endYear === null ? null : formatMonth(endYear, end.month ?? 12),
      current,
      index: match.index,
      length: match[0].length,
      isRange: true,
    };
  }
  for (const match of folded.matchAll(SHORT_RANGE)) {
    const start = formatMonth(fullYear(match[2]!), Number(match[1]));
    const current = match[3] !== undefined;
    const end = current ? null : formatMonth(fullYear(match[5]!), Number(match[4]));
    if (end !== null && end < start) continue;
    return { start, end, current, index: match.index, length: match[0].length, isRange: true };
  }
  for (const match of [...folded.matchAll(SINCE), ...folded.matchAll(ONWARDS)]) {
    const start = parseAtom(match[1]!);
    if (!start || start.year === null) continue;
    return {
      start: formatMonth(start.year, start.month ?? 1),
      end: null,
      current: true,
      index: match.index,
      length: match[0].length,
      isRange: true,
    };
  }
  for (const match of folded.matchAll(SINGLE)) {
    const single = parseAtom(match[1]!);
    if (!single || single.year === null) continue;
    return {
      start: formatMonth(single.year, single.month ?? 1),
      end: formatMonth(single.year, single.month ?? 12),
      current: false,
      index: match.index,
      length: match[0].length,
      isRange: false,
    };
  }
  return null;
}

// Template years ("March 20XX", "19xx-20xx", "July 20XX to Present"): a period whose year was left out.
const PLACEHOLDER_YEAR = '(?:19|20)xx';
const PLACEHOLDER_DATE = `(?:${MONTH}\\.?,?\\s*)?${PLACEHOLDER_YEAR}`;
const PLACEHOLDER_RANGE = new RegExp(
  `(?<![\\p{L}\\d])${PLACEHOLDER_DATE}(?:\\s*(?:-+|–|—|‐|\\bto\\b)\\s*(?:(${PRESENT})|${PLACEHOLDER_DATE}))?(?![\\p{L}\\d])`,
  'u',
);

/**
 * A period written with a template's placeholder year ("September 20XX-Present", "19xx-20xx"): where it is
 * in the text, with no start or end (they are unknown), current when it runs to the present. Null when
 * the text holds no such period.
 */
export function parsePlaceholderRange(text: string): DateRange | null {
  const match = PLACEHOLDER_RANGE.exec(foldForMatch(text));
  if (!match) return null;
  return {
    start: null,
    end: null,
    current: match[1] !== undefined,
    index: match.index,
    length: match[0].length,
    isRange: true,
  };
}

/** `YYYY-MM` of a date. */
export function monthOf(date: Date): string {
  return formatMonth(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/**
 * Inclusive number of months covered by the union of the periods (overlaps counted once). A current period
 * runs to `now`'s month; periods without a start, or ending before they start, are ignored.
 */
export function totalExperienceMonths(
  periods: { start: string | null; end: string | null; current: boolean }[],
  now: Date,
): number {
  const toIndex = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
  const nowIndex = toIndex(monthOf(now));
  const intervals: [number, number][] = [];
  for (const period of periods) {
    if (period.start === null) continue;
    const end = period.current ? nowIndex : period.end === null ? null : toIndex(period.end);
    const start = toIndex(period.start);
    if (end === null || end < start) continue;
    intervals.push([start, Math.min(end, Math.max(nowIndex, start))]);
  }
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let open: [number, number] | null = null;
  for (const [start, end] of intervals) {
    if (open && start <= open[1] + 1) open[1] = Math.max(open[1], end);
    else {
      if (open) total += open[1] - open[0] + 1;
      open = [start, end];
    }
  }
  if (open) total += open[1] - open[0] + 1;
  return total;
}
