import { GENERIC_TITLE_WORDS, SOFT_TITLE_WORDS, titleStem, titleWords } from './occupation-terms.js';
import { englishTitleStem, englishTitleWords } from './occupation-terms-en.js';

/** How one language turns a title into index terms (the same on the index side and the query side). */
export interface TitleLanguage {
  readonly name: 'fr' | 'en';
  /** Clean words of a title; `expandAbbreviations` is false on the index side (titles written in full). */
  words(title: string, expandAbbreviations?: boolean): string[];
  /** Term of one clean word. */
  stem(word: string): string;
  /** Clean words that are generic head nouns in this language (see `GENERIC_TITLE_WORDS`). */
  generic: ReadonlySet<string>;
}

export const FRENCH: TitleLanguage = {
  name: 'fr',
  words: titleWords,
  stem: titleStem,
  // "Chef de projet", "Chef d'équipe": in French a chef heads something; in English a chef cooks.
  generic: new Set([...GENERIC_TITLE_WORDS, 'chef']),
};
export const ENGLISH: TitleLanguage = {
  name: 'en',
  words: englishTitleWords,
  stem: englishTitleStem,
  generic: GENERIC_TITLE_WORDS,
};

/**
 * Where an indexed title comes from, by number (the number is what the generated tables store):
 * 0 ROME label, 1 ROME main appellation, 2 other ROME appellation or its acronym, 3 ESCO French label,
 * 4 ESCO English label, 5 curated French alias, 6 curated English title.
 */
export const TITLE_SOURCES = [
  'rome-label',
  'rome-main',
  'rome-other',
  'esco-fr',
  'esco-en',
  'curated-fr',
  'curated-en',
] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** Tie-break rank of a source: lower wins between equal scores (ROME label, then main titles and curated lists). */
const PRIORITY: Record<TitleSource, number> = {
  'rome-label': 0,
  'rome-main': 1,
  'curated-fr': 1,
  'curated-en': 1,
  'rome-other': 2,
  'esco-fr': 3,
  'esco-en': 3,
};

export function sourcePriority(source: number): number {
  return PRIORITY[TITLE_SOURCES[source] ?? 'esco-en'];
}

/** A title to index: a ROME label, an appellation, an ESCO label, a curated alias or English title. */
export interface IndexedTitle {
  title: string;
  romeCode: string;
  /** Index in `TITLE_SOURCES`. */
  source: number;
}

/** An indexed title reduced to its terms. */
export interface TitleEntry {
  romeCode: string;
  source: number;
  stems: string[];
}

/** "Infirmier / Infirmière en soins généraux (IDE)" → "IDE": the acronym alone is a title too. */
export function titleAcronym(title: string): string | null {
  const match = /\(([A-Z]{2,6})\)|-([A-Z]{2,6})-/.exec(title);
  return match ? (match[1] ?? match[2])! : null;
}

/**
 * The masculine and feminine titles of a ROME-style pair, "Conducteur / Conductrice de poids lourd" →
 * ["Conducteur de poids lourd", "Conductrice de poids lourd"] (the complement is written once, after the
 * feminine form), so that "Barman / Barmaid" gives "Barman" and "Barmaid" rather than one title with both
 * words. A title without " / " is returned alone.
 */
export function genderForms(title: string): string[] {
  const pair = /^(.+?)\s+\/\s+(.+)$/.exec(title);
  if (!pair) return [title];
  const masculine = pair[1]!.trim();
  const feminine = pair[2]!.trim();
  const complement = feminine.split(/\s+/).slice(masculine.split(/\s+/).length).join(' ');
  return [complement ? `${masculine} ${complement}` : masculine, feminine];
}

const genericTerms = new Map<string, Set<string>>();
/**
 * Terms that say no occupation by themselves in a language: the generic head nouns (`language.generic`) and
 * the soft-noise words ("équipe", "mission"), through the language's stemmer.
 */
function genericTermsOf(language: TitleLanguage): Set<string> {
  let terms = genericTerms.get(language.name);
  if (!terms) {
    terms = new Set([...language.generic, ...SOFT_TITLE_WORDS].map((word) => language.stem(word)));
    genericTerms.set(language.name, terms);
  }
  return terms;
}

/** Whether a clean word is a generic head noun or soft noise in a language (by its term: "agente", "chargée" too). */
export function isGenericWord(word: string, language: TitleLanguage): boolean {
  const generic = genericTermsOf(language);
  if (generic.has(language.stem(word))) return true;
  // French feminine forms the gender folding leaves: "chargée", "employée" (-ée), "cheffe" (-ffe).
  if (language.name !== 'fr') return false;
  const masculine = word.endsWith('ee') ? word.slice(0, -1) : word.endsWith('ffe') ? word.slice(0, -2) : null;
  return masculine !== null && generic.has(language.stem(masculine));
}

/**
 * Whether a title's terms are all generic ("Opérateur", "Chef / Cheffe de projet" alone): such a title names
 * no occupation by itself, so it is not indexed (a query made of it would match it exactly).
 */
export function isGenericTitle(stems: readonly string[], language: TitleLanguage): boolean {
  const generic = genericTermsOf(language);
  return stems.every((term) => generic.has(term));
}

/**
 * Terms of each title, deduplicated per code (same code, same terms: the first source by priority is kept),
 * in input order; titles made only of generic head nouns are left out (`isGenericTitle`). `stemOf` lets callers reuse a precomputed word → stem table.
 */
export function titleEntries(
  titles: readonly IndexedTitle[],
  language: TitleLanguage = FRENCH,
  stemOf: (word: string) => string = language.stem,
): TitleEntry[] {
  const byKey = new Map<string, TitleEntry>();
  for (const { title, romeCode, source } of titles) {
    for (const form of genderForms(title)) {
      const stems = [...new Set(language.words(form, false).map(stemOf))].sort();
      if (stems.length === 0 || isGenericTitle(stems, language)) continue;
      const key = `${romeCode}|${stems.join(' ')}`;
      const previous = byKey.get(key);
      if (!previous) byKey.set(key, { romeCode, source, stems });
      else if (sourcePriority(source) < sourcePriority(previous.source)) previous.source = source;
    }
  }
  return [...byKey.values()];
}

/** Clean words of titles (not stemmed), for the word → stem table and typo lookups. */
export function titleVocabulary(titles: readonly string[], language: TitleLanguage = FRENCH): Set<string> {
  const words = new Set<string>();
  for (const title of titles) {
    for (const form of genderForms(title)) for (const word of language.words(form, false)) words.add(word);
  }
  return words;
}
