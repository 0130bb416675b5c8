import type { ExtractedDate } from '../../domain/index.js';
import {
  compileVocabulary,
  foldTerm,
  fromEveryLocale,
  MONTH_NUMBERS,
  namesPattern,
  type ReplyDateWords,
  type VocabularyEntry,
  vocabularySource,
  WEEKDAY_NUMBERS,
} from '../../locale/index.js';

/** A calendar day, no time zone: dates in replies are French local dates. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Formatters by time zone: building one costs far more than using it. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    DAY_FORMATS.set(timeZone, format);
  }
  return format;
}

/** The calendar day of an instant in a time zone (default Europe/Paris). */
export function calendarDayOf(instant: Date, timeZone = 'Europe/Paris'): CalendarDay {
  const key = `${timeZone} ${instant.getTime()}`;
  const known = RECENT_DAYS.get(key);
  if (known) return { ...known };
  const day = formatDay(instant, timeZone);
  if (RECENT_DAYS.size >= 256) RECENT_DAYS.clear();
  RECENT_DAYS.set(key, day);
  return { ...day };
}

/** Days of recent instants: a conversation reads several replies against the same moment. */
const RECENT_DAYS = new Map<string, CalendarDay>();

function formatDay(instant: Date, timeZone: string): CalendarDay {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const read = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: read('year'), month: read('month'), day: read('day') };
}

function toUtc(day: CalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

export function isoDay(day: CalendarDay): string {
  return toUtc(day).toISOString().slice(0, 10);
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compare(a: CalendarDay, b: CalendarDay): number {
  return toUtc(a).getTime() - toUtc(b).getTime();
}

// The words of every language (`src/locale/<language>/reply-date-words.ts`), compiled once.
function words<T>(pick: (words: ReplyDateWords) => readonly T[]): T[] {
  return fromEveryLocale((locale) => pick(locale.replyDates));
}
/** An alternation to place inside a larger pattern (no boundaries of its own). */
function oneOf(entries: readonly VocabularyEntry[]): string {
  return vocabularySource(entries, { boundary: 'none' });
}
/** Every language's phrases of one kind, as one global expression. */
function phrases(pick: (words: ReplyDateWords) => readonly VocabularyEntry[]): RegExp {
  return compileVocabulary(words(pick), { flags: 'g' });
}
function foldedSet(pick: (words: ReplyDateWords) => readonly string[]): ReadonlySet<string> {
  return new Set(words(pick).map(foldTerm));
}

// Month abbreviations that mean something else in SMS ("mar" is mardi) are not read as months here.
const NOT_MONTHS = new Set(fromEveryLocale((locale) => locale.calendar.notMonthsInReplies).map(foldTerm));
const MONTHS: ReadonlyMap<string, number> = new Map(
  [...MONTH_NUMBERS].filter(([name]) => !NOT_MONTHS.has(name)),
);
const MONTH_NAMES = namesPattern(MONTHS.keys());

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.assign(
  {},
  ...fromEveryLocale((locale) => [locale.replyDates.numberWords]),
);
const RELATIVE_DAYS = new Map(words((w) => w.relativeDays).map(([phrase, days]) => [foldTerm(phrase), days]));
const HOLIDAYS = new Map(
  words((w) => w.holidays).map(([phrase, month, day]) => [foldTerm(phrase), { month, day }] as const),
);
const FIRST_OF_MONTH = foldedSet((w) => w.firstOfMonth);
const MONTH_START = foldedSet((w) => w.monthStart);
const MONTH_MIDDLE = foldedSet((w) => w.monthMiddle);
const MONTH_END = foldedSet((w) => w.monthEnd);
const YEAR_END = foldedSet((w) => w.yearEnd);

const FROM_BEFORE = new RegExp(`(?:${oneOf(words((w) => w.fromBefore))})\\s*$`);
const UNTIL_BEFORE = new RegExp(`(?:${oneOf(words((w) => w.untilBefore))})\\s*$`);
const DAY_AFTER_BEFORE = new RegExp(`(?:${oneOf(words((w) => w.dayAfterBefore))})\\s*$`);
const BEFORE_BARE_MONTH = new RegExp(`(?:${oneOf(words((w) => w.beforeBareMonth))}) $`);

const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2}|${oneOf([...FIRST_OF_MONTH])}) (${MONTH_NAMES})\\.?(?: (20\\d{2}))?\\b`,
  'g',
);
const PART_OF_MONTH = new RegExp(
  `\\b(?:(${oneOf([...MONTH_START, ...MONTH_MIDDLE, ...MONTH_END])}) (?:(?:${oneOf(words((w) => w.monthOf))}) )?)?(${MONTH_NAMES})(?: (20\\d{2}))?\\b`,
  'g',
);
const YEAR = new RegExp(`\\b(${oneOf(words((w) => [...w.yearStart, ...w.yearEnd]))}) (20\\d{2})\\b`, 'g');
const RELATIVE_DAY = new RegExp(`\\b(${oneOf([...RELATIVE_DAYS.keys()])})\\b`, 'g');
const HOLIDAY = new RegExp(`\\b(${oneOf([...HOLIDAYS.keys()])})\\b`, 'g');
const WEEKDAY_BEFORE = words((w) => w.weekdayBefore);
const WEEKDAY_AFTER = words((w) => w.weekdayAfter);
const WEEKDAY = new RegExp(
  `\\b${WEEKDAY_BEFORE.length > 0 ? `(?:(?:${oneOf(WEEKDAY_BEFORE)}) )?` : ''}(${namesPattern(WEEKDAY_NUMBERS.keys())})${
    WEEKDAY_AFTER.length > 0 ? `(?: (?:${oneOf(WEEKDAY_AFTER)}))?` : ''
  }\\b`,
  'g',
);
const NEXT_WEEK = phrases((w) => w.nextWeek);
const THIS_WEEK = phrases((w) => w.thisWeek);
const NEXT_MONTH = phrases((w) => w.nextMonth);
const END_OF_MONTH = phrases((w) => w.endOfMonth);
const IN_DURATION = new RegExp(
  `\\b(?:${oneOf(words((w) => w.inDuration))}) (\\d{1,2}|${oneOf(Object.keys(NUMBER_WORDS))}) (?:(${oneOf(
    words((w) => w.days),
  )})|(${oneOf(words((w) => w.weeks))})|(${oneOf(words((w) => w.months))}))\\b`,
  'g',
);
const PAST_WEEKDAY_BEFORE = new RegExp(`(?:${oneOf(words((w) => w.weekdayPastBefore))})\\s+$`);
const PAST_WEEKDAY_AFTER = new RegExp(`^\\s+(?:${oneOf(words((w) => w.weekdayPastAfter))})\\b`);

/** "lundi 11", "mardi 12 janvier", "monday the 11th": a weekday with its day of the month. */
const WEEKDAY_DAY = new RegExp(
  `\\b(${namesPattern(WEEKDAY_NUMBERS.keys())}) (?:the )?(\\d{1,2})(?:${oneOf(words((w) => w.ordinalEndings))})?(?: (${MONTH_NAMES})\\.?(?: (20\\d{2}))?)?\\b(?!\\s*(?:h\\b|h\\d|heures?|€|[.,/]\\d))`,
  'g',
);
const DAY_OF_MONTH = new RegExp(
  `\\b(?:${oneOf(words((w) => w.beforeDayOfMonth))}) (\\d{1,2})(?:${oneOf(
    words((w) => w.ordinalEndings),
  )})?\\b(?!\\s*(?:${oneOf(words((w) => w.unitsAfterNumber))}|€|[.,]\\d))`,
  'g',
);

interface Found {
  index: number;
  length: number;
  day: CalendarDay;
  /** For months and years: the first and last day, picked by kind. */
  end?: CalendarDay;
  /** The kind when no word before the date says it ("début février" is a start). */
  kind?: ExtractedDate['kind'];
  /** A weekday alone ("mardi"): the next one, or the next one after a date said before it. */
  weekday?: number;
}

/** Next date, today included, that falls on that weekday (0 = Sunday) and that day of the month. */
function nextWeekdayDay(today: CalendarDay, weekday: number, dayOfMonth: number): CalendarDay | null {
  for (let offset = 0; offset < 40; offset++) {
    const month0 = today.month - 1 + offset;
    const year = today.year + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    if (!isValidDay(year, month, dayOfMonth)) continue;
    const candidate = { year, month, day: dayOfMonth };
    if (compare(candidate, today) >= 0 && toUtc(candidate).getUTCDay() === weekday) return candidate;
  }
  return null;
}

/** Next date with that day of month, today included. */
function nextDayOfMonth(today: CalendarDay, dayOfMonth: number): CalendarDay | null {
  for (let offset = 0; offset < 3; offset++) {
    const month0 = today.month - 1 + offset;
    const year = today.year + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    if (!isValidDay(year, month, dayOfMonth)) continue;
    const candidate = { year, month, day: dayOfMonth };
    if (compare(candidate, today) >= 0) return candidate;
  }
  return null;
}

/** Year for a day/month written without a year: this year unless more than 31 days past, then next. */
function yearFor(today: CalendarDay, month: number, dayOfMonth: number): number {
  const thisYear = { year: today.year, month, day: Math.min(dayOfMonth, lastDayOfMonth(today.year, month)) };
  return compare(thisYear, addDays(today, -31)) < 0 ? today.year + 1 : today.year;
}

function fullYear(written: string): number {
  const value = Number(written);
  return written.length <= 2 ? 2000 + value : value;
}

/**
 * Dates in a normalised reply (see `normalizeReply`), resolved against `today`.
 * `bareDayOfMonth` lets "le 12" count as a date (off when the question is about a CACES category).
 */
export function extractDates(
  normalized: string,
  today: CalendarDay,
  options: { bareDayOfMonth: boolean },
): ExtractedDate[] {
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const add = (
    match: RegExpExecArray,
    day: CalendarDay | null,
    end?: CalendarDay,
    kind?: ExtractedDate['kind'],
    weekday?: number,
  ) => {
    if (!day) return;
    const start = match.index;
    const stop = start + match[0].length;
    if (taken.some(([a, b]) => start < b && stop > a)) return;
    taken.push([start, stop]);
    found.push({
      index: start,
      length: match[0].length,
      day,
      ...(end ? { end } : {}),
      ...(kind ? { kind } : {}),
      ...(weekday !== undefined ? { weekday } : {}),
    });
  };
  const scan = (pattern: RegExp, read: (match: RegExpExecArray) => void) => {
    for (const match of normalized.matchAll(pattern)) read(match as RegExpExecArray);
  };

  // lundi 11 (the next Monday the 11th), mardi 12 janvier
  scan(WEEKDAY_DAY, (match) => {
    const dayOfMonth = Number(match[2]);
    if (match[3]) {
      const month = MONTHS.get(match[3])!;
      const year = match[4] ? Number(match[4]) : yearFor(today, month, dayOfMonth);
      if (isValidDay(year, month, dayOfMonth)) add(match, { year, month, day: dayOfMonth });
      return;
    }
    add(match, nextWeekdayDay(today, WEEKDAY_NUMBERS.get(match[1]!)!, dayOfMonth));
  });
  // 15/01, 15/01/2027, 15.01.27, 15-01
  scan(/\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?\b(?!\s*€|[.,]\d)/g, (match) => {
    const dayOfMonth = Number(match[1]);
    const month = Number(match[2]);
    const year = match[3] ? fullYear(match[3]) : yearFor(today, month, dayOfMonth);
    if (isValidDay(year, month, dayOfMonth)) add(match, { year, month, day: dayOfMonth });
  });
  // 03/2028: a month
  scan(/\b(\d{1,2})\/(20\d{2})\b/g, (match) => {
    const month = Number(match[1]);
    const year = Number(match[2]);
    if (month >= 1 && month <= 12)
      add(match, { year, month, day: 1 }, { year, month, day: lastDayOfMonth(year, month) });
  });
  // 15 janvier (2027), 1er mars
  scan(DAY_MONTH, (match) => {
    const dayOfMonth = FIRST_OF_MONTH.has(match[1]!) ? 1 : Number(match[1]);
    const month = MONTHS.get(match[2]!)!;
    const year = match[3] ? Number(match[3]) : yearFor(today, month, dayOfMonth);
    if (isValidDay(year, month, dayOfMonth)) add(match, { year, month, day: dayOfMonth });
  });
  // (fin|début) mars (2028): a month
  scan(PART_OF_MONTH, (match) => {
    const month = MONTHS.get(match[2]!)!;
    if (!match[3] && !match[1] && !BEFORE_BARE_MONTH.test(normalized.slice(0, match.index))) return;
    const year = match[3] ? Number(match[3]) : yearFor(today, month, 1);
    const first = { year, month, day: 1 };
    const last = { year, month, day: lastDayOfMonth(year, month) };
    const part = match[1] ?? '';
    if (MONTH_END.has(part)) add(match, last, last);
    else if (MONTH_MIDDLE.has(part)) add(match, { year, month, day: 15 }, { year, month, day: 15 });
    else if (MONTH_START.has(part)) add(match, first, first, 'from');
    else add(match, first, last);
  });
  // en 2028: a year
  scan(YEAR, (match) => {
    const year = Number(match[2]);
    const last = { year, month: 12, day: 31 };
    add(match, YEAR_END.has(match[1]!) ? last : { year, month: 1, day: 1 }, last);
  });
  // après-demain, demain, aujourd'hui
  scan(RELATIVE_DAY, (match) => add(match, addDays(today, RELATIVE_DAYS.get(match[1]!)!)));
  // Holidays: nouvel an, Noël
  scan(HOLIDAY, (match) => {
    const { month, day } = HOLIDAYS.get(match[1]!)!;
    const year = compare({ year: today.year, month, day }, today) >= 0 ? today.year : today.year + 1;
    add(match, { year, month, day });
  });
  // lundi (prochain), next monday
  scan(WEEKDAY, (match) => {
    const target = WEEKDAY_NUMBERS.get(match[1]!)!;
    // "j'ai commencé lundi dernier": gone by, no date to come.
    const stop = match.index + match[0].length;
    if (
      PAST_WEEKDAY_BEFORE.test(normalized.slice(Math.max(0, match.index - 12), match.index)) ||
      PAST_WEEKDAY_AFTER.test(normalized.slice(stop, stop + 12))
    )
      return;
    const todayWeekday = toUtc(today).getUTCDay();
    const offset = (target - todayWeekday + 7) % 7 || 7;
    add(match, addDays(today, offset), undefined, undefined, target);
  });
  // semaine prochaine / next week → next Monday; mois prochain → first of next month
  scan(NEXT_WEEK, (match) => {
    const todayWeekday = toUtc(today).getUTCDay();
    add(match, addDays(today, (8 - todayWeekday) % 7 || 7));
  });
  scan(THIS_WEEK, (match) => add(match, today));
  scan(NEXT_MONTH, (match) => {
    const next =
      today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
    add(match, { ...next, day: 1 });
  });
  scan(END_OF_MONTH, (match) => add(match, { ...today, day: lastDayOfMonth(today.year, today.month) }));
  // dans 3 jours, dans une semaine, dans 15 jours
  scan(IN_DURATION, (match) => {
    const count = Object.hasOwn(NUMBER_WORDS, match[1]!) ? NUMBER_WORDS[match[1]!]! : Number(match[1]);
    if (match[2] !== undefined) add(match, addDays(today, count));
    else if (match[3] !== undefined) add(match, addDays(today, count * 7));
    else {
      const month0 = today.month - 1 + count;
      const year = today.year + Math.floor(month0 / 12);
      const month = (month0 % 12) + 1;
      add(match, { year, month, day: Math.min(today.day, lastDayOfMonth(year, month)) });
    }
  });
  // le 12, le 1er (not "le 12h", "le 3 et le 5" of a CACES question)
  if (options.bareDayOfMonth) {
    scan(DAY_OF_MONTH, (match) => add(match, nextDayOfMonth(today, Number(match[1]))));
  }

  found.sort((a, b) => a.index - b.index);
  // "pas lundi mais mardi", "lundi ou mardi": a weekday after a date said before it is the next such day
  // from that date on (mardi 5 after lundi 4, not mardi 29 the week before).
  for (const [index, item] of found.entries()) {
    const previous = found[index - 1];
    if (item.weekday === undefined || !previous) continue;
    while (compare(item.day, previous.day) < 0) item.day = addDays(item.day, 7);
  }
  const out: ExtractedDate[] = [];
  for (const item of found) {
    const before = normalized.slice(Math.max(0, item.index - 24), item.index);
    const kind: ExtractedDate['kind'] = FROM_BEFORE.test(before)
      ? 'from'
      : UNTIL_BEFORE.test(before)
        ? 'until'
        : (item.kind ?? 'on');
    const day0 = kind === 'until' && item.end ? item.end : item.day;
    // "après le 15", "après le nouvel an": from the day after.
    const day = kind === 'from' && DAY_AFTER_BEFORE.test(before) ? addDays(day0, 1) : day0;
    const date = isoDay(day);
    if (out.some((existing) => existing.date === date && existing.kind === kind)) continue;
    out.push({ date, kind, text: normalized.slice(item.index, item.index + item.length) });
  }
  return out;
}
