import { normalizeOccupation, normalizeSkill, occupationCloseness } from '../../taxonomy/index.js';
import { isStopword, stem, type TextLanguage, words } from '../../text/index.js';

/**
 * Caches of pure taxonomy and stemming lookups, so scoring a pool does not redo the same work for
 * every profile (stemming alone is ~150 µs per text). Each cache is bounded: past `limit` entries it
 * starts over. They hold derived vocabulary only, never CV text as a whole.
 */
function memoize<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  let cache = new Map<string, T>();
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = compute(key);
    if (cache.size >= limit) cache = new Map();
    cache.set(key, value);
    return value;
  };
}

const frenchStem = memoize((token) => stem(token, 'fr'), 200_000);
const englishStem = memoize((token) => stem(token, 'en'), 200_000);

/** Same result as `terms()` from `src/text` (folded, stopwords dropped, stemmed), with stems cached. */
export function cachedTerms(text: string, language: TextLanguage = 'fr'): string[] {
  const stemOf = language === 'en' ? englishStem : frenchStem;
  const out: string[] = [];
  for (const token of words(text)) if (!isStopword(token)) out.push(stemOf(token));
  return out;
}

/** `normalizeSkill(text)?.id`, cached. */
export const skillId = memoize((text) => normalizeSkill(text)?.id ?? null, 50_000);

/**
 * Best ROME match of a title (`normalizeOccupation(title, { limit: 1 }).matches[0]`), cached; null when the
 * taxonomy abstains (a generic or unknown title: no code is better than a confidently wrong one).
 */
export const bestOccupation = memoize((title) => {
  const result = normalizeOccupation(title, { limit: 1 });
  return result.abstained ? null : (result.matches[0] ?? null);
}, 50_000);

/**
 * The code a title names with the taxonomy's calibrated confidence (the probability the code is right),
 * cached; null when the taxonomy abstains.
 */
export const readOccupation = memoize((title) => {
  const result = normalizeOccupation(title, { limit: 1 });
  const best = result.matches[0];
  return result.abstained || !best ? null : { romeCode: best.romeCode, confidence: result.confidence };
}, 50_000);

const closeness = memoize((pair) => occupationCloseness(pair.slice(0, 5), pair.slice(6)), 100_000);
/** `occupationCloseness(a, b)`, cached. */
export function cachedCloseness(a: string, b: string): number {
  return closeness(`${a}|${b}`);
}
