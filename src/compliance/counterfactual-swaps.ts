import type { CandidateProfile } from '../domain/index.js';
import { GENDERED_FORMS, GENDERED_WORD_PAIRS } from '../text/gendered-forms.js';
import { foldAccents } from '../text/normalize.js';

/** What a counterfactual variant of a profile changes: nothing else may move its score. */
export type CounterfactualKind = 'identity' | 'gender' | 'age' | 'address' | 'photo';

/** Every string of a profile (not its id) through `change`; `source` and `sensitive` are kept as they are. */
export function mapProfileStrings(
  profile: CandidateProfile,
  change: (text: string) => string,
): CandidateProfile {
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key === 'id' ? value : change(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, null));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([entryKey, entry]) => [entryKey, walk(entry, entryKey)]),
      );
    }
    return value;
  };
  return {
    ...(walk(profile, null) as CandidateProfile),
    id: profile.id,
    source: profile.source,
    sensitive: profile.sensitive,
  };
}

const plural = (word: string) => (word.endsWith('s') ? `${word}es` : `${word}s`);

let flips: Map<string, string> | null = null;

function flipMap(): Map<string, string> {
  if (flips) return flips;
  flips = new Map();
  const pairs = [
    ...GENDERED_FORMS.map(([masculine, feminine]) => [masculine, feminine] as [string, string]),
    ...GENDERED_WORD_PAIRS,
  ];
  for (const [masculine, feminine] of pairs) {
    for (const [from, to] of [
      [masculine, feminine],
      [feminine, masculine],
      [plural(masculine), plural(feminine)],
      [plural(feminine), plural(masculine)],
    ] as const) {
      const key = foldAccents(from).toLowerCase();
      if (!flips.has(key)) flips.set(key, to);
    }
  }
  return flips;
}

function keepCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** A text with every gendered word turned to the other gender ("serveuse" ↔ "serveur", "née" ↔ "né", H/F ↔ F/H). */
export function flipGender(text: string): string {
  const map = flipMap();
  return text
    .replace(/\b([HMF])\s*\/\s*([HMF])\b/g, (_, a: string, b: string) => `${b}/${a}`)
    .replace(/\b(Mme|M\.)(?=\s)/g, (civility) => (civility === 'Mme' ? 'M.' : 'Mme'))
    .replace(/\p{L}+(?:-\p{L}+)*/gu, (word) => {
      const flipped = map.get(foldAccents(word).toLowerCase());
      return flipped ? keepCase(word, flipped) : word;
    });
}

/** The same profile written by someone of the other gender: every gendered word flipped (`flipGender`). */
export function swapGender(profile: CandidateProfile): CandidateProfile {
  return mapProfileStrings(profile, flipGender);
}

/**
 * The same profile `years` older: "34 ans" / "34 years old" / "Age: 34" and the year of a birth date
 * ("Née le 14/02/1991", "born 1991") change; so do `sensitive.age` and `sensitive.birthDate`.
 */
export function swapAge(profile: CandidateProfile, years = 9): CandidateProfile {
  const older = (text: string) =>
    text
      // An age, not a duration ("10 ans d'expérience", "for 12 years").
      .replace(
        /(?<!(?:depuis|pendant|durant|de|sur|environ|plus\s+de|for|over)\s+)\b(\d{2})(\s*(?:ans|years?\s+old))\b(?!\s*(?:d['’]|de\s|dans|en\s|comme|as\s|of\s|chez|au\s|sur))/giu,
        (_, age: string, unit: string) => `${Number(age) + years}${unit}`,
      )
      .replace(
        /\b((?:[âa]ge)\s*:?\s*)(\d{2})\b/giu,
        (_, label: string, age: string) => `${label}${Number(age) + years}`,
      )
      .replace(
        /(\b(?:n[ée]e?|born|date\s+(?:de\s+naissance|of\s+birth))\b[^\n]{0,40}?)\b((?:19|20)\d{2})\b/giu,
        (_, before: string, year: string) => `${before}${Number(year) - years}`,
      );
  const swapped = mapProfileStrings(profile, older);
  const sensitive = profile.sensitive;
  return {
    ...swapped,
    sensitive: sensitive
      ? {
          ...sensitive,
          age: sensitive.age === null ? null : sensitive.age + years,
          birthDate: sensitive.birthDate?.replace(/^\d{4}/, (year) => String(Number(year) - years)) ?? null,
        }
      : null,
  };
}

const STREET =
  /\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|place|route|quai|cours)\b[^,\n]*/giu;
const STREET_EN =
  /\b\d{1,5}\s+(?:[\p{L}'’-]+\s+){1,3}(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|drive|way)\b/giu;

/** The same profile at another street address in the same town (postal code, town and coordinates kept). */
export function swapAddress(profile: CandidateProfile): CandidateProfile {
  return mapProfileStrings(profile, (text) =>
    text.replace(STREET, '7 avenue des Tilleuls').replace(STREET_EN, '7 Oak Avenue'),
  );
}

/** The line a photo leaves in a CV's text ("Photo" on the page); French wording, the CVs' main language. */
export const PHOTO_MENTION = 'Photo d’identité jointe';

/**
 * The same profile with a photo mentioned: a line added at the top of its text, or, when the text already
 * mentions a photo ("Photo.", "photo d'identité jointe"), only that mention removed. Nothing a ranker may
 * use changes.
 */
export function swapPhoto(profile: CandidateProfile): CandidateProfile {
  const mention = /\bphoto\b(?:\s*d['’]identit[ée])?(?:\s*(?:ci-)?jointe)?(?:\s*:\s*oui)?\.?/giu;
  const text = /\bphoto\b/iu.test(profile.text)
    ? profile.text.replace(mention, '')
    : `${PHOTO_MENTION}\n${profile.text}`;
  return { ...profile, text };
}
