import type { CalendarWords } from '../locale.js';

/** Months and weekdays, English (see `../fr/calendar-words.ts`). */
export const calendarWords: CalendarWords = {
  months: [
    [1, ['january', 'jan']],
    [2, ['february', 'feb']],
    [3, ['march', 'mar']],
    [4, ['april', 'apr']],
    [5, ['may']],
    [6, ['june', 'jun']],
    [7, ['july', 'jul']],
    [8, ['august', 'aug']],
    [9, ['september', 'sep']],
    [10, ['october', 'oct']],
    [11, ['november', 'nov']],
    [12, ['december', 'dec']],
  ],
  weekdays: [
    [0, ['sunday']],
    [1, ['monday']],
    [2, ['tuesday']],
    [3, ['wednesday']],
    [4, ['thursday']],
    [5, ['friday']],
    [6, ['saturday']],
  ],
  notMonthsInReplies: [],
  weekdayNames: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  monthNames: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
