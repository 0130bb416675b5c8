import { isStopword, stem, type TextLanguage, words } from '../../text/index.js';

/** Entries kept per language before the cache is emptied (bounds memory on unusual inputs). */
const MAX_ENTRIES = 200_000;

/**
 * Returns a function equal to `terms()` from `src/text` (fold, drop stopwords, stem) that remembers
 * each word's stem: stemming dominates indexing time and a pool repeats the same words endlessly.
 * One cache per caller (e.g. per pool index), no global state.
 */
export function createCachedTerms(): (text: string, language: TextLanguage) => string[] {
  const caches: Record<TextLanguage, Map<string, string>> = { fr: new Map(), en: new Map() };
  return (text, language) => {
    const cache = caches[language];
    const out: string[] = [];
    for (const token of words(text)) {
      if (isStopword(token)) continue;
      let stemmed = cache.get(token);
      if (stemmed === undefined) {
        stemmed = stem(token, language);
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(token, stemmed);
      }
      out.push(stemmed);
    }
    return out;
  };
}
