import type { ReplyDateWords } from '../locale.js';

/** How SMS replies write dates, English (see `../fr/reply-date-words.ts`). */
export const replyDateWords: ReplyDateWords = {
  fromBefore: ['from', 'starting', 'after', 'not (until|till|before)( the|)'],
  untilBefore: ['until', 'till', 'expires?'],
  dayAfterBefore: ['after'],
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
  endOfMonth: ['end of (the|this) month'],
  inDuration: ['in'],
  numberWords: { one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10 },
  days: ['days?'],
  weeks: ['weeks?'],
  months: ['months?'],
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
