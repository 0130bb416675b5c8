/**
 * French driving licence categories (permis de conduire, Code de la route R221-4) with their everyday
 * names. `implies` lists what holding the category also lets one drive, and only what is certain:
 * - every heavy category (C1, C, D1, D and their E variants) can only be obtained by a holder of B, so it implies B;
 * - C implies C1, D implies D1 (same vehicles, lighter); CE implies C, C1, C1E and BE; DE implies D, D1, D1E and BE;
 *   C1E implies C1 and BE; D1E implies D1 and BE; BE implies B (R221-4 equivalences);
 * - A implies A2, A1 and AM; A2 implies A1 and AM; A1 and B imply AM.
 * Nothing else: C does not imply D, CE does not imply DE, B does not imply BE.
 */
export interface LicenceEntry {
  code: string;
  label: string;
  /** Everyday names written after "permis" ("poids lourd" → C). */
  names: string[];
  implies: string[];
}

export const LICENCES: readonly LicenceEntry[] = [
  {
    code: 'AM',
    label: 'Permis AM (cyclomoteur, ex-BSR)',
    names: ['bsr', 'cyclomoteur', 'scooter'],
    implies: [],
  },
  {
    code: 'A1',
    label: 'Permis A1 (motocyclette légère, 125 cm³)',
    names: ['125', 'moto 125'],
    implies: ['AM'],
  },
  {
    code: 'A2',
    label: 'Permis A2 (motocyclette de puissance intermédiaire)',
    names: [],
    implies: ['A1', 'AM'],
  },
  { code: 'A', label: 'Permis A (motocyclette)', names: ['moto'], implies: ['A2', 'A1', 'AM'] },
  {
    code: 'B',
    label: 'Permis B (véhicule léger)',
    names: ['vl', 'voiture', 'auto', 'vehicule leger', 'b96'],
    implies: ['AM'],
  },
  {
    code: 'BE',
    label: 'Permis BE (véhicule léger avec remorque lourde)',
    names: ['remorque', 'eb'],
    implies: ['B', 'AM'],
  },
  { code: 'C1', label: 'Permis C1 (poids lourd de 3,5 à 7,5 t)', names: [], implies: ['B', 'AM'] },
  { code: 'C1E', label: 'Permis C1E (C1 avec remorque)', names: [], implies: ['C1', 'BE', 'B', 'AM'] },
  {
    code: 'C',
    label: 'Permis C (poids lourd)',
    names: ['pl', 'poids lourd', 'poids lourds', 'porteur'],
    implies: ['C1', 'B', 'AM'],
  },
  {
    code: 'CE',
    label: 'Permis CE (super lourd, semi-remorque)',
    names: [
      'spl',
      'super lourd',
      'super lourds',
      'super poids lourd',
      'super poids lourds',
      'ec',
      'semi remorque',
    ],
    implies: ['C', 'C1', 'C1E', 'BE', 'B', 'AM'],
  },
  { code: 'D1', label: 'Permis D1 (minibus, 16 places)', names: ['minibus'], implies: ['B', 'AM'] },
  { code: 'D1E', label: 'Permis D1E (D1 avec remorque)', names: [], implies: ['D1', 'BE', 'B', 'AM'] },
  {
    code: 'D',
    label: 'Permis D (transport en commun)',
    names: ['transport en commun', 'transports en commun', 'bus', 'autocar', 'car'],
    implies: ['D1', 'B', 'AM'],
  },
  {
    code: 'DE',
    label: 'Permis DE (D avec remorque)',
    names: ['ed'],
    implies: ['D', 'D1', 'D1E', 'BE', 'B', 'AM'],
  },
];
