import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { Location } from '../../../domain/index.js';
import { findCommuneMentions, lookupCommune } from '../../../geo/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { headingKind } from '../sections.js';
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
    for (const match of findPhoneNumbersInText(line.text, 'FR')) {
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
// Job-title words, French and English: a line with one of them is a job title, not a person's name.
// English head nouns that are also common surnames (baker, cook, mason, porter, turner...) are left out.
const TITLE_WORDS = new Set(
  (
    'cariste preparateur preparatrice manutentionnaire magasinier magasiniere soudeur soudeuse aide soignant ' +
    'soignante hospitalier serveur serveuse commis chauffeur conducteur conductrice electricien electricienne macon ' +
    'assistant assistante standardiste operateur operatrice hotesse driver operative picker packer ' +
    'manager director accountant teacher designer engineer specialist coordinator consultant analyst ' +
    'representative officer technician chef intern associate supervisor administrator developer nurse advocate ' +
    'agent executive president instructor trainer architect editor producer artist planner buyer merchandiser ' +
    'cashier server bartender operator mechanic electrician welder plumber laborer worker attendant receptionist ' +
    'secretary paralegal attorney lawyer counselor therapist pharmacist physician caregiver banker teller ' +
    'underwriter auditor bookkeeper controller recruiter generalist estimator superintendent inspector scientist ' +
    'researcher programmer tester trainee apprentice volunteer leader clerk owner founder'
  ).split(' '),
);
// Other words that make a line a heading or a description rather than a person's name.
const NOT_NAME_WORDS = new Set([
  ...TITLE_WORDS,
  ...(
    'commandes agent service cuisine administratif administrative securite production proprete warehouse ' +
    'forklift care curriculum vitae cv experimente experimentee polyvalent polyvalente debutant ' +
    'qualifie qualifiee diplome diplomee confirme confirmee super lourd poids accueil order tig mig batiment ' +
    'logistique contact profil profile references professional summary objective resume'
  ).split(' '),
]);

/** A line that names a job ("PROJECT ACCOUNTANT", "Préparatrice de commandes"): it has a job-title word. */
export function isJobTitleLine(text: string): boolean {
  return foldForMatch(text)
    .split(/[\s'/,()-]+/)
    .some((word) => TITLE_WORDS.has(word) || (word.endsWith('s') && TITLE_WORDS.has(word.slice(0, -1))));
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
 * The candidate's name among the first lines: 2–5 name-like words, no digits, not a heading or a job title.
 * Bigger font, bold and earlier position score higher.
 */
export function findName(lines: SectionLine[]): Found<string> | null {
  // "Nom : Paul MARTIN", "Name: Jane Doe".
  for (const line of lines) {
    const labelled = /^(?:nom(?: et pr[ée]nom| complet)?|pr[ée]nom et nom|name|full name)\s*:\s*(.+)$/iu.exec(
      line.text,
    );
    if (labelled && labelled[1]!.split(/\s+/).length <= 5 && !/[\d@]/.test(labelled[1]!)) {
      const offset = line.text.length - labelled[1]!.length;
      return {
        value: normalizeName(labelled[1]!.trim()),
        source: spanIn(line, offset, labelled[1]!.length),
        confidence: 0.9,
      };
    }
  }
  let best: { line: SectionLine; score: number } | null = null;
  const maxSize = Math.max(0, ...lines.map((line) => line.fontSize ?? 0));
  for (const [position, line] of lines.slice(0, 12).entries()) {
    const text = line.text.trim();
    if (/[\d@:|/]/.test(text) || headingKind(text)) continue;
    const tokens = text.split(/\s+/);
    if (tokens.length < 2 || tokens.length > 5 || !tokens.every((token) => NAME_WORD.test(token))) continue;
    const folded = foldForMatch(text).split(/[\s'-]+/);
    if (isJobTitleLine(text) || folded.some((word) => NOT_NAME_WORDS.has(word))) continue;
    let score = 1 - position * 0.06;
    if (maxSize > 0 && line.fontSize === maxSize) score += 0.4;
    if (line.bold) score += 0.2;
    if (tokens.some((token) => token.length > 1 && token === token.toUpperCase())) score += 0.1;
    if (!best || score > best.score) best = { line, score };
  }
  if (!best) return null;
  return {
    value: normalizeName(best.line.text),
    source: spanIn(best.line),
    confidence: Math.min(0.95, 0.5 + best.score * 0.35),
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
    if (text.length < 3 || text.length > 40 || /\d|@/.test(text)) continue;
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
