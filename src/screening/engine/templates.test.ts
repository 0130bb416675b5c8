import { describe, expect, it } from 'vitest';
import { loadJob } from '../../../test/screening/helpers.js';
import { languages, messageArguments } from '../../locale/index.js';
import { guardMessage } from '../guard/guard.js';
import { composeMessage } from './compose-message.js';
import { screeningJobOf } from './create-state.js';
import { nonGsm7Characters } from './sms-segments.js';
import {
  fillBuiltInTemplate,
  formatDay,
  formatRate,
  formatShift,
  templateKeys,
  templateVariants,
} from './templates.js';

/** Values the composer fills templates with (see `compose-message.ts` and `conversation.ts`). */
const VALUES: Record<string, string> = {
  agency: 'Interim Test Lyon',
  contact: '04 00 00 00 00',
  title: 'Cariste',
  ofTitle: 'de Cariste',
  place: ' à Lyon',
  start: ' dès le lundi 4 janvier',
  city: 'Lyon',
  rate: '12,50 €',
  hours: 'journée',
  dates: 'commence le lundi 4 janvier',
  when: 'à partir du lundi 4 janvier',
  shift: ' en journée',
  label: 'le CACES R489 cat. 3',
  question: 'Etes-vous disponible ?',
  requirement: 'le CACES R489 cat. 3',
};

describe('SMS templates', () => {
  it('has every key in every language, at least one variant each', () => {
    for (const language of languages)
      for (const key of templateKeys)
        expect(templateVariants(key, language).length, `${language} ${key}`).toBeGreaterThan(0);
  });

  it('uses only values the composer provides', () => {
    for (const language of languages)
      for (const key of templateKeys)
        for (const variant of templateVariants(key, language)) {
          const { printed, selectors } = messageArguments(variant);
          for (const name of [...printed, ...selectors])
            expect(Object.keys(VALUES), `${language} ${key}`).toContain(name);
        }
  });

  it('every variant in every language passes the guard and stays in GSM-7', () => {
    for (const language of languages)
      for (const key of templateKeys)
        for (const variant of templateVariants(key, language)) {
          const text = fillBuiltInTemplate(variant, VALUES, language);
          expect(text, `${language} ${key}`).not.toBeNull();
          expect(guardMessage(text!).violations, `${language} ${key}: ${text}`).toEqual([]);
          expect(nonGsm7Characters(variant), `${language} ${key}: ${variant}`).toEqual([]);
        }
  });

  it('skips a built-in variant whose values are missing', () => {
    expect(fillBuiltInTemplate('La mission est à {city}.', {}, 'fr')).toBeNull();
    expect(fillBuiltInTemplate('Bonjour {name} .', { name: '' }, 'fr')).toBe('Bonjour.');
  });

  it('writes days, rates and shifts as each language does', () => {
    expect(formatDay('2027-01-01', 'fr')).toBe('vendredi 1er janvier');
    expect(formatDay('2027-08-02', 'fr')).toBe('lundi 2 aout');
    expect(formatDay('2027-01-04', 'en')).toBe('Monday 4 January');
    expect(formatRate(12.5, 'fr')).toBe('12,50 €');
    expect(formatRate(12.5, 'en')).toBe('€12.50');
    expect(formatShift('2x8', 'fr')).toBe('en 2x8 (matin ou après-midi, en alternance)');
    expect(formatShift('Week End', 'en')).toBe('at weekends');
    expect(formatShift('matin', 'en')).toBe('with hours: matin');
    expect(formatShift('nuit', 'en')).toBe('on night shifts');
  });

  it('fills {ofTitle} in English agency wordings in English', () => {
    const job = screeningJobOf(loadJob('cariste-lyon'));
    const context = { agency: { name: 'Interim Test', humanContact: '04 00 00 00 00' }, job, overrides: {} };
    const english = composeMessage(
      'confirmation',
      {},
      { ...context, language: 'en', overrides: { confirmation: 'A job {ofTitle}: still interested?' } },
    );
    expect(english.text).toBe(`A job as ${job.title}: still interested?`);
    const french = composeMessage('confirmation', {}, { ...context, language: 'fr' });
    expect(french.text).toBe(
      `Dernière question : confirmez-vous que cette mission de ${job.title} vous intéresse ?`,
    );
  });
});
