import { foldForMatch } from '../../../text/index.js';

/**
 * French temp agencies (entreprises de travail temporaire) people name in their missions. A mission line
 * names the agency that employed the person and the client where the work was done, in many ways:
 * "Adecco pour Leroy Merlin", "Leroy Merlin (mission intérim Adecco)", "Leroy Merlin via Adecco",
 * "Intérim Adecco – Leroy Merlin", "Mission intérim (Adecco)". The employer that matters for matching is
 * the client, the place and trade of the work; the agency alone when no client is named.
 */
const AGENCY_NAMES = [
  'adecco',
  'manpower',
  'randstad',
  'synergie',
  'crit',
  'crit interim',
  'start people',
  'proman',
  'samsic emploi',
  'temporis',
  'leader interim',
  'partnaire',
  'supplay',
  'actual',
  'interaction interim',
  'expectra',
  'triangle interim',
  'domino rh',
  'domino interim',
  'gojob',
  'iziwork',
  'side',
  'qapa',
  'staffmatch',
  'fed interim',
  'groupe gambetta',
  'appel medical',
  'adequat',
  'ergalis',
  'abalone',
  'id interim',
  'menway',
  'morgan services',
  'r interim',
  'axxis',
  'kelly services',
  'lip',
  'camo emploi',
  'job link',
  'celtic interim',
  'proservia',
  'vitalis medical',
];
const AGENCIES = new Set(AGENCY_NAMES);

const fold = (text: string) =>
  foldForMatch(text)
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

/** "Intérim", "Mission intérim", "Missions d'intérim": the kind of work, not an agency's name. */
const INTERIM_WORDS = /^(?:missions? )?(?:d )?interim(?:aire)?s?$/u;

/** Whether a name is a temp agency's: a known one, or a name with "intérim" in it ("Alliance Intérim"). */
export function isTempAgency(name: string): boolean {
  const key = fold(name);
  if (key.length === 0 || INTERIM_WORDS.test(key)) return false;
  if (AGENCIES.has(key) || /\binterim\b/u.test(key)) return true;
  // "Adecco Lyon Gerland", "Manpower Saint-Priest": a known name and its branch.
  return AGENCY_NAMES.some((agency) => agency.length >= 5 && key.startsWith(`${agency} `));
}

/** The client and agency a mission's employer text names, or null when it is not written that way. */
export interface MissionEmployer {
  /** The client where the work was done, or the agency when no client is named. */
  employer: string;
  /** Offset of `employer` in the given text. */
  offset: number;
  agency: string | null;
}

const INTERIM = String.raw`(?:missions?\s+)?(?:d['’]\s*)?int[ée]rim(?:aire)?`;
const CONNECTORS: { pattern: RegExp; client: 'first' | 'second' }[] = [
  // "Adecco pour Leroy Merlin", "CRIT INTÉRIM POUR VALEO", "Adecco chez Lidl", "Adecco - client : Lidl".
  { pattern: /^(.+?)\s+(?:pour|chez|aupres de|auprès de|client\s*:?)\s+(.+)$/iu, client: 'second' },
  // "Intérim Adecco – Leroy Merlin", "Mission intérim Adecco / Lidl".
  { pattern: new RegExp(String.raw`^${INTERIM}\s+(.+?)\s+[–—/|-]\s+(.+)$`, 'iu'), client: 'second' },
  // "Leroy Merlin (mission intérim Adecco)", "Lidl (intérim via Manpower)", "Lidl (Adecco)".
  {
    pattern: new RegExp(
      String.raw`^(.+?)\s*\(\s*(?:${INTERIM}\s*)?(?:via|par|avec|chez)?\s*:?\s*(.+?)\s*\)$`,
      'iu',
    ),
    client: 'first',
  },
  // "Leroy Merlin via Adecco", "Lidl par Manpower".
  { pattern: /^(.+?)\s+(?:via|par l['’]interm[ée]diaire de|par)\s+(.+)$/iu, client: 'first' },
];
// "Intérim Adecco", "Mission intérim (Adecco)", "Intérim : Manpower".
const AGENCY_ONLY = new RegExp(String.raw`^${INTERIM}\s*[:(–-]?\s*(.+?)\s*\)?$`, 'iu');

/**
 * Reads a mission's employer text: "Adecco pour Leroy Merlin" → Leroy Merlin (agency Adecco); "Intérim
 * Adecco" → Adecco. Only when one side is a temp agency (`isTempAgency`), so "Transports Dupont pour
 * Carrefour" or "Lidl (Lyon)" are left as written. Null when the text is not such a mission employer.
 */
export function readMissionEmployer(text: string): MissionEmployer | null {
  const trimmed = text.trim();
  for (const { pattern, client } of CONNECTORS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [first, second] = [match[1]!.trim(), match[2]!.trim()];
    const [clientText, agencyText] = client === 'first' ? [first, second] : [second, first];
    if (!isTempAgency(agencyText) || isTempAgency(clientText) || !/\p{L}/u.test(clientText)) continue;
    // "Mission intérim (Adecco)": no client named, the agency is the employer.
    if (INTERIM_WORDS.test(fold(clientText))) {
      const agency = agencyText.trim();
      return { employer: agency, offset: text.indexOf(agency), agency };
    }
    // An agency written as "Intérim Adecco" or "Mission intérim Adecco" keeps only its name.
    const agency = agencyText.replace(new RegExp(String.raw`^${INTERIM}\s+`, 'iu'), '');
    return { employer: clientText, offset: text.indexOf(clientText), agency };
  }
  const only = AGENCY_ONLY.exec(trimmed);
  if (only && isTempAgency(only[1]!)) {
    const agency = only[1]!.trim();
    return { employer: agency, offset: text.indexOf(agency), agency };
  }
  return null;
}

const AGENCY_THEN_CLIENT = new RegExp(
  String.raw`${INTERIM}\s*:?\s*\(?\s*([^()–—|/,]+?)\s*\)?\s*[–—/|-]\s+([^–—|(,]+)`,
  'iu',
);
const AGENCY_IN_BRACKETS = new RegExp(String.raw`${INTERIM}\s*\(\s*([^()]+?)\s*\)`, 'iu');

/**
 * The employer of a mission whose header was cut into parts before its agency was seen: "Intérim Adecco –
 * Leroy Merlin" split at the dash leaves "Adecco" or "Intérim Adecco" as the employer; "Mission intérim
 * (Adecco)" leaves "Mission intérim". Looks at the header text the entry came from (`header`) and returns
 * the client after the agency, or the agency named in brackets, or null when the header says nothing more.
 */
export function missionEmployerInHeader(company: string, header: string, title: string): string | null {
  const key = fold(company);
  const agencyLike = isTempAgency(company) || INTERIM_WORDS.test(key);
  if (!agencyLike) return null;
  for (const line of header.split('\n')) {
    const pair = AGENCY_THEN_CLIENT.exec(line);
    if (pair && isTempAgency(pair[1]!)) {
      const client = pair[2]!.trim();
      if (
        /\p{L}/u.test(client) &&
        !/\d{4}/u.test(client) &&
        fold(client) !== fold(title) &&
        !isTempAgency(client)
      )
        return client;
    }
    const bracketed = AGENCY_IN_BRACKETS.exec(line);
    if (bracketed && isTempAgency(bracketed[1]!) && !isTempAgency(company)) return bracketed[1]!;
  }
  return null;
}
