import type { JobOrderCriteriaWords } from '../locale.js';

/** What a job order may not require, English (see `../fr/job-order-criteria-words.ts`). */
export const jobOrderCriteriaWords: JobOrderCriteriaWords = {
  allowed: [
    { pattern: '\\b(?:m|f) (?:f|m|w)\\b' },
    '(men|women|male|female) (and|or) (men|women|male|female)',
    'right to work( in france|)',
    'work permit',
    '(open to|welcome) (all|people with disabilities|disabled people)',
  ],
  genderedTitles: [],
  criteria: {
    sex: [
      '(male|female|men|women|man|woman|boys?|girls?|gentlemen|ladies) only',
      '(male|female) (candidates?|applicants?|staff)',
    ],
    age: [
      'young (candidate|candidates|applicant|applicants|man|men|woman|women|person|people only|graduate|graduates|profile|team)',
      {
        pattern: '\\b(?:under|over|below|above) \\d{2}(?: years)?(?! of experience| years of experience)\\b',
      },
      { pattern: '\\b(?:aged|age) \\d{2}' },
      'age limit',
      { pattern: '\\bbetween \\d{2} and \\d{2} years\\b' },
    ],
    nationality: [
      'nationality',
      '(citizens?|citizenship) only',
      '(british|french|eu|european) (citizens?|nationals?) only',
      'no foreigners',
    ],
    origin: ['(ethnicity|ethnic|race|racial|skin colou?r)'],
    family: ['(no children|no kids|childless|single only|married only|marital status)'],
    pregnancy: ['pregnan*', 'maternity'],
    religion: ['(religion|religious|christian|muslim|jewish|hindu|buddhist|atheist|hijab|headscarf)'],
    'union-politics': ['(non union|no union|union members?|trade union|political)'],
    health: ['(in good health|no sick leave|no medical conditions?|no health (problems?|issues?))'],
    disability: ['(no disabilit|not disabled|able bodied|able-bodied)*'],
    appearance: [
      '(good looking|attractive|slim|no tattoos?|no piercings?|height minimum|minimum height|weight limit)',
    ],
    surname: ['(surname|family name) (must|should)'],
    residence: ['(local residents only|(must|should) live (in|near)|residents? of)'],
    'bank-details': ['(french|uk|local) bank account'],
    language: ['(native speaker|mother tongue|no accent|native english|native french)'],
    'sexual-orientation': ['(sexual orientation|heterosexual|homosexual|gay|lesbian)'],
    genetics: ['(genetic|dna|hereditary)*'],
    'economic-vulnerability': ['(no benefits claimants|no welfare|debt free)'],
    morals: ['(good morals|morality)'],
    whistleblowing: ['whistleblow*'],
  },
};
