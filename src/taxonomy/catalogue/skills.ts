/**
 * Skills that matter in temp-work orders, with the ways CVs and job ads write them. Ids are stable
 * (`skill:<slug>`); ESCO and ROME skills found in text use `esco:<uuid>` and `rome:<code_ogr>`.
 */
export interface SkillEntry {
  id: string;
  label: string;
  aliases: string[];
}

const skill = (slug: string, label: string, aliases: string[] = []): SkillEntry => ({
  id: `skill:${slug}`,
  label,
  aliases: [label, ...aliases],
});

export const CURATED_SKILLS: readonly SkillEntry[] = [
  // logistics
  skill('conduite-chariot-elevateur', 'conduite de chariot élévateur', [
    'conduite de chariots',
    'conduite chariot',
    'chariot élévateur',
    'chariots élévateurs',
  ]),
  skill('transpalette-electrique', 'transpalette électrique', [
    'transpalette',
    'transpalettes',
    'gerbeur',
    'gerbeurs',
  ]),
  skill('preparation-commandes', 'préparation de commandes', [
    'picking',
    'préparation commandes',
    'prélèvement',
  ]),
  skill('commande-vocale', 'préparation à la commande vocale', [
    'commande vocale',
    'picking vocal',
    'voice picking',
  ]),
  skill('lecteur-code-barres', 'lecteur code-barres', [
    'scanner',
    'scanette',
    'terminal radio',
    'terminal RF',
    'douchette',
  ]),
  skill('gestion-stocks', 'gestion des stocks', ['gestion de stock', 'suivi des stocks', 'stock management']),
  skill('inventaire', 'inventaire', ['inventaires', 'inventaire tournant']),
  skill('reception-marchandises', 'réception de marchandises', [
    'réception des marchandises',
    'contrôle à réception',
  ]),
  skill('expedition', 'expédition', ['expéditions', 'préparation des expéditions']),
  skill('chargement-dechargement', 'chargement et déchargement', [
    'chargement',
    'déchargement',
    'chargement de camions',
    'déchargement de camions',
  ]),
  skill('filmage', 'filmage', ['filmage de palettes', 'cerclage']),
  skill('emballage', 'emballage', ['conditionnement', 'mise en carton', 'packaging']),
  skill('etiquetage', 'étiquetage', ['étiquettage']),
  skill('manutention', 'manutention', ['port de charges', 'port de charges lourdes', 'manutention manuelle']),
  skill('gerbage', 'gerbage', ['gerbage de palettes', 'mise en stock', 'stockage en hauteur']),
  skill('wms', 'WMS', ['logiciel WMS', 'warehouse management system']),
  skill('sap', 'SAP', []),
  // industry
  skill('travail-a-la-chaine', 'travail à la chaîne', [
    'travail en ligne',
    'travail sur ligne',
    'production en série',
  ]),
  skill('conduite-de-ligne', 'conduite de ligne', [
    'conduite de ligne de production',
    'conduite de machine',
    'conduite de machines',
  ]),
  skill('reglage-machine', 'réglage de machines', ['réglage machine', 'réglages']),
  skill('controle-qualite', 'contrôle qualité', [
    'contrôle de la qualité',
    'autocontrôle',
    'quality control',
  ]),
  skill('lecture-de-plans', 'lecture de plans', ['lecture de plan', 'lire un plan', 'reading drawings']),
  skill('soudure-tig', 'soudure TIG', ['soudage TIG', 'TIG']),
  skill('soudure-mig-mag', 'soudure MIG MAG', [
    'soudage MIG',
    'soudage MAG',
    'soudure MIG',
    'soudure MAG',
    'semi-automatique',
  ]),
  skill('soudure-arc', 'soudure à l’arc', ['soudage à l’arc', 'électrode enrobée', 'soudure arc']),
  skill('usinage', 'usinage', ['tournage', 'fraisage', 'usinage conventionnel']),
  skill('commande-numerique', 'commande numérique', ['CNC', 'CN', 'programmation CN', 'centre d’usinage']),
  skill('maintenance-preventive', 'maintenance préventive', [
    'maintenance curative',
    'maintenance de premier niveau',
    'maintenance niveau 1',
  ]),
  skill('electricite-industrielle', 'électricité industrielle', [
    'lecture de schémas électriques',
    'schémas électriques',
    'câblage électrique',
    'câblage',
  ]),
  skill('mecanique', 'mécanique', ['mécanique générale', 'mécanique industrielle']),
  skill('pneumatique-hydraulique', 'pneumatique et hydraulique', ['pneumatique', 'hydraulique']),
  // construction
  skill('maconnerie', 'maçonnerie', ['maçonnerie générale', 'montage de murs', 'parpaing', 'parpaings']),
  skill('coffrage', 'coffrage', ['banchage', 'coffrage bois']),
  skill('ferraillage', 'ferraillage', ['pose d’armatures']),
  skill('peinture-batiment', 'peinture en bâtiment', [
    'travaux de peinture',
    'peinture intérieure',
    'enduits',
  ]),
  skill('pose-placo', 'pose de plaques de plâtre', [
    'placo',
    'placoplâtre',
    'plaquisterie',
    'cloisons sèches',
  ]),
  skill('plomberie', 'plomberie', ['plomberie sanitaire', 'raccordement sanitaire']),
  skill('electricite-batiment', 'électricité du bâtiment', [
    'électricité bâtiment',
    'courants faibles',
    'tirage de câbles',
  ]),
  skill('carrelage', 'carrelage', ['pose de carrelage', 'faïence']),
  skill('terrassement', 'terrassement', ['VRD', 'travaux publics']),
  skill('elingage', 'élingage', ['élinguer', 'guidage de grue']),
  // cleaning
  skill('nettoyage-locaux', 'nettoyage de locaux', [
    'nettoyage de bureaux',
    'entretien des locaux',
    'nettoyage des locaux',
  ]),
  skill('autolaveuse', 'autolaveuse', ['auto-laveuse', 'monobrosse', 'mono-brosse']),
  skill('bionettoyage', 'bionettoyage', ['bio-nettoyage', 'protocoles d’hygiène']),
  // hotels, restaurants, retail
  skill('service-en-salle', 'service en salle', [
    'service à table',
    'service au plateau',
    'dressage des tables',
  ]),
  skill('plonge', 'plonge', ['vaisselle', 'plonge batterie']),
  skill('mise-en-place', 'mise en place', [
    'mise en place cuisine',
    'préparations froides',
    'préparation des entrées',
  ]),
  skill('encaissement', 'encaissement', ['tenue de caisse', 'caisse', 'tenue d’une caisse']),
  skill('mise-en-rayon', 'mise en rayon', ['réassort', 'remplissage des rayons', 'facing', 'balisage']),
  skill('accueil-clients', 'accueil clients', [
    'accueil client',
    'accueil physique',
    'relation client',
    'customer service',
  ]),
  // care
  skill('soins-hygiene', 'soins d’hygiène et de confort', [
    'toilette',
    'toilettes',
    'aide à la toilette',
    'soins de nursing',
    'nursing',
  ]),
  skill('aide-repas', 'aide à la prise des repas', ['aide aux repas', 'distribution des repas']),
  skill('transmissions', 'transmissions', [
    'transmissions écrites',
    'transmissions orales',
    'transmissions ciblées',
  ]),
  skill('prise-constantes', 'prise des constantes', ['surveillance des constantes', 'constantes']),
  // office
  skill('accueil-telephonique', 'accueil téléphonique', [
    'standard téléphonique',
    'gestion du standard',
    'appels entrants',
  ]),
  skill('saisie-donnees', 'saisie de données', ['saisie informatique', 'data entry']),
  skill('pack-office', 'Pack Office', ['Microsoft Office', 'suite Office', 'MS Office']),
  skill('excel', 'Excel', ['Microsoft Excel', 'tableur']),
  skill('word', 'Word', ['Microsoft Word', 'traitement de texte']),
  skill('facturation', 'facturation', ['saisie des factures', 'invoicing']),
];
