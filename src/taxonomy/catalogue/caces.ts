import type { CertificationEntry } from './types.js';

/**
 * CACES (certificat d'aptitude à la conduite en sécurité), by CNAM recommendation, as reformed in 2020.
 * Validity: 5 years, 10 years for R482 (engins de chantier). `trainingDays` is a typical initial course for
 * a novice (experienced drivers often need less); it lets the matcher say "trainable in N days".
 * A category never implies another one (R489 5 does not cover 3).
 */
interface CacesCategory {
  category: string;
  label: string;
  trainingDays: number;
}

interface CacesRecommendation {
  recommendation: string;
  label: string;
  validityYears: number;
  categories: CacesCategory[];
  /** Words that, next to "CACES", designate this recommendation ("nacelle" → R486). */
  keywords: string[];
}

export const CACES_RECOMMENDATIONS: readonly CacesRecommendation[] = [
  {
    recommendation: 'R489',
    label: 'chariots de manutention automoteurs à conducteur porté',
    validityYears: 5,
    keywords: ['chariot', 'chariots', 'chariot elevateur', 'chariots elevateurs', 'cariste', 'elevateur'],
    categories: [
      {
        category: '1A',
        label: 'transpalettes à conducteur porté et préparateurs de commandes au sol',
        trainingDays: 2,
      },
      { category: '1B', label: 'gerbeurs automoteurs à conducteur porté', trainingDays: 2 },
      { category: '2A', label: 'chariots à plateau porteur', trainingDays: 1 },
      { category: '2B', label: 'chariots tracteurs industriels', trainingDays: 2 },
      { category: '3', label: 'chariots élévateurs en porte-à-faux ≤ 6 000 kg', trainingDays: 3 },
      { category: '4', label: 'chariots élévateurs en porte-à-faux > 6 000 kg', trainingDays: 3 },
      { category: '5', label: 'chariots élévateurs à mât rétractable', trainingDays: 3 },
      { category: '6', label: 'chariots élévateurs à poste de conduite élevable', trainingDays: 3 },
      { category: '7', label: 'conduite hors production des chariots de toutes catégories', trainingDays: 1 },
    ],
  },
  {
    recommendation: 'R482',
    label: 'engins de chantier',
    validityYears: 10,
    keywords: ['engin', 'engins', 'engins de chantier', 'engin de chantier', 'chantier', 'tp'],
    categories: [
      { category: 'A', label: 'engins compacts', trainingDays: 2 },
      { category: 'B1', label: 'engins d’extraction à déplacement séquentiel (pelles)', trainingDays: 4 },
      { category: 'B2', label: 'engins de sondage ou de forage', trainingDays: 4 },
      { category: 'B3', label: 'engins rail-route', trainingDays: 4 },
      {
        category: 'C1',
        label: 'engins de chargement à déplacement alternatif (chargeuses)',
        trainingDays: 4,
      },
      { category: 'C2', label: 'engins de réglage à déplacement alternatif (bouteurs)', trainingDays: 4 },
      {
        category: 'C3',
        label: 'engins de nivellement à déplacement alternatif (niveleuses)',
        trainingDays: 4,
      },
      { category: 'D', label: 'engins de compactage', trainingDays: 3 },
      { category: 'E', label: 'engins de transport (tombereaux, dumpers)', trainingDays: 3 },
      { category: 'F', label: 'chariots de manutention tout-terrain', trainingDays: 3 },
      { category: 'G', label: 'conduite hors production des engins', trainingDays: 1 },
    ],
  },
  {
    recommendation: 'R483',
    label: 'grues mobiles',
    validityYears: 5,
    keywords: ['grue mobile', 'grues mobiles'],
    categories: [
      { category: 'A', label: 'grues mobiles à flèche treillis', trainingDays: 5 },
      { category: 'B', label: 'grues mobiles à flèche télescopique', trainingDays: 5 },
    ],
  },
  {
    recommendation: 'R484',
    label: 'ponts roulants et portiques',
    validityYears: 5,
    keywords: ['pont roulant', 'ponts roulants', 'portique', 'portiques'],
    categories: [
      { category: '1', label: 'ponts roulants et portiques à commande au sol', trainingDays: 2 },
      { category: '2', label: 'ponts roulants et portiques à commande en cabine', trainingDays: 3 },
    ],
  },
  {
    recommendation: 'R485',
    label: 'chariots de manutention automoteurs gerbeurs à conducteur accompagnant',
    validityYears: 5,
    keywords: ['gerbeur', 'gerbeurs', 'conducteur accompagnant'],
    categories: [
      {
        category: '1',
        label: 'gerbeurs à conducteur accompagnant, hauteur de levée de 1,20 m à 2,50 m',
        trainingDays: 1,
      },
      {
        category: '2',
        label: 'gerbeurs à conducteur accompagnant, hauteur de levée > 2,50 m',
        trainingDays: 2,
      },
    ],
  },
  {
    recommendation: 'R486',
    label: 'plates-formes élévatrices mobiles de personnes (nacelles, PEMP)',
    validityYears: 5,
    keywords: ['nacelle', 'nacelles', 'pemp', 'plateforme elevatrice', 'plate forme elevatrice'],
    categories: [
      { category: 'A', label: 'PEMP du groupe A (élévation verticale)', trainingDays: 2 },
      { category: 'B', label: 'PEMP du groupe B (élévation multidirectionnelle)', trainingDays: 3 },
      { category: 'C', label: 'conduite hors production des PEMP', trainingDays: 1 },
    ],
  },
  {
    recommendation: 'R487',
    label: 'grues à tour',
    validityYears: 5,
    keywords: ['grue a tour', 'grues a tour', 'grutier'],
    categories: [
      {
        category: '1',
        label: 'grues à tour à montage par éléments, à flèche distributrice',
        trainingDays: 5,
      },
      { category: '2', label: 'grues à tour à montage par éléments, à flèche relevable', trainingDays: 5 },
      { category: '3', label: 'grues à tour à montage automatisé', trainingDays: 3 },
    ],
  },
  {
    recommendation: 'R490',
    label: 'grues auxiliaires de chargement de véhicules',
    validityYears: 5,
    keywords: ['grue auxiliaire', 'grues auxiliaires', 'bras de grue', 'grue de chargement'],
    categories: [{ category: '', label: 'grues auxiliaires de chargement de véhicules', trainingDays: 3 }],
  },
];

/**
 * Old recommendations (replaced on 1 January 2020) mapped to the current category that covers the same
 * machines. Only correspondences published with the reform are listed; an old category without a clear
 * successor (R389 cat 2, R372m cat 3/5/6) is not mapped and stays unrecognised as a current code.
 */
export const LEGACY_CACES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  R389: {
    '1': 'CACES_R489_1A',
    '3': 'CACES_R489_3',
    '4': 'CACES_R489_4',
    '5': 'CACES_R489_5',
    '6': 'CACES_R489_7',
  },
  R386: {
    '1A': 'CACES_R486_A',
    '2A': 'CACES_R486_A',
    '3A': 'CACES_R486_A',
    '1B': 'CACES_R486_B',
    '2B': 'CACES_R486_B',
    '3B': 'CACES_R486_B',
  },
  R372: {
    '1': 'CACES_R482_A',
    '2': 'CACES_R482_B1',
    '4': 'CACES_R482_C1',
    '7': 'CACES_R482_D',
    '8': 'CACES_R482_E',
    '9': 'CACES_R482_F',
    '10': 'CACES_R482_G',
  },
  R390: { '': 'CACES_R490' },
};

/** All current CACES entries, with their canonical codes (`CACES_R489_3`, `CACES_R490`). */
export function cacesEntries(): CertificationEntry[] {
  return CACES_RECOMMENDATIONS.flatMap((recommendation) =>
    recommendation.categories.map((category) => {
      const suffix = category.category ? `_${category.category}` : '';
      const categoryText = category.category ? ` catégorie ${category.category}` : '';
      return {
        code: `CACES_${recommendation.recommendation}${suffix}`,
        label: `CACES ${recommendation.recommendation}${categoryText} (${category.label})`,
        family: 'caces' as const,
        validityYears: recommendation.validityYears,
        trainingDays: category.trainingDays,
        aliases: [],
      };
    }),
  );
}
