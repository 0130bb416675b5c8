import type { ShiftWords } from '../locale.js';

/** Job-order shifts in words, English (see `../fr/shift-words.ts`). */
export const shiftWords: ShiftWords = {
  jour: ['on day shifts', 'day shifts'],
  journee: ['on day shifts', 'day shifts'],
  nuit: ['on night shifts', 'night shifts'],
  '2x8': ['on rotating morning and afternoon shifts (2x8)', 'rotating morning and afternoon shifts (2x8)'],
  '3x8': ['on rotating 3x8 shifts, nights included', 'rotating 3x8 shifts, nights included'],
  'week-end': ['at weekends', 'weekends'],
  weekend: ['at weekends', 'weekends'],
};
