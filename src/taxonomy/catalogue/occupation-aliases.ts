/**
 * French job titles that agencies and job ads use every day but that the ROME does not list verbatim
 * (generic titles, short forms), each mapped to the ROME v460 code that fits it best. These are indexed next
 * to the 13,120 ROME appellations. Where a generic title spans several codes, the choice is written down here
 * so that it is one decision, not an accident of scoring:
 * - "agent / opérateur / ouvrier de production" → H2105 (agent de production, the ROME's only plain
 *   "agent de production" main title);
 * - "agent d'entretien", "agent de ménage" → K2205 (cleaning of premises: what temp ads mean by it;
 *   building maintenance is I1203 and is reached with "entretien du bâtiment");
 * - "agent de quai" → N1106; "peintre" → F1606 (building); "électricien" → F1602 (building);
 * - trade words the ROME lacks: "3D" (dératisation, désinsectisation, désinfection) and "nuisibles" (pests)
 *   in pest control (K2305, K2319 for hygienists and wood treatment), "hotliner", "tech lead" in IT.
 */
export interface TitleAlias {
  readonly title: string;
  readonly romeCode: string;
}

export const OCCUPATION_ALIASES: readonly TitleAlias[] = [
  // logistics
  { title: 'conducteur de chariot élévateur', romeCode: 'N1101' },
  { title: 'conducteur de chariots', romeCode: 'N1101' },
  { title: 'chariot élévateur', romeCode: 'N1101' },
  { title: 'cariste d’entrepôt', romeCode: 'N1101' },
  { title: 'préparateur de commandes logistique', romeCode: 'N1103' },
  { title: 'préparateur logistique', romeCode: 'N1103' },
  { title: 'picking', romeCode: 'N1103' },
  { title: 'agent de quai', romeCode: 'N1106' },
  { title: 'agent logistique', romeCode: 'N1115' },
  { title: 'employé logistique', romeCode: 'N1115' },
  { title: 'gestionnaire de stock', romeCode: 'N1110' },
  { title: 'réceptionnaire', romeCode: 'N1110' },
  { title: 'agent de réception', romeCode: 'N1110' },
  { title: 'manutentionnaire polyvalent', romeCode: 'N1105' },
  // transport
  { title: 'chauffeur super lourd', romeCode: 'N4115' },
  { title: 'conducteur super lourd', romeCode: 'N4115' },
  { title: 'chauffeur semi remorque', romeCode: 'N4115' },
  { title: 'chauffeur porteur', romeCode: 'N4101' },
  { title: 'chauffeur véhicule léger', romeCode: 'N4105' },
  { title: 'chauffeur livreur véhicule léger', romeCode: 'N4105' },
  { title: 'chauffeur de bus', romeCode: 'N4103' },
  { title: 'chauffeur de taxi', romeCode: 'N4112' },
  // industry
  { title: 'agent de production', romeCode: 'H2105' },
  { title: 'opérateur de production', romeCode: 'H2105' },
  { title: 'ouvrier de production', romeCode: 'H2105' },
  { title: 'agent de fabrication', romeCode: 'H2105' },
  { title: 'ouvrier d’usine', romeCode: 'H2105' },
  { title: 'opérateur de conditionnement', romeCode: 'H3302' },
  { title: 'conditionneur', romeCode: 'H3302' },
  { title: 'technicien de maintenance', romeCode: 'I1304' },
  { title: 'mécanicien de maintenance', romeCode: 'I1310' },
  { title: 'électromécanicien', romeCode: 'I1335' },
  { title: 'soudeur TIG', romeCode: 'H2916' },
  { title: 'soudeur MIG MAG', romeCode: 'H2917' },
  { title: 'contrôleur qualité', romeCode: 'H1506' },
  { title: 'opérateur commande numérique', romeCode: 'H2903' },
  // construction
  { title: 'manœuvre', romeCode: 'F1704' },
  { title: 'ouvrier du bâtiment', romeCode: 'F1704' },
  { title: 'ouvrier polyvalent du bâtiment', romeCode: 'F1704' },
  { title: 'électricien', romeCode: 'F1602' },
  { title: 'peintre', romeCode: 'F1606' },
  { title: 'conducteur d’engins', romeCode: 'F1302' },
  { title: 'échafaudeur', romeCode: 'F1505' },
  // cleaning
  { title: 'agent d’entretien', romeCode: 'K2205' },
  { title: 'chef d’équipe nettoyage', romeCode: 'K2204' },
  { title: 'chef de site propreté', romeCode: 'K2203' },
  { title: 'hydrocureur', romeCode: 'K2301' },
  // pest control and hygiene ("3D": dératisation, désinsectisation, désinfection; "nuisibles": pests)
  { title: 'technicien 3D', romeCode: 'K2305' },
  { title: 'technicien hygiène 3D', romeCode: 'K2319' },
  { title: 'applicateur 3D', romeCode: 'K2319' },
  { title: 'technicien nuisibles', romeCode: 'K2305' },
  { title: 'technicien de lutte contre les nuisibles', romeCode: 'K2305' },
  { title: 'technicien en maîtrise des nuisibles', romeCode: 'K2305' },
  { title: 'agent de lutte contre les nuisibles', romeCode: 'K2305' },
  { title: 'technicien antiparasitaire', romeCode: 'K2305' },
  { title: 'désinsectiseur', romeCode: 'K2305' },
  { title: 'dératiseur', romeCode: 'K2305' },
  { title: 'technicien traitement des bois', romeCode: 'K2319' },
  { title: 'applicateur traitement du bois', romeCode: 'K2319' },
  { title: 'technicien termites', romeCode: 'K2319' },
  { title: 'agent de ménage', romeCode: 'K2205' },
  { title: 'agent de nettoyage', romeCode: 'K2205' },
  { title: 'agent de propreté', romeCode: 'K2205' },
  { title: 'femme de ménage', romeCode: 'K2205' },
  { title: 'femme de chambre', romeCode: 'G1501' },
  // hotels, restaurants
  { title: 'plongeur', romeCode: 'G1605' },
  { title: 'plongeur en restauration', romeCode: 'G1605' },
  { title: 'aide cuisinier', romeCode: 'G1602' },
  { title: 'employé de restauration', romeCode: 'G1603' },
  // health and care
  { title: 'infirmier', romeCode: 'J1506' },
  { title: 'agent de service hospitalier', romeCode: 'J1301' },
  { title: 'auxiliaire de vie', romeCode: 'K1311' },
  // IT and data (job-board forms the ROME does not list)
  { title: 'hotliner', romeCode: 'I1404' },
  { title: 'technicien support informatique', romeCode: 'I1404' },
  { title: 'ingénieur data', romeCode: 'M1811' },
  { title: 'développeur BI', romeCode: 'M1824' },
  { title: 'consultant SAP', romeCode: 'M1806' },
  { title: 'ingénieur QA', romeCode: 'M1815' },
  { title: 'testeur logiciel', romeCode: 'M1815' },
  { title: 'lead développeur', romeCode: 'M1805' },
  { title: 'tech lead', romeCode: 'M1805' },
  // retail and offices
  { title: 'employé commercial', romeCode: 'D1507' },
  { title: 'employé libre service', romeCode: 'D1507' },
  { title: 'employé administratif', romeCode: 'M1602' },
  { title: 'vendeur en magasin', romeCode: 'D1214' },
  { title: 'conseiller clientèle', romeCode: 'D1408' },
];
