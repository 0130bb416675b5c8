/**
 * Words one person's CV (every text as it will appear, whatever the layout) and derives the gold
 * annotations from those same choices, so the gold is what the document says.
 */
import { createRandom, type Mission, type Person, type Random } from './people.js';

export interface GoldExperience {
  title: string;
  company: string | null;
  start: string | null;
  end: string | null;
  current: boolean;
}

/** The gold annotations of one document (`<file>.gold.json`). */
export interface FrGold {
  file: string;
  layout: string;
  sector: string;
  now: string;
  name: string;
  email: string;
  phone: string;
  city: string;
  experiences: GoldExperience[];
  degrees: string[];
  skills: string[];
  certifications: string[];
  drivingLicences: string[];
  languages: string[];
}

export interface ComposedJob {
  dates: string;
  title: string;
  company: string;
  city: string;
  tasks: string[];
  /** How this job reads as a single line (missions lists, typed CVs). */
  line: string;
  /** Which block arrangement a block layout uses for it (0–3). */
  arrangement: number;
}

export interface ComposedCv {
  name: string;
  headline: string;
  profile: string | null;
  phone: string;
  email: string;
  address: string[];
  personal: string[];
  headings: {
    experience: string | null;
    education: string;
    skills: string;
    certificates: string | null;
    languages: string;
    interests: string;
    licences: string;
  };
  jobs: ComposedJob[];
  degrees: { year: string; text: string; school: string }[];
  skills: string[];
  /** Certificates as written; placed under their own heading, or after the skills when it is null. */
  certificates: string[];
  licences: string | null;
  languages: { name: string; text: string; level: string | null }[];
  interests: string[];
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_SHORT = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const pad = (value: number) => String(value).padStart(2, '0');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ym = (year: number, month: number) => `${year}-${pad(month)}`;

/** The dates of a mission as written, and the gold they mean. */
function period(
  mission: Mission,
  random: Random,
): { text: string; start: string | null; end: string | null } {
  const { start, end } = mission;
  const current = end === null;
  const now = random.pick(["aujourd'hui", 'ce jour', 'à ce jour', 'en cours', 'aujourd’hui']);
  const monthGold = { start: ym(start.year, start.month), end: end ? ym(end.year, end.month) : null };
  switch (mission.dateStyle) {
    case 'slash': {
      const s = `${pad(start.month)}/${start.year}`;
      if (current)
        return { ...monthGold, text: random.pick([`depuis ${s}`, `${s} - ${now}`, `${s} à ${now}`]) };
      const e = `${pad(end.month)}/${end.year}`;
      return {
        ...monthGold,
        text: random.pick([`${s} - ${e}`, `${s} à ${e}`, `${s} – ${e}`, `de ${s} à ${e}`, `Du ${s} au ${e}`]),
      };
    }
    case 'abbr': {
      const s = `${MONTHS_SHORT[start.month - 1]} ${start.year}`;
      if (current)
        return { ...monthGold, text: random.pick([`${s} – ${now}`, `depuis ${s}`, `de ${s} à ${now}`]) };
      const e = `${MONTHS_SHORT[end.month - 1]} ${end.year}`;
      return { ...monthGold, text: random.pick([`${s} – ${e}`, `${s} - ${e}`, `de ${s} à ${e}`]) };
    }
    case 'full': {
      const caps = random.chance(0.5);
      const month = (index: number) => (caps ? capitalise(MONTHS[index]!) : MONTHS[index]!);
      const s = `${month(start.month - 1)} ${start.year}`;
      if (current) return { ...monthGold, text: random.pick([`${s} - ${now}`, `Depuis ${s}`]) };
      const e = `${month(end.month - 1)} ${end.year}`;
      return { ...monthGold, text: random.pick([`${s} - ${e}`, `${s} à ${e}`, `De ${s} à ${e}`]) };
    }
    case 'years': {
      const gold = { start: ym(start.year, 1), end: end ? ym(end.year, 12) : null };
      if (current) return { ...gold, text: random.pick([`depuis ${start.year}`, `${start.year} - ${now}`]) };
      if (start.year === end.year) return { ...gold, text: String(start.year) };
      return {
        ...gold,
        text: random.pick([
          `${start.year} – ${end.year}`,
          `${start.year}-${end.year}`,
          `De ${start.year} à ${end.year}`,
        ]),
      };
    }
    case 'europass': {
      const day = (value: number) => pad(1 + (value % 27));
      const s = `${day(start.year + start.month)}/${pad(start.month)}/${start.year}`;
      if (current) return { ...monthGold, text: `${s} – ACTUEL` };
      return { ...monthGold, text: `${s} – ${day(end.month * 7)}/${pad(end.month)}/${end.year}` };
    }
    case 'duration': {
      const months = end ? end.year * 12 + end.month - (start.year * 12 + start.month) + 1 : 1;
      return { start: null, end: null, text: `${months} mois` };
    }
  }
}

function companyText(mission: Mission, random: Random): string {
  const { agency, client } = mission;
  if (!agency) return client!;
  if (!client) return random.pick([agency, `Intérim ${agency}`, `Mission intérim (${agency})`]);
  return random.pick([
    `${agency} pour ${client}`,
    `${client} (mission intérim ${agency})`,
    `${client} via ${agency}`,
    `Intérim ${agency} – ${client}`,
    client,
  ]);
}

const SIMPLE_CERTIFICATES: Record<string, string[]> = {
  SST: ['SST', 'Sauveteur Secouriste du Travail (SST)', 'SST à jour', 'Formation SST (2023)'],
  AIPR: ['AIPR opérateur', 'AIPR'],
  TRAVAIL_HAUTEUR: ['Travail en hauteur', 'Formation travail en hauteur (port du harnais)'],
  HACCP: ['Formation HACCP', 'HACCP (hygiène alimentaire)', 'Hygiène alimentaire HACCP'],
  FIMO_MARCHANDISES: ['FIMO marchandises', 'FIMO transport de marchandises', 'FIMO marchandises (2016)'],
  FCO_MARCHANDISES: ['FCO marchandises à jour', 'FCO marchandises (2024)'],
  FIMO_VOYAGEURS: ['FIMO voyageurs', 'FIMO transport de voyageurs'],
  ADR_BASE: ['ADR base', 'ADR (matières dangereuses) base'],
};

/** Diplomas that are also certificates: written with the education. */
const DIPLOMA_CERTIFICATES: Record<string, string[]> = {
  DEAS: ['Diplôme d’État d’Aide-Soignant (DEAS)', 'DEAS - Diplôme d’État d’aide-soignant'],
  DEAP: ['DEAP - Diplôme d’État d’auxiliaire de puériculture'],
  DEAES: ['DEAES (Diplôme d’État d’accompagnant éducatif et social)'],
};

function certificateText(certificate: Person['certificates'][number], random: Random): string {
  const kind = certificate.kind;
  switch (kind.kind) {
    case 'caces489': {
      const cats = kind.categories;
      return random.pick([
        `CACES R489 cat. ${cats.join(', ')}`,
        `CACES ${cats.join(' et ')}`,
        `Caces R489 catégories ${cats.join('/')}`,
        `CACES cariste R489 : ${cats.map((category) => `cat ${category}`).join(' - ')}`,
        `CACES R489 ${cats.join(' - ')} (valide jusqu'en 2028)`,
      ]);
    }
    case 'caces482':
      return random.pick([
        `CACES R482 cat. ${kind.categories.join(' et ')}`,
        `CACES engins de chantier R482 ${kind.categories.join(', ')}`,
      ]);
    case 'caces486':
      return random.pick([
        `CACES R486 nacelle ${kind.categories.join(' et ')}`,
        `CACES PEMP R486 cat. ${kind.categories.join('/')}`,
        `CACES nacelle ${kind.categories.join(', ')} (R486)`,
      ]);
    case 'electrical':
      return random.pick([
        `Habilitation électrique ${kind.levels.join(' ')}`,
        `Habilitation ${kind.levels.join('-')}`,
        `Hab. élec. ${kind.levels.join('/')}`,
        `Habilitations électriques : ${kind.levels.join(', ')}`,
      ]);
    case 'simple':
      return random.pick(SIMPLE_CERTIFICATES[kind.code] ?? DIPLOMA_CERTIFICATES[kind.code]!);
  }
}

function phoneText(person: Person): string {
  const national = `0${person.phoneE164.slice(3)}`;
  const pairs = national.match(/../g)!;
  switch (person.phoneStyle) {
    case 0:
      return pairs.join(' ');
    case 1:
      return pairs.join('.');
    case 2:
      return `+33 ${national[1]} ${pairs.slice(1).join(' ')}`;
    default:
      return national;
  }
}

function nameText(person: Person): string {
  const upperLast = person.lastName.toUpperCase();
  switch (person.nameStyle) {
    case 'first-last':
      return `${person.firstName} ${person.lastName}`;
    case 'LAST-first':
      return `${upperLast} ${person.firstName}`;
    case 'caps':
      return `${person.firstName} ${person.lastName}`.toUpperCase();
    case 'civility':
      return `${person.female ? 'Mme' : 'M.'} ${person.firstName} ${upperLast}`;
  }
}

const PROFILE_PHRASES = [
  'Sérieux, ponctuel et motivé, je recherche des missions d’intérim ou un CDI.',
  'Disponible immédiatement, véhiculé, mobile sur le département.',
  'Plus de 5 ans d’expérience en intérim, rigoureux et polyvalent.',
  'Dispo de suite pour missions courtes ou longues, horaires en 2x8 ou de nuit acceptés.',
];

function pickHeading(random: Random, options: string[]): string {
  return random.pick(options);
}

/** Words the CV of `person` and returns it with its gold. */
export function composeCv(person: Person, file: string, now: string): { cv: ComposedCv; gold: FrGold } {
  const random = createRandom(person.variant * 7919 + 17);
  const europass = person.layout === 'europass-pdf';
  const typed = person.layout === 'typed-txt';
  const jobs: ComposedJob[] = [];
  const goldExperiences: GoldExperience[] = [];
  const lineForm = random.int(0, 3);
  // A template repeats one arrangement of title, company, place and dates for every job.
  const arrangement = random.int(0, 3);
  for (const mission of person.missions) {
    const dates = period(mission, random);
    const company = companyText(mission, random);
    const title = typed && random.chance(0.3) ? mission.title.toUpperCase() : mission.title;
    const form = typed ? random.int(0, 3) : lineForm;
    const line = [
      `${title} – ${company} – ${dates.text}`,
      `${dates.text} : ${title} chez ${company}, ${mission.city}`,
      `${dates.text}  ${title.toUpperCase()} - ${company} (${mission.city})`,
      `${company} - ${title} - ${dates.text}`,
    ][form]!;
    jobs.push({
      dates: dates.text,
      title,
      company,
      city: mission.city,
      tasks: mission.tasks,
      line: mission.dateStyle === 'duration' ? `${title} – ${company} (${dates.text})` : line,
      arrangement,
    });
    goldExperiences.push({
      title: mission.title,
      company: mission.client ?? mission.agency,
      start: dates.start,
      end: dates.end,
      current: mission.end === null,
    });
  }
  const diplomaCertificates = person.certificates.filter(
    (certificate) => certificate.kind.kind === 'simple' && DIPLOMA_CERTIFICATES[certificate.kind.code],
  );
  const otherCertificates = person.certificates.filter(
    (certificate) => !diplomaCertificates.includes(certificate),
  );
  const degrees = [
    ...diplomaCertificates.map((certificate, position) => ({
      year: String(person.missions.at(-1)!.start.year - 1 - position),
      text: certificateText(certificate, random),
      school: random.pick(['IFAS de Lyon', 'IFAS Croix-Rouge', 'Institut de formation du CHU']),
    })),
    ...person.degrees.map((degree) => ({
      year: String(degree.year),
      text: degree.text,
      school: degree.school,
    })),
  ];
  const licences =
    person.licences.length === 0
      ? null
      : random.pick([
          `Permis ${person.licences.join(', ')}`,
          `Permis : ${person.licences.join(' - ')}`,
          `Titulaire du permis ${person.licences.join(' + ')}`,
          `PERMIS ${person.licences.join('/')}`,
        ]) + (person.hasVehicle ? random.pick([' (véhiculé)', ', véhiculé', ' + voiture']) : '');
  const address = [
    [person.street, `${person.place.postalCode} ${person.place.city}`],
    [`${person.place.city} (${person.place.department})`],
    [`${person.street}, ${person.place.postalCode} ${person.place.city}`],
  ][person.addressStyle]!;
  const personal: string[] = [];
  if (random.chance(0.5))
    personal.push(
      random.pick([
        `Né${person.female ? 'e' : ''} le 14/0${random.int(1, 9)}/${person.birthYear}`,
        `${2026 - person.birthYear} ans`,
      ]),
    );
  if (random.chance(0.3))
    personal.push(random.pick(['Nationalité française', 'Célibataire', 'Marié(e), 2 enfants']));
  const languages = europass
    ? [{ name: 'Français', text: 'langue maternelle', level: 'native' }, ...person.languages]
    : person.languages;
  const skills =
    typed && random.chance(0.5) ? person.skills.map((skill) => skill.toLowerCase()) : person.skills;
  const cv: ComposedCv = {
    name: nameText(person),
    headline: random.chance(0.3) ? person.headline.toUpperCase() : person.headline,
    profile: random.chance(0.5) ? random.pick(PROFILE_PHRASES) : null,
    phone: phoneText(person),
    email: person.email,
    address,
    personal,
    headings: {
      experience:
        typed && random.chance(0.5)
          ? null
          : person.layout === 'missions-pdf'
            ? pickHeading(random, ['MISSIONS INTÉRIM', 'Missions d’intérim', 'MISSIONS EFFECTUÉES'])
            : europass
              ? 'EXPÉRIENCE PROFESSIONNELLE'
              : pickHeading(random, [
                  'EXPÉRIENCES PROFESSIONNELLES',
                  'Expérience professionnelle',
                  'PARCOURS PROFESSIONNEL',
                  'EXPERIENCES',
                  'Expériences',
                  'Emplois occupés',
                  'EXPERIENCE PROFESIONNELLE',
                ]),
      education: europass
        ? 'ÉDUCATION ET FORMATION'
        : pickHeading(random, ['FORMATION', 'Formations', 'DIPLÔMES', 'Diplômes et formations', 'SCOLARITÉ']),
      skills: europass
        ? 'COMPÉTENCES PROFESSIONNELLES'
        : pickHeading(random, [
            'COMPÉTENCES',
            'Compétences',
            'Savoir-faire',
            'COMPÉTENCES PROFESSIONNELLES',
            'ATOUTS',
          ]),
      certificates: random.chance(0.25)
        ? null
        : europass
          ? 'CERTIFICATIONS'
          : pickHeading(random, [
              'CACES / HABILITATIONS',
              'Certifications',
              'Habilitations',
              'FORMATIONS SÉCURITÉ',
              'Titres et certificats',
            ]),
      languages: europass
        ? 'COMPÉTENCES LINGUISTIQUES'
        : pickHeading(random, ['LANGUES', 'Langues', 'Langues parlées']),
      interests: pickHeading(random, ['CENTRES D’INTÉRÊT', 'Loisirs', 'Centres d’intérêts']),
      licences: europass
        ? 'PERMIS DE CONDUIRE'
        : pickHeading(random, ['PERMIS', 'Permis de conduire', 'Mobilité']),
    },
    jobs,
    degrees,
    skills,
    certificates: otherCertificates.map((certificate) => certificateText(certificate, random)),
    licences,
    languages,
    interests: person.interests,
  };
  const gold: FrGold = {
    file,
    layout: person.layout,
    sector: person.sector,
    now,
    name: `${person.firstName} ${person.lastName}`,
    email: person.email,
    phone: person.phoneE164,
    city: person.place.city,
    experiences: goldExperiences,
    degrees: [...degrees.map((degree) => degree.text)],
    skills: person.skills,
    certifications: [...new Set(person.certificates.flatMap((certificate) => certificate.codes))].sort(),
    drivingLicences: [...person.licences].sort(),
    languages: languages.map((language) => language.name),
  };
  return { cv, gold };
}
