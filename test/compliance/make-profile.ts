import type { CandidateProfile } from '../../src/domain/index.js';

/** A synthetic person's identity, as the fixtures below write it into the CV. */
export interface SyntheticIdentity {
  first: string;
  last: string;
  civility: 'Monsieur' | 'Madame';
  email: string;
  phone: string;
}

export const SAMPLE_IDENTITY: SyntheticIdentity = {
  first: 'Émilie',
  last: 'Zarkowski-Mbappé',
  civility: 'Madame',
  email: 'emilie.zarkowski@example.org',
  phone: '+33612345678',
};

/**
 * A synthetic cariste CV full of identifiers (name in free text, email, phone in two spellings, street
 * address, birth date, age, nationality, family status, photo, RQTH), plus job-relevant content.
 */
export function makeProfile(
  id: string,
  identity: SyntheticIdentity = SAMPLE_IDENTITY,
  extra: { text?: string; certifications?: string[]; skills?: string[] } = {},
): CandidateProfile {
  const name = `${identity.first} ${identity.last}`;
  const text = [
    `${identity.civility} ${identity.first} ${identity.last.toUpperCase()}`,
    '12 bis rue des Lilas, 69003 Lyon',
    `Tél : 06 12 34 56 78 / ${identity.phone} — ${identity.email}`,
    'linkedin.com/in/emilie-zarkowski',
    'Née le 14/02/1991 à Casablanca, 34 ans, nationalité marocaine, mariée, 2 enfants. Photo. RQTH.',
    'Cariste motivée et rigoureuse, véhiculée.',
    '',
    'EXPÉRIENCES PROFESSIONNELLES',
    `2021-03 – aujourd'hui : Cariste, Entrepôt Logistique Rhône (Corbas). ${identity.first} conduit des chariots frontaux.`,
    "2018-01 – 2021-02 : Préparatrice de commandes, Hypermarché du Centre. Préparation vocale, 10 ans d'expérience en logistique.",
    '',
    'CERTIFICATIONS',
    'CACES R489 catégories 1A, 3 et 5 (valide 2028)',
    ...(extra.text ? ['', extra.text] : []),
  ].join('\n');
  return {
    id,
    source: { file: null, format: 'txt', pages: 1, language: 'fr' },
    name,
    email: identity.email,
    phone: identity.phone,
    location: { city: 'Lyon', postalCode: '69003', country: 'FR', lat: 45.7612, lon: 4.8518 },
    headline: `Cariste – ${identity.first} ${identity.last}`,
    experiences: [
      {
        title: 'Cariste',
        company: 'Entrepôt Logistique Rhône',
        location: 'Corbas',
        start: '2021-03',
        end: null,
        current: true,
        description: `${identity.first} conduit des chariots frontaux et latéraux.`,
        occupation: { romeCode: 'N1101', label: 'Cariste' },
      },
      {
        title: 'Préparatrice de commandes',
        company: 'Hypermarché du Centre',
        location: 'Lyon',
        start: '2018-01',
        end: '2021-02',
        current: false,
        description: 'Préparation vocale.',
        occupation: { romeCode: 'N1103', label: 'Préparateur de commandes' },
      },
    ],
    education: [
      { degree: 'CAP Opérateur logistique', institution: 'Lycée Jean Moulin, Casablanca', year: 2009 },
    ],
    skills: (extra.skills ?? ['chariot frontal', 'préparation vocale']).map((skill) => ({ name: skill })),
    certifications: (extra.certifications ?? ['CACES_R489_1A', 'CACES_R489_3', 'CACES_R489_5']).map(
      (code) => ({
        code,
        label: code.replace(/_/g, ' '),
        validUntil: '2028-06-30',
      }),
    ),
    drivingLicences: ['B'],
    languages: [
      { name: 'français', level: 'native' },
      { name: 'arabe', level: 'C2' },
    ],
    availability: { from: null, immediate: true },
    mobility: { maxDistanceKm: 30, hasVehicle: true },
    totalExperienceMonths: 110,
    warnings: [],
    confidence: {},
    sources: {},
    text,
    sensitive: {
      birthDate: '1991-02-14',
      age: 34,
      nationality: 'marocaine',
      maritalStatus: 'mariée',
      hasPhoto: true,
    },
  };
}
