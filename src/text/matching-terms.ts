import { foldGender } from './fold-gender.js';
import { foldAccents } from './normalize.js';
import { isStopword, stem, type TextLanguage } from './tokenize.js';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

function cachedStem(word: string, language: TextLanguage): string {
  const key = `${language}:${word}`;
  let value = stemCache.get(key);
  if (value === undefined) {
    value = stem(word, language);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(key, value);
  }
  return value;
}

/** Which rules turn a text into matching terms. */
export interface MatchingTermsOptions {
  /** Language whose gender agreements are folded: the text's own (`foldGender`). */
  genderLanguage: TextLanguage;
  /** Language of the stemmer: the one the texts are compared in (the job order's). */
  stemLanguage: TextLanguage;
  /** Folded words to leave out (e.g. the words of the person's name). */
  exclude?: ReadonlySet<string>;
}

/**
 * The terms two texts are compared on in lexical matching: every content word (folded, gender folded,
 * stopwords dropped except acronyms such as "IT") twice, as itself and as its stem prefixed with `~`, so that an exact word counts
 * and an inflected one ("accounting" for "accountant") counts half as much. Placeholders left by
 * pseudonymisation (`[name]`, `[phone]`…) are not words of the text.
 */
export function matchingTerms(text: string, options: MatchingTermsOptions): string[] {
  const out: string[] = [];
  const tokens = foldAccents(text.replace(/\[[\p{L} ]{1,20}\]/gu, ' ')).match(TOKEN) ?? [];
  for (const [index, token] of tokens.entries()) {
    const lower = token.toLowerCase();
    if (options.exclude?.has(lower)) continue;
    const word = foldGender(lower, options.genderLanguage);
    if (isStopword(word) && !isAcronym(tokens, index)) continue;
    out.push(word, `~${cachedStem(word, options.stemLanguage)}`);
  }
  return out;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const isUpper = (token: string | undefined) =>
  token !== undefined && token.length >= 2 && /\p{Lu}/u.test(token) && token === token.toUpperCase();

/**
 * An upper-case word that is not part of an upper-case run: an acronym ("IT Specialist", "AS de nuit"),
 * kept even when its lower-case form is a stopword ("it", "as"). In "DIRECTOR OF SALES", "OF" is a word.
 */
function isAcronym(tokens: readonly string[], index: number): boolean {
  return isUpper(tokens[index]) && !isUpper(tokens[index - 1]) && !isUpper(tokens[index + 1]);
}
