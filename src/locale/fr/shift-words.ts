import type { ShiftWords } from '../locale.js';

/**
 * Job-order shifts (`shift`, lower case, spaces removed) in words, French: the phrase after "Etes-vous
 * disponible …" and the bare form after "Horaires de la mission : …". Others: `sms.shiftOther`.
 */
export const shiftWords: ShiftWords = {
  jour: ['en journée', 'journée'],
  journee: ['en journée', 'journée'],
  nuit: ['de nuit', 'nuit'],
  '2x8': ['en 2x8 (matin ou après-midi, en alternance)', '2x8 (matin ou après-midi, en alternance)'],
  '3x8': [
    'en 3x8 (matin, après-midi ou nuit, en alternance)',
    '3x8 (matin, après-midi ou nuit, en alternance)',
  ],
  'week-end': ['le week-end', 'week-end'],
  weekend: ['le week-end', 'week-end'],
};
