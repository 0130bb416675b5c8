/** Synthetic candidate profiles and a seeded PRNG, shared by the matching and pool benches. */
import type { CandidateProfile } from '../../src/domain/candidate.js';
import { createRandom } from '../../src/support/create-random.js';

export { createRandom };

const OCCUPATIONS = [
  'Cariste',
  'Préparateur de commandes',
  'Manutentionnaire',
  'Soudeur',
  'Aide-soignant',
  'Serveur',
  'Chauffeur PL',
  'Agent de propreté',
  'Électricien',
  'Maçon',
  'Magasinier',
  'Opérateur de production',
];
const SKILLS = [
  'gerbage',
  'inventaire',
  'chargement',
  'soudure TIG',
  'soins',
  'service en salle',
  'livraison',
  'autolaveuse',
  'câblage',
  'coffrage',
  'picking',
  'contrôle qualité',
  'filmage',
  'encaissement',
  'transpalette',
  'lecture de plans',
];
const CERTIFICATIONS = [
  'CACES_R489_1A',
  'CACES_R489_3',
  'CACES_R489_5',
  'HAB_ELEC_B1V',
  'SST',
  'FCO_MARCHANDISES',
  'DEAS',
  'HACCP',
];

/** A short synthetic profile (no real person): a temp-work occupation, skills, a place near Lyon. */
export function syntheticProfile(position: number, random: () => number): CandidateProfile {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const occupation = pick(OCCUPATIONS);
  return {
    id: `cv_${position.toString(16).padStart(16, '0')}`,
    source: { file: null, format: 'txt', pages: 1, language: 'fr' },
    name: null,
    email: null,
    phone: null,
    location: {
      city: 'Lyon',
      postalCode: '69003',
      country: 'FR',
      lat: 45.76 + random() * 0.5 - 0.25,
      lon: 4.84 + random() * 0.5 - 0.25,
    },
    headline: occupation,
    experiences: [occupation, pick(OCCUPATIONS)].map((title, index) => ({
      title,
      company: null,
      location: null,
      start: index === 0 ? '2021-01' : '2018-03',
      end: index === 0 ? null : '2020-12',
      current: index === 0,
      description: '',
      occupation: null,
    })),
    education: [],
    skills: [pick(SKILLS), pick(SKILLS), pick(SKILLS)].map((name) => ({ name })),
    certifications: random() < 0.5 ? [{ code: pick(CERTIFICATIONS), label: 'certificat' }] : [],
    drivingLicences: random() < 0.6 ? ['B'] : [],
    languages: [],
    availability: { from: null, immediate: random() < 0.5 },
    mobility: { maxDistanceKm: 30, hasVehicle: random() < 0.6 },
    totalExperienceMonths: Math.floor(random() * 120),
    warnings: [],
    confidence: {},
    sources: {},
    text: '',
    sensitive: null,
  };
}
