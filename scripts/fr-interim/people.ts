/**
 * The fictitious people of the French intérim evaluation set, drawn with a seeded generator from the
 * vocabulary of trades.ts, and their gold annotations. The gold follows the fixture conventions
 * (scripts/fixtures/types.ts): a month + year gives that month; a year alone gives January as a start and
 * December as an end; "aujourd'hui", "ce jour", "ACTUEL", "depuis …" give `end: null, current: true`; a
 * mission given only as a duration ("3 mois") has no dates. The company of a mission is the client where
 * the work was done ("Cariste – Adecco pour Leroy Merlin": Leroy Merlin); the agency only when no client
 * is named.
 */
import {
  AGENCIES,
  type CertificateKind,
  FIRST_NAMES,
  INTERESTS,
  LANGUAGES,
  LAST_NAMES,
  PLACES,
  SECTORS,
  type Sector,
} from './trades.js';

/** Reference date of the set ("aujourd'hui"). */
export const FR_SET_NOW = '2026-11-01';

export const LAYOUTS = [
  'europass-pdf', // Europass: labels and dates in a left column, ÉDUCATION ET FORMATION, CEFR grid
  'sidebar-pdf', // designer template: coloured sidebar with contact, skills, languages, permis
  'classic-pdf', // one column, headings in capitals, one block per job
  'missions-pdf', // "MISSIONS INTÉRIM": one line per mission, agency + client + dates
  'table-docx', // Word template: dates | job in a table
  'plain-docx', // Word, bold headings, mixed lines
  'typed-txt', // typed by the candidate: few headings, typos, mixed date forms
] as const;
export type Layout = (typeof LAYOUTS)[number];

export type DateStyle = 'slash' | 'abbr' | 'full' | 'years' | 'europass' | 'duration';

export interface YearMonth {
  year: number;
  month: number;
}

export interface Mission {
  title: string;
  /** Where the work was done; null for an agency-only line. */
  client: string | null;
  /** The temp agency, null for a direct job. */
  agency: string | null;
  city: string;
  start: YearMonth;
  /** Null when current. */
  end: YearMonth | null;
  dateStyle: DateStyle;
  tasks: string[];
}

export interface Certificate {
  codes: string[];
  kind: CertificateKind;
}

export interface Person {
  id: string;
  sector: Sector;
  layout: Layout;
  firstName: string;
  lastName: string;
  female: boolean;
  nameStyle: 'first-last' | 'LAST-first' | 'caps' | 'civility';
  email: string;
  phoneE164: string;
  phoneStyle: number;
  place: (typeof PLACES)[number];
  street: string;
  addressStyle: number;
  headline: string;
  missions: Mission[];
  degrees: { text: string; year: number; school: string }[];
  skills: string[];
  certificates: Certificate[];
  licences: string[];
  languages: { name: string; text: string; level: string | null }[];
  interests: string[];
  /** Personal details French CVs still show (never used for matching, not scored). */
  birthYear: number;
  hasVehicle: boolean;
  /** Rendering knobs drawn once per person. */
  variant: number;
}

/** mulberry32: a small deterministic generator. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0)
        out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

const SECTOR_ORDER: Sector[] = [
  'logistique',
  'btp',
  'industrie',
  'proprete',
  'restauration',
  'transport',
  'administratif',
  'soins',
];

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const STREETS = [
  'rue Victor Hugo',
  'avenue Jean Jaurès',
  'rue de la République',
  'allée des Tilleuls',
  'boulevard Pasteur',
  'rue des Lilas',
  'impasse du Moulin',
  'rue Jules Ferry',
];

const monthIndex = (value: YearMonth) => value.year * 12 + value.month - 1;
const fromIndex = (index: number): YearMonth => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

function certificatesOf(kinds: CertificateKind[]): Certificate[] {
  const codesOf = (kind: CertificateKind): string[] => {
    if (kind.kind === 'electrical') return kind.levels.map((level) => `HAB_ELEC_${level}`);
    if (kind.kind === 'simple') return [kind.code];
    const recommendation = { caces489: 'R489', caces482: 'R482', caces486: 'R486' }[kind.kind];
    return kind.categories.map((category) => `CACES_${recommendation}_${category}`);
  };
  return kinds.map((kind) => ({ kind, codes: codesOf(kind) }));
}

/** Missions from the most recent backwards, starting before `now`. */
function drawMissions(random: Random, sector: Sector, layout: Layout, city: string): Mission[] {
  const vocabulary = SECTORS[sector];
  const many = layout === 'missions-pdf' || (layout === 'typed-txt' && random.chance(0.5));
  const count = many ? random.int(5, 8) : random.int(2, 4);
  const current = random.chance(0.4);
  let cursor = monthIndex({ year: 2026, month: 10 }) - (current ? 0 : random.int(0, 5));
  const missions: Mission[] = [];
  const styles: DateStyle[] = ['slash', 'abbr', 'full', 'years'];
  const personStyle: DateStyle = layout === 'europass-pdf' ? 'europass' : random.pick(styles);
  for (let index = 0; index < count; index++) {
    const length = many ? random.int(1, 6) : random.int(3, 30);
    const endIndex = cursor;
    const startIndex = endIndex - length + 1;
    const isCurrent = current && index === 0;
    const interim = many || random.chance(0.7);
    let dateStyle = personStyle;
    if (layout === 'typed-txt' && random.chance(0.4)) dateStyle = random.pick(styles);
    if (many && layout === 'typed-txt' && !isCurrent && length <= 4 && random.chance(0.3))
      dateStyle = 'duration';
    // A year-only period must not claim a single year for a multi-year mission that starts and ends the same year.
    missions.push({
      title: random.pick(vocabulary.titles),
      client: interim && random.chance(0.15) ? null : random.pick(vocabulary.clients),
      agency: interim ? random.pick(AGENCIES) : null,
      city: random.chance(0.6) ? city : random.pick(PLACES).city,
      start: fromIndex(startIndex),
      end: isCurrent ? null : fromIndex(endIndex),
      dateStyle,
      tasks: random.sample(vocabulary.tasks, many ? random.int(0, 1) : random.int(1, 3)),
    });
    cursor = startIndex - 1 - random.int(0, many ? 3 : 8);
  }
  return missions;
}

/** The people of the set, deterministic for a given count. */
export function drawPeople(count = 56): Person[] {
  const random = createRandom(20261207);
  const people: Person[] = [];
  const usedNames = new Set<string>();
  for (let index = 0; index < count; index++) {
    const sector = SECTOR_ORDER[index % SECTOR_ORDER.length]!;
    const layout = LAYOUTS[(index * 3 + Math.floor(index / 8)) % LAYOUTS.length]!;
    const vocabulary = SECTORS[sector];
    let first = random.pick(FIRST_NAMES);
    let last = random.pick(LAST_NAMES);
    while (usedNames.has(`${first.name} ${last}`)) {
      first = random.pick(FIRST_NAMES);
      last = random.pick(LAST_NAMES);
    }
    usedNames.add(`${first.name} ${last}`);
    const place = random.pick(PLACES);
    const emailUser = random.pick([
      `${slug(first.name)}.${slug(last)}`.replace(/-/g, ''),
      `${slug(first.name)[0]}${slug(last)}${random.int(1, 99)}`.replace(/-/g, ''),
      `${slug(last)}.${slug(first.name)}`.replace(/-/g, ''),
      `${slug(first.name)}${place.department}`.replace(/-/g, ''),
    ]);
    const domain = random.pick(['example.fr', 'example.com', 'mail.example.org', 'exemple.fr']);
    const mobile = random.pick(['6', '7']);
    const digits = Array.from({ length: 8 }, () => random.int(0, 9)).join('');
    const missions = drawMissions(random, sector, layout, place.city);
    const oldest = missions.at(-1)!.start.year;
    const degreePool =
      sector === 'soins' ? [] : random.chance(0.8) ? random.sample(vocabulary.degrees, random.int(1, 2)) : [];
    const certificateKinds = random.pick(vocabulary.certificates);
    const languageCount = random.int(0, 2);
    people.push({
      id: `${String(index + 1).padStart(2, '0')}-${sector}-${slug(first.name)}-${slug(last)}`,
      sector,
      layout,
      firstName: first.name,
      lastName: last,
      female: first.female,
      nameStyle: random.pick(['first-last', 'LAST-first', 'caps', 'civility'] as const),
      email: `${emailUser}@${domain}`,
      phoneE164: `+33${mobile}${digits}`,
      phoneStyle: random.int(0, 3),
      place,
      street: `${random.int(1, 120)} ${random.pick(STREETS)}`,
      addressStyle: random.int(0, 2),
      headline: random.pick(vocabulary.headlines),
      missions,
      degrees: degreePool.map((text, position) => ({
        text,
        year: oldest - random.int(1, 4) - position * 2,
        school: random.pick([
          'Lycée professionnel Jean Moulin',
          'CFA BTP',
          'Lycée Jacques Brel',
          'GRETA',
          'AFPA',
        ]),
      })),
      skills: random.sample(vocabulary.skills, random.int(3, 6)),
      certificates: certificatesOf(certificateKinds),
      licences: random.pick(vocabulary.licences),
      languages: random.sample(LANGUAGES, languageCount).map((language, position) => {
        // At most one mother tongue besides French.
        const levels =
          position === 0 ? language.levels : language.levels.filter((item) => item.level !== 'native');
        const level = random.pick(levels.length > 0 ? levels : [{ text: 'notions', level: 'A2' }]);
        return { name: language.name, text: level.text, level: level.level };
      }),
      interests: random.sample(INTERESTS, random.int(0, 3)),
      birthYear: random.int(1970, 2003),
      hasVehicle: random.chance(0.6),
      variant: random.int(0, 999),
    });
  }
  return people;
}
