import { lowerBound } from '../support/lower-bound.js';
import { restrictedEditDistance } from '../text/index.js';
import { isGenericWord, sourcePriority, type TitleEntry, type TitleLanguage } from './occupation-entries.js';
import { isSoftTitleWord, SOFT_TITLE_WORDS, SOFT_WORD_WEIGHT } from './occupation-terms.js';

/** A scored occupation code, before labels are attached, with what its best title matched. */
export interface CodeScore {
  romeCode: string;
  /** IDF-weighted Dice between the query and the code's best title, 0..1. */
  score: number;
  /** Source of that title (index in `TITLE_SOURCES`). */
  source: number;
  /** Share of the query's weight that title matched, 0..1. */
  queryCoverage: number;
  /** Share of that title's weight the query matched, 0..1. */
  titleCoverage: number;
  /** Whether a typo or prefix match (not an exact word) contributed. */
  fuzzy: boolean;
  /** Whether that title holds the query's head word (false when the search was given none). */
  headMatched: boolean;
  /** Query words that title matched (exactly or by a typo or prefix). */
  matchedWords: number;
  /**
   * Whether it matched a query word that is not a generic head noun or soft noise: false when only
   * "technicien" of "Technicien maîtrise des nuisibles" found it.
   */
  contentMatched: boolean;
  /** Whether it matched such a word as written (not only by a typo or prefix match). */
  exactContentMatched: boolean;
}

/** What a search saw of the query, whatever it matched. */
export interface QueryStats {
  /** Distinct clean words read. */
  words: number;
  /** Words that match no index word, even with a typo. */
  unknownWords: number;
  /** Summed IDF weight of the query (unknown words count `UNKNOWN_WORD_WEIGHT`). */
  weight: number;
  /**
   * Families (code_rome_parent) whose titles hold the query's most specific known word: 1 for "cariste",
   * hundreds for "manager"; 0 when no word is known. A word's typo matches count as the word.
   */
  specificFamilies: number;
  /**
   * Families whose titles hold every known query word (typo matches count), over the whole index: 1 or 2 for
   * "Cariste" or "Data Analyst", dozens for "Machine Operator" (an operator runs a machine in most trades) even
   * when one title is exactly the query. 0 when no word is known.
   */
  coveringFamilies: number;
  /** Entropy (nats) of those titles over their families: low when most of them sit in one family. */
  coveringEntropy: number;
}

export interface SearchResult {
  hits: CodeScore[];
  query: QueryStats;
}

interface TermCandidate {
  term: number;
  factor: number;
}

/** Weight of a query word that matches nothing (a city, a company name): small, so it barely lowers scores. */
export const UNKNOWN_WORD_WEIGHT = 1;
const TYPO_FACTOR = [1, 0.85, 0.7] as const;
const PREFIX_FACTOR = 0.75;
/** Query words shorter than this are looked up as written only (no typo or prefix match). */
const MIN_FUZZY_LENGTH = 4;
const MEMO_LIMIT = 50_000;
const PRIORITY_MARGIN = 0.0001;
const MAX_TITLE_CHARS = 300;
const MAX_TITLE_WORDS = 24;
/**
 * Weight factor of the query's head word ("teacher" in "Third Grade Teacher"): the word that says what the job
 * is outweighs rarer modifiers that only say where or at what level ("third", "grade").
 */
export const HEAD_WORD_BOOST = 1.5;

/**
 * An occupation index in the form `scripts/build-indexes.ts` ships it (`occupation-index.json`): titles already
 * reduced to term numbers, so that loading it is one JSON.parse and a few loops over numbers, instead of
 * splitting, stemming and interning 35,000 titles at start-up. `occupationIndexTable` builds it from title
 * entries; `test/taxonomy/prebuilt-indexes.test.ts` checks the shipped file equals one built from the tables.
 */
export interface OccupationIndexTable {
  /** Index terms (stems), numbered in order of first use by the entries. */
  terms: string[];
  /** Occupation codes, numbered in order of first use by the entries. */
  codes: string[];
  /** Per entry (indexed title): its code's number. */
  entryCodes: number[];
  /** Per entry: its source (index in `TITLE_SOURCES`). */
  entrySources: number[];
  /** Per entry: how many terms it has; its terms are the next that many numbers of `entryTerms`. */
  entryLengths: number[];
  entryTerms: number[];
  /** Clean index words (before stemming) whose stem is an index term, in vocabulary order. */
  words: string[];
  /** Per word of `words`: its term's number. */
  wordTerms: number[];
}

/** The number of `value` in `values`, appended (and numbered in `ids`) on first sight. */
function intern(value: string, ids: Map<string, number>, values: string[]): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = values.length;
    ids.set(value, id);
    values.push(value);
  }
  return id;
}

/**
 * The table of an index over `entries`.
 * @param entries titles reduced to stems (see `titleEntries`)
 * @param vocabulary clean index words → stem, for typo and prefix lookups; words whose stem is not an index
 *   term are left out
 */
export function occupationIndexTable(
  entries: readonly TitleEntry[],
  vocabulary: ReadonlyMap<string, string>,
): OccupationIndexTable {
  const termIds = new Map<string, number>();
  const codeIds = new Map<string, number>();
  const table: OccupationIndexTable = {
    terms: [],
    codes: [],
    entryCodes: [],
    entrySources: [],
    entryLengths: [],
    entryTerms: [],
    words: [],
    wordTerms: [],
  };
  for (const { romeCode, source, stems } of entries) {
    table.entryCodes.push(intern(romeCode, codeIds, table.codes));
    table.entrySources.push(source);
    table.entryLengths.push(stems.length);
    for (const term of stems) table.entryTerms.push(intern(term, termIds, table.terms));
  }
  for (const [word, stemmed] of vocabulary) {
    const term = termIds.get(stemmed);
    if (term === undefined) continue;
    table.words.push(word);
    table.wordTerms.push(term);
  }
  return table;
}

/**
 * Inverted index over title terms, scored with an IDF-weighted Dice coefficient between the query's terms
 * and each title's terms; an occupation's score is its best title's. Unknown query words are matched to
 * index words by Damerau-Levenshtein distance (1 for words of 4–7 letters, 2 from 8) or as a prefix (4+ letters).
 */
export class OccupationIndex {
  private readonly termIds = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Per term, the entries that hold it (views of one buffer). */
  private readonly postings: Int32Array[] = [];
  /** Per entry, the index of its code in `codes`. */
  private readonly entryCodeIds: Int32Array;
  private readonly codes: readonly string[];
  /** Per entry, its terms (views of one buffer). */
  private readonly entryTerms: Int32Array[] = [];
  private readonly entryWeights: Float64Array;
  private readonly entryPriorities: Uint8Array;
  private readonly entrySources: Uint8Array;
  /** Clean index words (before stemming) by first letter and length (`c7`), for typo lookups. */
  private readonly wordsByBucket = new Map<string, string[]>();
  private readonly sortedWords: string[];
  /** Clean index word → its term. */
  private readonly wordTerms = new Map<string, number>();
  private readonly memo = new Map<string, TermCandidate[]>();
  private readonly exactMemo = new Map<string, number>();
  private readonly contentMemo = new Map<string, boolean>();
  private readonly accumulated: Float64Array;
  private readonly bestForWord: Float64Array;
  /** Entries a typo or prefix match reached in the current search (1), else 0. */
  private readonly fuzzyEntries: Uint8Array;
  private readonly fuzzyForWord: Uint8Array;
  /** Entries the head word reached in the current search (1), else 0. */
  private readonly headEntries: Uint8Array;
  /** Per entry during a search: query words matched, and whether a content word matched (1: fuzzy, 2: exact). */
  private readonly matchedWordCounts: Uint8Array;
  private readonly contentEntries: Uint8Array;
  /** Per term: distinct families (by `familyOf`) of the entries that hold it. */
  private readonly termFamilies: Int32Array;
  /** Per entry, its family id; per family id, covering titles counted during a search. */
  private readonly entryFamilies: Int32Array;
  private readonly familyCounts: Int32Array;
  /** Per code, during a search: best score so far (-1 = not reached) and the entry that gave it. */
  private readonly codeScores: Float64Array;
  private readonly codeEntries: Int32Array;
  private readonly codeMatched: Float64Array;
  /** Entries left out of searches (1) while an evaluation masks them (see `maskTitles`), else 0. */
  private readonly masked: Uint8Array;
  /** Entries by their sorted terms (`"term term"`), built on the first `maskTitles` call. */
  private entriesByKey: Map<string, number[]> | undefined;

  /** An index built from title entries (see `occupationIndexTable`). */
  static fromEntries(
    entries: readonly TitleEntry[],
    vocabulary: ReadonlyMap<string, string>,
    language: TitleLanguage,
    familyOf?: (code: string) => string,
  ): OccupationIndex {
    return new OccupationIndex(occupationIndexTable(entries, vocabulary), language, familyOf);
  }

  /**
   * @param table the titles as term numbers (see `occupationIndexTable`)
   * @param language turns query titles into words and terms, as the entries were
   * @param familyOf the family of a code (code_rome_parent), for `QueryStats.specificFamilies`
   */
  constructor(
    table: OccupationIndexTable,
    private readonly language: TitleLanguage,
    familyOf: (code: string) => string = (code) => code,
  ) {
    // Plain indexed loops: this runs once per process, mostly before the JIT has compiled anything, where
    // iterators and per-element callbacks cost several times more.
    const { terms, entryLengths } = table;
    for (let id = 0; id < terms.length; id++) this.termIds.set(terms[id]!, id);
    const count = entryLengths.length;
    this.codes = table.codes;
    this.entryCodeIds = Int32Array.from(table.entryCodes);
    this.entrySources = Uint8Array.from(table.entrySources);
    this.entryPriorities = new Uint8Array(count);
    for (let entry = 0; entry < count; entry++)
      this.entryPriorities[entry] = sourcePriority(this.entrySources[entry]!);
    // Entries' terms and terms' postings: one buffer each, cut into views.
    const entryTerms = Int32Array.from(table.entryTerms);
    const postingCounts = new Int32Array(terms.length);
    for (let at = 0; at < entryTerms.length; at++) postingCounts[entryTerms[at]!]!++;
    const postingStarts = new Int32Array(terms.length + 1);
    for (let term = 0; term < terms.length; term++)
      postingStarts[term + 1] = postingStarts[term]! + postingCounts[term]!;
    const postingBuffer = new Int32Array(entryTerms.length);
    const filled = postingStarts.slice(0, terms.length);
    for (let entry = 0, at = 0; entry < count; entry++) {
      const end = at + entryLengths[entry]!;
      this.entryTerms.push(entryTerms.subarray(at, end));
      for (; at < end; at++) postingBuffer[filled[entryTerms[at]!]!++] = entry;
    }
    for (let term = 0; term < terms.length; term++)
      this.postings.push(postingBuffer.subarray(postingStarts[term]!, postingStarts[term + 1]!));
    const { words } = table;
    for (let position = 0; position < words.length; position++)
      this.wordTerms.set(words[position]!, table.wordTerms[position]!);
    this.idf = new Float64Array(terms.length);
    for (let term = 0; term < terms.length; term++)
      this.idf[term] = Math.log(1 + count / postingCounts[term]!);
    // A title's weight counts its soft-noise terms ("équipe", "nuit") as a query does, so an exact match is 1.
    const softTerms = new Set<number>();
    for (const word of SOFT_TITLE_WORDS) {
      const term = this.termIds.get(language.stem(word));
      if (term !== undefined) softTerms.add(term);
    }
    this.entryWeights = new Float64Array(count);
    for (let entry = 0, at = 0; entry < count; entry++) {
      let weight = 0;
      for (const end = at + entryLengths[entry]!; at < end; at++) {
        const term = entryTerms[at]!;
        weight += this.idf[term]! * (softTerms.has(term) ? SOFT_WORD_WEIGHT : 1);
      }
      this.entryWeights[entry] = weight;
    }
    for (let position = 0; position < words.length; position++) {
      const word = words[position]!;
      // Typo targets have four letters or more, like the query words looked up: a three-letter index word is
      // an acronym or a short word ("EMT", "bar") that a four-letter typo should not reach.
      if (word.length < MIN_FUZZY_LENGTH) continue;
      const key = `${word[0]}${word.length}`;
      const bucket = this.wordsByBucket.get(key);
      if (bucket) bucket.push(word);
      else this.wordsByBucket.set(key, [word]);
    }
    this.sortedWords = [...words].sort();
    this.accumulated = new Float64Array(count);
    this.bestForWord = new Float64Array(count);
    this.fuzzyEntries = new Uint8Array(count);
    this.fuzzyForWord = new Uint8Array(count);
    this.headEntries = new Uint8Array(count);
    this.matchedWordCounts = new Uint8Array(count);
    this.contentEntries = new Uint8Array(count);
    this.codeScores = new Float64Array(this.codes.length).fill(-1);
    this.codeEntries = new Int32Array(this.codes.length);
    this.codeMatched = new Float64Array(this.codes.length);
    this.masked = new Uint8Array(count);
    const familyIds = new Map<string, number>();
    const entryFamilies = new Int32Array(count);
    const codeFamilies = new Int32Array(this.codes.length);
    for (let code = 0; code < this.codes.length; code++) {
      const family = familyOf(this.codes[code]!);
      let id = familyIds.get(family);
      if (id === undefined) {
        id = familyIds.size;
        familyIds.set(family, id);
      }
      codeFamilies[code] = id;
    }
    for (let entry = 0; entry < count; entry++)
      entryFamilies[entry] = codeFamilies[this.entryCodeIds[entry]!]!;
    this.entryFamilies = entryFamilies;
    this.familyCounts = new Int32Array(familyIds.size);
    const lastSeen = new Int32Array(familyIds.size).fill(-1);
    this.termFamilies = new Int32Array(terms.length);
    for (let term = 0; term < terms.length; term++) {
      let families = 0;
      for (let at = postingStarts[term]!; at < postingStarts[term + 1]!; at++) {
        const family = entryFamilies[postingBuffer[at]!]!;
        if (lastSeen[family] !== term) {
          lastSeen[family] = term;
          families++;
        }
      }
      this.termFamilies[term] = families;
    }
  }

  /**
   * Leaves out of the next searches every entry whose terms are exactly `stems` (any code), until the returned
   * function is called: an evaluation asks how a title the tables do not hold verbatim would fare. Not for
   * production paths (a search with nothing masked pays one byte read per reached entry).
   */
  maskTerms(stemSets: readonly (readonly string[])[]): () => void {
    if (!this.entriesByKey) {
      this.entriesByKey = new Map();
      for (const [entry, ids] of this.entryTerms.entries()) {
        const key = this.termKey(ids);
        const list = this.entriesByKey.get(key) ?? [];
        list.push(entry);
        this.entriesByKey.set(key, list);
      }
    }
    const entries: number[] = [];
    for (const stems of stemSets) {
      const ids = [...new Set(stems)].map((term) => this.termIds.get(term));
      if (ids.some((id) => id === undefined)) continue;
      for (const entry of this.entriesByKey.get(this.termKey(ids as number[])) ?? []) {
        this.masked[entry] = 1;
        entries.push(entry);
      }
    }
    return () => {
      for (const entry of entries) this.masked[entry] = 0;
    };
  }

  private termKey(ids: ArrayLike<number>): string {
    return Array.from(ids)
      .sort((a, b) => a - b)
      .join(' ');
  }

  /** Whether a clean word (as `language.words` gives it) is an index word. */
  hasWord(word: string): boolean {
    return this.wordWeight(word) > 0;
  }

  /** IDF weight of a clean word that is an index word as written (no typo or prefix lookup), else 0. */
  wordWeight(word: string): number {
    const term = this.exactTerm(word);
    return term < 0 ? 0 : this.idf[term]!;
  }

  /** The term of a clean word that is an index word as written, else -1 (memoised: stemming is not free). */
  private exactTerm(word: string): number {
    let term = this.exactMemo.get(word);
    if (term === undefined) {
      term = this.wordTerms.get(word) ?? this.termIds.get(this.language.stem(word)) ?? -1;
      if (this.exactMemo.size >= MEMO_LIMIT) this.exactMemo.clear();
      this.exactMemo.set(word, term);
    }
    return term;
  }

  get size(): number {
    return this.entryCodeIds.length;
  }

  /** Index terms a query word may stand for, with how much to trust each (1 = exact). */
  private candidatesFor(word: string): TermCandidate[] {
    const memoised = this.memo.get(word);
    if (memoised) return memoised;
    const exact = this.exactTerm(word);
    if (exact >= 0) {
      const candidates = [{ term: exact, factor: 1 }];
      this.remember(word, candidates);
      return candidates;
    }
    const best = new Map<number, number>();
    const offer = (indexWord: string, factor: number) => {
      const term = this.wordTerms.get(indexWord)!;
      if ((best.get(term) ?? 0) < factor) best.set(term, factor);
    };
    if (word.length >= MIN_FUZZY_LENGTH) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      let closest = maxDistance + 1;
      const near: [string, number][] = [];
      for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
        // Typos rarely touch the first letter: only words sharing it are compared.
        for (const indexWord of this.wordsByBucket.get(`${word[0]}${length}`) ?? []) {
          if (letterDifference(word, indexWord) > 2 * maxDistance) continue;
          const distance = restrictedEditDistance(word, indexWord);
          if (distance <= maxDistance && distance <= closest) {
            closest = distance;
            near.push([indexWord, distance]);
          }
        }
      }
      for (const [indexWord, distance] of near) {
        if (distance === closest) offer(indexWord, TYPO_FACTOR[distance as 1 | 2]);
      }
      let position = lowerBound(this.sortedWords, word);
      while (position < this.sortedWords.length && this.sortedWords[position]!.startsWith(word)) {
        offer(this.sortedWords[position]!, PREFIX_FACTOR);
        position++;
      }
    }
    const candidates = [...best.entries()]
      .map(([term, factor]) => ({ term, factor }))
      .sort((a, b) => a.term - b.term);
    this.remember(word, candidates);
    return candidates;
  }

  /** Whether a query word is neither a generic head noun nor soft noise (memoised: stemming is not free). */
  private isContentWord(word: string): boolean {
    let content = this.contentMemo.get(word);
    if (content === undefined) {
      content = !isGenericWord(word, this.language);
      if (this.contentMemo.size >= MEMO_LIMIT) this.contentMemo.clear();
      this.contentMemo.set(word, content);
    }
    return content;
  }

  /** Bounded memo of query words (job titles repeat a lot); cleared when full. */
  private remember(word: string, candidates: TermCandidate[]): void {
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, candidates);
  }

  /**
   * Best-scoring occupation codes for a title (score desc, then code), with what each matched.
   * @param foreignWeight weight of a word this index does not know but another language's index does (a
   *   French word in an English search): it counts as query content the titles here cannot match, rather than
   *   as noise (`UNKNOWN_WORD_WEIGHT`)
   */
  search(title: string, limit: number, foreignWeight: (word: string) => number = () => 0): SearchResult {
    return this.searchWords(this.queryWords(title), limit, foreignWeight);
  }

  /**
   * Distinct clean words of a query title, as `search` reads them: a title is short, so only its first
   * MAX_TITLE_CHARS characters and MAX_TITLE_WORDS words count (a paragraph passed by mistake costs bounded time).
   */
  queryWords(title: string): string[] {
    return [...new Set(this.language.words(title.slice(0, MAX_TITLE_CHARS)))].slice(0, MAX_TITLE_WORDS);
  }

  /**
   * `search` on words already read with `queryWords`.
   * @param head the query's head word (one of `words`), weighted `HEAD_WORD_BOOST` times; hits say whether
   *   their title holds it
   */
  searchWords(
    words: readonly string[],
    limit: number,
    foreignWeight: (word: string) => number = () => 0,
    head?: string,
  ): SearchResult {
    const query: QueryStats = {
      words: words.length,
      unknownWords: 0,
      weight: 0,
      specificFamilies: 0,
      coveringFamilies: 0,
      coveringEntropy: 0,
    };
    if (words.length === 0 || limit <= 0) return { hits: [], query };
    const touched: number[] = [];
    const { accumulated, bestForWord, fuzzyEntries, fuzzyForWord, headEntries } = this;
    const { matchedWordCounts, contentEntries } = this;
    let specific = Number.POSITIVE_INFINITY;
    let knownWords = 0;
    const usedTerms = new Set<number>();
    for (const word of words) {
      const candidates = this.candidatesFor(word).filter((candidate) => !usedTerms.has(candidate.term));
      const isHead = word === head;
      const soft = (isSoftTitleWord(word) ? SOFT_WORD_WEIGHT : 1) * (isHead ? HEAD_WORD_BOOST : 1);
      if (candidates.length === 0) {
        const foreign = foreignWeight(word);
        query.weight += soft * Math.max(UNKNOWN_WORD_WEIGHT, foreign);
        if (foreign === 0) query.unknownWords++;
        continue;
      }
      knownWords++;
      let weight = 0;
      let families = 0;
      const wordTouched: number[] = [];
      const content = this.isContentWord(word);
      for (const { term, factor } of candidates) {
        families = Math.max(families, this.termFamilies[term]!);
        if (factor === 1) usedTerms.add(term);
        const gain = this.idf[term]! * factor * soft;
        weight = Math.max(weight, gain);
        for (const entry of this.postings[term]!) {
          if (bestForWord[entry] === 0) wordTouched.push(entry);
          if (bestForWord[entry]! < gain) {
            bestForWord[entry] = gain;
            fuzzyForWord[entry] = factor < 1 ? 1 : 0;
          }
        }
      }
      query.weight += weight;
      specific = Math.min(specific, families);
      for (const entry of wordTouched) {
        if (accumulated[entry] === 0) touched.push(entry);
        accumulated[entry]! += bestForWord[entry]!;
        fuzzyEntries[entry]! |= fuzzyForWord[entry]!;
        if (isHead) headEntries[entry] = 1;
        if (matchedWordCounts[entry]! < 255) matchedWordCounts[entry]!++;
        if (content) contentEntries[entry] = Math.max(contentEntries[entry]!, fuzzyForWord[entry] ? 1 : 2);
        bestForWord[entry] = 0;
        fuzzyForWord[entry] = 0;
      }
    }
    // An occupation's score is its best title's; a title of lower priority (ROME label, main title, curated
    // alias) wins a tie by a 0.0001-per-level margin, so the order is simply score desc, then code.
    const { codeScores, codeEntries, codeMatched, familyCounts, entryFamilies } = this;
    const touchedCodes: number[] = [];
    const coveredFamilies: number[] = [];
    let covering = 0;
    for (const entry of touched) {
      const matched = accumulated[entry]!;
      if (this.masked[entry] === 1) {
        accumulated[entry] = 0;
        continue;
      }
      if (matchedWordCounts[entry] === Math.min(knownWords, 255)) {
        const family = entryFamilies[entry]!;
        if (familyCounts[family] === 0) coveredFamilies.push(family);
        familyCounts[family]!++;
        covering++;
      }
      const dice = Math.min(1, (2 * matched) / (query.weight + this.entryWeights[entry]!));
      const score =
        Math.round(Math.max(0, dice - PRIORITY_MARGIN * this.entryPriorities[entry]!) * 10_000) / 10_000;
      const code = this.entryCodeIds[entry]!;
      if (codeScores[code]! < 0) touchedCodes.push(code);
      if (score > codeScores[code]!) {
        codeScores[code] = score;
        codeEntries[code] = entry;
        codeMatched[code] = matched;
      }
      accumulated[entry] = 0;
    }
    const hits: CodeScore[] = [];
    for (const code of topCodes(touchedCodes, codeScores, this.codes, limit)) {
      const entry = codeEntries[code]!;
      if (codeScores[code]! <= 0) continue;
      hits.push({
        romeCode: this.codes[code]!,
        score: codeScores[code]!,
        source: this.entrySources[entry]!,
        queryCoverage: Math.min(1, codeMatched[code]! / query.weight),
        titleCoverage: Math.min(1, codeMatched[code]! / this.entryWeights[entry]!),
        fuzzy: fuzzyEntries[entry] === 1,
        headMatched: headEntries[entry] === 1,
        matchedWords: matchedWordCounts[entry]!,
        contentMatched: contentEntries[entry]! > 0,
        exactContentMatched: contentEntries[entry] === 2,
      });
    }
    for (const entry of touched) {
      fuzzyEntries[entry] = 0;
      headEntries[entry] = 0;
      matchedWordCounts[entry] = 0;
      contentEntries[entry] = 0;
    }
    query.specificFamilies = Number.isFinite(specific) ? specific : 0;
    query.coveringFamilies = coveredFamilies.length;
    for (const family of coveredFamilies) {
      const share = familyCounts[family]! / covering;
      query.coveringEntropy -= share * Math.log(share);
      familyCounts[family] = 0;
    }
    for (const code of touchedCodes) codeScores[code] = -1;
    return { hits, query };
  }
}

/**
 * The `limit` best of `candidates` (code ids) by score desc, then code text asc, sorted: a bounded selection,
 * as a generic word can reach thousands of codes.
 */
function topCodes(
  candidates: readonly number[],
  scores: Float64Array,
  codes: readonly string[],
  limit: number,
): number[] {
  const better = (a: number, b: number) =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && codes[a]! < codes[b]!);
  const kept: number[] = [];
  for (const candidate of candidates) {
    if (kept.length === limit && !better(candidate, kept[kept.length - 1]!)) continue;
    let position = kept.length < limit ? kept.length : limit - 1;
    kept[position] = candidate;
    while (position > 0 && better(kept[position]!, kept[position - 1]!)) {
      [kept[position], kept[position - 1]] = [kept[position - 1]!, kept[position]!];
      position--;
    }
  }
  return kept;
}

const letterCounts = new Int16Array(128);
/**
 * L1 distance between the letter counts of two ASCII words: a lower bound of twice their edit distance,
 * cheap enough to skip most Damerau-Levenshtein computations.
 */
function letterDifference(a: string, b: string): number {
  for (let index = 0; index < a.length; index++) letterCounts[a.charCodeAt(index) & 127]!++;
  for (let index = 0; index < b.length; index++) letterCounts[b.charCodeAt(index) & 127]!--;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    const code = a.charCodeAt(index) & 127;
    difference += Math.abs(letterCounts[code]!);
    letterCounts[code] = 0;
  }
  for (let index = 0; index < b.length; index++) {
    const code = b.charCodeAt(index) & 127;
    difference += Math.abs(letterCounts[code]!);
    letterCounts[code] = 0;
  }
  return difference;
}
