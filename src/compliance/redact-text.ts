import type { LanguageCode } from '../locale/index.js';
import { phoneNumbers } from '../support/phone-numbers.js';
import { foldAccents } from '../text/normalize.js';
import { detectLanguage } from '../text/tokenize.js';
import { neutralizeGender } from './neutralize-gender.js';

/** Kinds of personal data removed from text sent to a model. */
export type RedactionKind =
  | 'name'
  | 'email'
  | 'phone'
  | 'url'
  | 'address'
  | 'city'
  | 'birth-date'
  | 'age'
  | 'nationality'
  | 'marital-status'
  | 'photo'
  | 'gender'
  | 'health'
  | 'union'
  | 'other';

/** What to remove besides the patterns every text gets (emails, phones, addresses, birth dates…). */
export interface Identifiers {
  /** Full names; each part (≥ 2 letters, particles excepted) is removed wherever it appears. */
  names?: (string | null | undefined)[];
  emails?: (string | null | undefined)[];
  phones?: (string | null | undefined)[];
  /** Place of residence (city names), removed wherever they appear. */
  places?: (string | null | undefined)[];
  /** Any other literal to remove (e.g. a birth date or nationality as the parser read it). */
  other?: (string | null | undefined)[];
}

export interface PseudonymizeTextOptions {
  /**
   * LanguageCode of the text: its gendered forms (French `conductrice`, `motivée`) are made inclusive.
   * Default: detected from the text (short texts count as French).
   */
  language?: LanguageCode;
}

export interface RedactionResult {
  text: string;
  /** How many spans of each kind were replaced. */
  counts: Partial<Record<RedactionKind, number>>;
}

const PLACEHOLDER: Record<RedactionKind, string> = {
  name: '[name]',
  email: '[email]',
  phone: '[phone]',
  url: '[url]',
  address: '[address]',
  city: '[place]',
  'birth-date': '[birth date]',
  age: '[age]',
  nationality: '[nationality]',
  'marital-status': '[family status]',
  photo: '[photo]',
  gender: '',
  health: '[health]',
  union: '[removed]',
  other: '[removed]',
};

const NAME_PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
]);

// Accent-insensitive letter classes: `e` → `[eéèêëEÉÈÊË…]`, built from Latin letters with diacritics.
let letterClasses: Map<string, string> | null = null;
function letterClass(letter: string): string {
  if (!letterClasses) {
    const groups = new Map<string, Set<string>>();
    const add = (char: string) => {
      const base = foldAccents(char).toLowerCase();
      if (base.length !== 1 || !/[a-z]/.test(base)) return;
      const group = groups.get(base) ?? new Set([base, base.toUpperCase()]);
      group.add(char);
      groups.set(base, group);
    };
    for (let code = 0xc0; code <= 0x24f; code++) add(String.fromCharCode(code));
    for (let code = 0x1e00; code <= 0x1eff; code++) add(String.fromCharCode(code));
    letterClasses = new Map([...groups].map(([base, chars]) => [base, `[${[...chars].join('')}]`]));
  }
  const base = foldAccents(letter).toLowerCase();
  if (base === 'oe') return '(?:oe|OE|Oe|œ|Œ)';
  if (base === 'ae') return '(?:ae|AE|Ae|æ|Æ)';
  return letterClasses.get(base) ?? letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source matching `literal` whatever its accents, case, and separators (space, hyphen, apostrophe). Internal. */
export function literalPattern(literal: string): string {
  return [...literal.trim()]
    .map((char) => (/[\s\-'’]/.test(char) ? "[\\s\\-'’]+" : letterClass(char)))
    .join('')
    .replace(/(\[\\s\\-'’\]\+)+/g, "[\\s\\-'’]+");
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

// Surnames and first names that are also common French words, mostly trades: removed only next to the rest
// of the name (see `pseudonymizeText`).
const AMBIGUOUS_NAME_PARTS = new Set(
  (
    'boulanger boucher charpentier carpentier marchand meunier berger masson mercier couturier cordonnier barbier ' +
    'fournier pelletier tisserand vigneron jardinier forestier bouvier charron tailleur pasteur chevalier ' +
    'petit grand blanc brun noir roux fontaine renard lion loup bois rose marine pierre clement constant ' +
    'france lorraine aime desire prudence olive ambre jade perle roi fort bon bonheur joli jeune vieux duc ' +
    'prince baron comte marin marechal chauffeur macon soudeur peintre cuisinier serveur gardien page poirier ' +
    'pommier chene pont moulin vallee riviere rue place'
  ).split(' '),
);

function isAmbiguousNamePart(part: string): boolean {
  return AMBIGUOUS_NAME_PARTS.has(foldAccents(part).toLowerCase());
}

/** Name parts worth removing: the full name, then each part of ≥ 2 letters that is not a particle. */
export function nameParts(name: string): string[] {
  const parts = name
    .split(/[\s\-'’.,]+/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2 && !NAME_PARTICLES.has(foldAccents(part).toLowerCase()));
  return [name.trim(), ...parts].filter((part, index, all) => part && all.indexOf(part) === index);
}

const DATE = String.raw`(?:\d{1,2}[\s/.\-]+(?:\d{1,2}|[\p{L}.]{3,10})[\s/.\-]+\d{2,4}|\d{4}-\d{2}-\d{2})`;

// Street words of numbered addresses, matched in lower case, Capitalised or UPPER CASE.
const STREET_WORDS = (
  'rue avenue boulevard chemin allée allee impasse place route quai square résidence residence lotissement ' +
  'hameau voie passage cité cite montée montee côte cote sentier traverse esplanade promenade faubourg ruelle ' +
  'venelle domaine mail'
)
  .split(' ')
  .flatMap((word) => [word, `${word}s`])
  .concat([
    'av.',
    'bd',
    'rte',
    'cours',
    'clos',
    'parvis',
    'lieu-dit',
    'lieu dit',
    'rond-point',
    'street',
    'st.',
    'road',
    'rd.',
    'lane',
    'drive',
  ])
  .flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()])
  .map((word) => word.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'))
  .sort((a, b) => b.length - a.length);

/**
 * "12 bis rue des Lilas", "25 allées Jean Jaurès", "8 PLACE DE LA RÉPUBLIQUE": a number, a street word, then a
 * capitalised name or a number ("rue du 8 Mai"), so "3 cours de sécurité" or "12 places de parking" stay.
 */
const NUMBERED_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,4}\s*(?:bis|ter|BIS|TER|[a-dA-D])?\s*,?\s*(?:${STREET_WORDS.join('|')})(?![\p{L}])\s+(?=(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*)?[\p{Lu}\d])[^\n,;]*`,
  'gu',
);

/** `\b` that knows accented letters (JavaScript's `\b` treats `é` as a non-word character). */
const UNICODE_BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
const withUnicodeBoundaries = (pattern: RegExp): RegExp =>
  new RegExp(
    pattern.source.replaceAll(String.raw`\b`, UNICODE_BOUNDARY),
    pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`,
  );

/** Patterns applied to every text, in order. Each match is replaced by its kind's placeholder. */
/**
 * Built on the first redaction, not at start-up: with `\b` widened to Unicode letters these patterns hold
 * hundreds of `\p{L}` classes, which V8 expands when a RegExp is constructed (~40 ms).
 */
let patterns: [RedactionKind, RegExp][] | undefined;
const buildPatterns = (): [RedactionKind, RegExp][] =>
  (
    [
      ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu],
      [
        'url',
        /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b(?:linkedin\.com|facebook\.com|instagram\.com|viadeo\.com)\/[^\s<>"]*/giu,
      ],
      // Birth date and age.
      [
        'birth-date',
        new RegExp(
          String.raw`(?:\bn[ée]e?\s*(?:\(e\))?\s+le|\bdate\s+de\s+naissance\s*:?|\bborn(?:\s+on)?|\bdate\s+of\s+birth\s*:?|\bD\.?O\.?B\.?\s*:?)\s*${DATE}(?:\s+(?:à|a|in)\s+[\p{L}\- ]+)?`,
          'giu',
        ),
      ],
      ['birth-date', /\bn[ée]e?\s*(?:\(e\))?\s+(?:en|in)\s+\d{4}\b/giu],
      ['age', /\b(?:[âa]ge|age)\s*:?\s*\d{2}(?:\s*(?:ans|years?(?:\s+old)?))?(?!\s*(?:%|€|h\b))\b/giu],
      [
        'age',
        /(?<!(?:depuis|pendant|durant|de|sur|environ|plus\s+de|for|over)\s+)\b\d{2}\s*(?:ans|years?\s+old)\b(?!\s*(?:d['’]|de\s|dans|en\s|comme|as\s|of\s|chez|au\s|sur))/giu,
      ],
      // Identity details.
      [
        'nationality',
        /\b(?:de\s+)?nationalit[ée]\s*:?\s*[\p{L}-]+(?:\s+et\s+[\p{L}-]+)?|\bnationality\s*:?\s*[\p{L}-]+/giu,
      ],
      [
        'marital-status',
        /\bsituation\s+(?:familiale|matrimoniale)\s*:?[^\n,;]*|\bmarital\s+status\s*:?[^\n,;]*/giu,
      ],
      [
        'marital-status',
        /\b(?:c[ée]libataire|mari[ée]e?(?:\(e\))?|pacs[ée]e?(?:\(e\))?|divorc[ée]e?(?:\(e\))?|veu(?:f|ve)|en\s+couple|concubinage|single|married|divorced|widowed)\b/giu,
      ],
      [
        'marital-status',
        /\b(?:(?:m[èe]re|p[èe]re|parent)\s+de\s+)?(?:\d+|un|une|deux|trois|quatre)\s+enfants?\b(?:\s*\([^)]*\))?|\b(?:sans\s+enfants?|\d+\s+children|no\s+children)\b/giu,
      ],
      [
        'gender',
        /\b(?:sexe|genre|gender|sex)\s*:\s*(?:[MFH]|masculin|f[ée]minin|homme|femme|male|female)\b/giu,
      ],
      ['photo', /\bphoto(?:graphie)?\s*(?:d['’]identit[ée]|jointe|ci-jointe)?\b/giu],
      [
        'health',
        /\b(?:RQTH|reconnaissance\s+de\s+la\s+qualit[ée]\s+de\s+travailleur\s+handicap[ée]|travailleu(?:r|se)\s+handicap[ée]e?|en\s+situation\s+de\s+handicap|handicap(?:[ée]e?)?|invalidit[ée]|enceinte|grossesse|pregnan(?:t|cy)|disabilit(?:y|ies)|disabled)\b/giu,
      ],
      ['union', /\b(?:d[ée]l[ée]gu[ée]e?\s+syndica(?:l|le)|syndiqu[ée]e?|union\s+representative)\b/giu],
      // Street address: "12 bis rue des Lilas", "Bâtiment B, 3 allée…", "Résidence les Pins".
      ['address', NUMBERED_STREET],
      [
        'address',
        /\b(?:rue|avenue|boulevard|impasse|all[ée]es?|chemin|mont[ée]e|r[ée]sidence|lotissement|lieu[\s-]dit|faubourg)\s+(?:d['’]|de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+)?\p{Lu}[^\n,;]*/gu,
      ],
      [
        'address',
        /\b(?:b[âa]timent|b[âa]t\.|appartement|appt\.?|apt\.?|escalier|[ée]tage|BP|CS)\s*\d*[A-Z]?\b/gu,
      ],
      // Postal code + city on an address line ("69003 Lyon", "F-69003 LYON CEDEX").
      [
        'address',
        /\b(?:F-)?\d{2}\s?\d{3}\s+\p{Lu}[\p{L}'’-]*(?:[\s-]+(?:\p{L}[\p{L}'’-]*|\d{1,2}))*?(?=\s*(?:$|[\n,;.)]|cedex))/gmu,
      ],
      // A postal code or département next to a removed place: "69003 [place]", "[place] (69)".
      [
        'address',
        /(?:\b(?:F-)?\d{2}\s?\d{3}\s+)?\[place\](?:\s*\((?:\d{2}\s?\d{3}|\d{2}|2[AB])\)|\s+\d{2}\s?\d{3}(?![\d/]))?/gu,
      ],
      // Civility and H/F markers.
      [
        'gender',
        /\b(?:Monsieur|Madame|Mademoiselle|Mme|Mlle|Mlles|Mmes|Mrs|Miss)\b\.?\s*|(?<![\p{L}])(?:M\.|Mr\.?|Ms\.?)(?=\s+(?:\p{Lu}|\[))\s*/gu,
      ],
      ['gender', /\s*\(?\b(?:H\s*\/\s*F|F\s*\/\s*H|M\s*\/\s*F|F\s*\/\s*M|M\s*\/\s*W|W\s*\/\s*M)\b\)?/gu],
    ] as [RedactionKind, RegExp][]
  ).map(([kind, pattern]) => [kind, withUnicodeBoundaries(pattern)]);

/** One replacement pass, counting matches. Placeholders already in the text are left alone. */
function replaceAll(text: string, pattern: RegExp, kind: RedactionKind, counts: RedactionResult['counts']) {
  return text.replace(pattern, (match) => {
    if (/^\s*\[[a-z ]+\]\s*$/.test(match)) return match;
    counts[kind] = (counts[kind] ?? 0) + 1;
    return PLACEHOLDER[kind];
  });
}

/**
 * Removes personal data from free text before it is sent to a model or written anywhere: the given
 * identifiers (name parts, emails, phones, places; accent, case and separator insensitive) and, in every
 * text, emails, URLs, phone numbers, street addresses, postal-code + city lines, birth dates, ages,
 * nationality, family status, civility (M., Mme, Monsieur, Madame), gender fields, health/disability and union
 * mentions. Placeholders say what was removed (`[name]`, `[phone]`…); civilities are dropped. In French
 * text, masculine and feminine job titles and adjectives become one inclusive form (`neutralizeGender`).
 */
export function pseudonymizeText(
  text: string,
  identifiers: Identifiers = {},
  options: PseudonymizeTextOptions = {},
): RedactionResult {
  const counts: RedactionResult['counts'] = {};
  let result = text;
  const literals = (values: (string | null | undefined)[] | undefined) =>
    (values ?? []).filter((value): value is string => typeof value === 'string' && value.trim().length >= 2);

  // Literal identifiers first (longest first, so "Jean-Marc Dupont" goes before "Jean").
  const literalRules: [RedactionKind, string][] = [
    ...literals(identifiers.emails).map((email): [RedactionKind, string] => ['email', email]),
    ...literals(identifiers.other).map((other): [RedactionKind, string] => ['other', other]),
    ...literals(identifiers.names).flatMap((name) =>
      nameParts(name).map((part): [RedactionKind, string] => ['name', part]),
    ),
    ...literals(identifiers.places).map((place): [RedactionKind, string] => ['city', place]),
  ];
  literalRules.sort((a, b) => b[1].length - a[1].length || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  // A surname that is also an ordinary word or a trade ("Charpentier", "Marchand") is removed only next to
  // another part of the name, so a Mr Charpentier applying as charpentier keeps his experience.
  // First names ("Pierre", "Rose") are always removed: alone in a CV, they are the person.
  const givenNameParts = new Set(
    literals(identifiers.names).flatMap((name) => nameParts(name.trim().split(/\s+/)[0] ?? '')),
  );
  const ambiguous = literalRules.filter(
    ([kind, literal]) => kind === 'name' && !givenNameParts.has(literal) && isAmbiguousNamePart(literal),
  );
  for (const [kind, literal] of literalRules) {
    if (ambiguous.some(([, part]) => part === literal)) continue;
    const pattern = new RegExp(`${WORD_START}${literalPattern(literal)}${WORD_END}`, 'gu');
    result = replaceAll(result, pattern, kind, counts);
  }
  for (const [, literal] of ambiguous) {
    const part = literalPattern(literal);
    const placeholder = String.raw`\[name\]`;
    const pattern = new RegExp(
      String.raw`(?<=${placeholder}[ \t,\-]*)${WORD_START}${part}${WORD_END}|${WORD_START}${part}${WORD_END}(?=[ \t,\-]*${placeholder})`,
      'gu',
    );
    // Repeat so "ROSE MARCHAND [name]" loses both parts.
    for (let pass = 0; pass < 3; pass++) result = replaceAll(result, pattern, 'name', counts);
  }

  patterns ??= buildPatterns();
  for (const [kind, pattern] of patterns) result = replaceAll(result, pattern, kind, counts);

  // Phone numbers: the given ones in any spacing, then whatever libphonenumber finds, then loose digit runs.
  const phones = literals(identifiers.phones).map((phone) => phone.replace(/\D/g, '').replace(/^33/, ''));
  for (const digits of phones) {
    const national = digits.startsWith('0') ? digits.slice(1) : digits;
    if (national.length < 6) continue;
    const separated = [...national].join('[\\s.\\-/()]*');
    const pattern = new RegExp(`(?:\\+\\s*33\\s*(?:\\(0\\))?|0033|0)?[\\s.\\-/()]*${separated}`, 'g');
    result = replaceAll(result, pattern, 'phone', counts);
  }
  const found = phoneNumbers().findPhoneNumbersInText(result, { defaultCountry: 'FR' });
  for (const phone of [...found].reverse()) {
    counts.phone = (counts.phone ?? 0) + 1;
    result = `${result.slice(0, phone.startsAt)}${PLACEHOLDER.phone}${result.slice(phone.endsAt)}`;
  }
  result = replaceAll(
    result,
    /(?<![\d\p{L}])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d(?:[\s.-]?\d{2}){4}|0\d(?:[\s.-]?\d{2}){4})(?!\d)/gu,
    'phone',
    counts,
  );

  const language = options.language ?? (text.length >= 200 ? detectLanguage(text) : 'fr');
  return { text: neutralizeGender(result, language), counts };
}
