import type { CefrLevel } from '../../domain/index.js';
import { normalizeKey } from '../../text/index.js';

// Names of the languages temp-work orders ask for, in French and English, to one ISO 639-1 code.
const LANGUAGE_CODES: Record<string, string> = {
  francais: 'fr',
  french: 'fr',
  anglais: 'en',
  english: 'en',
  espagnol: 'es',
  spanish: 'es',
  allemand: 'de',
  german: 'de',
  italien: 'it',
  italian: 'it',
  portugais: 'pt',
  portuguese: 'pt',
  arabe: 'ar',
  arabic: 'ar',
  roumain: 'ro',
  romanian: 'ro',
  polonais: 'pl',
  polish: 'pl',
  turc: 'tr',
  turkish: 'tr',
  russe: 'ru',
  russian: 'ru',
  chinois: 'zh',
  chinese: 'zh',
  mandarin: 'zh',
  neerlandais: 'nl',
  dutch: 'nl',
  ukrainien: 'uk',
  ukrainian: 'uk',
  wolof: 'wo',
  lingala: 'ln',
};

/** ISO 639-1 code for a language name in French or English ("Anglais", "english" → `en`); the folded name otherwise. */
export function languageCode(name: string): string {
  const key = normalizeKey(name);
  return LANGUAGE_CODES[key] ?? key;
}

const LEVEL_ORDER: Record<CefrLevel, number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 };

/** Whether a held CEFR level reaches the required one (`native` reaches every level). */
export function levelReaches(held: CefrLevel, required: CefrLevel): boolean {
  return LEVEL_ORDER[held] >= LEVEL_ORDER[required];
}
