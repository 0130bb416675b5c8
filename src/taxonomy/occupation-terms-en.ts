import { foldAccents } from '../text/index.js';
import { isTitleNoise, keepsToken } from './occupation-terms.js';

/**
 * English job titles into comparable terms, for the English title index (ESCO English labels and the curated
 * English list). Like the French side, the same function runs on indexed titles and on queries, so only
 * agreement matters: words are folded, plurals dropped (`developers` → `developer`, `nannies` → `nanny`),
 * British spellings mapped to one form (`labourer` → `laborer`), and common job-board abbreviations expanded
 * on the query side. No stemmer: an English stemmer would merge `developer` with `development` and
 * `manager` with `management`, which are different things in a title.
 */

const ENGLISH_STOPWORDS = new Set(
  'a an the and or of to in on at for with by from as is are be this that our your my its into per via'.split(
    ' ',
  ),
);

/** Abbreviations seen in English job-board titles (folded, lower-case), expanded on the query side. */
const ENGLISH_ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    mgr: 'manager',
    asst: 'assistant',
    assoc: 'associate',
    admin: 'administrator',
    eng: 'engineer',
    engr: 'engineer',
    dev: 'developer',
    devs: 'developer',
    sw: 'software',
    swe: 'software engineer',
    sre: 'site reliability engineer',
    qa: 'quality assurance',
    hr: 'human resources',
    ops: 'operations',
    hca: 'healthcare assistant',
    rgn: 'registered general nurse',
    lpn: 'licensed practical nurse',
    cna: 'certified nursing assistant',
    flt: 'forklift',
    hgv: 'heavy goods vehicle',
    lgv: 'large goods vehicle',
    cdl: 'commercial driver',
    hvac: 'heating ventilation air conditioning',
    cnc: 'cnc',
    dba: 'database administrator',
    ux: 'user experience',
    ui: 'user interface',
    seo: 'search engine optimisation',
    pa: 'personal assistant',
    exec: 'executive',
    tech: 'technician',
    techn: 'technician',
    supv: 'supervisor',
    coord: 'coordinator',
  }),
);

/** Upper-case-only abbreviations that are ordinary words in lower case. */
const ENGLISH_CASED: Record<string, string> = {
  IT: 'information technology',
  RN: 'registered nurse',
  AI: 'artificial intelligence',
  ML: 'machine learning',
};
const ENGLISH_CASED_PATTERN = /(?<![\p{L}\p{N}])(?:IT|RN|AI|ML)(?![\p{L}\p{N}])/gu;

/** British → American spellings (one form for both sides). */
const SPELLINGS = new Map<string, string>(
  Object.entries({
    labourer: 'laborer',
    labour: 'labor',
    centre: 'center',
    programme: 'program',
    organisation: 'organization',
    organiser: 'organizer',
    specialise: 'specialize',
    specialised: 'specialized',
    optimisation: 'optimization',
    colour: 'color',
    theatre: 'theater',
    catalogue: 'catalog',
    licence: 'license',
    tyre: 'tire',
    aluminium: 'aluminum',
    paediatric: 'pediatric',
    anaesthetist: 'anesthetist',
    grey: 'gray',
  }),
);

/** Singular of a folded English word (`nurses` → `nurse`, `nannies` → `nanny`; `business`, `analysis` unchanged). */
export function englishSingular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const TOKEN = /[a-z0-9]+/g;

/**
 * Clean words of an English title: folded, noise dropped (shared with the French side: contract words,
 * seniority, places), abbreviations expanded. Unlike the French side, indexed titles are expanded too:
 * the curated English list and ESCO labels use the same abbreviations (HGV, CNC, IT) job boards do.
 */
export function englishTitleWords(title: string): string[] {
  const withCased = title.replace(ENGLISH_CASED_PATTERN, (match) => ` ${ENGLISH_CASED[match]} `);
  const out: string[] = [];
  for (const token of foldAccents(withCased).toLowerCase().match(TOKEN) ?? []) {
    if (ENGLISH_STOPWORDS.has(token) || isTitleNoise(token) || !keepsToken(token)) continue;
    const expanded = ENGLISH_ABBREVIATIONS.get(token);
    for (const word of expanded ? expanded.split(' ') : [token]) out.push(SPELLINGS.get(word) ?? word);
  }
  return out;
}

/** The term of one clean English word: its singular. */
export function englishTitleStem(word: string): string {
  return englishSingular(word);
}

/** Where the head part of an English title ends: a slash, comma, ampersand, dash, bracket or a preposition. */
const HEAD_PART_END = /\s*[/\\,&|(;:]\s*|\s+[-–—]\s+|\s+(?:at|for|in|with|to|on|and|from)\s+/iu;
/** "Director of Finance", "Teacher of Mathematics": the head is before "of". */
const OF = /\s+of\s+/iu;
/**
 * A one-word part glued by a slash to a part of two words or more ("Java/J2EE Trainer", "Sales/Customer Service
 * Rep"): the first word qualifies what follows, so the head is read from the whole.
 */
const MODIFIER_SLASH = /^\s*([\p{L}\p{N}.+#]+)\/(?=[\p{L}\p{N}])/u;

/** The head part of a title: up to the first part end, unless a one-word modifier is slashed to the next part. */
function headPart(title: string): string {
  const modifier = MODIFIER_SLASH.exec(title);
  if (modifier) {
    const next = title.slice(modifier[0].length).split(HEAD_PART_END)[0] ?? '';
    if (next.trim().split(/\s+/).length >= 2) return `${modifier[1]} ${next}`;
  }
  return title.split(HEAD_PART_END)[0] ?? '';
}

/**
 * The head word of an English title, the one that says what the job is: the last clean word of its first part
 * ("Third Grade Teacher" → `teacher`, "Java Developer - Spring Boot" → `developer`, "Teacher of Math" →
 * `teacher`). English puts the head last; noise ("Senior", "III", "Intern") is already dropped. Null when the
 * first part has no clean word.
 */
export function englishHeadWord(title: string): string | null {
  const first = headPart(title);
  const beforeOf = first.split(OF)[0] ?? '';
  const words = englishTitleWords(beforeOf);
  return words[words.length - 1] ?? null;
}
