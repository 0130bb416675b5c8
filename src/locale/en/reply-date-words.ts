import type { ReplyDateWords } from '../locale.js';

/** How SMS replies write dates, English (see `../fr/reply-date-words.ts`). */
export const replyDateWords: ReplyDateWords = {
  fromBefore: ['from', 'starting'],
  untilBefore: ['until', 'till', 'expires?'],
  dayAfterBefore: [],
  relativeDays: [
    ['today', 0],
    ['tomorrow', 1],
    ['tonight', 0],
  ],
  holidays: [
    ['christmas', 12, 25],
    ['new year', 1, 1],
  ],
  weekdayBefore: ['next'],
  weekdayAfter: [],
  thisWeek: ['this week'],
  nextWeek: ['next week'],
  nextMonth: ['next month'],
  endOfMonth: [],
  inDuration: [],
  numberWords: {},
  days: [],
  weeks: [],
  months: [],
  firstOfMonth: [],
  monthStart: [],
  monthMiddle: [],
  monthEnd: [],
  monthOf: [],
  beforeBareMonth: [],
  yearStart: [],
  yearEnd: [],
  beforeDayOfMonth: ['the'],
  ordinalEndings: ['st', 'nd', 'rd', 'th'],
  unitsAfterNumber: [],
};
