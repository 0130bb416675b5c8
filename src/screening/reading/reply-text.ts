import { compileVocabulary, fromEveryLocale } from '../../locale/index.js';
import { foldAccents } from '../../text/index.js';

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
      return expansion === undefined ? token : expansion + trailing;
    })
    .join(' ');
  return SMS_PHRASES.reduce((text, [pattern, words]) => text.replace(pattern, words), spelled);
}

function isSmsCest(previous: string | undefined, next: string | undefined, trailing: string): boolean {
  if (next === undefined || trailing !== '') return false;
  if (/^(?:est|etait|et|ou|\+|\/|licence|license|driving)$/.test(next)) return false;
  return !/^(?:le|la|du|permis|que|et|categorie|cat|ou|the|a|my)$/.test(previous ?? '');
}
