import distance from 'natural/lib/natural/distance/index.js';
import { foldAccents } from '../text/index.js';

/**
 * Topics a recruiter may never ask about (Code du travail L1132-1, L1221-6; CNIL). The only
 * nationality-related question allowed is the right to work: "êtes-vous autorisé(e) à travailler en France ?".
 */
export type GuardCategory =
  | 'origin'
  | 'nationality'
  | 'religion'
  | 'family'
  | 'pregnancy'
  | 'health'
  | 'union-politics'
  | 'age'
  | 'appearance'
  | 'sexual-orientation'
  | 'residence'
  | 'bank-details';

export interface GuardViolation {
  category: GuardCategory;
  /** The words that triggered the rule, in the guard's normalised (folded, lower-case) form. */
  match: string;
}

export interface GuardResult {
  allowed: boolean;
  violations: GuardViolation[];
}

const SUBJECT = '(?:etes vous|vous etes|es tu|tu es|t es)';
const YOU_HAVE = '(?:avez vous|vous avez|as tu|tu as)';
const NOT_EXPERIENCE = '(?! d experience| d anciennete| de metier| de pratique| dans)';

/** One regular expression per line, applied to the normalised text. Ordered by category. */
const RULES: Record<GuardCategory, string[]> = {
  origin: [
    '\\borigines?\\b',
    '\\bethni\\w*',
    '\\b(?:race|raciale?)\\b',
    '\\bd ou (?:venez|viens|etes|es) (?:vous|tu)\\b',
    '\\b(?:vous venez|tu viens) d ou\\b',
    '\\bpays (?:de naissance|natal)\\b',
    '\\blieu de naissance\\b',
    '\\bou (?:etes vous|es tu) nee?s?\\b',
    '\\bwhere are you from\\b',
    '\\bwhere (?:were you|was you) born\\b',
    '\\bethnicity\\b',
  ],
  nationality: [
    '\\bnationalit\\w*',
    `\\b${SUBJECT} (?:de nationalite )?(?:francaise?|etrangere?|europeen(?:ne)?|immigree?|citoyen(?:ne)?)\\b`,
    '\\b(?:titre|carte) de sejour\\b',
    '\\bpasseport\\b',
    '\\bsans papiers?\\b',
    '\\bnaturalis\\w*',
    '\\bimmigr\\w*',
    '\\bcitizenship\\b',
    '\\b(?:are you|you are) (?:a )?(?:french|foreign|foreigner|immigrant|citizen)\\b',
    '\\bpassport\\b',
  ],
  religion: [
    '\\breligi\\w*',
    '\\b(?:croyante?s?|pratiquante?s?)\\b',
    '\\b(?:musulman|chretien|catholique|protestant|bouddhist|athee)\\w*',
    '\\b(?:juif|juive|juifs|juives)\\b',
    '\\b(?:islam|ramadan|careme|shabbat|sabbat|halal|casher|kasher|kippa|foulard)\\w*',
    '\\b(?:priere|prieres|prier|priez|pries)\\b',
    '\\b(?:mosquee|eglise|synagogue|temple)s?\\b',
    '\\bvoilee?s?\\b',
    '\\b(?:la|votre|ta) foi\\b',
    '\\bdieu\\b',
    '\\b(?:church|pray|prayer|muslim|christian|jewish|faith)\\b',
  ],
  family: [
    '\\bsituation (?:familiale|maritale|matrimoniale|de famille)\\b',
    `\\b${SUBJECT} (?:mariee?s?|pacsee?s?|divorcee?s?|celibataires?|veuve?s?|en couple|separee?s?|maman|papa|parent)\\b`,
    '\\bcelibataires?\\b',
    '\\b(?:votre|ton|un|une) (?:mari|epoux|epouse|conjointe?|compagnon|compagne|concubine?)\\b',
    `\\b${YOU_HAVE} (?:des |un |une |d )?(?:enfants?|gosses?|petits?)\\b`,
    '\\b(?:vos|tes) (?:enfants?|gosses?|petits)\\b',
    '\\b(?:combien|nombre) d enfants\\b',
    '\\benfants? a charge\\b',
    '\\bgarde (?:d|de vos|des|de tes) enfants?\\b',
    '\\b(?:votre|ta) (?:famille|femme|vie de famille|vie privee)\\b',
    '\\bparent (?:isole|seul|solo)\\b',
    '\\bfonder une famille\\b',
    '\\b(?:are you|you are) (?:married|single|divorced|widowed)\\b',
    '\\b(?:do you have|have you got) (?:any )?(?:children|kids)\\b',
    '\\b(?:marital|family) status\\b',
    '\\byour (?:children|kids|husband|wife|spouse|partner)\\b',
  ],
  pregnancy: [
    '\\benceintes?\\b',
    '\\bgrossesses?\\b',
    '\\bmaternite\\b',
    '\\bbebes?\\b',
    '\\b(?:attendez vous|attends tu) un (?:enfant|bebe)\\b',
    '\\bprojet (?:d|de) (?:enfant|bebe|grossesse)\\b',
    '\\benfant a venir\\b',
    '\\bconge (?:maternite|parental)\\b',
    '\\bpregnan\\w*',
    '\\bmaternity\\b',
  ],
  health: [
    '\\b(?:votre|ta|bonne|mauvaise|etat de) sante\\b',
    '\\bproblemes? (?:de sante|medica\\w*|de dos)\\b',
    '\\bmaladies?\\b',
    '\\bmalades?\\b',
    '\\bhandicap\\w*',
    '\\brqth\\b',
    '\\binvalidit\\w*',
    '\\btraitements? medica\\w*',
    '\\bmedicaments?\\b',
    '\\ballergi\\w*',
    '\\bdiabet\\w*',
    '\\bdepression\\b',
    '\\bmal (?:au|de) dos\\b',
    '\\barrets? maladie\\b',
    '\\bantecedents? medica\\w*',
    '\\b(?:sourde?|aveugle|fauteuil roulant)\\b',
    '\\b(?:health|disabilit|disabled|illness|sick|medical condition|medication)\\w*',
  ],
  'union-politics': [
    '\\bsyndi(?:cat|que|cal|qu)\\w*',
    '\\b(?:cgt|cfdt|cftc|cfe cgc|unsa)\\b',
    '\\bgrev(?:e|es|iste|istes)\\b',
    '\\bpolitiques?\\b',
    '\\bparti politique\\b',
    '\\bmilit(?:ante?s?|ez|es|er|antisme)\\b',
    '\\bmanifest(?:ation|ations|ez|er|es)\\b',
    '\\b(?:votez|votes tu|pour qui vot\\w*)\\b',
    '\\b(?:delegue|representant) (?:du personnel|syndical)\\b',
    '\\b(?:trade union|labor union|labour union|union member\\w*|political|strike)\\b',
  ],
  age: [
    '\\bagee?s?\\b',
    '\\bdate de naissance\\b',
    '\\bannee de naissance\\b',
    '\\bnee? (?:en|le) (?:\\d|19|20)',
    '\\bcombien d annees avez\\b',
    `\\b${SUBJECT} (?:trop )?(?:jeune|vieux|vieille|majeure?|mineure?|senior|retraitee?)\\b`,
    `\\b(?:plus|moins) de \\d+ ans\\b${NOT_EXPERIENCE}`,
    `\\b(?:${YOU_HAVE}|quel age) \\d+ ans\\b${NOT_EXPERIENCE}`,
    '\\b(?:how old|date of birth|year of birth|born in)\\b',
  ],
  appearance: [
    '\\bapparence\\b',
    '\\b(?:votre|ton|son|leur) physique\\b',
    '\\bpoids\\b',
    '\\b(?:combien|que) (?:mesurez|pesez|mesures|peses)\\b',
    '\\b(?:mesurez|pesez) vous\\b',
    '\\bvotre (?:look|style|taille)\\b(?! (?:de|d) (?:chaussures?|vetements?|blouse|tenue|epi|gants))',
    '\\btatou\\w*',
    '\\bpiercings?\\b',
    '\\b(?:barbe|cheveux|coiffure|maquillage)\\b',
    '\\b(?:photo de vous|photo de toi|selfie|photo en pied)\\b',
    `\\b${SUBJECT} (?:beau|belle|mince|grosse?|jolie?|costaud)\\b`,
    '\\bcouleur de (?:peau|vos yeux|tes yeux|cheveux)\\b',
    '\\b(?:surpoids|obese|obesite)\\b',
    '\\b(?:your weight|your height|how tall|how much do you weigh|appearance|tattoo)\\w*',
  ],
  'sexual-orientation': [
    '\\borientation sexuelle\\b',
    '\\bsexualit\\w*',
    '\\bhomo(?:sexuel\\w*)?\\b',
    '\\b(?:gay|gays|lesbiennes?|lesbian|bisexuel\\w*|bisexual|hetero\\w*)\\b',
    '\\b(?:transgenre|transsexuel\\w*|transgender)\\b',
    '\\blgbt\\w*',
    '\\bsexual orientation\\b',
  ],
  residence: [
    '\\b(?:ou|quelle ville|quel quartier|quelle commune) (?:habitez|vivez|residez|demeurez|logez)\\b',
    '\\b(?:habitez|vivez|residez|logez|demeurez) vous\\b',
    '\\bvous (?:habitez|vivez|residez|logez)\\b',
    '\\b(?:tu habites|habites tu|ou tu vis|ou vis tu)\\b',
    '\\b(?:votre|ton|ta) (?:adresse|domicile|quartier|ville|commune|code postal|lieu de residence|logement|residence)\\b',
    '\\b(?:adresse|lieu) (?:de residence|personnelle|postale|du domicile)\\b',
    '\\bquartiers?\\b',
    '\\bbanlieues?\\b',
    '\\b(?:zone urbaine sensible|zus|qpv|quartier prioritaire|hlm)\\b',
    '\\bcode postal\\b',
    '\\b(?:where do you live|your address|home address|neighbou?rhood|postcode|zip code)\\b',
  ],
  'bank-details': [
    '\\b(?:rib|iban|bic|swift)\\b',
    '\\bcoordonnees bancaires?\\b',
    '\\b(?:numero|code|donnees) (?:de )?(?:votre |ta )?(?:carte|compte)\\b',
    '\\bcarte (?:bancaire|bleue|de credit)\\b',
    '\\bcompte (?:bancaire|en banque)\\b',
    '\\b(?:code secret|code pin|cvv|cryptogramme)\\b',
    '\\bbanque\\b',
    '\\b(?:bank|account number|credit card|sort code|routing number)\\b',
  ],
};

/** One alternation per category: a single pass over the text for each. */
const COMPILED: { category: GuardCategory; pattern: RegExp }[] = Object.entries(RULES).map(
  ([category, patterns]) => ({
    category: category as GuardCategory,
    pattern: new RegExp(patterns.map((source) => `(?:${source})`).join('|'), 'g'),
  }),
);

/**
 * Long keywords a misspelt token is snapped to before the rules run ("relgion" → "religion"). Only
 * tokens of 6+ letters sharing the keyword's first letter, at edit distance 1 (2 from 9 letters on).
 */
const FUZZY_KEYWORDS = [
  'nationalite',
  'origine',
  'origines',
  'ethnique',
  'religion',
  'religieux',
  'religieuse',
  'musulman',
  'musulmane',
  'chretien',
  'catholique',
  'ramadan',
  'priere',
  'mosquee',
  'synagogue',
  'enceinte',
  'grossesse',
  'maternite',
  'handicap',
  'handicape',
  'handicapee',
  'maladie',
  'medicaments',
  'allergie',
  'invalidite',
  'syndicat',
  'syndique',
  'syndiquee',
  'syndical',
  'politique',
  'militant',
  'celibataire',
  'situation',
  'familiale',
  'maritale',
  'enfants',
  'mariee',
  'divorce',
  'divorcee',
  'conjoint',
  'habitez',
  'residez',
  'domicile',
  'quartier',
  'adresse',
  'banlieue',
  'bancaires',
  'bancaire',
  'coordonnees',
  'apparence',
  'physique',
  'tatouage',
  'tatouages',
  'piercing',
  'orientation',
  'sexuelle',
  'homosexuel',
  'lesbienne',
  'naissance',
  'etranger',
  'etrangere',
  'francais',
  'francaise',
  'sejour',
  'passeport',
];
const FUZZY_BY_INITIAL = new Map<string, string[]>();
for (const keyword of FUZZY_KEYWORDS) {
  const initial = keyword[0]!;
  FUZZY_BY_INITIAL.set(initial, [...(FUZZY_BY_INITIAL.get(initial) ?? []), keyword]);
}
/** Real words close to a keyword that must not be snapped to it. */
const NOT_TYPOS = new Set(['adresser', 'adressez', 'adresses', 'marine', 'situe', 'situee', 'physiques']);

/** Snapped tokens, remembered: messages repeat the same words (bounded, cleared when full). */
const snapped = new Map<string, string>();

function snapToKeyword(token: string): string {
  if (token.length < 6 || NOT_TYPOS.has(token)) return token;
  const known = snapped.get(token);
  if (known !== undefined) return known;
  if (snapped.size > 20_000) snapped.clear();
  const result = closestKeyword(token);
  snapped.set(token, result);
  return result;
}

function closestKeyword(token: string): string {
  const candidates = FUZZY_BY_INITIAL.get(token[0]!);
  if (!candidates || candidates.includes(token)) return token;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const keyword of candidates) {
    const allowed = Math.min(token.length, keyword.length) >= 9 ? 2 : 1;
    if (Math.abs(keyword.length - token.length) > allowed) continue;
    const found = distance.DamerauLevenshteinDistance(token, keyword, { restricted: true });
    if (found <= allowed && found < bestDistance) {
      best = keyword;
      bestDistance = found;
    }
  }
  return best ?? token;
}

/** Folded, lower-cased, punctuation as single spaces, doubled letters kept, typos snapped to keywords. */
export function normalizeForGuard(text: string): string {
  const tokens = foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((token) => token.length > 0);
  return tokens.map(snapToKeyword).join(' ');
}

/**
 * Checks one outgoing message for questions or statements about a protected topic. Run it on every
 * message, whoever wrote it (template, agency override or model), before it can be sent.
 * Accent- and typo-tolerant; English rules apply to both languages.
 */
export function guardMessage(text: string, _options: { language?: 'fr' | 'en' } = {}): GuardResult {
  const normalized = normalizeForGuard(text);
  const violations: GuardViolation[] = [];
  const seen = new Set<string>();
  for (const { category, pattern } of COMPILED) {
    pattern.lastIndex = 0;
    for (const found of normalized.matchAll(pattern)) {
      const key = `${category}:${found[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      violations.push({ category, match: found[0] });
    }
  }
  return { allowed: violations.length === 0, violations };
}
