import type { JobOrderCriteriaWords } from '../locale.js';

/**
 * What a job order may not require, French (Code du travail L1132-1; L1142-1 for sex; Défenseur des droits
 * guidance on job ads), as clients write it. Matched on folded text (accents folded, lower case,
 * punctuation as single spaces) after the `allowed` phrases are removed. Only the right to work may be
 * required about nationality ("autorisation de travail", "titre de séjour valide"). Inclusive wording
 * ("poste ouvert aux personnes en situation de handicap") is not a criterion: only exclusions are.
 */
export const jobOrderCriteriaWords: JobOrderCriteriaWords = {
  allowed: [
    // Mixed-gender markers and both sexes named together.
    { pattern: '\\b(?:h|f|m) (?:f|h|w)\\b' },
    '(hommes?|femmes?) (ou|et) (hommes?|femmes?)',
    '(un homme|une femme) ou (un homme|une femme)',
    'tous (les |)sexes',
    'au (masculin|feminin) (comme|et|ou) au (masculin|feminin)',
    'toutes (les |)nationalites',
    // The right to work, which may be asked.
    'autorisation de travail( en france| valide|)',
    '(titre|carte) de sejour (valide|en cours de validite|autorisant a travailler|permettant de travailler)',
    // Inclusive sentences.
    '(ouvert|ouverte|accessible|accessibles|ouverts) (a|aux) (toutes et tous|tous|toutes|personnes en situation de handicap|travailleurs handicapes|personnes handicapees)',
    'en situation de handicap',
    'handi(cap |)(accueillant|friendly|bienvenue?)',
    'diversite',
    // Safety and fitness decided by the occupational doctor are job requirements.
    'visite medicale',
    'medecine du travail',
    'aptitude medicale',
  ],
  genderedTitles: [
    '(femme|homme) de (chambre|menage|service|salle)',
    'homme (d entretien|toutes mains)',
    'garcons? de (cafe|salle|restaurant|cuisine)',
  ],
  criteria: {
    sex: [
      '(hommes?|femmes?|masculin|feminin|garcons?|filles?|messieurs|mesdames)',
      'sexe',
      '(profil|candidat|candidats|personnel) (masculin|feminin)',
    ],
    age: [
      'jeunes? (homme|hommes|femme|femmes|fille|filles|garcon|garcons|candidat|candidate|candidats|profil|profils|diplome|diplomee|diplomes|personne|personnes|et dynamique|equipe)',
      '(homme|hommes|femme|femmes|profil|profils|candidat|candidate|candidats|personne|personnes|equipe) jeunes?',
      'age (minimum|maximum|min|max|requis|limite)',
      'limite d age',
      {
        pattern:
          '\\b(?:moins|plus) de \\d{2} ans\\b(?! d (?:experience|anciennete|expérience)| de (?:metier|pratique)| dans)',
      },
      { pattern: '\\b(?:entre|de) \\d{2} (?:et|a) \\d{2} ans\\b' },
      { pattern: '\\bagee? de \\d{2}' },
      { pattern: '\\bnee? apres (?:19|20)\\d{2}' },
      '(retraites?|seniors?) (exclus|s abstenir)',
    ],
    nationality: [
      'nationalit*',
      '(francais|francaise|europeen|europeenne|francais es)s? (uniquement|exige|exigee|obligatoire|seulement|de souche)',
      '(citoyens?|citoyennete) (francais|francaise|europeen|europeenne|de l union)',
      'ressortissants?',
      '(pas d|sans) etrangers?',
      'etrangers? (s abstenir|exclus|non acceptes)',
      'passeport (francais|europeen)',
    ],
    origin: [
      '(d |)origines? (francaise|europeenne|etrangere|africaine|maghrebine|asiatique|immigree|arabe|antillaise)',
      'ethni*',
      '(race|raciale)',
      'de souche',
      'bbr',
      '(type|profil) (europeen|africain|maghrebin|asiatique|caucasien)',
      'couleur de peau',
      'peau (blanche|noire|claire)',
      '(maghrebins?|africains?|asiatiques?|arabes?|noirs?|blancs?|gitans?|roms?) (exclus|s abstenir|uniquement|non acceptes)',
    ],
    family: [
      'sans enfants?',
      'pas d enfants?',
      'sans (attaches?|charge de famille|contrainte familiale|contraintes familiales)',
      'celibataires?',
      '(mariee?|mariees?|pacsee?)s?',
      'situation (familiale|maritale|matrimoniale)',
      'enfants? a charge',
      '(pere|mere|parent) de famille',
      '(pas de|sans) (conjoint|famille)',
    ],
    pregnancy: ['enceintes?', 'grossesses?', 'conge maternite', 'projet (d enfant|de grossesse|de bebe)'],
    religion: [
      'religi*',
      '(musulman|chretien|catholique|protestant|juif|juive|bouddhist|athee|pratiquant|croyant)*',
      '(voilee|foulard|kippa|turban|signes? religieux|port du voile)',
      '(ramadan|halal|casher|kasher)',
    ],
    'union-politics': [
      '(non |pas |)syndi(que|quee|ques|quees|cat|cats|cal|cale|calise|caliste)*',
      '(cgt|cfdt|cftc|cfe cgc|unsa)',
      'grev(e|es|iste|istes)',
      '(opinions?|engagement|activite|militant|militante) (politique|politiques|syndicale|syndicales)',
      'parti politique',
      'apolitique',
      'mandat electif',
      '(activite|activites|engagement) mutualistes?',
    ],
    health: [
      { pattern: '\\b(?:en )?bonne sante\\b(?! financiere| economique)' },
      'sante (parfaite|irreprochable|excellente|de fer)',
      '(pas de|sans|aucun) (probleme|problemes|soucis|antecedents?) (de sante|medica*)',
      '(pas d|sans|aucun) arrets? (maladie|de travail)',
      'maladies? (chroniques?|exclus)',
      'perte d autonomie',
    ],
    disability: [
      '(pas de|sans|aucun|aucune|non|exclus|exclu|interdit) (de |)(handicap|handicape|handicapes|handicapee|handicapees|rqth|invalidite)',
      '(handicap|handicapes|rqth|invalidite) (exclus|non acceptes|s abstenir|interdit)',
      '(personne|travailleur|personnel) valide',
      '(pleine|toute sa) (capacite|capacites) physiques?',
    ],
    appearance: [
      '(physique|presentation) (agreable|avantageux|avantageuse|irreprochable|soignee|avenante|attrayant|attrayante)',
      '(bonne|belle) (presentation|apparence|allure)',
      'belle (gueule|femme|fille)',
      '(jolie|joli|mince|svelte)',
      { pattern: '\\btaille (?:minimum|mini|min|maximum|max)\\b|\\bmesurer (?:plus|moins|au moins) ' },
      { pattern: '\\b\\d ?m ?\\d{2} (?:minimum|mini|min|au moins|maximum|max)\\b' },
      '(poids|corpulence) (maximum|max|minimum|mini|requis|requise|normale?)',
      '(sans|pas de) (tatouages?|piercings?|barbe|dreadlocks|locks)',
      'couleur de cheveux',
    ],
    surname: ['nom (a consonance|francais|d origine)', 'consonance'],
    residence: [
      '(habitant|residant|domicilie|domiciliee|domicilies) (a|au|aux|en|dans|sur place|la commune|le secteur|le quartier)',
      '(habiter|resider|demeurer) (a|au|aux|en|dans|sur|le secteur|la commune|pres)',
      '(pas de|sans|hors) (banlieue|banlieusards?|cites?|quartiers?|zus|qpv)',
      '(quartiers? prioritaires?|zone urbaine sensible)',
    ],
    'bank-details': [
      'domiciliation bancaire',
      '(banque|compte bancaire|compte en banque|rib) (francaise?|en france|europeen|europeenne)',
    ],
    language: [
      'langue maternelle',
      '(sans|pas d) accent',
      'accent (francais|neutre|etranger)',
      '(natif|native|natifs|natives)',
    ],
    'sexual-orientation': [
      'orientation sexuelle',
      '(heterosexuel|homosexuel|gay|lesbienne|bisexuel|transgenre|lgbt)*',
      'identite de genre',
    ],
    genetics: ['genetiques?', 'adn', 'hereditaires?', 'antecedents familiaux'],
    'economic-vulnerability': [
      '(pas de|sans|hors) (rsa|beneficiaires? du rsa|minima sociaux|aides sociales|dettes|surendettement)',
      '(rsa|beneficiaires? du rsa|surendettes?|chomeurs? de longue duree) (exclus|s abstenir|non acceptes)',
      'situation financiere (saine|stable)',
      'non endettee?s?',
    ],
    morals: ['(bonnes |)moeurs', 'vie privee (rangee|stable|irreprochable)'],
    whistleblowing: ['lanceu(r|se|rs|ses) d alerte'],
  },
};
