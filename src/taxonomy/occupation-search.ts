import { foldAccents } from '../text/index.js';
import { ENGLISH_TITLES } from './catalogue/english-titles.js';
import { BROAD_ENGLISH_HEADS } from './catalogue/english-vocabulary.js';
import { OCCUPATION_ALIASES } from './catalogue/occupation-aliases.js';
import { occupationCatalog } from './occupation-catalog.js';
import {
  ENGLISH,
  FRENCH,
  genderForms,
  isGenericWord,
  TITLE_SOURCES,
  type TitleEntry,
  type TitleLanguage,
  titleEntries,
} from './occupation-entries.js';
import {
  type CodeScore,
  OccupationIndex,
  type OccupationIndexTable,
  occupationIndexTable,
  type QueryStats,
} from './occupation-index.js';
import { englishHeadWord } from './occupation-terms-en.js';
import { cleanJobTitle } from './occupation-title-cleaner.js';
import { englishTitleRows, frenchTitleRows, occupationIndexRows, stemRows } from './tables.js';

/** One scored code, with the family it belongs to and the index (language) that found it. */
export interface OccupationCandidate extends CodeScore {
  family: string;
  language: 'fr' | 'en';
}

/** Everything the confidence model reads about one search (see occupation-confidence.ts). */
export interface SearchSignals {
  /** The title after noise removal (what the indexes saw). */
  cleaned: string;
  /** Query statistics of the index whose title won. */
  query: QueryStats;
  /**
   * Words of the title (in the language it is written in, else the best title's) that are generic head nouns
   * (technicien, agent, manager…) or soft noise (équipe, nuit), out of `words`.
   */
  genericWords: number;
  words: number;
  /** Share of the candidates' softmax mass (over scores) on the best code's family, 0..1. */
  familyShare: number;
  /**
   * Entropy (nats) of that softmax mass over families: near 0 when one family holds the evidence, high when
   * the title's words spread over many ("Responsable", "Chargé de mission").
   */
  familyEntropy: number;
  /** Best score of a code of another family than the best code's (0 when none). */
  otherFamilyScore: number;
  /**
   * Families among the candidates whose title holds every query word: many for "Chef de projet" (there is
   * one in most trades), one or two for "Cariste".
   */
  coveringFamilies: number;
  /** Whether the title was read as English with a head word worth weighting (see `englishHead`). */
  head: boolean;
  /** Whether the best codes of the French and the English index are in the same family (false if either found none). */
  indexesAgree: boolean;
  /** Whether the title is one English head noun that names a trade only loosely ("Teacher", "Clerk"). */
  broadHead: boolean;
}

export interface OccupationSearch {
  candidates: OccupationCandidate[];
  signals: SearchSignals;
}

/** How many codes each index returns before merging. */
const CANDIDATES = 20;
/** Sharpness of the softmax over scores used for the family share. */
const FAMILY_SOFTMAX = 10;

export interface SearchState {
  french: OccupationIndex;
  english: OccupationIndex;
}

let state: SearchState | undefined;

/**
 * Both title indexes as `scripts/build-indexes.ts` ships them (`occupation-index.json`, see
 * `OccupationIndexTable`).
 */
export interface OccupationIndexTables {
  version: 1;
  french: OccupationIndexTable;
  english: OccupationIndexTable;
}

function indexTable(
  language: TitleLanguage,
  rows: readonly (readonly [string, number, string])[],
  curated: readonly { title: string; romeCode: string }[],
  curatedSource: number,
  vocabulary: Map<string, string>,
): OccupationIndexTable {
  const entries: TitleEntry[] = rows.map(([romeCode, source, stems]) => ({
    romeCode,
    source,
    stems: stems.split(' '),
  }));
  const curatedEntries = titleEntries(
    curated.map((alias) => ({ ...alias, source: curatedSource })),
    language,
    (word) => {
      const stemmed = vocabulary.get(word) ?? language.stem(word);
      vocabulary.set(word, stemmed);
      return stemmed;
    },
  );
  return occupationIndexTable([...entries, ...curatedEntries], vocabulary);
}

/**
 * Builds both title indexes from the generated title tables and the curated lists (what
 * `npm run build:indexes` writes as `occupation-index.json`): the ROME and ESCO titles as the tables give
 * their stems, then the curated French aliases and English titles, stemmed here.
 */
export function buildOccupationIndexTables(): OccupationIndexTables {
  const frenchVocabulary = new Map<string, string>(stemRows());
  const englishVocabulary = new Map<string, string>();
  for (const [, , stems] of englishTitleRows())
    for (const term of stems.split(' ')) englishVocabulary.set(term, term);
  return {
    version: 1,
    french: indexTable(
      FRENCH,
      frenchTitleRows(),
      OCCUPATION_ALIASES,
      TITLE_SOURCES.indexOf('curated-fr'),
      frenchVocabulary,
    ),
    english: indexTable(
      ENGLISH,
      englishTitleRows(),
      ENGLISH_TITLES,
      TITLE_SOURCES.indexOf('curated-en'),
      englishVocabulary,
    ),
  };
}

/** Both indexes of `tables`. */
export function occupationIndexesOf(tables: OccupationIndexTables): SearchState {
  const { parents } = occupationCatalog();
  const familyOf = (code: string) => parents.get(code) ?? code;
  return {
    french: new OccupationIndex(tables.french, FRENCH, familyOf),
    english: new OccupationIndex(tables.english, ENGLISH, familyOf),
  };
}

/** Loads both title indexes now rather than on the first search (see `loadProfileTables`). */
export function loadOccupationIndexes(): void {
  searchState();
}

/** Loads both indexes from the prebuilt tables on first use, then reuses them. */
function searchState(): SearchState {
  state ??= occupationIndexesOf(occupationIndexRows());
  return state;
}

/** Share of a part's words that either index knows (the better language); NaN for a part with no word. */
function knownShare(part: string, { french, english }: SearchState): number {
  let best = Number.NaN;
  for (const index of [french, english]) {
    const words = index.queryWords(part);
    if (words.length === 0) continue;
    const known = words.filter((word) => index.hasWord(word)).length / words.length;
    if (!(known <= best)) best = known;
  }
  return best;
}

const FRENCH_FUNCTION_WORDS = new Set(
  'de du des d l la le les en et au aux pour sur chez dans avec'.split(' '),
);
const ENGLISH_FUNCTION_WORDS = new Set('of the and for in with at to'.split(' '));
/** H/F, F/H and French contract words: a French job board. */
const FRENCH_AD_MARKERS = /(?<![\p{L}\p{N}])(?:[hf]\s*\/\s*[hf]|cdi|cdd|int[ée]rim)(?![\p{L}\p{N}])/iu;

/**
 * Which language a title is written in, as far as its words say: function words, French ad markers, and
 * words only one of the two indexes knows ("équipe" is French, "warehouse" English, "manager" both).
 */
function titleLanguage(
  raw: string,
  frenchWords: readonly string[],
  englishWords: readonly string[],
  { french, english }: SearchState,
): 'fr' | 'en' | null {
  let fr = FRENCH_AD_MARKERS.test(raw) ? 1 : 0;
  let en = 0;
  for (const token of foldAccents(raw)
    .toLowerCase()
    .match(/[a-z]+/g) ?? []) {
    if (FRENCH_FUNCTION_WORDS.has(token)) fr++;
    else if (ENGLISH_FUNCTION_WORDS.has(token)) en++;
  }
  for (const word of frenchWords) if (french.wordWeight(word) > 0 && english.wordWeight(word) === 0) fr++;
  for (const word of englishWords) if (english.wordWeight(word) > 0 && french.wordWeight(word) === 0) en++;
  return fr > 0 && en === 0 ? 'fr' : en > 0 && fr === 0 ? 'en' : null;
}

/**
 * The head word of a title read as English, when it is worth weighting: an index word, not a generic head noun
 * ("engineer", "manager": the modifiers say the job then), and not alone (one word is all head already).
 */
function englishHead(title: string, words: readonly string[], english: OccupationIndex): string | null {
  const head = englishHeadWord(title);
  if (!head || words.length < 2 || !words.includes(head)) return null;
  if (isGenericWord(head, ENGLISH) || !english.hasWord(head)) return null;
  return head;
}

/** Scores from the index of the other language than the title's are multiplied by this. */
const OTHER_LANGUAGE_FACTOR = 0.9;
/**
 * And by this too when a typo or prefix match made them: a French title has no English typo in it, an
 * English one no French typo ("Case Manager" is not "caisse").
 */
const OTHER_LANGUAGE_FUZZY_FACTOR = 0.8;

/**
 * Searches a job title in the French and English title indexes (after noise removal) and merges the two:
 * a code's score is the better of its two scores. Candidates are sorted by score, then code.
 */
export function searchOccupations(title: string, limit: number): OccupationSearch {
  const indexes = searchState();
  const cleaning = cleanJobTitle(title, (part) => knownShare(part, indexes));
  const cleaned = cleaning.text;
  const frenchWords = indexes.french.queryWords(cleaned);
  const englishWords = indexes.english.queryWords(cleaned);
  const written = titleLanguage(title, frenchWords, englishWords, indexes);
  const french = indexes.french.searchWords(frenchWords, CANDIDATES, (word) =>
    indexes.english.wordWeight(word),
  );
  const head = written !== 'en' ? null : englishHead(cleaning.title, englishWords, indexes.english);
  const english = indexes.english.searchWords(
    englishWords,
    CANDIDATES,
    (word) => indexes.french.wordWeight(word),
    head ?? undefined,
  );
  const { parents } = occupationCatalog();
  const merged = new Map<string, OccupationCandidate>();
  for (const [language, result] of [
    ['fr', french],
    ['en', english],
  ] as const) {
    const factor = written && written !== language ? OTHER_LANGUAGE_FACTOR : 1;
    const fuzzyFactor = written && written !== language ? OTHER_LANGUAGE_FUZZY_FACTOR : 1;
    for (const hit of result.hits) {
      const score = Math.round(hit.score * factor * (hit.fuzzy ? fuzzyFactor : 1) * 10_000) / 10_000;
      const previous = merged.get(hit.romeCode);
      if (!previous || score > previous.score) {
        merged.set(hit.romeCode, {
          ...hit,
          score,
          family: parents.get(hit.romeCode) ?? hit.romeCode,
          language,
        });
      }
    }
  }
  const candidates = [...merged.values()].sort(
    (a, b) => b.score - a.score || (a.romeCode < b.romeCode ? -1 : 1),
  );
  // The family with the most evidence (softmax mass over its codes' scores) comes first: many
  // "X developer" codes outweigh one "business developer" that happens to score a little higher.
  const masses = new Map<string, number>();
  const best = candidates[0]?.score ?? 0;
  for (const candidate of candidates) {
    masses.set(
      candidate.family,
      (masses.get(candidate.family) ?? 0) + Math.exp(FAMILY_SOFTMAX * (candidate.score - best)),
    );
  }
  const leader = candidates.reduce<OccupationCandidate | undefined>(
    (winner, candidate) =>
      !winner || masses.get(candidate.family)! > masses.get(winner.family)! ? candidate : winner,
    undefined,
  );
  if (leader && leader !== candidates[0]) {
    candidates.splice(candidates.indexOf(leader), 1);
    candidates.unshift(leader);
  }
  const top = candidates[0];
  const query = top?.language === 'en' ? english.query : french.query;
  const language = top?.language === 'en' ? ENGLISH : FRENCH;
  // Which words are generic is a question of the language the title is written in, whichever index found the
  // best title: "Chef d'équipe" is French, its "chef" heads a team (an English "Chef" cooks).
  const readLanguage = written === 'fr' ? FRENCH : written === 'en' ? ENGLISH : language;
  const readWords = [
    ...new Set(
      written === 'fr'
        ? frenchWords
        : written === 'en'
          ? englishWords
          : top?.language === 'en'
            ? englishWords
            : frenchWords,
    ),
  ];
  let mass = 0;
  let familyMass = 0;
  let otherFamilyScore = 0;
  const covering = new Set<string>();
  const familyMasses = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.queryCoverage >= 0.99) covering.add(candidate.family);
    const weight = Math.exp(FAMILY_SOFTMAX * (candidate.score - (top?.score ?? 0)));
    mass += weight;
    familyMasses.set(candidate.family, (familyMasses.get(candidate.family) ?? 0) + weight);
    if (candidate.family === top?.family) familyMass += weight;
    else otherFamilyScore = Math.max(otherFamilyScore, candidate.score);
  }
  let familyEntropy = 0;
  for (const value of familyMasses.values()) {
    const share = value / mass;
    if (share > 0) familyEntropy -= share * Math.log(share);
  }
  return {
    candidates: candidates.slice(0, limit),
    signals: {
      cleaned,
      query,
      genericWords: readWords.filter((word) => isGenericWord(word, readLanguage)).length,
      words: readWords.length,
      familyShare: mass > 0 ? familyMass / mass : 0,
      familyEntropy,
      otherFamilyScore,
      coveringFamilies: covering.size,
      head: head !== null,
      indexesAgree:
        french.hits[0] !== undefined &&
        english.hits[0] !== undefined &&
        parents.get(french.hits[0].romeCode) === parents.get(english.hits[0].romeCode),
      broadHead:
        top?.language === 'en' &&
        englishWords.length === 1 &&
        BROAD_ENGLISH_HEADS.has(ENGLISH.stem(englishWords[0]!)),
    },
  };
}

/**
 * `searchOccupations` as if the tables did not hold `unseenTitles` verbatim: every indexed title with the same
 * terms as one of them (any code, either language) is left out of this search. For evaluation (a calibration
 * set of known labels asks how titles nobody wrote down would fare); production code never calls it.
 */
export function searchOccupationsUnseen(
  title: string,
  limit: number,
  unseenTitles: readonly string[],
): OccupationSearch {
  const { french, english } = searchState();
  const stemSets = (language: TitleLanguage) =>
    unseenTitles.flatMap((unseen) =>
      genderForms(unseen).map((form) => language.words(form, false).map((word) => language.stem(word))),
    );
  const unmaskFrench = french.maskTerms(stemSets(FRENCH));
  const unmaskEnglish = english.maskTerms(stemSets(ENGLISH));
  try {
    return searchOccupations(title, limit);
  } finally {
    unmaskFrench();
    unmaskEnglish();
  }
}
