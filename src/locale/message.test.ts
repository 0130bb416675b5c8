import { describe, expect, it } from 'vitest';
import type { MessageKey } from './locale.js';
import { formatMessage, message, messageArguments } from './message.js';
import { languages, locales } from './registry.js';

const reference = locales.fr.messages;
const keys = Object.keys(reference) as MessageKey[];

describe('message catalogue', () => {
  it('has every key of the reference (French) in every language, and no other', () => {
    for (const language of languages) {
      expect(Object.keys(locales[language].messages).sort(), language).toEqual([...keys].sort());
    }
  });

  it('prints in every language the values the reference prints, and reads no value the code does not pass', () => {
    for (const key of keys) {
      const expected = messageArguments(reference[key]);
      const passed = new Set([...expected.printed, ...expected.selectors]);
      for (const language of languages) {
        const found = messageArguments(locales[language].messages[key]);
        for (const name of expected.printed) expect(found.printed, `${language} ${key}`).toContain(name);
        // A language may print or choose on a value others only choose on ("le"/"l'" by the initial).
        for (const name of [...found.printed, ...found.selectors])
          expect(passed, `${language} ${key}: ${name}`).toContain(name);
      }
    }
  });

  it('parses every message of every language (ICU MessageFormat)', () => {
    for (const language of languages)
      for (const key of keys) expect(() => messageArguments(locales[language].messages[key])).not.toThrow();
  });

  it('fills placeholders, numbers as written', () => {
    expect(message('fr', 'screening.summary.answered', { answered: 3, asked: 5 })).toBe(
      '3/5 questions répondues.',
    );
    expect(message('en', 'screening.note.availableFrom', { date: '2027-01-04' })).toBe(
      'available from 2027-01-04',
    );
    expect(formatMessage('fr', "l'agence {agency}, d''{title}", { agency: 'A', title: 'Agent' })).toBe(
      "l'agence A, d'Agent",
    );
  });

  it('chooses plural forms by the language rules', () => {
    expect(message('en', 'profile.months', { count: 1 })).toBe('1 month');
    expect(message('en', 'profile.months', { count: 0 })).toBe('0 months');
    expect(message('en', 'profile.months', { count: 14 })).toBe('14 months');
    expect(message('fr', 'profile.months', { count: 1 })).toBe('1 mois');
    // French days: "1er" for the first, the number otherwise.
    expect(message('fr', 'sms.day', { weekday: 'vendredi', day: 1, month: 'janvier' })).toBe(
      'vendredi 1er janvier',
    );
    expect(message('fr', 'sms.day', { weekday: 'lundi', day: 4, month: 'janvier' })).toBe('lundi 4 janvier');
    // French "one" covers 0 and 1, English only 1.
    const apples = '{n, plural, one {{n} pomme} other {{n} pommes}}';
    expect(formatMessage('fr', apples, { n: 0 })).toBe('0 pomme');
    expect(formatMessage('en', apples, { n: 0 })).toBe('0 pommes');
  });

  it('chooses forms by select (gender, elision, vehicle)', () => {
    expect(message('fr', 'fairness.civility', { gender: 'female' })).toBe('Madame');
    expect(message('fr', 'fairness.civility', { gender: 'male' })).toBe('Monsieur');
    expect(message('fr', 'fairness.civility', { gender: 'neutral' })).toBe('');
    expect(message('fr', 'fairness.civilityShort', { gender: 'male' })).toBe('M.');
    expect(message('fr', 'sms.ofTitle', { title: 'Agent de propreté', initial: 'a' })).toBe(
      "d'Agent de propreté",
    );
    expect(message('fr', 'sms.ofTitle', { title: 'Électricien', initial: 'é' })).toBe("d'Électricien");
    expect(message('fr', 'sms.ofTitle', { title: 'Cariste', initial: 'c' })).toBe('de Cariste');
    expect(
      message('fr', 'certificate.withArticle', { label: 'FCO voyageurs', initial: 'f', family: 'FCO' }),
    ).toBe('la FCO voyageurs');
    expect(
      message('fr', 'certificate.withArticle', { label: 'CACES R489', initial: 'c', family: 'CACES' }),
    ).toBe('le CACES R489');
    expect(
      message('en', 'certificate.withArticle', { label: 'CACES R489', initial: 'c', family: 'CACES' }),
    ).toBe('CACES R489');
    expect(message('fr', 'profile.vehicle', { vehicle: 'yes' })).toBe('véhiculé(e)');
    expect(message('en', 'profile.vehicle', { vehicle: 'no' })).toBe('no vehicle');
  });

  it('keeps angle brackets as text (prompts fence data in <tags>)', () => {
    expect(formatMessage('en', '<job_order>{title}</job_order>', { title: 'Cariste' })).toBe(
      '<job_order>Cariste</job_order>',
    );
  });

  it('throws when a printed value is missing', () => {
    expect(() => message('fr', 'screening.note.availableFrom')).toThrow(/date/);
  });
});
