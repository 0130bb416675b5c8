/**
 * Month and weekday names as they appear in CVs, job ads and SMS replies, accent-folded and lower-cased
 * (match them against `foldAccents(text).toLowerCase()`). One table for the CV date reader, the job-ad
 * reader and the SMS reply reader.
 */

const MONTHS: [number, string[]][] = [
  [1, ['janvier', 'janv', 'jan', 'january']],
  [2, ['fevrier', 'fevr', 'fev', 'february', 'feb']],
  [3, ['mars', 'mar', 'march']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'may']],
  [6, ['juin', 'june', 'jun']],
  [7, ['juillet', 'juil', 'july', 'jul']],
  [8, ['aout', 'august', 'aug']],
  [9, ['septembre', 'sept', 'sep', 'september']],
  [10, ['octobre', 'oct', 'october']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december']],
];

const WEEKDAYS: [number, string[]][] = [
  [0, ['dimanche', 'sunday']],
  [1, ['lundi', 'monday']],
  [2, ['mardi', 'tuesday']],
  [3, ['mercredi', 'wednesday']],
  [4, ['jeudi', 'thursday']],
  [5, ['vendredi', 'friday']],
  [6, ['samedi', 'saturday']],
];

/** Folded month name or abbreviation (French, English) → month number 1–12. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

/** Folded weekday name (French, English) → day number, 0 = Sunday (as `Date#getUTCDay`). */
export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  WEEKDAYS.flatMap(([day, names]) => names.map((name) => [name, day] as const)),
);

/** A regex alternation of `names`, longest first so that `janvier` wins over `jan`. No capture group. */
export function namesPattern(names: Iterable<string>): string {
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}
