import { MONTH_NUMBERS, namesPattern, WEEKDAY_NUMBERS } from '../locale/index.js';
import type { ExtractedDate } from './schemas.js';

/** A calendar day, no time zone: dates in replies are French local dates. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day of an instant in a time zone (default Europe/Paris). */
export function calendarDayOf(instant: Date, timeZone = 'Europe/Paris'): CalendarDay {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
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

// In SMS French "mar" is short for mardi, never for mars: it is not read as a month here.
const MONTHS: ReadonlyMap<string, number> = new Map([...MONTH_NUMBERS].filter(([name]) => name !== 'mar'));
const MONTH_NAMES = namesPattern(MONTHS.keys());

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  huit: 8,
  dix: 10,
  quinze: 15,
};

const FROM_BEFORE =
  /(?:a partir(?: du| de la| de| d)?|des(?: le| la| ce)?|apres(?: le| la)?|pas (?:disponible |libre |avant )?avant(?: le| la)?|qu a partir (?:du|de)|from|starting)\s*$/;
const UNTIL_BEFORE =
  /(?:jusqu (?:au|a la|a|en)|jusqu|avant(?: le| la| fin)?|expire(?: le| en| fin)?|valable(?: jusqu)?|fin|until|till|expires?)\s*$/;

interface Found {
  index: number;
  length: number;
  day: CalendarDay;
  /** For months and years: the first and last day, picked by kind. */
  end?: CalendarDay;
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
  const add = (match: RegExpExecArray, day: CalendarDay | null, end?: CalendarDay) => {
    if (!day) return;
    const start = match.index;
    const stop = start + match[0].length;
    if (taken.some(([a, b]) => start < b && stop > a)) return;
    taken.push([start, stop]);
    found.push({ index: start, length: match[0].length, day, ...(end ? { end } : {}) });
  };
  const scan = (pattern: RegExp, read: (match: RegExpExecArray) => void) => {
    for (const match of normalized.matchAll(pattern)) read(match as RegExpExecArray);
  };

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
  scan(new RegExp(`\\b(\\d{1,2}|1er|premier) (${MONTH_NAMES})\\.?(?: (20\\d{2}))?\\b`, 'g'), (match) => {
    const dayOfMonth = match[1] === '1er' || match[1] === 'premier' ? 1 : Number(match[1]);
    const month = MONTHS.get(match[2]!)!;
    const year = match[3] ? Number(match[3]) : yearFor(today, month, dayOfMonth);
    if (isValidDay(year, month, dayOfMonth)) add(match, { year, month, day: dayOfMonth });
  });
  // (fin|début) mars (2028): a month
  scan(new RegExp(`\\b(?:(fin|debut|mi) (?:de |d )?)?(${MONTH_NAMES})(?: (20\\d{2}))?\\b`, 'g'), (match) => {
    const month = MONTHS.get(match[2]!)!;
    if (
      !match[3] &&
      !match[1] &&
      !/(?:en|de|d|mois de|jusqu en|avant|pour|a partir de|des) $/.test(normalized.slice(0, match.index))
    )
      return;
    const year = match[3] ? Number(match[3]) : yearFor(today, month, 1);
    const first = { year, month, day: 1 };
    const last = { year, month, day: lastDayOfMonth(year, month) };
    if (match[1] === 'fin') add(match, last, last);
    else if (match[1] === 'mi') add(match, { year, month, day: 15 }, { year, month, day: 15 });
    else add(match, first, match[1] === 'debut' ? first : last);
  });
  // en 2028: a year
  scan(/\b(en|fin) (20\d{2})\b/g, (match) => {
    const year = Number(match[2]);
    const last = { year, month: 12, day: 31 };
    add(match, match[1] === 'fin' ? last : { year, month: 1, day: 1 }, last);
  });
  // après-demain, demain, aujourd'hui
  scan(/\b(apres demain|demain|aujourd hui|ce soir|ce matin|today|tomorrow|tonight)\b/g, (match) => {
    const word = match[1]!;
    const offset = word === 'apres demain' ? 2 : word === 'demain' || word === 'tomorrow' ? 1 : 0;
    add(match, addDays(today, offset));
  });
  // Holidays: nouvel an, Noël
  scan(/\b(nouvel an|jour de l an|noel|christmas|new year)\b/g, (match) => {
    const christmas = match[1] === 'noel' || match[1] === 'christmas';
    const month = christmas ? 12 : 1;
    const day = christmas ? 25 : 1;
    const year = compare({ year: today.year, month, day }, today) >= 0 ? today.year : today.year + 1;
    add(match, { year, month, day });
  });
  // lundi (prochain), next monday
  scan(
    /\b(?:next )?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:prochaine|qui vient))?\b/g,
    (match) => {
      const target = WEEKDAY_NUMBERS.get(match[1]!)!;
      const todayWeekday = toUtc(today).getUTCDay();
      const offset = (target - todayWeekday + 7) % 7 || 7;
      add(match, addDays(today, offset));
    },
  );
  // semaine prochaine / next week → next Monday; mois prochain → first of next month
  scan(
    /\b(?:(?:la |en |debut (?:de )?(?:la )?)?semaine (?:prochaine|d apres|suivante)|next week)\b/g,
    (match) => {
      const todayWeekday = toUtc(today).getUTCDay();
      add(match, addDays(today, (8 - todayWeekday) % 7 || 7));
    },
  );
  scan(/\b(?:cette semaine|this week)\b/g, (match) => add(match, today));
  scan(/\b(?:(?:le |au |debut (?:du )?)?mois (?:prochaine|d apres|suivant)|next month)\b/g, (match) => {
    const next =
      today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
    add(match, { ...next, day: 1 });
  });
  scan(/\bfin (?:du|de ce) mois\b/g, (match) =>
    add(match, { ...today, day: lastDayOfMonth(today.year, today.month) }),
  );
  // dans 3 jours, dans une semaine, dans 15 jours
  scan(
    /\bdans (\d{1,2}|un|une|deux|trois|quatre|cinq|six|huit|dix|quinze) (jours?|semaines?|mois)\b/g,
    (match) => {
      const count = NUMBER_WORDS[match[1]!] ?? Number(match[1]);
      const unit = match[2]!;
      if (unit.startsWith('jour')) add(match, addDays(today, count));
      else if (unit.startsWith('semaine')) add(match, addDays(today, count * 7));
      else {
        const month0 = today.month - 1 + count;
        const year = today.year + Math.floor(month0 / 12);
        const month = (month0 % 12) + 1;
        add(match, { year, month, day: Math.min(today.day, lastDayOfMonth(year, month)) });
      }
    },
  );
  // le 12, le 1er (not "le 12h", "le 3 et le 5" of a CACES question)
  if (options.bareDayOfMonth) {
    scan(
      /\b(?:le|du|au|the) (\d{1,2}|1er)(?:er|st|nd|rd|th)?\b(?!\s*(?:h\b|h\d|heures?|€|ans?\b|km|mois|semaines?|jours?|[.,]\d))/g,
      (match) => {
        const dayOfMonth = match[1] === '1er' ? 1 : Number(match[1]);
        add(match, nextDayOfMonth(today, dayOfMonth));
      },
    );
  }

  found.sort((a, b) => a.index - b.index);
  const out: ExtractedDate[] = [];
  for (const item of found) {
    const before = normalized.slice(Math.max(0, item.index - 24), item.index);
    const kind: ExtractedDate['kind'] = FROM_BEFORE.test(before)
      ? 'from'
      : UNTIL_BEFORE.test(before)
        ? 'until'
        : 'on';
    const day0 = kind === 'until' && item.end ? item.end : item.day;
    // "après le 15", "après le nouvel an": from the day after.
    const day = kind === 'from' && /apres(?: le| la)?\s*$/.test(before) ? addDays(day0, 1) : day0;
    const date = isoDay(day);
    if (out.some((existing) => existing.date === date && existing.kind === kind)) continue;
    out.push({ date, kind, text: normalized.slice(item.index, item.index + item.length) });
  }
  return out;
}
