/** Masculine / feminine forms of French job titles and CV adjectives (the French locale's list). */
export { genderedForms as GENDERED_FORMS } from '../locale/fr/gendered-forms.js';

/** Other masculine / feminine pairs: participles, pronouns, civilities, English job words. */
export const GENDERED_WORD_PAIRS: readonly [string, string][] = [
  ['né', 'née'],
  ['nés', 'nées'],
  ['il', 'elle'],
  ['monsieur', 'madame'],
  ['mr', 'mrs'],
  ['he', 'she'],
  ['his', 'her'],
  ['himself', 'herself'],
  ['waiter', 'waitress'],
  ['actor', 'actress'],
  ['host', 'hostess'],
  ['salesman', 'saleswoman'],
  ['chairman', 'chairwoman'],
  ['male', 'female'],
];
