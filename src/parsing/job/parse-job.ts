import { createHash } from 'node:crypto';
import { checkJobOrder } from '../../compliance/check-job-order.js';
import { type CefrLevel, type JobOrder, jobOrderSchema } from '../../domain/index.js';
import { ValidationError, type ValidationIssue } from '../../errors.js';
import { findCommuneMentions, lookupCommune } from '../../geo/index.js';
import { locales } from '../../locale/index.js';
import {
  certificationInfo,
  findCertifications,
  findLicences,
  findSkills,
  normalizeCertification,
  normalizeLicence,
  normalizeOccupation,
  readRomeCode,
} from '../../taxonomy/index.js';
import { detectLanguage, foldAccents, normalizeWhitespace } from '../../text/index.js';
import { PREFERRED, splitMentions } from './job-ad-clauses.js';
import { amountOf, readDates } from './job-ad-dates.js';
import { LANGUAGE_NAMES, readSkills } from './job-ad-skills.js';

export interface ParseJobOrderOptions {
  /** Reference date for dates written without a year ("dès le lundi 4 janvier"); default today. */
  now?: string | Date;
  /** Id of the order when the input has none; default `job_` + 12 hex chars of the text's SHA-256. */
  id?: string;
}

/** Below this score the title is not trusted to name a ROME occupation. */
const OCCUPATION_THRESHOLD = 0.5;

/**
 * Reads a job order from a JSON object, JSON text, or a French or English job ad.
 *
 * JSON is validated with `jobOrderSchema` after free-text certifications and licences are
 * normalised to canonical codes ("CACES 3" → `CACES_R489_3`, "poids lourd" → `C`), the ROME
 * code is looked up from the title, and the site geocoded, when missing. A free-text ad yields
 * title, ROME code, required certifications and licences, dates, shift, place, hourly rate,
 * required and preferred skills, minimum experience, languages and headcount.
 * `warnings` lists what the order selects on that the law forbids (`checkJobOrder`); screening refuses such
 * an order. Throws `ValidationError` (issues with `path` and `message`) for input it cannot accept.
 */
export function parseJobOrder(input: string | object, options: ParseJobOrderOptions = {}): JobOrder {
  if (typeof input !== 'string') return parseJobObject(input, options);
  const trimmed = input.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new ValidationError('job order: invalid JSON', {
        issues: [{ path: [], message: error instanceof Error ? error.message : String(error) }],
        cause: error,
      });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ValidationError('job order: expected a JSON object', {
        issues: [{ path: [], message: 'not an object' }],
      });
    }
    return parseJobObject(parsed, options);
  }
  if (trimmed.length === 0) {
    throw new ValidationError('job order: empty text', { issues: [{ path: [], message: 'empty input' }] });
  }
  return parseJobText(trimmed, options);
}

function textId(text: string): string {
  return `job_${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

function validate(candidate: Record<string, unknown>, extraIssues: ValidationIssue[]): JobOrder {
  const parsed = jobOrderSchema.safeParse(candidate);
  const issues = [
    ...extraIssues,
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({
          path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
          message: issue.message,
        }))),
  ];
  if (issues.length > 0 || !parsed.success) {
    const first = issues[0];
    throw new ValidationError(
      `invalid job order${first ? `: ${first.path.join('.')} ${first.message}` : ''}`,
      {
        issues,
        ...(parsed.success ? {} : { cause: parsed.error }),
      },
    );
  }
  // What the order may not select on (L1132-1), recomputed whatever the input said.
  return { ...parsed.data, warnings: checkJobOrder(parsed.data) };
}

function parseJobObject(input: object, options: ParseJobOrderOptions): JobOrder {
  const raw = { ...(input as Record<string, unknown>) };
  // Warnings are the parser's to find, never the input's to give.
  delete raw.warnings;
  const issues: ValidationIssue[] = [];
  raw.id ??= options.id ?? textId(JSON.stringify(input));
  const normalizeList = (key: string, normalize: (text: string) => string | null, what: string) => {
    const list = raw[key];
    if (!Array.isArray(list)) return;
    raw[key] = list.map((item: unknown, index) => {
      if (typeof item !== 'string') return item; // the schema reports it
      const code = normalize(item);
      if (code === null) issues.push({ path: [key, index], message: `unknown ${what} "${item}"` });
      return code ?? item;
    });
  };
  normalizeList(
    'requiredCertifications',
    (text) => (certificationInfo(text) ? text : (normalizeCertification(text)?.code ?? null)),
    'certification',
  );
  normalizeList('requiredLicences', (text) => normalizeLicence(text)?.code ?? null, 'driving licence');
  if (typeof raw.romeCode === 'string') {
    // "M1403", "m1403", "ROME M1403": a ROME v3 or v4 code, kept as its v460 code (the v3 codes are the v460
    // family codes, so matching reads the finer codes of the family as close).
    const read = readRomeCode(raw.romeCode);
    if (read) raw.romeCode = read.romeCode;
    else issues.push({ path: ['romeCode'], message: `unknown ROME code "${raw.romeCode}"` });
  }
  if (typeof raw.title === 'string' && raw.romeCode === undefined) raw.romeCode = occupationCode(raw.title);
  if (raw.language === undefined && typeof raw.title === 'string') {
    raw.language = detectLanguage(
      `${raw.title}\n${typeof raw.description === 'string' ? raw.description : ''}`,
    );
  }
  const location = raw.location as Record<string, unknown> | null | undefined;
  if (location && typeof location === 'object' && (location.lat == null || location.lon == null)) {
    const commune = lookupCommune({
      city: typeof location.city === 'string' ? location.city : null,
      postalCode: typeof location.postalCode === 'string' ? location.postalCode : null,
    });
    if (commune) raw.location = { ...location, lat: commune.lat, lon: commune.lon };
  }
  return validate(raw, issues);
}

function occupationCode(title: string): string | null {
  const result = normalizeOccupation(title, { limit: 1 });
  const best = result.matches[0];
  return best && !result.abstained && best.score >= OCCUPATION_THRESHOLD ? best.romeCode : null;
}

// ---------------------------------------------------------------- free text

const ROME_LINE = /\b(?:code\s*)?rome(?:\s*v?\s*[34](?:\.\d+)?)?\s*[:#-]?\s*([a-n]\s?\d{4})\b/i;

/** A ROME code the ad states ("Code ROME : K2305", "ROME v3 M1403"), as its v460 code; null when none or unknown. */
function statedRomeCode(text: string): string | null {
  const match = ROME_LINE.exec(text);
  return match ? (readRomeCode(match[1]!)?.romeCode ?? null) : null;
}

const GENDER_MARKERS = /\s*[([]?\b(?:h\s*\/\s*f|f\s*\/\s*h|m\s*\/\s*f|f\s*\/\s*m)\b[)\]]?/gi;
const LABEL = (names: string) => new RegExp(`^\\s*(?:${names})\\s*:\\s*(.+)$`, 'im');

const TITLE_NOISE =
  /^(?:urgent|interim|cdi|cdd|mission|offre d'emploi|recrutement|nous recrutons|job|hiring|temp)[\s!:]*$/;
const TITLE_NOISE_PREFIX = /^(?:urgent|interim|cdi|cdd)\s*[:!]\s*/i;

/** Title of the ad: a "Poste :"/"Job title:" line, else the first line, without gender markers or place. */
function readTitle(lines: string[], text: string): string {
  const labelled = LABEL('poste|intitul[ée] du poste|intitul[ée]|job title|position|titre').exec(text)?.[1];
  let title = labelled ?? lines[0] ?? '';
  title = title.replace(GENDER_MARKERS, '').replace(/\((?:e|ne|se|euse|rice)\)/gi, '');
  // "URGENT - Cariste cat 3 H/F - Lyon 7e": the first part that is not a noise word is the title.
  const parts = title.split(/\s+[–—|-]\s+/).map((part) => part.replace(TITLE_NOISE_PREFIX, '').trim());
  title =
    parts.find((part) => part.length > 0 && !TITLE_NOISE.test(foldAccents(part).toLowerCase())) ??
    parts[0] ??
    title;
  const pair = /^(\p{L}+)\s*\/\s*\p{L}+$/u.exec(title); // "Waiter / Waitress" → "Waiter"
  if (pair?.[1]) title = pair[1];
  if (title === title.toUpperCase()) title = title.charAt(0) + title.slice(1).toLowerCase();
  return title.replace(/[\s,.:;]+$/, '').trim();
}

// Month and weekday names, folded, French then English; a month's number is its position + 1.
function readShift(folded: string): string | null {
  if (/\b3\s*[x*]\s*8\b/.test(folded)) return '3x8';
  if (/\b2\s*[x*]\s*8\b/.test(folded)) return '2x8';
  if (/\b(de nuit|night)\b/.test(folded)) return 'nuit';
  if (/\b(week-?ends?)\b/.test(folded)) return 'week-end';
  if (/\b(journee|de jour|day shifts?|daytime)\b/.test(folded)) return 'jour';
  return null;
}

function readHourlyRate(folded: string): number | null {
  const patterns = [
    /(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:€|eur\b|euros?\b)\s*(?:bruts?\s*)?(?:\/\s*h\b|\/\s*heure|\/\s*hour|de l'heure|par heure|per hour|an hour|(?:de )?l'heure|horaire)/,
    /€\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:gross\s*)?(?:\/\s*h\b|per hour|an hour|\/\s*hour)/,
    /taux horaire\s*:?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:€|eur)/,
    /(?:salaire|remuneration|pay|rate)\s*:?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:€|eur)\s*(?:bruts?\s*)?(?:\/\s*h|de l'heure)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(folded);
    const value = match?.[1] ? Number(match[1].replace(',', '.')) : Number.NaN;
    if (value >= 5 && value <= 200) return value;
  }
  return null;
}

function readMinExperience(folded: string): number {
  const unit = '(mois|months?|ans?|annees?|years?)';
  const amount = '(\\d{1,2}|un|une|one|deux|two|trois|three)';
  // A range is a minimum of its lower bound: "1-4 years", "2 à 3 ans", "entre 2 et 5 ans", "3+ years".
  const range = new RegExp(
    `\\b(?:entre\\s+|between\\s+)?${amount}\\s*(?:-|–|to|a|à|et|and)\\s*\\d{1,2}\\s+${unit}|\\b${amount}\\s*\\+\\s*${unit}`,
  ).exec(folded);
  if (range) {
    const value = range[1] ?? range[3];
    const rangeUnit = range[2] ?? range[4];
    if (value && rangeUnit) return amountOf(value) * (/^(mois|month)/.test(rangeUnit) ? 1 : 12);
  }
  const patterns = [
    new RegExp(
      `\\b${amount}\\s+${unit}\\s+(?:d'experience|d experience|of experience|minimum|mini\\b|au moins|experience)`,
    ),
    new RegExp(`\\b(?:au moins|minimum|at least|min\\.?)\\s+${amount}\\s+${unit}`),
    new RegExp(`\\bexperience\\s+(?:de\\s+)?${amount}\\s+${unit}`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(folded);
    if (match?.[1] && match[2]) return amountOf(match[1]) * (/^(mois|month)/.test(match[2]) ? 1 : 12);
  }
  return 0;
}

const LEVEL_WORDS: [RegExp, CefrLevel][] = [
  [/\b(bilingue|bilingual)\b/, 'C2'],
  [/\b(courant|fluent|fluently|fluency)\b/, 'C1'],
  [/\b(bon niveau|good|professional)\b/, 'B2'],
  [/\b(intermediaire|intermediate|conversational)\b/, 'B1'],
  [/\b(notions|basic|basics)\b/, 'A2'],
];

function readLanguages(folded: string, language: 'fr' | 'en'): JobOrder['languages'] {
  const out: JobOrder['languages'] = [];
  const names = Object.keys(LANGUAGE_NAMES).join('|');
  for (const match of folded.matchAll(new RegExp(`\\b(${names})\\b`, 'g'))) {
    // The clause around the language ("Basic French is enough, good English appreciated": two clauses).
    const before = folded.slice(0, match.index).search(/[^,.;\n]*$/);
    const after = folded.slice(match.index).search(/[,.;\n]|$/);
    const clause = folded.slice(before, match.index + after);
    if (PREFERRED.test(clause)) continue; // "un plus": not a requirement
    const cefr = /\b([abc][12])\b/.exec(clause)?.[1]?.toUpperCase() as CefrLevel | undefined;
    const level = cefr ?? LEVEL_WORDS.find(([pattern]) => pattern.test(clause))?.[1] ?? null;
    if (level === null) continue; // a language named without a level is not read as a requirement
    const name = LANGUAGE_NAMES[match[1] ?? '']?.[language];
    if (name && !out.some((item) => item.name === name)) out.push({ name, level });
  }
  return out;
}

function readHeadcount(folded: string): number {
  const match =
    /\b(\d{1,2})\s+postes?\b/.exec(folded) ??
    /\b(?:recrute|recrutons|recherchons|recherche|hiring|looking for|we need)\b[^.\n]{0,100}?\b(\d{1,2})\s+(?!h\b|ans?\b|mois\b|km\b|jours?\b)\p{L}{3,}/u.exec(
      folded,
    ) ??
    /\b(\d{1,2})\s+positions?\b/.exec(folded);
  const value = match?.[1] ? Number(match[1]) : 1;
  return value >= 1 && value <= 99 ? value : 1;
}

/** Postal code of a Paris, Lyon or Marseille arrondissement ("Lyon 7e" → 69007), when one was identified. */
function arrondissementPostalCode(commune: NonNullable<ReturnType<typeof lookupCommune>>): string | null {
  const number = commune.arrondissement ? /(\d{1,2})/.exec(commune.arrondissement.name)?.[1] : undefined;
  const prefix = { Paris: '750', Lyon: '690', Marseille: '130' }[commune.name];
  return number && prefix ? `${prefix}${number.padStart(2, '0')}` : null;
}

function readLocation(text: string, folded: string): JobOrder['location'] {
  const [mention] = findCommuneMentions(text);
  if (mention) {
    const postalCode = /\b(\d{5})\b/.exec(mention.text)?.[1] ?? mention.commune.postalCodes[0] ?? null;
    return { city: mention.commune.name, postalCode, lat: mention.commune.lat, lon: mention.commune.lon };
  }
  const titleLine = text.split('\n')[0] ?? '';
  const titlePlace = titleLine
    .split(/\s+[–—|-]\s+/)
    .slice(1)
    .map((part) => lookupCommune({ city: part.trim() }, { approximate: false }))
    .find((commune) => commune?.matchedBy === 'name');
  if (titlePlace) {
    return {
      city: titlePlace.name,
      postalCode: arrondissementPostalCode(titlePlace) ?? titlePlace.postalCodes[0] ?? null,
      lat: titlePlace.lat,
      lon: titlePlace.lon,
    };
  }
  const labelled = LABEL('lieu|localisation|location|ville|site').exec(text)?.[1]?.trim() ?? null;
  const postalCode =
    /\((\d{5})\)|\b(?:cp|code postal)\s*:?\s*(\d{5})\b/.exec(folded)?.slice(1).find(Boolean) ?? null;
  if (!labelled && !postalCode) return null;
  const commune = lookupCommune({ city: labelled, postalCode });
  if (!commune) return { city: labelled, postalCode, lat: null, lon: null };
  return {
    city: commune.name,
    postalCode: postalCode ?? commune.postalCodes[0] ?? null,
    lat: commune.lat,
    lon: commune.lon,
  };
}

function parseJobText(raw: string, options: ParseJobOrderOptions): JobOrder {
  const text = normalizeWhitespace(raw);
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  const folded = foldAccents(text).toLowerCase();
  const now =
    typeof options.now === 'string'
      ? options.now.slice(0, 10)
      : (options.now ?? new Date()).toISOString().slice(0, 10);
  const language = detectLanguage(text);
  const title = readTitle(lines, text);
  const skills = readSkills(lines);
  // The taxonomy reads French lists ("B1V et BR"); English ads join them with "and".
  const listText = locales[language].jobAdListWords.reduce(
    (written, { word, as, ignoreCase }) =>
      written.replace(new RegExp(`\\b${word}\\b`, ignoreCase ? 'gi' : 'g'), as),
    text,
  );
  // Required or only preferred, clause by clause: a certification or licence named as "nice to have"
  // joins the preferred skills as written, one named both ways stays required.
  const certifications = splitMentions(listText, findCertifications(listText));
  const licences = splitMentions(text, findLicences(text));
  const requiredCertifications = [...new Set(certifications.required.map((item) => item.value.code))];
  const requiredLicences = [...new Set(licences.required.map((item) => item.value.code))];
  const preferredMentions = [
    ...certifications.preferred.filter((item) => !requiredCertifications.includes(item.value.code)),
    ...licences.preferred.filter((item) => !requiredLicences.includes(item.value.code)),
  ].map((item) => item.text.trim());
  // Unlabelled skills found by the taxonomy: its (French) label for a French ad, the ad's own words otherwise.
  const required =
    skills.required.length > 0
      ? skills.required
      : findSkills(text).map((item) => (language === 'fr' ? item.value.label : item.text.trim()));
  return validate(
    {
      id: options.id ?? textId(text),
      title,
      romeCode: statedRomeCode(text) ?? occupationCode(title),
      description: lines.slice(1).join('\n'),
      location: readLocation(text, folded),
      ...readDates(folded, now),
      shift: readShift(folded),
      requiredCertifications,
      requiredLicences,
      requiredSkills: [...new Set(required)],
      preferredSkills: [...new Set([...skills.preferred, ...preferredMentions])],
      minExperienceMonths: readMinExperience(folded),
      languages: readLanguages(folded, language),
      hourlyRateEur: readHourlyRate(folded),
      headcount: readHeadcount(folded),
      language,
    },
    [],
  );
}
