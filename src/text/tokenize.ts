import { foldAccents } from './normalize.js';
import { stemEnglish } from './stem-english.js';
import { stemFrench } from './stem-french.js';

export type TextLanguage = 'fr' | 'en';

// Short function words in both languages; content words (even short ones like "pl", "cap", "bts") are kept.
const STOPWORDS = new Set(
  (
    'a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous ' +
    'on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre ' +
    'the and or of to in on at for with by from an as is are was were be been this that these those it its my our your ' +
    'h f hf fh'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased, accent-folded word tokens (letters and digits), in order. Stopwords kept. */
export function words(text: string): string[] {
  return foldAccents(text).toLowerCase().match(TOKEN) ?? [];
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Stem one folded token. French stemming by default; English with `language: 'en'`. */
export function stem(token: string, language: TextLanguage = 'fr'): string {
  if (/\d/.test(token) || token.length <= 3) return token;
  return language === 'en' ? stemEnglish(token) : stemFrench(token);
}

/**
 * Content terms of a text: folded, stopwords dropped, stemmed. Used by lexical retrieval (BM25),
 * local embeddings and taxonomy lookups so they all agree on what a "term" is.
 */
export function terms(text: string, language: TextLanguage = 'fr'): string[] {
  const out: string[] = [];
  for (const token of words(text)) {
    if (STOPWORDS.has(token)) continue;
    out.push(stem(token, language));
  }
  return out;
}

/** Very small language guess for CVs and job ads: counts frequent French vs English function words. */
export function detectLanguage(text: string): TextLanguage {
  let fr = 0;
  let en = 0;
  for (const token of words(text.slice(0, 20_000))) {
    if (FRENCH_MARKERS.has(token)) fr++;
    else if (ENGLISH_MARKERS.has(token)) en++;
  }
  return en > fr * 1.2 ? 'en' : 'fr';
}

const FRENCH_MARKERS = new Set(
  'le la les des du de et en au aux pour avec dans sur une un chez depuis formation competences langues permis ans mois'.split(
    ' ',
  ),
);
const ENGLISH_MARKERS = new Set(
  'the and of to in for with at from skills education experience languages driving licence license years months'.split(
    ' ',
  ),
);
