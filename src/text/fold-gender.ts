import { GENDERED_FORMS, GENDERED_WORD_PAIRS } from './gendered-forms.js';
import { foldAccents } from './normalize.js';
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
 * harmless for matching. English: gendered pronouns, civilities and job words (-ess, -woman), and the
 * French endings English words do not have (-euse, -trice, -ière, -ienne, -ante/-ente/-ande, -ée, -esse),
 * for French titles quoted in English CVs.
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

// The French endings that English words almost never have: applied to English texts too, so that a French
// job title in an English CV ("préparatrice de commandes", a ROME label) folds the same way.
const FRENCH_RULES_IN_ENGLISH: [RegExp, string][] = [
  [/(..)(?:euses?|eurs)$/, '$1eur'],
  [/(..)trices?$/, '$1teur'],
  [/(..)ieres?$/, '$1ier'],
  [/(..)iennes?$/, '$1ien'],
  [/(..)(ant|ent|and)es$/, '$1$2'],
  [/(..)(ant|ent|and)e$/, '$1$2'],
  [/(...)ees?$/, '$1e'],
  [/(..)esses?$/, '$1e'],
];

let listed: Map<string, string> | null = null;

/** Every listed gendered form (and its plural), folded → its folded masculine form. */
function listedForms(): Map<string, string> {
  if (listed) return listed;
  listed = new Map();
  const fold = (text: string) => foldAccents(text).toLowerCase();
  const pairs = [
    ...GENDERED_FORMS.map(([masculine, feminine]) => [masculine, feminine]),
    ...GENDERED_WORD_PAIRS,
  ];
  for (const [masculine, feminine] of pairs as [string, string][]) {
    const base = fold(masculine);
    for (const form of [masculine, feminine]) {
      const key = fold(form);
      if (!listed.has(key)) listed.set(key, base);
      const plural = key.endsWith('s') ? `${key}es` : `${key}s`;
      if (!listed.has(plural)) listed.set(plural, base);
    }
  }
  return listed;
}

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
  if (word === 'mme' || word === 'mlle') return 'm';
  const listed = listedForms().get(word);
  if (listed !== undefined) return language === 'fr' ? foldFrench(listed) : listed;
  if (language === 'en') {
    const mapped = ENGLISH_WORDS.get(word);
    if (mapped) return mapped;
    if (word.length > 6 && word.endsWith('woman')) return `${word.slice(0, -5)}man`;
    if (word.length > 6 && word.endsWith('women')) return `${word.slice(0, -5)}men`;
    if (word.length <= 4) return word;
    const rule = FRENCH_RULES_IN_ENGLISH.find(([pattern]) => pattern.test(word));
    return rule ? word.replace(rule[0], rule[1]) : word;
  }
  return foldFrench(word);
}

/** The French rules on one folded word. */
function foldFrench(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let current = /[^aiosu]s$/.test(word) && word.length > 4 ? word.slice(0, -1) : word;
  for (let pass = 0; pass < 3; pass++) {
    const rule = FRENCH_RULES.find(([pattern]) => pattern.test(current));
    if (!rule) break;
    current = current.replace(rule[0], rule[1]);
  }
  return current;
}

/**
 * A text whose gendered words are replaced by their folded form (`foldGender`), other words left as
 * written: "Serveuse motivée" and "Serveur motivé" give the same words, for an embedding model that
 * lower-cases and folds accents. Used on what is embedded for a candidate.
 */
export function neutralizeGenderWords(text: string, language: TextLanguage): string {
  return text.replace(/(?<![\p{L}\p{N}_])\p{L}+(?![\p{L}\p{N}_])/gu, (word) => {
    const folded = foldAccents(word).toLowerCase();
    const neutral = foldGender(folded, language);
    return neutral === folded ? word : neutral;
  });
}
