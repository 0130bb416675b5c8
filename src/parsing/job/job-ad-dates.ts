import { MONTH_NUMBERS, namesPattern, WEEKDAY_NUMBERS } from '../../locale/index.js';

// Dates in job ads, read from accent-folded, lower-cased text (see parse-job.ts).

const MONTH = namesPattern(MONTH_NUMBERS.keys());
const WEEKDAY = namesPattern(WEEKDAY_NUMBERS.keys());

interface DateMention {
  date: string;
  start: number;
  end: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date without a year: the first one on or after `now` (and on the stated weekday, when given). */
function inferYear(month: number, day: number, now: string, weekday: number | null): string | null {
  const thisYear = Number(now.slice(0, 4));
  const options = [thisYear, thisYear + 1, thisYear + 2].filter((year) => validDate(year, month, day));
  const future = options.filter((year) => iso(year, month, day) >= now);
  const withWeekday =
    weekday === null
      ? future
      : future.filter((year) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() === weekday);
  const year = withWeekday[0] ?? future[0];
  return year === undefined ? null : iso(year, month, day);
}

/** Every date written in the (folded, lower-case) text: `04/01/2027`, `4 janvier 2027`, `lundi 4 janvier`, `December 18, 2026`. */
function findDates(folded: string, now: string): DateMention[] {
  const found: DateMention[] = [];
  const push = (date: string | null, start: number, end: number) => {
    if (date && !found.some((item) => start < item.end && end > item.start)) found.push({ date, start, end });
  };
  for (const match of folded.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g)) {
    const [day, month, rawYear] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const year = rawYear < 100 ? 2000 + rawYear : rawYear;
    if (validDate(year, month, day)) push(iso(year, month, day), match.index, match.index + match[0].length);
  }
  const dayMonth = new RegExp(
    `(?:\\b(${WEEKDAY})\\s+)?\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?\\b`,
    'g',
  );
  for (const match of folded.matchAll(dayMonth)) {
    const day = Number(match[2]);
    const month = MONTH_NUMBERS.get(match[3] ?? '') ?? 0;
    const weekday = match[1] ? (WEEKDAY_NUMBERS.get(match[1]) ?? null) : null;
    const date = match[4]
      ? validDate(Number(match[4]), month, day)
        ? iso(Number(match[4]), month, day)
        : null
      : inferYear(month, day, now, weekday);
    push(date, match.index, match.index + match[0].length);
  }
  const monthDay = new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g');
  for (const match of folded.matchAll(monthDay)) {
    const [month, day, year] = [MONTH_NUMBERS.get(match[1] ?? '') ?? 0, Number(match[2]), Number(match[3])];
    if (validDate(year, month, day)) push(iso(year, month, day), match.index, match.index + match[0].length);
  }
  return found.sort((a, b) => a.start - b.start);
}

function addDuration(start: string, amount: number, unit: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (/^(mois|month)/.test(unit)) date.setUTCMonth(date.getUTCMonth() + amount);
  else if (/^(semaine|week)/.test(unit)) date.setUTCDate(date.getUTCDate() + 7 * amount);
  else date.setUTCDate(date.getUTCDate() + amount);
  date.setUTCDate(date.getUTCDate() - 1); // "a 3-month mission from 4 January" ends on 3 April
  return date.toISOString().slice(0, 10);
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  one: 1,
  a: 1,
  deux: 2,
  two: 2,
  trois: 3,
  three: 3,
  six: 6,
};
/** A number written in digits or in French words ("trois" → 3). */
export const amountOf = (word: string): number => NUMBER_WORDS[word] ?? Number(word);

/**
 * Start and end dates of a job ad, from folded text: "a partir du 12/01/2027", "des le lundi 4 janvier",
 * "du 5 au 30 janvier", "mission de 3 mois". Years left out are inferred against `now`.
 */
export function readDates(folded: string, now: string): { startDate: string | null; endDate: string | null } {
  const dates = findDates(folded, now);
  let startDate: string | null = null;
  let endDate: string | null = null;
  // "du 5 au 30 janvier 2027": the first day borrows month and year from the second.
  const shortRange = new RegExp(
    `\\bdu\\s+(\\d{1,2})(?:er)?\\s+au\\s+(\\d{1,2})\\s+(${MONTH})(?:\\s+(\\d{4}))?`,
  ).exec(folded);
  if (shortRange) {
    const end = dates.find(
      (item) => item.start >= shortRange.index && item.end <= shortRange.index + shortRange[0].length,
    );
    if (end) {
      endDate = end.date;
      startDate = `${end.date.slice(0, 8)}${pad(Number(shortRange[1]))}`;
    }
  }
  const before = (item: DateMention, pattern: RegExp) =>
    pattern.test(folded.slice(Math.max(0, item.start - 40), item.start));
  const startWords =
    /(a partir du|a compter du|des le|debut|demarrage|prise de poste|start(?:ing)?(?: date)?|from|du|le|commence)\s*:?\s*(?:le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?\s*$/;
  const endWords = /(au|jusqu'au|until|to|fin|end date)\s*:?\s*$/;
  startDate ??= (dates.find((item) => before(item, startWords)) ?? dates[0])?.date ?? null;
  if (
    !startDate &&
    /\b(immediate|immediatement|des que possible|asap|as soon as possible|immediately|de suite)\b/.test(
      folded,
    )
  ) {
    startDate = now;
  }
  endDate ??= dates.find((item) => item.date > (startDate ?? '') && before(item, endWords))?.date ?? null;
  if (startDate && !endDate) {
    const durations =
      /\b(\d{1,2}|un|une|one|deux|two|trois|three|six)\s*[- ]?\s*(mois|months?|semaines?|weeks?|jours|days)\b/g;
    const spelled = folded.replace(/d'1\b/g, 'de 1');
    for (const duration of spelled.matchAll(durations)) {
      const context = spelled.slice(
        Math.max(0, duration.index - 30),
        duration.index + duration[0].length + 20,
      );
      if (duration[1] && duration[2] && /mission|contrat|assignment|contract|duree|duration/.test(context)) {
        endDate = addDuration(startDate, amountOf(duration[1]), duration[2]);
        break;
      }
    }
  }
  return { startDate, endDate };
}
