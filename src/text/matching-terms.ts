import { foldGender } from './fold-gender.js';
import { isStopword, stem, type TextLanguage, words } from './tokenize.js';

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
}

/**
 * The terms two texts are compared on in lexical matching: every content word (folded, gender folded,
 * stopwords dropped) twice, as itself and as its stem prefixed with `~`, so that an exact word counts
 * and an inflected one ("accounting" for "accountant") counts half as much. Placeholders left by
 * pseudonymisation (`[name]`, `[phone]`…) are not words of the text.
 */
export function matchingTerms(text: string, options: MatchingTermsOptions): string[] {
  const out: string[] = [];
  for (const raw of words(text.replace(/\[[\p{L} ]{1,20}\]/gu, ' '))) {
    const word = foldGender(raw, options.genderLanguage);
    if (isStopword(word)) continue;
    out.push(word, `~${cachedStem(word, options.stemLanguage)}`);
  }
  return out;
}
