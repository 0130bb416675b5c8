import type { ProtectedFactWords } from '../locale.js';

/** Protected facts candidates volunteer in SMS replies, English (see `../fr/protected-fact-words.ts`). */
export const protectedFactWords: ProtectedFactWords = {
  facts: {
    origin: ['(ethnicity|ethnic)', 'my origins?'],
    nationality: ['(immigrant|refugee|asylum seeker|residence permit|visa)', 'nationality'],
    sex: ['(i m|i am|as) a (woman|man|girl|guy)'],
    'sexual-orientation': ['(gay|lesbian|bisexual|transgender)'],
    morals: [],
    age: [{ pattern: '\\b(?:i m |i am )?\\d{2} (?:years old|yo)\\b' }, 'retired'],
    family: [
      {
        pattern:
          '\\b(?:single )?(?:mum|mom|dad|mother|father|parent)(?: of (?:\\d+|one|two|three|four))?(?: kids| children)?\\b',
      },
      { pattern: '\\b(?:\\d+|two|three|four) (?:kids|children)\\b' },
      'my (kids|children|son|daughter|husband|wife|partner|family)',
      '(married|divorced|widowed)',
    ],
    pregnancy: ['pregnan*', 'maternity leave', 'expecting a baby'],
    genetics: ['(genetic|hereditary)*'],
    'economic-vulnerability': ['(homeless|on welfare|in debt|evicted)'],
    religion: [
      '(muslim|christian|catholic|jewish|buddhist|hindu|sikh|atheist|religion|religious|ramadan|pray|prayer|mosque|church|synagogue|hijab)',
    ],
    'union-politics': ['(union member|trade union|on strike|political party)'],
    appearance: ['(tattoo|tattoos|piercing|piercings|overweight)'],
    surname: [],
    residence: [{ pattern: '\\bi (?:live|m living) (?:in|at|near) [a-z]+(?: [a-z]+)?' }],
    'bank-details': ['(my bank|bank account|iban)'],
    health: [
      '(sick leave|i m sick|i am sick|illness|injured|injury|surgery|medication|diabetes|asthma|depression)',
      '(the |in |at the |)(hospital|clinic)',
      '(my |the |)(doctor|gp|surgeon)',
    ],
    disability: ['(disabled|disability|wheelchair|deaf|blind)'],
    language: ['(mother tongue|native language|my accent)'],
    whistleblowing: ['whistleblow*'],
  },
  fillers: [
    'i',
    'm',
    'am',
    'a',
    'an',
    'the',
    'of',
    'and',
    'but',
    'so',
    'my',
    'have',
    'with',
    'also',
    'since',
    'years',
    'old',
  ],
  connectors: ['but', 'and', 'so'],
};
