import { foldAccents, isStopword, stem } from '../text/index.js';

/**
 * Turning a job title into comparable terms. The same function runs on the ROME titles (index side) and on
 * job-ad titles (query side), so what matters is that both sides agree, not linguistic perfection:
 * feminine forms are folded to masculine ones (`préparatrice` → `preparateur`), short abbreviations are
 * expanded (`prépa` → `preparateur`), words that say nothing about the occupation are dropped (URGENT,
 * intérim, CDI, H/F, shifts, big city names, numbers), then words are stemmed with the shared stemmer.
 */

/** Inclusive-writing suffixes glued to a masculine word, on folded text: `preparateur(trice)`, `vendeur.euse`, `agent-e`. */
const GLUED_FEMININE =
  /([a-z])(?:\((?:e|es|ne|nne|euse|se|sse|esse|trice|rice|ice|ere|le|te|ve|eure)\)|[./-](?:e|es|ne|nne|euse|trice|rice|ere|eure)(?![a-z]))/g;
/** `conducteur/trice`, `magasinier / ere`: slash followed by a bare suffix, on folded text. */
const SLASHED_SUFFIX = /([a-z]) ?\/ ?(?:e|ne|nne|euse|se|trice|rice|ere|eure)(?![a-z])/g;

/**
 * Words dropped from titles, French and English: contract types, ad boilerplate, gender markers, pay,
 * seniority and training status, licence mentions, big French and English-speaking cities.
 */
const NOISE = new Set(
  // contract and ad boilerplate
  (
    'urgent urgence urgente interim interimaire cdi cdd ctt cdii offre offres job jobs ' +
    'recrute recrutons recherche recherchons recrutement embauche hiring wanted needed required vacancy immediate start ' +
    'temp temporary contract contrat freelance freelancer asap immediat immediatement suite possible rapidement ' +
    'permanent perm remote hybrid onsite teletravail distanciel start starting hourly salary vacancy vacancies ' +
    'position positions role opportunity based location apply saison saisonnier saisonniere extra extras ' +
    // gender and inclusive writing markers
    'h f x m w d hf fh hfx fhx ' +
    // hours and pay
    'full part time heures heure hebdo semaine mois salaire brut net euros eur taux smic prime primes ' +
    // experience levels
    'debutant debutante debutants accepte acceptee acceptes confirme confirmee experimente experimentee senior junior ' +
    'experience exp ans annee annees profil sr jr ii iii iv entry level graduate staff band ' +
    // training status: an intern or apprentice does the job named by the other words
    'stagiaire stage stages alternance alternant alternante apprenti apprentie apprentissage intern interns ' +
    'internship trainee apprentice apprenticeship student students etudiant etudiante fellow fellowship scholar ' +
    'postdoctoral postdoc phd visiting summer placement volunteer voluntary benevole ' +
    // licence / certificate mentions that travel with titles
    'caces cat categorie categories permis obligatoire exige souhaite r489 r389 r482 r486 ' +
    // places
    'proche ville metropole ' +
    'paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims toulon grenoble ' +
    'dijon angers nimes villeurbanne clermont ferrand aix provence brest tours amiens limoges annecy perpignan metz ' +
    'besancon orleans rouen mulhouse caen nancy roubaix tourcoing avignon poitiers pau calais dunkerque valence ' +
    'chambery lorient vannes quimper troyes niort chartres evreux beauvais cergy creteil nanterre versailles roissy ' +
    'rungis gonesse vitrolles venissieux saint st priest idf ile france lyonnais lyonnaise bordelais nantais ' +
    'marseillais toulousain lillois rhone alpes auvergne bretagne normandie occitanie aquitaine ' +
    'arrondissement arr cedex ' +
    'london manchester birmingham leeds glasgow liverpool bristol edinburgh sheffield cardiff belfast ' +
    'york chicago boston seattle austin dallas houston atlanta denver usa uk'
  ).split(' '),
);

/**
 * Words that are usually job-ad noise but sometimes part of an occupation's name ("Chef d'équipe",
 * "Veilleur de nuit", "Chargé de mission", "Responsable de secteur"): kept on both sides, but a query word of
 * this list weighs `SOFT_WORD_WEIGHT` of its usual weight.
 */
const SOFT_NOISE = new Set(
  (
    'mission missions poste postes emploi equipe equipes temps plein partiel nuit nuits jour jours journee matin ' +
    'soir matinee weekend weekends we samedi dimanche horaires horaire shift shifts night nights day days secteur zone ' +
    'region agence site department departments dept ' +
    'centre nord sud est ouest grand'
  ).split(' '),
);

/** Weight of a soft-noise query word, relative to its usual weight. */
export const SOFT_WORD_WEIGHT = 0.3;

/** Whether a clean word is soft noise (see `SOFT_NOISE`). */
export function isSoftTitleWord(word: string): boolean {
  return SOFT_NOISE.has(word);
}

/** The soft-noise words, for index sides that weigh their terms the same way. */
export const SOFT_TITLE_WORDS: ReadonlySet<string> = SOFT_NOISE;

/** Abbreviations common in job-ad titles, expanded to the words the ROME uses. Keys are folded, lower-case. */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    prepa: 'preparateur',
    prep: 'preparateur',
    prepar: 'preparateur',
    cde: 'commandes',
    cdes: 'commandes',
    cmd: 'commandes',
    cmde: 'commandes',
    cmdes: 'commandes',
    manut: 'manutentionnaire',
    chauff: 'chauffeur',
    chauf: 'chauffeur',
    cond: 'conducteur',
    tech: 'technicien',
    techn: 'technicien',
    tec: 'technicien',
    resp: 'responsable',
    respo: 'responsable',
    adj: 'adjoint',
    asst: 'assistant',
    assist: 'assistant',
    agt: 'agent',
    ope: 'operateur',
    op: 'operateur',
    maint: 'maintenance',
    elec: 'electricien',
    electro: 'electromecanicien',
    compta: 'comptable',
    admin: 'administratif',
    secr: 'secretaire',
    ouv: 'ouvrier',
    ouvr: 'ouvrier',
    prod: 'production',
    logist: 'logistique',
    pl: 'poids lourd',
    spl: 'super lourd',
    vl: 'vehicule leger',
    mgr: 'manager',
    auto: 'automobile',
    alu: 'aluminium',
    dir: 'directeur',
    coord: 'coordinateur',
    maco: 'macon',
    ash: 'agent service hospitalier',
    adv: 'administration ventes',
    inf: 'infirmier',
    cuisto: 'cuisinier',
    bionettoyage: 'bio nettoyage',
    dev: 'developpeur',
    devs: 'developpeur',
    ing: 'ingenieur',
    info: 'informatique',
    sys: 'systemes',
  }),
);

/** Upper-case-only abbreviations that are ordinary words in lower case ("as" is French for "ace"). */
const CASED_ABBREVIATIONS: Record<string, string> = {
  AS: 'aide soignant',
  ASD: 'aide soignant domicile',
  AP: 'auxiliaire puericulture',
  OS: 'ouvrier specialise',
  IT: 'informatique',
};
const CASED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:AS|ASD|AP|OS|IT)(?![\p{L}\p{N}])/gu;

/** Feminine endings folded to the masculine one, longest first; applied to words of 5+ letters. */
const FEMININE_ENDINGS: [string, string][] = [
  ['trice', 'teur'],
  ['euse', 'eur'],
  ['ienne', 'ien'],
  ['iere', 'ier'],
  ['onne', 'on'],
  ['esse', 'e'],
  ['ere', 'er'],
  ['ive', 'if'],
];

/** Masculine form of a folded, lower-case word (`conductrice` → `conducteur`). */
export function foldGender(word: string): string {
  if (word.length < 5) return word;
  const singular = word.endsWith('s') && word.length > 5 ? word.slice(0, -1) : word;
  for (const [feminine, masculine] of FEMININE_ENDINGS) {
    if (singular.endsWith(feminine)) return singular.slice(0, -feminine.length) + masculine;
  }
  return singular;
}

const TOKEN = /[a-z0-9]+/g;

/** Short words that are stopwords elsewhere but content in a job title ("technicien son": sound). */
const TITLE_CONTENT_WORDS = new Set(['son']);

/**
 * Head nouns and ranks that say what kind of job but not which one ("Technicien", "Agent", "Manager",
 * "Vice President"): a title made only of these names no occupation. Folded, masculine, singular, both
 * languages (English plurals are folded by the English side before the check).
 */
export const GENERIC_TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'technicien agent operateur responsable assistant charge employe ouvrier manager ingenieur conseiller ' +
    'gestionnaire coordinateur coordonnateur directeur adjoint aide superviseur controleur inspecteur expert ' +
    'consultant specialiste polyvalent collaborateur animateur analyste intervenant operatif executif ' +
    'technician operator officer specialist engineer worker operative associate executive administrator ' +
    'supervisor director head lead leader analyst coordinator advisor adviser representative member helper ' +
    'professional controller inspector president vice owner partner founder cofounder chairman chairperson ' +
    'chair staff team crew principal chief board employee ' +
    // where in the organisation, not which trade: "Area Manager", "Regional Director"
    'area regional division district ' +
    // what a manager manages when no trade is named: "Chef de projet", "Chargé de mission", "Project Manager"
    'projet project mission affaires service operation general'
  ).split(' '),
);

/** Whether a folded word is title noise (contract, shift, seniority, place…), in either language. */
export function isTitleNoise(word: string): boolean {
  return NOISE.has(word);
}

/** Numbers, hours and shift patterns say nothing of the job (`35h`, `2x8`, `7e`, `n2`); `3d`, `b2b` do. */
const NUMBER_LIKE = /^(?:\d+|\d+(?:x\d+|h|e|er|eme|k|am|pm|st|nd|rd|th)|n\d|\d+h\d+)$/;

/** Whether a folded token can be a title word: letters, or letters and digits that are not a number-like pattern. */
export function keepsToken(token: string): boolean {
  return !NUMBER_LIKE.test(token) && /[a-z]/.test(token);
}

/**
 * Clean words of a title, before stemming: folded, noise dropped, gender folded and, unless
 * `expandAbbreviations` is false (index side: ROME titles are written in full), abbreviations expanded.
 */
export function titleWords(title: string, expandAbbreviations = true): string[] {
  const withCased = expandAbbreviations
    ? title.replace(CASED_ABBREVIATION, (match) => ` ${CASED_ABBREVIATIONS[match]} `)
    : title;
  const folded = foldAccents(withCased)
    .toLowerCase()
    .replace(GLUED_FEMININE, '$1')
    .replace(SLASHED_SUFFIX, '$1');
  const out: string[] = [];
  for (const word of folded.match(TOKEN) ?? []) {
    if (NOISE.has(word) || (isStopword(word) && !TITLE_CONTENT_WORDS.has(word)) || !keepsToken(word))
      continue;
    const expanded = expandAbbreviations ? ABBREVIATIONS.get(word) : undefined;
    if (expanded) out.push(...expanded.split(' '));
    else out.push(foldGender(word));
  }
  return out;
}

/** Stem of one clean word (see `titleWords`). */
export function titleStem(word: string): string {
  return stem(word);
}
