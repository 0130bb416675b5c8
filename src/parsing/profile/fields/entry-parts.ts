import { lookupCommune } from '../../../geo/index.js';
import { foldForMatch } from '../../../text/index.js';
import {
  COMPANY_PLACEHOLDER,
  COMPANY_WORDS,
  countryOfRegion,
  LOCATION_PLACEHOLDER,
  REGION_NAMES,
  TITLE_WORDS,
} from './entry-words.js';

/**
 * A piece of an entry's header line: "Senior Software Engineer", "Infosys Limited", "Pune, Maharashtra".
 * `offset` is where it starts in the line it came from.
 */
export interface EntryPart {
  text: string;
  offset: number;
  /** What a label in front of it said it is ("Position: …", "Entreprise : …"). */
  label?: EntryLabel;
}

export type EntryLabel = 'title' | 'company' | 'dates' | 'location';

// Labels of labelled entry lines, folded: "Designation: Test Engineer", "Employeur : Transports X".
const LABELS: [RegExp, EntryLabel][] = [
  [
    /^(?:position|designation|role|job title|title|poste(?: occupe)?|fonction|intitule(?: du poste)?|emploi)\s*:\s*/u,
    'title',
  ],
  [
    /^(?:company(?: name)?|employer|organi[sz]ation|firm|entreprise|employeur|societe|structure|etablissement)\s*:\s*/u,
    'company',
  ],
  [/^(?:duration|period|dates?|tenure|periode|duree)\s*:\s*/u, 'dates'],
  [/^(?:location|place|lieu|ville|city)\s*:\s*/u, 'location'],
];

/** The label a line starts with, and where its value starts, or null. */
export function entryLabel(line: string): { label: EntryLabel; offset: number } | null {
  const folded = foldForMatch(line);
  for (const [pattern, label] of LABELS) {
    const match = pattern.exec(folded);
    if (match && match[0].length < line.length) return { label, offset: match[0].length };
  }
  return null;
}

// Strong separators between the parts of a header line; commas are handled apart (they also sit inside
// places: "Austin, TX").
const SEPARATOR = /\s+[-–—|·•]+\s+|\s*[|•·]\s*|\s+[–—]\s*|\s*[–—]\s+|\t+|\s{3,}|\s+(?:at|chez|@)\s+/giu;

// Folded words of a text; parts are weighed many times, so the answers are kept (bounded).
const wordMemo = new Map<string, readonly string[]>();
function foldedWords(text: string): readonly string[] {
  let words = wordMemo.get(text);
  if (words === undefined) {
    if (wordMemo.size >= 20_000) wordMemo.clear();
    words = foldForMatch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
    wordMemo.set(text, words);
  }
  return words;
}

/** Whether a text is a region or country name alone ("Karnataka", "TX", "India"). */
export function isRegionName(text: string): boolean {
  return REGION_NAMES.has(foldedWords(text).join(' '));
}

/**
 * Whether a part names a place: an anonymised "City , State", "City, Region" with a known region or a
 * two-letter state code ("Austin, TX", "Bangalore Urban, Karnataka"), a region or country alone, or a French
 * commune written alone ("Corbas", "Saint-Priest").
 */
export function isPlace(text: string): boolean {
  let known = placeMemo.get(text);
  if (known === undefined) {
    if (placeMemo.size >= 20_000) placeMemo.clear();
    known = readsAsPlace(text);
    placeMemo.set(text, known);
  }
  return known;
}

// `isPlace` is asked about the same parts many times (header lines, lists, names): answers kept, bounded.
const placeMemo = new Map<string, boolean>();

function readsAsPlace(text: string): boolean {
  // A trailing postal code is part of a place ("Norwalk, CT 06850", "Pune, 411014").
  const trimmed = text
    .trim()
    .replace(/[\s,.;:-]+$/u, '')
    .replace(/(?<=\p{L})[\s,]+\d{5,6}(?:-\d{4})?$/u, '');
  const segments = trimmed.split(/\s*,\s*/u).filter(Boolean);
  // Title words are looked for outside a trailing state code ("Baltimore, MD": "MD" is not a doctor).
  const beforeCode =
    segments.length >= 2 && /^[A-Z]{2}$/u.test(segments.at(-1)!) ? segments.slice(0, -1).join(', ') : trimmed;
  if (trimmed.length === 0 || /\d{3,}/.test(trimmed) || hasCue(beforeCode, TITLE_WORDS)) return false;
  if (LOCATION_PLACEHOLDER.test(trimmed) || /^city$/iu.test(trimmed)) return true;
  if (segments.length >= 2 && segments.length <= 3) {
    const last = segments.at(-1)!;
    const cityLike = segments
      .slice(0, -1)
      .every((segment) => /^\p{Lu}[\p{L}.'’ -]{1,40}$/u.test(segment) && !hasCue(segment, COMPANY_WORDS));
    // Three segments are a place when the middle one is a region too ("Pune, Maharashtra, India", "Austin,
    // TX, USA"); "FLASHSTARTS, Cleveland, OH" is an employer before its place.
    // "OTC Logic, New York, NY", "LEXISNEXIS, New York, NY": a state then that state's code is the city
    // and its state, after an employer.
    const middleCountry = segments.length === 3 ? countryOfRegion(foldedWords(segments[1]!).join(' ')) : null;
    const stateTwice =
      middleCountry !== null &&
      middleCountry === countryOfRegion(foldedWords(last).join(' ')) &&
      /^[A-Z]{2}$/u.test(last);
    const middleOk =
      segments.length === 2 ||
      (isRegionName(segments[1]!) && !stateTwice) ||
      /^[A-Z]{2}$/u.test(segments[1]!) ||
      lookupCommune({ city: segments[0]! }, { approximate: false }) !== null;
    if (cityLike && middleOk && (isRegionName(last) || /^[A-Z]{2}$/u.test(last))) return true;
  }
  if (segments.length === 1) {
    if (isRegionName(trimmed)) return true;
    if (hasCue(trimmed, COMPANY_WORDS) || trimmed.split(/\s+/).length > 4 || !/^\p{Lu}/u.test(trimmed))
      return false;
    return lookupCommune({ city: trimmed }, { approximate: false }) !== null;
  }
  return false;
}

/** Whether one of the words of `text` is in `words` (folded). */
export function hasCue(text: string, words: ReadonlySet<string>): boolean {
  return foldedWords(text).some((word) => words.has(word));
}

/** How much a part looks like a job title (positive) rather than an employer (negative). */
export function titleScore(text: string, isOccupation: (text: string) => boolean): number {
  let score = 0;
  if (hasCue(text, TITLE_WORDS)) score += 2;
  if (isOccupation(text)) score += 1;
  if (hasCue(text, COMPANY_WORDS)) score -= 2;
  if (COMPANY_PLACEHOLDER.test(text)) score -= 4;
  if (/\d{3,}/.test(text)) score -= 1;
  return score;
}

/** How much a part looks like an employer. */
export function companyScore(text: string): number {
  let score = 0;
  if (hasCue(text, COMPANY_WORDS)) score += 2;
  if (COMPANY_PLACEHOLDER.test(text)) score += 4;
  if (hasCue(text, TITLE_WORDS)) score -= 2;
  return score;
}

/** Splits "Title – Company, City" / "Company - City, ST -" / "Title at Company (City)" into parts. */
export function splitParts(line: string): EntryPart[] {
  const labelled = entryLabel(line);
  if (labelled) {
    const value = line
      .slice(labelled.offset)
      .trim()
      .replace(/[\s,;|–—-]+$/u, '');
    return value ? [{ text: value, offset: labelled.offset, label: labelled.label }] : [];
  }
  const parts: EntryPart[] = [];
  const push = (text: string, offset: number) => {
    const leading = text.length - text.trimStart().length;
    const cleaned = text.trim().replace(/^[\s:,;|–—-]+|[\s:,;|–—(-]+$/gu, '');
    if (cleaned.length === 0) return;
    parts.push({ text: cleaned, offset: offset + leading + text.trim().indexOf(cleaned) });
  };
  // Anonymised templates run placeholders into the other parts: "Company Name City , State TEACHER".
  const marked = line.replace(
    new RegExp(`${COMPANY_PLACEHOLDER.source}|${LOCATION_PLACEHOLDER.source}`, 'giu'),
    (placeholder) => `\u0000${placeholder}\u0000`,
  );
  const pieces: EntryPart[] = [];
  let cursor = 0;
  for (const chunk of marked.split('\u0000')) {
    pieces.push({ text: chunk, offset: cursor });
    cursor += chunk.length;
  }
  for (const piece of pieces) {
    const base = piece.offset;
    let last = 0;
    for (const separator of piece.text.matchAll(SEPARATOR)) {
      pushWithPlace(piece.text.slice(last, separator.index), base + last, push);
      last = separator.index + separator[0].length;
    }
    pushWithPlace(piece.text.slice(last), base + last, push);
  }
  return parts;
}

/**
 * Whether the words in trailing parentheses are a place: a known one, or one to three capitalised words
 * without title or employer words ("(Leicester)"), not an acronym or a remark ("(CESU)", "(missions)").
 */
function isPlaceInParentheses(text: string): boolean {
  if (isPlace(text)) return true;
  const trimmed = text.trim();
  return (
    /^\p{Lu}\p{Ll}[\p{L}'’ -]*$/u.test(trimmed) &&
    trimmed.split(/\s+/).length <= 3 &&
    !hasCue(trimmed, TITLE_WORDS) &&
    !hasCue(trimmed, COMPANY_WORDS)
  );
}

/**
 * Pushes a segment, splitting off what its commas or parentheses separate: "Entrepôt X, Corbas" → two
 * parts, "Cariste (Lyon)" → two parts, but "Austin, TX", "Director, Sales" and "Particuliers (CESU)" stay
 * whole.
 */
function pushWithPlace(segment: string, offset: number, push: (text: string, offset: number) => void): void {
  const parenthesis = /\s*\(([^()]+)\)[\s,;]*$/u.exec(segment);
  if (parenthesis && parenthesis.index > 0 && isPlaceInParentheses(parenthesis[1]!)) {
    pushWithPlace(segment.slice(0, parenthesis.index), offset, push);
    push(parenthesis[1]!, offset + segment.indexOf(parenthesis[1]!, parenthesis.index));
    return;
  }
  const trimmed = segment.trim();
  if (isPlace(trimmed) || !trimmed.includes(',')) {
    pushAtBoundary(segment, offset, push);
    return;
  }
  // "Company, City, ST": peel a trailing place off, then split the rest on commas.
  const commas = [...segment.matchAll(/,/gu)].map((match) => match.index);
  for (const comma of commas) {
    const tail = segment.slice(comma + 1);
    if (isPlace(tail)) {
      pushWithPlace(segment.slice(0, comma), offset, push);
      push(tail, offset + comma + 1);
      return;
    }
  }
  const head = segment.slice(0, commas[0]);
  if (
    hasCue(head, TITLE_WORDS) &&
    !hasCue(segment.slice(commas[0]! + 1), COMPANY_WORDS) &&
    commas.length === 1
  ) {
    push(segment, offset); // "Director, Sales"
    return;
  }
  let last = 0;
  for (const [position, comma] of [...commas, segment.length].entries()) {
    // "Strategic Marketing, Inc., Houston": a legal form after a comma stays with the name before it.
    const next = commas[position + 1] ?? segment.length;
    if (comma < segment.length && LEGAL_FORM.test(segment.slice(comma + 1, next))) continue;
    push(segment.slice(last, comma), offset + last);
    last = comma + 1;
  }
}

/** Whether a text is a legal form alone, as written after a comma ("Inc.", "LLC", "Pvt. Ltd"). */
export function isLegalForm(text: string): boolean {
  return LEGAL_FORM.test(text);
}

// Legal forms written after a comma ("Acme, Inc.", "Globex, LLC").
const LEGAL_FORM =
  /^\s*(?:inc|ltd|llc|llp|plc|corp|co|pvt\.?\s*ltd|gmbh|sa|sas|sarl|ag|bv|nv|lp|pty\.?\s*ltd)\.?\s*$/iu;

// Words that end an employer's name ("Ryan Motors", "Infosys Limited"), after which a title can follow
// without a separator. Head nouns that also start titles ("Store Manager", "Bank Teller") are not here.
const NAME_ENDINGS = new Set(
  (
    'ltd limited inc incorporated llc llp plc pvt corp corporation co company gmbh ag sa sas sarl sasu eurl bv ' +
    'technologies solutions services systems industries enterprises consulting consultancy labs motors ' +
    'holdings infotech'
  ).split(' '),
);

/**
 * Pushes a segment split where an employer's name and a title meet without a separator (a column gap lost
 * in extraction): "Ryan Motors Automobile Engineer", "Infosys Limited Senior Systems Engineer", and
 * "Senior Accountant Acme Corporation" the other way round. Otherwise the segment stays whole.
 */
function pushAtBoundary(segment: string, offset: number, push: (text: string, offset: number) => void): void {
  const tokens = [...segment.matchAll(/\S+/gu)].map((match) => ({
    text: match[0],
    index: match.index,
    folded: foldForMatch(match[0]).replace(/[^\p{L}\d]/gu, ''),
    // "Developer/Senior": the words a slash or a dash joins, each.
    pieces: foldForMatch(match[0]).split(/[^\p{L}\d]+/u),
  }));
  const isTitle = (token: { pieces: string[] }) => token.pieces.some((piece) => TITLE_WORDS.has(piece));
  const split = (after: number) => {
    const cut = tokens[after + 1]!.index;
    push(segment.slice(0, cut), offset);
    push(segment.slice(cut), offset + cut);
  };
  for (let index = 1; index < tokens.length - 1; index++) {
    const before = tokens.slice(0, index + 1);
    const rest = tokens.slice(index + 1);
    if (NAME_ENDINGS.has(tokens[index]!.folded) && !before.some(isTitle) && rest.some(isTitle)) {
      split(index);
      return;
    }
    if (
      isTitle(tokens[index]!) &&
      rest.length >= 2 &&
      NAME_ENDINGS.has(rest.at(-1)!.folded) &&
      !rest.some(isTitle) &&
      !before.some((token) => NAME_ENDINGS.has(token.folded))
    ) {
      split(index);
      return;
    }
  }
  push(segment, offset);
}

/**
 * The job-title part of a headline: "Software Engineer - Disney" → "Software Engineer"; from the first title
 * part to the last when there are several ("Cariste – magasinier"); the whole text when no part is a title.
 */
export function headlineTitle(text: string): { text: string; offset: number } {
  const parts = splitParts(text);
  const titles = parts.filter((part) => !part.label && hasCue(part.text, TITLE_WORDS));
  if (parts.length < 2 || titles.length === 0) return { text, offset: 0 };
  // "JAVA Developer/Senior Systems Engineer - INFOSYS LIMITED": from the first title to the last one.
  const first = titles[0]!;
  const last = titles.at(-1)!;
  return { text: text.slice(first.offset, last.offset + last.text.length), offset: first.offset };
}
