import type { Location } from '../../../domain/index.js';
import { findCommuneMentions, lookupCommune } from '../../../geo/index.js';
import { phoneNumbers } from '../../../support/phone-numbers.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { headingKind } from '../sections.js';
import { parseDateRange } from './dates.js';
import { isPlace, isRegionName, splitParts } from './entry-parts.js';
import { COMPANY_WORDS, countryOfRegion, LOCATION_PLACEHOLDER, TITLE_WORDS } from './entry-words.js';
import type { Found } from './found.js';

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[a-z]{2,}/iu;

/** The first e-mail address (contact lines first). */
export function findEmail(lines: SectionLine[]): Found<string> | null {
  for (const line of lines) {
    const match = EMAIL.exec(line.text);
    if (match)
      return {
        value: match[0].toLowerCase(),
        source: spanIn(line, match.index, match[0].length),
        confidence: 0.99,
      };
  }
  return null;
}

const PHONE_LABEL = /\b(t[ée]l|tel|phone|mobile|portable|gsm|mob)\b/iu;

/** A phone number in E.164 (default country France). A labelled mobile number wins over other numbers. */
export function findPhone(lines: SectionLine[]): Found<string> | null {
  let best: (Found<string> & { rank: number }) | null = null;
  for (const line of lines) {
    for (const match of phoneNumbers().findPhoneNumbersInText(line.text, 'FR')) {
      const number = match.number;
      const type = number.getType();
      const labelled = PHONE_LABEL.test(line.text.slice(0, match.startsAt));
      const mobile = type === 'MOBILE' || /^\+33[67]/.test(number.number);
      const rank = (labelled ? 2 : 0) + (mobile ? 1 : 0);
      if (best === null || rank > best.rank) {
        best = {
          value: number.number,
          source: spanIn(line, match.startsAt, match.endsAt - match.startsAt),
          confidence: labelled || mobile ? 0.95 : 0.75,
          rank,
        };
      }
    }
  }
  if (!best) return null;
  const { rank: _rank, ...found } = best;
  return found;
}

const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'der',
  'den',
  'von',
  'di',
  'da',
  'dos',
  'del',
  "d'",
  'd’',
]);
// Words that make a line a job title, a heading, an employer, a school or a template rather than a name.
// Job-title words that are common surnames (Baker, Cook, Porter…) are left out of this list.
const SURNAME_TITLES = new Set(
  (
    'baker carpenter cook driver gardener painter porter guard mason chef turner ' +
    'boulanger boucher charpentier couvreur jardinier menuisier peintre plombier'
  ).split(' '),
);
const NOT_NAME_WORDS = new Set([
  ...[...TITLE_WORDS].filter((word) => !SURNAME_TITLES.has(word)),
  ...COMPANY_WORDS,
  ...(
    'cariste preparateur preparatrice commandes manutentionnaire magasinier magasiniere soudeur aide soignant soignante ' +
    'agent service hospitalier serveur serveuse commis cuisine chauffeur conducteur electricien macon assistant assistante ' +
    'administratif administrative standardiste securite operateur operatrice production proprete driver operative warehouse ' +
    'forklift care picker packer assistant curriculum vitae cv experimente experimentee polyvalent polyvalente debutant ' +
    'qualifie qualifiee diplome diplomee confirme confirmee super lourd poids hotesse accueil order tig mig batiment ' +
    'logistique contact profil profile references resume template sample example summary qualification qualifications ' +
    'objective objectives address adresse home details personal professional education educational experience skills ' +
    'about your name nom prenom seeker client development lifecycle career page information informations declaration ' +
    'birth phone email mobile cell telephone linkedin github website portfolio software hardware data web network ' +
    'digital social media marketing sales business management project projects build candidate candidat candidate ' +
    'confidential anonymous anonyme job emploi poste work history background expertise achievements accomplishments ' +
    'highlights languages langues hobbies interests loisirs competences formation experiences applicant ' +
    'licenses licences teaching font styles and the of to through for with excellent strong proven successful ' +
    'road street st avenue ave drive dr lane ln way blvd boulevard apt suite rue chemin allee impasse avenue ' +
    'position applying knowledge html sous technical tools technologies'
  ).split(' '),
]);
// Anonymised or template CVs: no name to read.
const ANONYMISED =
  /\*{3,}|x{4,}|\[\s*(?:name|nom)\s*\]|^(?:your|first|full)\s+name\b|^name\s+surname$|^pr[ée]nom\s+nom$|^(?:the\s+)?candidat(?:e)?$/iu;

// English head nouns that are also common surnames are not enough to call a line a job title.
const JOB_TITLE_WORDS = new Set(
  [...TITLE_WORDS].filter((word) => !['baker', 'cook', 'porter', 'mason', 'turner'].includes(word)),
);

/** A line that names a job ("PROJECT ACCOUNTANT", "Préparatrice de commandes"): it has a job-title word. */
export function isJobTitleLine(text: string): boolean {
  return foldForMatch(text)
    .split(/[\s'/,()-]+/)
    .some(
      (word) => JOB_TITLE_WORDS.has(word) || (word.endsWith('s') && JOB_TITLE_WORDS.has(word.slice(0, -1))),
    );
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|\p{Ll}{1,3}'?|[\p{Ll}][\p{L}'’-]*)$/u;

/** Formats a name: given names first, an UPPERCASE surname in title case, particles lower case. */
export function normalizeName(text: string): string {
  const tokens = text.trim().split(/\s+/);
  const isUpper = (token: string) =>
    token.length > 1 && token === token.toUpperCase() && /\p{Lu}/u.test(token);
  const allUpper = tokens.every(isUpper);
  const titleCase = (token: string) =>
    token
      .toLowerCase()
      .replace(/(^|[-'’\s])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  const formatted = tokens.map((token, index) => {
    const lower = token.toLowerCase();
    if (index > 0 && PARTICLES.has(lower)) return lower;
    if (isUpper(token) || token === lower) return titleCase(token);
    return token;
  });
  if (allUpper) return formatted.join(' ');
  // "DUPONT Marie" → "Marie Dupont": move a leading upper-case surname after the given names.
  const leadingUpper = tokens.findIndex((token) => !isUpper(token));
  if (leadingUpper > 0)
    return [...formatted.slice(leadingUpper), ...formatted.slice(0, leadingUpper)].join(' ');
  return formatted.join(' ');
}

/**
 * A name-like text: two to five capitalised words (particles aside), no title, heading, employer, school or
 * template word, not a place, not spaced letters ("N A M E"), at most one initial.
 */
export function isNameLike(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5 || !tokens.every((token) => NAME_WORD.test(token))) return false;
  const initials = tokens.filter((token) => /^\p{L}\.?$/u.test(token)).length;
  if (initials > 1 || (/^\p{L}\.?$/u.test(tokens[0]!) && tokens.length === 2)) return false;
  // Every word capitalised (or upper case), particles aside ("Thomas van der Berg", "yasmine BELKACEM" has
  // its surname in capitals); a lower-case run is a phrase ("Successful document").
  const lower = tokens.filter((token) => !/^\p{Lu}/u.test(token));
  const upper = tokens.filter((token) => token.length > 1 && token === token.toUpperCase());
  if (lower.some((token) => !PARTICLES.has(token.toLowerCase())) && (upper.length === 0 || lower.length > 1))
    return false;
  const folded = foldForMatch(text)
    .split(/[\s'’.-]+/)
    .filter(Boolean);
  // "Kindergarten Teachers": plurals of title and heading words too.
  if (
    folded.some(
      (word) => NOT_NAME_WORDS.has(word) || (word.endsWith('s') && NOT_NAME_WORDS.has(word.slice(0, -1))),
    )
  )
    return false;
  return headingKind(text) === null && !isPlace(text);
}

/** Name candidates of a line: its first part ("Jane Roe - Email me…", "Jane Roe, Telangana"), the words
 * before an address number ("Ivan Keeling 87 Some Street"), or before a title ("Jane Roe Java Developer"). */
function nameCandidates(text: string): { text: string; offset: number }[] {
  // "RESUME OF Jane Roe", "Curriculum Vitae - Jane Roe": the name after the document's label.
  const start = text
    .replace(/^["“”'‘’\s]+/u, '')
    // "CV Jane Roe": the label written straight before the name.
    .replace(/^(?:resume|résumé|cv|curriculum vitae)(?:\s+of|\s*[-–—:])?\s+(?=\p{Lu})/iu, '')
    // "M. Jean-Marc MARCHETTI", "Mme Fatou NDIAYE": the civility is no part of the name.
    .replace(/^(?:M\.|Mr\.?|Mme\.?|Mlle\.?|Monsieur|Madame|Mademoiselle)\s+(?=\p{Lu})/u, '');
  const lead = text.length - start.length;
  // "Jane Roe. Heath": a sentence stop ends the name.
  const cleaned = start.replace(/(?<=\p{L}{2})\.\s.*$/u, '');
  const candidates: { text: string; offset: number }[] = [];
  const first = /^[^,|•·–—\t(]+?(?=\s+[-–—]\s|\s*[,|•·–—\t(]|$)/u.exec(cleaned)?.[0] ?? cleaned;
  // "Kansas City, MO 52364": a place, not a name.
  const after =
    cleaned
      .slice(first.length)
      .replace(/^\s*,\s*/u, '')
      .split(/\s+[-–—|•]\s+|,/u)[0] ?? '';
  if (!isPlace(`${first}, ${after.replace(/\s*\d{5}(?:-\d{4})?\s*$/u, '')}`))
    candidates.push({ text: first.replace(/[\s.,;:]+$/u, ''), offset: lead });
  const beforeNumber = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3})\s+\d/u.exec(cleaned);
  // "Chester PA 19013", "Clayton VIC 3168": a town and its state code before a postal code, not a name.
  if (beforeNumber && !/\s[A-Z]{2,3}$/u.test(beforeNumber[1]!))
    candidates.push({ text: beforeNumber[1]!, offset: lead });
  const tokens = first.split(/\s+/);
  // A name run into a headline in capitals' acronym: "Allen Neal King ESB Integration Developer".
  const titleAt = tokens.findIndex(
    (token, index) => index >= 2 && /^[A-Z]{2,}$/u.test(token) && !/^[A-Z]{2,}$/u.test(tokens[index - 1]!),
  );
  if (titleAt >= 2 && titleAt <= 4)
    candidates.push({ text: tokens.slice(0, titleAt).join(' '), offset: lead });
  return candidates;
}

/**
 * The candidate's name among the first lines: a name-like text (see `isNameLike`) at the start of a line.
 * Bigger font, bold and earlier position score higher. None when the CV is anonymised ("****", "Your
 * Name", "Candidate").
 */
export function findName(lines: SectionLine[]): Found<string> | null {
  // "Nom : Paul MARTIN", "Name: Jane Doe".
  for (const line of lines) {
    const labelled =
      /^(?:nom(?: et pr[ée]nom| complet)?|pr[ée]nom et nom|name|full name)\s*:\s*(.+)$/iu.exec(line.text) ??
      // "RESUME OF Jane Roe"
      /^(?:resume|résumé|cv|curriculum vitae)\s+of\s+(\p{Lu}.+)$/iu.exec(line.text);
    if (
      labelled &&
      labelled[1]!.split(/\s+/).length <= 5 &&
      !/[\d@]/.test(labelled[1]!) &&
      (!/^(?:resume|résumé|cv|curriculum)/iu.test(line.text) || isNameLike(labelled[1]!.trim()))
    ) {
      if (ANONYMISED.test(labelled[1]!.trim())) return null;
      const offset = line.text.length - labelled[1]!.length;
      return {
        value: normalizeName(labelled[1]!.trim()),
        source: spanIn(line, offset, labelled[1]!.length),
        confidence: 0.9,
      };
    }
  }
  const head = lines.slice(0, 12);
  if (head.slice(0, 6).some((line) => ANONYMISED.test(line.text.trim()))) return null;
  let best: { line: SectionLine; text: string; offset: number; score: number } | null = null;
  const maxSize = Math.max(0, ...head.map((line) => line.fontSize ?? 0));
  for (const [position, line] of head.entries()) {
    for (const [rank, candidate] of nameCandidates(line.text).entries()) {
      if (!isNameLike(candidate.text)) continue;
      let score = 1 - position * 0.06 - rank * 0.15;
      if (candidate.text.length < line.text.trim().length - 1) score -= 0.1;
      if (maxSize > 0 && line.fontSize === maxSize) score += 0.4;
      if (line.bold) score += 0.2;
      if (candidate.text.split(/\s+/).some((token) => token.length > 1 && token === token.toUpperCase()))
        score += 0.1;
      if (!best || score > best.score) best = { line, ...candidate, score };
      break;
    }
  }
  if (!best) return null;
  const start = best.line.text.indexOf(best.text, best.offset);
  return {
    value: normalizeName(best.text),
    source: spanIn(best.line, start, best.text.length),
    // ~0.95 right at a score of 1 (first lines, alone on the line) on the dotin development resumes.
    confidence: Math.min(0.97, Math.max(0.3, 0.5 + best.score * 0.45)),
  };
}

const POSTAL_THEN_NAME = /(?<![\d\p{L}])(\d{2} ?\d{3})[ ,]+(\p{Lu}[\p{L}'’]*(?:[ -]\p{L}[\p{L}'’]*){0,4})/gu;

/** City, postal code and coordinates from the contact lines ("69003 Lyon", "Lyon (69)", "Villeurbanne"). */
export function findLocation(lines: SectionLine[]): Found<Location> | null {
  // "69120 Vaulx-en-Velin": a postal code and the commune name that follows it, checked together.
  for (const line of lines) {
    for (const match of line.text.matchAll(POSTAL_THEN_NAME)) {
      const postalCode = match[1]!.replace(' ', '');
      // "69100 Villeurbanne Tél" → try "Villeurbanne Tél", then "Villeurbanne".
      const words = match[2]!.split(/(?=[ -])/u);
      for (let count = words.length; count >= 1; count--) {
        const name = words.slice(0, count).join('');
        const commune = lookupCommune({ city: name, postalCode }, { approximate: false });
        if (commune?.matchedBy !== 'name+postal-code') continue;
        const length = match[0].length - match[2]!.length + name.length;
        return {
          value: { city: commune.name, postalCode, country: 'FR', lat: commune.lat, lon: commune.lon },
          source: spanIn(line, match.index, length),
          confidence: 0.95,
        };
      }
    }
  }
  // Lines and pairs of consecutive lines (an address wrapped in a narrow sidebar).
  for (const [index, line] of lines.entries()) {
    const candidates: { text: string; line: SectionLine }[] = [{ text: line.text, line }];
    const next = lines[index + 1];
    if (next && next.lineNumber === line.lineNumber + 1)
      candidates.push({ text: `${line.text} ${next.text}`, line });
    for (const candidate of candidates) {
      // "20 rue de Lyon, 69120 Vaulx-en-Velin": a postal code followed by a name is the surest mention.
      const mentions = findCommuneMentions(candidate.text);
      const mention = mentions.find((item) => /^\d/.test(item.text)) ?? mentions[0];
      if (!mention) continue;
      const end = Math.min(mention.end, line.text.length);
      const postal = /\b(\d{5})\b/.exec(mention.text)?.[1] ?? null;
      return {
        value: {
          city: mention.commune.name,
          postalCode:
            postal ?? (mention.commune.postalCodes.length === 1 ? mention.commune.postalCodes[0]! : null),
          country: 'FR',
          lat: mention.commune.lat,
          lon: mention.commune.lon,
        },
        source: spanIn(line, mention.start, Math.max(0, end - mention.start)),
        confidence: postal ? 0.95 : 0.8,
      };
    }
  }
  // A bare commune name on a short line of its own.
  for (const line of lines) {
    const text = line.text.replace(/^(adresse|address|ville|city)\s*:\s*/iu, '').trim();
    if (text.length < 3 || text.length > 40 || /\d|@/.test(text) || !/^\p{Lu}/u.test(text)) continue;
    const commune = lookupCommune({ city: text }, { approximate: false });
    if (!commune) continue;
    return {
      value: {
        city: commune.name,
        postalCode: commune.postalCodes.length === 1 ? commune.postalCodes[0]! : null,
        country: 'FR',
        lat: commune.lat,
        lon: commune.lon,
      },
      source: spanIn(line),
      confidence: 0.6,
    };
  }
  return null;
}

// Words that end a street address ("Ave.", "St", "Suite 4", "#466").
const STREET_WORDS =
  /^(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|apt|suite|ste|unit|floor|nagar|colony|sector|layout|cross|main)\.?,?$/iu;

/**
 * The length of a street address written before the city in the first comma-separated part of a text
 * ("2501 N. Blackwelder Ave. #466 Oklahoma City, OK" → up to "Oklahoma"), or 0: the part starts with a
 * number and the city is the capitalised words after its last number or street word.
 */
function streetLength(text: string): number {
  const comma = text.indexOf(',');
  const head = comma < 0 ? text : text.slice(0, comma);
  if (!/^\s*#?\d/u.test(head)) return 0;
  let end = 0;
  for (const token of head.matchAll(/\S+/gu))
    if (/\d/u.test(token[0]) || STREET_WORDS.test(token[0])) end = token.index + token[0].length;
  const rest = head.slice(end);
  return /^\s+\p{Lu}/u.test(rest) ? end + (rest.length - rest.trimStart().length) : 0;
}

/** Lines about moving ("Willing to relocate to: …", "mobilité") are not where the candidate lives. */
const MOVING = /relocat|willing|prefer|mobilit|d[ée]m[ée]nag/iu;

/**
 * A place outside France, written "City, Region" in the contact lines ("Bengaluru, Karnataka", "Austin, TX
 * 78701"): the city is kept as written, the country when the region tells it (US, IN, CA); not geocoded.
 * Lines about moving ("Willing to relocate to: …") are not where the candidate lives.
 */
export function findPlaceName(lines: SectionLine[]): Found<Location> | null {
  for (const line of lines) {
    if (!line.text.includes(',') || MOVING.test(line.text)) continue;
    // "Houston, TX 77005", "Pune, Maharashtra 411001": the postal code after the region is left out (as
    // spaces, so that offsets stay), and address fields separated by dots ("12 Oak St ● Houston, TX").
    const unzipped = line.text
      .replace(
        /(,\s*\p{L}[\p{L} ]*?)(\s*[-,]?\s*\d{5,6}(?:-\d{4})?)(?=\s*(?:$|[•●·|]))/gu,
        (_, place: string, code: string) => `${place}${' '.repeat(code.length)}`,
      )
      .replace(/[•●·]/gu, '|')
      // "2501 N. Blackwelder Ave. #466 Oklahoma City, OK": the street before the city is left out.
      .replace(/[^|]+/gu, (field) => ' '.repeat(streetLength(field)) + field.slice(streetLength(field)));
    if (parseDateRange(unzipped)) continue;
    for (const part of splitParts(unzipped)) {
      const text = part.text.replace(/[\s,]*\d{5,6}(?:-\d{4})?$/u, '');
      if (!text.includes(',') || LOCATION_PLACEHOLDER.test(text) || !isPlace(text)) continue;
      const segments = text.split(/\s*,\s*/u);
      // "Street, City, Region": the city is the part before the region; "New York, NY" is a city too.
      // "Cary, North Carolina, USA": the city before a region and its country.
      const city =
        segments.length >= 3 &&
        isRegionName(segments.at(-2)!) &&
        !/^[A-Z]{2}$/u.test(segments.at(-1)!.trim()) &&
        /^\p{Lu}[\p{L}.'’ -]+$/u.test(segments.at(-3)!)
          ? segments.at(-3)!
          : segments.at(-2)!;
      // "Chandigarh, Chandigarh" is a region twice; "New York, New York 10001" a city before its postal code.
      if (
        isRegionName(city) &&
        !/^[A-Z]{2}$/u.test(segments.at(-1)!.trim()) &&
        !(segments.length === 2 && foldForMatch(city) === foldForMatch(segments[1]!) && hasPostalCode(line))
      )
        continue;
      const region = foldForMatch(segments.at(-1)!)
        .replace(/[^\p{L} ]/gu, '')
        .trim();
      return {
        value: { city, postalCode: null, country: countryOfRegion(region), lat: null, lon: null },
        source: spanIn(line, part.offset + text.lastIndexOf(city), city.length),
        confidence: 0.65,
      };
    }
  }
  return null;
}

/** Whether a line holds a US/Indian postal code after a place ("New York, New York 10001"). */
function hasPostalCode(line: SectionLine): boolean {
  return /,\s*\p{L}[\p{L} ]*?\s+\d{5,6}(?:-\d{4})?\b/u.test(line.text);
}

// Australian states and UK postcodes, the surest sign of a town before them ("Rowville VIC 3178",
// "GREENACRE Vic 3999", "Birmingham B18 6NF").
const TOWN = String.raw`(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})`;
const POSTCODE_PLACES: readonly { pattern: RegExp; country: string }[] = [
  {
    pattern: new RegExp(`${TOWN}\\s+(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas)\\s+\\d{4}(?!\\d)`, 'u'),
    country: 'AU',
  },
  {
    pattern: new RegExp(`${TOWN}\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}(?![\\p{L}\\d])`, 'u'),
    country: 'GB',
  },
];

/**
 * A town written before an Australian state and postcode or a UK postcode in the contact lines: the town
 * kept as written (not geocoded). Street words before the postcode ("Vyse Street B18") are not a town.
 */
export function findPostcodePlace(lines: SectionLine[]): Found<Location> | null {
  for (const line of lines) {
    if (MOVING.test(line.text)) continue;
    for (const { pattern, country } of POSTCODE_PLACES) {
      const match = pattern.exec(line.text);
      if (!match) continue;
      // The town is the words after a street name or number ("35 Hill Crescent, Rowville VIC 3178").
      const words = match[1]!.split(/\s+/u);
      const street = words.findLastIndex((word) => STREET_WORDS.test(word));
      const town = words.slice(street + 1).join(' ');
      if (town.length < 3 || hasCueWord(town)) continue;
      return {
        value: { city: town, postalCode: null, country, lat: null, lon: null },
        source: spanIn(line, match.index + match[1]!.lastIndexOf(town), town.length),
        confidence: 0.75,
      };
    }
  }
  return null;
}

const hasCueWord = (text: string) =>
  foldForMatch(text)
    .split(/[^a-z]+/u)
    .some((word) => TITLE_WORDS.has(word) || COMPANY_WORDS.has(word));

/** One to three words that name no job, employer or section: what a town written alone looks like. */
const townLike = (text: string) =>
  text.split(/\s+/u).length <= 3 && !hasCueWord(text) && headingKind(text) === null;

// The contact fields that follow a place on a résumé's contact line ("Chennai, Tamil Nadu - Email me on
// Indeed: …", "Pune | +91 …", "Leeds • jane@…").
const BEFORE_CONTACT =
  /^(.{2,60}?)\s+[-–—|•·]\s+(?=(?:e-?mail|phone|tel|mobile|cell|contact)\b|[\p{L}\d._%+-]+@|\+?\d[\d\s().-]{7,})/iu;

/**
 * A place written first on a contact line, before the e-mail or phone ("Coimbatore - Email me on Indeed:
 * …", "Chandigarh, Chandigarh - …", "Kharadi, Pune, 411014, IN - …"): the first comma-separated field that
 * is neither the candidate's name nor a title or employer, kept as written (not geocoded). A structural cue
 * without a gazetteer, hence a middling confidence.
 */
export function findPlaceBeforeContact(lines: SectionLine[], name: string | null): Found<Location> | null {
  for (const line of lines) {
    const match = BEFORE_CONTACT.exec(line.text);
    if (!match || MOVING.test(match[1]!)) continue;
    let offset = 0;
    for (const field of match[1]!.split(',')) {
      const start = offset + (field.length - field.trimStart().length);
      offset += field.length + 1;
      const text = field.trim();
      if (name !== null && foldForMatch(text) === foldForMatch(name)) continue;
      if (!/^\p{L}[\p{L}.'’ -]{1,40}$/u.test(text) || !townLike(text)) break;
      return {
        value: {
          city: text,
          postalCode: null,
          country: countryOfRegion(foldForMatch(match[1]!.split(',').at(-1)!).trim()),
          lat: null,
          lon: null,
        },
        source: spanIn(line, start, text.length),
        confidence: 0.6,
      };
    }
  }
  return null;
}

// A street address alone on its line ("Francis Road", "10 Crichton Street", "111 First St, New York").
const STREET_LINE =
  /^\s*(?:\d[\w/-]*\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|crescent|place|pl|parkway|close)\.?(?:,\s*(\p{Lu}[\p{L}.'’ -]{2,30}))?\s*$/iu;

/** How far down the document a street written without a house number ("Francis Road") is an address. */
const UNNUMBERED_STREET_LINES = 6;

/**
 * A town right after a street address in the contact lines: on the next line ("Francis Road" / "San
 * Francisco", "10 Crichton Street" / "Edinburgh") or after a comma ("111 First St, New York"), written as
 * one to three capitalised words. Kept as written, not geocoded.
 */
export function findPlaceAfterStreet(lines: SectionLine[]): Found<Location> | null {
  for (const [index, line] of lines.entries()) {
    const street = STREET_LINE.exec(line.text);
    // Without a house number, only a line of the document's head is an address ("Google Drive" is not).
    if (!street || (!/^\s*\d/u.test(line.text) && line.lineNumber > UNNUMBERED_STREET_LINES)) continue;
    const inline = street[1]?.trim();
    const next = lines[index + 1];
    const candidate = inline
      ? { line, text: inline, offset: line.text.lastIndexOf(inline) }
      : next && next.lineNumber === line.lineNumber + 1
        ? { line: next, text: next.text.trim(), offset: next.text.indexOf(next.text.trim()) }
        : null;
    if (
      !candidate ||
      !/^\p{Lu}[\p{L}.'’ -]{2,30}$/u.test(candidate.text) ||
      !townLike(candidate.text) ||
      STREET_LINE.test(candidate.text)
    )
      continue;
    return {
      value: { city: candidate.text, postalCode: null, country: null, lat: null, lon: null },
      source: spanIn(candidate.line, candidate.offset, candidate.text.length),
      confidence: 0.55,
    };
  }
  return null;
}
