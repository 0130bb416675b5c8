import { fromEveryLocale } from './registry.js';
import { foldTerm } from './vocabulary.js';

/**
 * Month and weekday names of every language (`calendar` in each locale), accent-folded and lower-cased (match
 * them against `foldAccents(text).toLowerCase()`). One table for the CV date reader, the job-ad reader and
 * the SMS reply reader.
 */

function numbersByName(entries: (readonly [number, readonly string[]])[]): Map<string, number> {
  return new Map(
    entries.flatMap(([number, names]) => names.map((name) => [foldTerm(name), number] as const)),
  );
}

/** Folded month name or abbreviation (every language) → month number 1–12. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = numbersByName(
  fromEveryLocale((locale) => locale.calendar.months),
);

/** Folded weekday name (every language) → day number, 0 = Sunday (as `Date#getUTCDay`). */
export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = numbersByName(
  fromEveryLocale((locale) => locale.calendar.weekdays),
);

/** A regex alternation of `names`, longest first so that `janvier` wins over `jan`. No capture group. */
export function namesPattern(names: Iterable<string>): string {
  // Longest first, so a name is not cut short by a shorter one; ties in code-unit order (distinct names of
  // one length cannot be prefixes of each other). Not localeCompare: it loads ICU's collator at start-up.
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).join('|');
}
