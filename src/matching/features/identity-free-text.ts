import type { CandidateProfile } from '../../domain/index.js';
import { foldAccents, words } from '../../text/index.js';

// Lines that say who the person is or where they live: contact details, address, birth, age, nationality,
// family situation, sex, a photo. Checked on the folded line (lower case, no accents).
const PERSONAL_LINE = new RegExp(
  [
    '@',
    String.raw`(?:https?://|www\.)`,
    String.raw`(?:\d[\s.()/-]*){8,}`,
    String.raw`\b\d{5}\b`,
    String.raw`\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av|bd|boulevard|chemin|allee|impasse|place|route|quai|cours|lotissement|residence|street|st|road|rd|lane|drive|ave|way)\b`,
    String.raw`\b(?:nee?|born)\b`,
    String.raw`\b(?:date (?:de naissance|of birth)|d\.?o\.?b)\b`,
    String.raw`\bage\b`,
    String.raw`\b\d{2} ?(?:ans|years old)\b`,
    String.raw`\bnationalit(?:e|y)\b`,
    String.raw`\b(?:situation (?:familiale|matrimoniale)|marital status)\b`,
    String.raw`\b(?:celibataire|mariee?|pacsee?|divorcee?|veu(?:f|ve)|concubinage|married|divorced|widowed)\b`,
    String.raw`\b(?:\d+|un|une|deux|trois|quatre) (?:enfants?|children)\b`,
    String.raw`\b(?:sexe|genre|gender|sex)\s*:`,
    // A photo shows how the person looks ("Photo d'identité jointe", "Photo : oui"); "retouche photo" stays.
    String.raw`\bphoto\s*(?:d.identite|jointe|ci-jointe|:)|^\W*photo\W*$|\b(?:photograph|picture) (?:attached|enclosed)\b`,
  ].join('|'),
);
// Words that only say who the person is: civilities, month names (dates of birth).
const PERSONAL_WORDS = new Set(
  (
    'm mr mrs ms miss mme mlle monsieur madame mademoiselle ' +
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'janv fevr févr avr juil sept oct nov dec ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep'
  ).split(' '),
);

/** Civilities (they say the person's gender), folded. */
const CIVILITIES = ['m', 'mr', 'mrs', 'ms', 'miss', 'mme', 'mlle', 'monsieur', 'madame', 'mademoiselle'];

/** Folded words of the person's name, e-mail and home town, and civilities: left out of every matched field. */
export function identityWords(profile: CandidateProfile): Set<string> {
  const identity = new Set<string>(CIVILITIES);
  const addWords = (text: string | null | undefined) => {
    for (const word of words(text ?? '')) identity.add(word);
  };
  addWords(profile.name);
  // Pieces of the e-mail's local part of 3 letters or more ("pl.garnier": "garnier", not "pl").
  for (const word of words(profile.email?.split('@')[0]?.replace(/[._+-]+/g, ' ') ?? ''))
    if (word.length >= 3 && !/\d/.test(word)) identity.add(word);
  addWords(profile.location?.city);
  return identity;
}

/**
 * The CV text without what says who the person is, for lexical matching: lines with contact details,
 * an address or postal code, a birth date or age, nationality, family situation or sex are left out, and
 * so are the words of the person's name, e-mail and home town, civilities, month names and every word with
 * a digit. Two CVs that differ only by name, gender markers, age or address give the same text (gender
 * agreements are folded later, with the terms). Fast: no pattern per identifier.
 */
export function identityFreeText(profile: CandidateProfile): string {
  const identity = identityWords(profile);
  // Source offsets are not used: they do not follow a text that was edited (a counterfactual swap).
  const kept: string[] = [];
  for (const line of profile.text.split('\n')) {
    // Name words first, so that a first name ("Marie") is not read as a family status ("marié").
    const folded = foldAccents(line)
      .toLowerCase()
      .replace(/[\p{L}\p{N}]+/gu, (word) => (identity.has(word) ? ' ' : word));
    if (PERSONAL_LINE.test(folded)) continue;
    kept.push(
      words(line)
        .filter((word) => !identity.has(word) && !PERSONAL_WORDS.has(word) && !/\d/.test(word))
        .join(' '),
    );
  }
  return kept.join('\n');
}
