import type { TextLanguage } from './tokenize.js';

/**
 * Grammatical gender folded away, word by word, so that two texts that differ only by agreements
 * ("serveuse"/"serveur", "née"/"né", "motivée", "conductrice", "waitress") give the same words.
 *
 * Works on folded words (lower case, no accents, as `words()` returns them). French: feminine and
 * masculine forms are mapped to one form by their endings (-euse/-eux/-eur → -eur, -trice → -teur,
 * -ère → -er, -ienne → -ien, -elle → -el, -ette → -et, -ive → -if, -ée → -é, -esse → -e, -ffe → -f,
 * -aise/-oise → -ais/-ois, -ante/-ente/-ande/-erte/-ite/-ate/-eure → without -e), after a plural -s
 * is dropped, until nothing changes ("motivées" → "motivee" → "motive" → "motif"). Both forms of a pair go to
 * the same word; some words that have no gender change too, the same way on both sides, which is
 * harmless for matching. English: gendered pronouns, civilities and job words (-ess, -woman).
 * Short words (3 letters and fewer) are left alone, except "nee" → "ne".
 */
const FRENCH_RULES: [RegExp, string][] = [
  [/(..)(?:euses?|eux|eurs)$/, '$1eur'],
  [/(..)trices?$/, '$1teur'],
  [/(..)eures?$/, '$1eur'],
  [/(..)eres?$/, '$1er'],
  [/(..)iennes?$/, '$1ien'],
  [/(..)ennes?$/, '$1en'],
  [/(..)onnes?$/, '$1on'],
  [/(..)elles?$/, '$1el'],
  [/(..)ettes?$/, '$1et'],
  [/(..)ives?$/, '$1if'],
  [/(.)ees?$/, '$1e'],
  [/(..)esses?$/, '$1e'],
  [/(..)ffes?$/, '$1f'],
  [/(..)(ais|ois)es?$/, '$1$2'],
  [/(..)(ant|ent|and|ert|it|at)es?$/, '$1$2'],
];

const ENGLISH_WORDS = new Map<string, string>(
  Object.entries({
    she: 'he',
    her: 'his',
    hers: 'his',
    him: 'his',
    herself: 'himself',
    mrs: 'mr',
    ms: 'mr',
    miss: 'mr',
    woman: 'man',
    women: 'men',
    female: 'male',
    waitress: 'waiter',
    waitresses: 'waiters',
    actress: 'actor',
    hostess: 'host',
    hostesses: 'hosts',
    stewardess: 'steward',
    seamstress: 'tailor',
    headmistress: 'headmaster',
  }),
);

/** One folded word without its grammatical gender (see the rules above). */
export function foldGender(word: string, language: TextLanguage): string {
  if (language === 'en') {
    const mapped = ENGLISH_WORDS.get(word);
    if (mapped) return mapped;
    return word.length > 6 && word.endsWith('woman')
      ? `${word.slice(0, -5)}man`
      : word.length > 6 && word.endsWith('women')
        ? `${word.slice(0, -5)}men`
        : word;
  }
  if (word === 'nee' || word === 'nees' || word === 'nes') return 'ne';
  if (word.length <= 3 || /\d/.test(word)) return word;
  let current = /[^aiosu]s$/.test(word) && word.length > 4 ? word.slice(0, -1) : word;
  for (let pass = 0; pass < 3; pass++) {
    const rule = FRENCH_RULES.find(([pattern]) => pattern.test(current));
    if (!rule) break;
    current = current.replace(rule[0], rule[1]);
  }
  return current;
}
