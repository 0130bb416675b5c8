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
  return SMS_PHRASES.reduce((text, [pattern, words]) => text.replace(pattern, words), spelled);
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
  if (/^(?:est|etait|et|ou|\+|\/|licence|license|driving)$/.test(next)) return false;
  return !/^(?:le|la|du|permis|que|et|categorie|cat|ou|the|a|my)$/.test(previous ?? '');
}
