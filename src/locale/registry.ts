import { en } from './en/index.js';
import { fr } from './fr/index.js';
import type { Locale } from './locale.js';

/**
 * The languages cvmatch speaks, in the order their words are tried when a text's language is not known
 * (guard, reply reading, CV headings): French first. A new language is a folder beside `fr/` and one line here.
 */
export const locales = { fr, en } as const satisfies Record<string, Locale>;

/** A language code cvmatch has words for. */
export type LanguageCode = keyof typeof locales;

/** The registered languages, reference (French) first. */
export const languages = Object.keys(locales) as LanguageCode[];

/** Every registered locale's value of `pick`, in registry order (for vocabularies read in any language). */
export function fromEveryLocale<T>(pick: (locale: Locale) => readonly T[]): T[] {
  return languages.flatMap((language) => pick(locales[language]));
}
