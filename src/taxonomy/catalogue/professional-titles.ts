import type { CertificationEntry } from './types.js';

/**
 * Titres professionnels (ministère du Travail) common in temp work, as certifications `TP_<NAME>`. Only the
 * "titre professionnel …", "titre pro …" and "TP …" forms are aliases: the bare title ("cariste") is an
 * occupation, not proof of the diploma.
 */
export const PROFESSIONAL_TITLES: readonly CertificationEntry[] = (
  [
    [
      'PREPARATEUR_COMMANDES',
      'préparateur de commandes en entrepôt',
      ['préparateur de commandes', 'préparateur de commandes en entrepôt'],
    ],
    ['CARISTE_ENTREPOT', 'cariste d’entrepôt', ['cariste d’entrepôt', 'cariste entrepôt', 'cariste']],
    ['AGENT_MAGASINIER', 'agent magasinier', ['agent magasinier', 'magasinier']],
    [
      'AGENT_PROPRETE_HYGIENE',
      'agent de propreté et d’hygiène',
      ['agent de propreté et d’hygiène', 'agent de propreté'],
    ],
    [
      'CONDUCTEUR_LIVREUR',
      'conducteur livreur sur véhicule utilitaire léger',
      ['conducteur livreur', 'conducteur livreur sur véhicule utilitaire léger'],
    ],
    [
      'CTRMP',
      'conducteur du transport routier de marchandises sur porteur',
      ['conducteur du transport routier de marchandises sur porteur', 'CTRMP'],
    ],
    [
      'CTRMV',
      'conducteur du transport routier de marchandises sur tous véhicules',
      ['conducteur du transport routier de marchandises sur tous véhicules', 'CTRMV'],
    ],
    [
      'CTRIPC',
      'conducteur du transport routier interurbain de voyageurs',
      ['conducteur du transport routier interurbain de voyageurs', 'CTRIPC'],
    ],
    [
      'SOUDEUR',
      'soudeur assembleur industriel',
      ['soudeur', 'soudeur assembleur industriel', 'soudeur TIG électrode enrobée'],
    ],
    ['MACON', 'maçon', ['maçon']],
    ['COFFREUR_BANCHEUR', 'coffreur bancheur', ['coffreur bancheur']],
    [
      'ELECTRICIEN_EQUIPEMENT',
      'électricien d’équipement du bâtiment',
      ['électricien d’équipement du bâtiment', 'électricien d’équipement'],
    ],
    ['AGENT_RESTAURATION', 'agent de restauration', ['agent de restauration']],
    ['CUISINIER', 'cuisinier', ['cuisinier']],
    ['SERVEUR_RESTAURATION', 'serveur en restauration', ['serveur en restauration', 'serveur']],
    ['ASSISTANT_VIE_FAMILLES', 'assistant de vie aux familles', ['assistant de vie aux familles', 'ADVF']],
    [
      'AGENT_SURETE_SECURITE',
      'agent de sûreté et de sécurité privée',
      ['agent de sûreté et de sécurité privée', 'ASSP'],
    ],
    [
      'EMPLOYE_COMMERCIAL',
      'employé commercial en magasin',
      ['employé commercial en magasin', 'employé commercial'],
    ],
    ['SECRETAIRE_ASSISTANT', 'secrétaire assistant', ['secrétaire assistant', 'secrétaire assistante']],
    [
      'AGENT_MAINTENANCE_BATIMENTS',
      'agent de maintenance des bâtiments',
      ['agent de maintenance des bâtiments', 'AMB'],
    ],
  ] as const
).map(([name, label, titles]) => ({
  code: `TP_${name}`,
  label: `Titre professionnel ${label}`,
  family: 'professional-title' as const,
  validityYears: null,
  trainingDays: null,
  // "TP cariste d'entrepôt", "titre professionnel cariste", "titre pro maçon": the title alone is an occupation.
  aliases: titles.flatMap((title) => [`titre professionnel ${title}`, `titre pro ${title}`, `TP ${title}`]),
}));
