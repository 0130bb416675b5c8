import { compileVocabulary, fromEveryLocale } from '../../locale/index.js';
import { foldAccents } from '../../text/index.js';
import { foldSpelling } from './reply-spelling.js';

/** SMS shorthand of every language, spelled out token by token ("g" → "j ai", "dispo" → "disponible"). */
const SMS_WORDS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...fromEveryLocale((locale) => [locale.reply.smsShorthand]),
);

/** Then phrases ("d acc" → "ok"), in order. */
const SMS_PHRASES: [RegExp, string][] = fromEveryLocale((locale) => locale.reply.smsPhrases).map(
  ([entry, words]) => [compileVocabulary([entry], { flags: 'g' }), words],
);

/** Month names of every language, accents folded ("janvier", "jan", "february"). */
const MONTH_WORDS = [
  ...new Set(
    fromEveryLocale((locale) => locale.calendar.months.flatMap(([, names]) => names.map(foldAccents))),
  ),
].sort((a, b) => b.length - a.length);
const MONTH_WORD = MONTH_WORDS.join('|');

/** "jan 6th", "january 6": the month first, as English writes it, turned to "6 jan". */
const MONTH_FIRST = new RegExp(`\\b(${MONTH_WORD})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?! ?[:h]\\d)`, 'g');

/** Days of the month written in French words, the longest first ("vingt et un" before "vingt"). */
const DAY_NUMBERS: readonly [string, number][] = (
  [
    ['premier', 1],
    ['deux', 2],
    ['trois', 3],
    ['quatre', 4],
    ['cinq', 5],
    ['six', 6],
    ['sept', 7],
    ['huit', 8],
    ['neuf', 9],
    ['dix', 10],
    ['onze', 11],
    ['douze', 12],
    ['treize', 13],
    ['quatorze', 14],
    ['quinze', 15],
    ['seize', 16],
    ['dix sept', 17],
    ['dix huit', 18],
    ['dix neuf', 19],
    ['vingt', 20],
    ['vingt et un', 21],
    ['vingt deux', 22],
    ['vingt trois', 23],
    ['vingt quatre', 24],
    ['vingt cinq', 25],
    ['vingt six', 26],
    ['vingt sept', 27],
    ['vingt huit', 28],
    ['vingt neuf', 29],
    ['trente', 30],
    ['trente et un', 31],
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length);
const DAY_NUMBER = new Map(DAY_NUMBERS);
const DAY_WORD = DAY_NUMBERS.map(([words]) => words).join('|');
/**
 * A day of the month in words, where it can only be one: after "le", "du", "au", "dès le", "à partir du"
 * or before a month ("le onze", "onze janvier"), not "deux semaines" nor "j'ai deux enfants".
 */
const DAY_IN_WORDS = new RegExp(
  `\\b(?:(le|du|au) (${DAY_WORD})\\b(?! (?:semaines?|jours?|mois|ans?|heures?|h|minutes?|fois|enfants?|personnes?)\\b)|(${DAY_WORD}) (?=(?:${MONTH_WORD})\\b))`,
  'g',
);

function daysInDigits(text: string): string {
  return text
    .replace(
      DAY_IN_WORDS,
      (_match, lead: string | undefined, afterLead: string | undefined, beforeMonth: string | undefined) => {
        const day = DAY_NUMBER.get((afterLead ?? beforeMonth)!)!;
        return lead ? `${lead} ${day}` : `${day} `;
      },
    )
    .replace(MONTH_FIRST, '$2 $1');
}

/** Unicode emoji and pictographs (so they can be read before anything else strips them). */
export const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * The reply as the rules read it: accents folded, lower case, curly quotes straightened, letters
 * repeated 3+ times collapsed ("ouiii" → "oui"), SMS words spelled out, punctuation other than
 * `/ . , ? € : -` turned into spaces. Digits are kept as written.
 */
export function normalizeReply(text: string): string {
  const folded = foldAccents(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[^a-z0-9/.,?€:\-+ ]+/g, ' ')
    .replace(/(\d)\s*(?:euros?|eur|e)\b/g, '$1€')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = folded.split(' ');
  const spelled = tokens
    .map((token, index) => {
      const bare = token.replace(/[.,?!:]+$/, '');
      const trailing = token.slice(bare.length);
      // "c" is "c'est" in SMS, but also a licence category ("le permis c") or the "c" of "c'est".
      if (bare === 'c' && !isSmsCest(tokens[index - 1], tokens[index + 1], trailing)) return token;
      const expansion = Object.hasOwn(SMS_WORDS, bare) ? SMS_WORDS[bare] : undefined;
      if (expansion !== undefined) return expansion + trailing;
      return spellOut(bare) + trailing;
    })
    .join(' ');
  return daysInDigits(SMS_PHRASES.reduce((text, [pattern, words]) => text.replace(pattern, words), spelled));
}

/** "jlai" → "je l ai": the object pronoun glued to "je". */
const GLUED_OBJECT: Readonly<Record<string, string>> = {
  jlai: 'je l ai',
  jlé: 'je l ai',
  jle: 'je le',
  jla: 'je la',
  jles: 'je les',
  jlavais: 'je l avais',
};

/**
 * A word as the rules read it: "je" glued to the verb in SMS French spelled apart ("jconfirme" → "je
 * confirme", "jvous" → "je vous": no French or English word starts with j and a consonant), then a long
 * misspelt word folded onto the vocabulary (`foldSpelling`).
 */
function spellOut(word: string): string {
  const object = Object.hasOwn(GLUED_OBJECT, word) ? GLUED_OBJECT[word] : undefined;
  if (object !== undefined) return object;
  const glued = /^j([bcdfghklmnpqrstvwxz][a-z]{2,})$/.exec(word);
  if (glued) {
    const verb = glued[1]!;
    const spelled = Object.hasOwn(SMS_WORDS, verb) ? SMS_WORDS[verb] : undefined;
    return `je ${spelled ?? foldSpelling(verb)}`;
  }
  return foldSpelling(word);
}

function isSmsCest(previous: string | undefined, next: string | undefined, trailing: string): boolean {
  if (next === undefined || trailing !== '') return false;
  // "c ou la mission ?": at the start of a reply, "c" is "c'est".
  if (previous === undefined && next === 'ou') return true;
  if (/^(?:est|etait|et|ou|\+|\/|licence|license|driving)$/.test(next)) return false;
  return !/^(?:le|la|du|permis|que|et|categorie|cat|ou|the|a|my)$/.test(previous ?? '');
}
