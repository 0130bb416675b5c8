import type { CalendarWords } from '../locale.js';

/** Months and weekdays, French: names read in CVs, job ads and replies, and names written in messages. */
export const calendarWords: CalendarWords = {
  // Month number → names and abbreviations as written ("janv.", "sept"); folded when compiled.
  months: [
    [1, ['janvier', 'janv', 'jan']],
    [2, ['février', 'févr', 'fév']],
    [3, ['mars', 'mar']],
    [4, ['avril', 'avr']],
    [5, ['mai']],
    [6, ['juin']],
    [7, ['juillet', 'juil']],
    [8, ['août']],
    [9, ['septembre', 'sept', 'sep']],
    [10, ['octobre', 'oct']],
    [11, ['novembre', 'nov']],
    [12, ['décembre', 'dec']],
  ],
  // 0 = Sunday, as `Date#getUTCDay`.
  weekdays: [
    [0, ['dimanche']],
    [1, ['lundi']],
    [2, ['mardi']],
    [3, ['mercredi']],
    [4, ['jeudi']],
    [5, ['vendredi']],
    [6, ['samedi']],
  ],
  // In SMS "mar" is mardi, never mars: not read as a month in replies.
  notMonthsInReplies: ['mar'],
  // As written in SMS (GSM-7: "aout", not "août"), Sunday first.
  weekdayNames: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  monthNames: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'aout',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};
