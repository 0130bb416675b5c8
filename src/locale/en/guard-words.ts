import type { GuardWords } from '../locale.js';

/** What an outgoing message may never ask about, English (see `../fr/guard-words.ts`). Checked in every language. */
export const guardWords: GuardWords = {
  slots: {},
  categories: {
    origin: ['where are you from', 'where (were you|was you) born', 'ethnicity'],
    nationality: [
      'citizenship',
      '(are you|you are) (a |)(french|foreign|foreigner|immigrant|citizen)',
      'passport',
    ],
    religion: ['(church|pray|prayer|muslim|christian|jewish|faith)'],
    family: [
      '(are you|you are) (married|single|divorced|widowed)',
      '(do you have|have you got) (any |)(children|kids)',
      '(marital|family) status',
      'your (children|kids|husband|wife|spouse|partner)',
    ],
    pregnancy: ['pregnan*', 'maternity'],
    health: ['(health|illness|sick|medical condition|medication)*'],
    disability: ['(disabilit|disabled|wheelchair|handicap)*'],
    sex: [
      '(are you|you are) (a |)(man|woman|male|female|boy|girl)',
      '(your|what is your|what s your) (sex|gender)',
      '(male|man) or (female|woman)',
      '(men|women|males|females) only',
    ],
    language: [
      '(mother tongue|native language|first language)',
      '(speak|speaks|spoken) at home',
      'your accent',
    ],
    morals: ['morals'],
    genetics: ['(genetic|dna|hereditary)*'],
    'economic-vulnerability': ['(welfare|in debt|your debts|financial situation)'],
    surname: ['(surname|family name|maiden name)'],
    whistleblowing: ['whistleblow*'],
    'union-politics': ['(trade union|labor union|labour union|union member*|political|strike)'],
    age: ['(how old|date of birth|year of birth|born in)'],
    appearance: ['(your weight|your height|how tall|how much do you weigh|appearance|tattoo)*'],
    'sexual-orientation': ['(lesbian|bisexual)', 'transgender', 'sexual orientation'],
    residence: ['(where do you live|your address|home address|neighbou?rhood|postcode|zip code)'],
    'bank-details': ['(bank|account number|credit card|sort code|routing number)'],
  },
  fuzzyKeywords: [],
  notTypos: [],
};
