import {
  type CandidateProfile,
  type CefrLevel,
  candidateProfileSchema,
  type SourceSpan,
} from '../../src/domain/index.js';

/** What a test says about a synthetic candidate; the factory writes the CV text and the source spans. */
export interface ProfileSpec {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  language?: 'fr' | 'en';
  city?: string | null;
  postalCode?: string | null;
  lat?: number | null;
  lon?: number | null;
  headline?: string | null;
  experiences?: {
    title: string;
    romeCode?: string | null;
    start: string | null;
    end?: string | null;
    current?: boolean;
    description?: string;
  }[];
  skills?: string[];
  certifications?: { code: string; label: string; validUntil?: string | null }[];
  licences?: string[];
  languages?: { name: string; level: CefrLevel | null }[];
  availability?: { from: string | null; immediate: boolean } | null;
  mobility?: { maxDistanceKm: number | null; hasVehicle: boolean | null } | null;
  /** Extra lines appended to the CV text (e.g. an injection attempt). */
  extraText?: string;
  sensitive?: CandidateProfile['sensitive'];
}

/** Builds a schema-valid profile whose `text` holds every value and whose spans point into it. */
export function buildProfile(spec: ProfileSpec): CandidateProfile {
  let text = '';
  const add = (line: string): SourceSpan => {
    const start = text.length;
    text += `${line}\n`;
    return { text: line, start, end: start + line.length };
  };
  const nameSpan = add(spec.name ?? 'Camille Exemple');
  add(spec.email ?? 'camille.exemple@example.fr');
  add(spec.phone ?? '+33600000000');
  const locationSpan = spec.city ? add(`${spec.postalCode ?? ''} ${spec.city}`.trim()) : undefined;
  const headlineSpan = spec.headline ? add(spec.headline) : undefined;
  const experiences = (spec.experiences ?? []).map((experience) => {
    const source = add(
      `${experience.title} (${experience.start ?? '?'} – ${experience.current ? "aujourd'hui" : (experience.end ?? '?')})`,
    );
    if (experience.description) add(experience.description);
    return {
      title: experience.title,
      company: null,
      location: null,
      start: experience.start,
      end: experience.end ?? null,
      current: experience.current ?? false,
      description: experience.description ?? '',
      occupation: experience.romeCode ? { romeCode: experience.romeCode, label: experience.title } : null,
      source,
    };
  });
  const skills = (spec.skills ?? []).map((name) => ({ name, source: add(name) }));
  const certifications = (spec.certifications ?? []).map((certification) => ({
    ...certification,
    validUntil: certification.validUntil ?? null,
    source: add(certification.label),
  }));
  const licences = spec.licences ?? [];
  const licenceSpan = licences.length ? add(`Permis ${licences.join(', ')}`) : undefined;
  const languages = (spec.languages ?? []).map((language) => ({
    ...language,
    source: add(`${language.name} ${language.level ?? ''}`.trim()),
  }));
  const availabilitySpan = spec.availability
    ? add(
        spec.availability.immediate ? 'Disponible immédiatement' : `Disponible le ${spec.availability.from}`,
      )
    : undefined;
  const mobilitySpan = spec.mobility
    ? add(spec.mobility.hasVehicle ? 'Véhiculé' : 'Non véhiculé')
    : undefined;
  if (spec.extraText) add(spec.extraText);
  const sources: CandidateProfile['sources'] = { name: nameSpan };
  if (locationSpan) sources.location = locationSpan;
  if (headlineSpan) sources.headline = headlineSpan;
  if (licenceSpan) sources.drivingLicences = licenceSpan;
  if (availabilitySpan) sources.availability = availabilitySpan;
  if (mobilitySpan) sources.mobility = mobilitySpan;
  return candidateProfileSchema.parse({
    id: spec.id,
    source: { file: `${spec.id}.txt`, format: 'txt', pages: 1, language: spec.language ?? 'fr' },
    name: spec.name ?? 'Camille Exemple',
    email: spec.email ?? 'camille.exemple@example.fr',
    phone: spec.phone ?? '+33600000000',
    location: spec.city
      ? {
          city: spec.city,
          postalCode: spec.postalCode ?? null,
          country: 'FR',
          lat: spec.lat ?? null,
          lon: spec.lon ?? null,
        }
      : null,
    headline: spec.headline ?? null,
    experiences,
    education: [],
    skills,
    certifications,
    drivingLicences: licences,
    languages,
    availability: spec.availability ?? null,
    mobility: spec.mobility ?? null,
    totalExperienceMonths: 0,
    warnings: [],
    confidence: {},
    sources,
    text,
    sensitive: spec.sensitive ?? null,
  });
}

/** A cariste near Lyon holding CACES R489 3, available, with a car: the reference good match. */
export function caristeSpec(id: string, overrides: Partial<ProfileSpec> = {}): ProfileSpec {
  return {
    id,
    city: 'Saint-Fons',
    postalCode: '69190',
    lat: 45.7086,
    lon: 4.8533,
    headline: 'Cariste CACES R489 cat. 3',
    experiences: [
      {
        title: 'Cariste',
        romeCode: 'N1101',
        start: '2022-03',
        current: true,
        description:
          'Conduite de chariot élévateur, chargement et déchargement de camions. Gestion des stocks.',
      },
      {
        title: 'Manutentionnaire',
        romeCode: 'N1105',
        start: '2020-01',
        end: '2022-02',
        description: 'Manutention de colis.',
      },
    ],
    skills: ['chariot élévateur', 'gestion des stocks'],
    certifications: [{ code: 'CACES_R489_3', label: 'CACES R489 catégorie 3', validUntil: '2029-05-01' }],
    licences: ['B'],
    languages: [{ name: 'Français', level: 'native' }],
    availability: { from: null, immediate: true },
    mobility: { maxDistanceKm: 30, hasVehicle: true },
    ...overrides,
  };
}
