/**
 * When an SMS may go out: not at night, not on Sundays, not on public holidays, in the agency's time zone
 * (default Europe/Paris, French public holidays). Computed locally (Easter by the Gregorian computus), no
 * network.
 */
export interface QuietHours {
  /** IANA time zone of the rule (default `Europe/Paris`). */
  timeZone: string;
  /** First local hour when sending is allowed (default 8). */
  startHour: number;
  /** Local hour from which sending stops (default 20). */
  endHour: number;
  /** No SMS on Sundays (default true). */
  sundays: boolean;
  /** No SMS on French public holidays (default true). */
  publicHolidays: boolean;
}

export const DEFAULT_QUIET_HOURS: QuietHours = {
  timeZone: 'Europe/Paris',
  startHour: 8,
  endHour: 20,
  sundays: true,
  publicHolidays: true,
};

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * French public holidays (jours fériés, Code du travail L3133-1) of a year, as `YYYY-MM-DD`: the eight
 * fixed ones and Easter Monday, Ascension and Whit Monday. (Alsace-Moselle's two extra days are not
 * included.)
 */
export function frenchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    `${year}-01-01`,
    addDays(easter, 1),
    `${year}-05-01`,
    `${year}-05-08`,
    addDays(easter, 39),
    addDays(easter, 50),
    `${year}-07-14`,
    `${year}-08-15`,
    `${year}-11-01`,
    `${year}-11-11`,
    `${year}-12-25`,
  ].sort();
}

interface LocalTime {
  date: string;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(String(parts.weekday)),
  };
}

/** The instant when the wall clock of `timeZone` shows `date` at `hour`:00. */
function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const target = Date.parse(`${date}T${pad(hour)}:00:00Z`);
  let guess = target;
  for (let round = 0; round < 3; round++) {
    const local = localTime(new Date(guess), timeZone);
    const shown = Date.parse(`${local.date}T${pad(local.hour)}:${pad(local.minute)}:00Z`);
    guess += target - shown;
  }
  return new Date(guess);
}

function isClosedDay(local: LocalTime, rule: QuietHours): boolean {
  if (rule.sundays && local.weekday === 0) return true;
  return rule.publicHolidays && frenchPublicHolidays(Number(local.date.slice(0, 4))).includes(local.date);
}

/** Whether an SMS may be sent at `at`. */
export function isSendingAllowed(at: Date, rule: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const local = localTime(at, rule.timeZone);
  if (isClosedDay(local, rule)) return false;
  return local.hour >= rule.startHour && local.hour < rule.endHour;
}

/** `at` itself when sending is allowed then, else the next moment it is (the start of the next window). */
export function nextSendingTime(at: Date, rule: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (isSendingAllowed(at, rule)) return at;
  let local = localTime(at, rule.timeZone);
  let date = local.hour < rule.startHour ? local.date : addDays(local.date, 1);
  for (let day = 0; day < 14; day++) {
    const start = zonedInstant(date, rule.startHour, rule.timeZone);
    local = localTime(start, rule.timeZone);
    if (!isClosedDay(local, rule) && start.getTime() > at.getTime()) return start;
    date = addDays(date, 1);
  }
  throw new RangeError('no sending window in the next 14 days: check the quiet-hours rule');
}
