import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import type { TitleEntry } from './occupation-entries.js';
import { titleStem, titleWords } from './occupation-terms.js';

/** A scored occupation code, before labels are attached. */
export interface CodeScore {
  romeCode: string;
  score: number;
}

interface TermCandidate {
  term: number;
  factor: number;
}

/** Weight of a query word that matches nothing (a city, a company name): small, so it barely lowers scores. */
const UNKNOWN_WORD_WEIGHT = 1;
const TYPO_FACTOR = [1, 0.85, 0.7] as const;
const PREFIX_FACTOR = 0.75;
const MEMO_LIMIT = 50_000;
const PRIORITY_MARGIN = 0.0001;
const MAX_TITLE_CHARS = 300;
const MAX_TITLE_WORDS = 24;

/**
 * Inverted index over title terms, scored with an IDF-weighted Dice coefficient between the query's terms
 * and each title's terms; an occupation's score is its best title's. Unknown query words are matched to
 * index words by Damerau-Levenshtein distance (1 for words of 4–7 letters, 2 from 8) or as a prefix (4+ letters).
 */
export class OccupationIndex {
  private readonly termIds = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly postings: number[][] = [];
  private readonly entryCodes: string[] = [];
  private readonly entryTerms: Int32Array[] = [];
  private readonly entryWeights: number[] = [];
  private readonly entryPriorities: number[] = [];
  /** Clean index words (before stemming) by first letter and length (`c7`), for typo lookups. */
  private readonly wordsByBucket = new Map<string, string[]>();
  private readonly sortedWords: string[];
  private readonly wordStems = new Map<string, string>();
  private readonly memo = new Map<string, TermCandidate[]>();
  private readonly accumulated: Float64Array;
  private readonly bestForWord: Float64Array;

  /**
   * @param entries titles reduced to stems (see `titleEntries`)
   * @param vocabulary clean index words → stem, for typo and prefix lookups; words whose stem is not an index
   *   term are ignored
   */
  constructor(entries: readonly TitleEntry[], vocabulary: ReadonlyMap<string, string>) {
    for (const { romeCode, priority, stems } of entries) {
      const entry = this.entryCodes.length;
      const ids = stems.map((term) => {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(term, id);
          this.postings.push([]);
        }
        this.postings[id]!.push(entry);
        return id;
      });
      this.entryCodes.push(romeCode);
      this.entryTerms.push(Int32Array.from(ids));
      this.entryPriorities.push(priority);
    }
    for (const [word, stemmed] of vocabulary)
      if (this.termIds.has(stemmed)) this.wordStems.set(word, stemmed);
    const count = this.entryCodes.length;
    for (const list of this.postings) this.idf.push(Math.log(1 + count / list.length));
    for (const ids of this.entryTerms)
      this.entryWeights.push(ids.reduce((sum, id) => sum + this.idf[id]!, 0));
    for (const word of this.wordStems.keys()) {
      const key = `${word[0]}${word.length}`;
      const bucket = this.wordsByBucket.get(key) ?? [];
      bucket.push(word);
      this.wordsByBucket.set(key, bucket);
    }
    this.sortedWords = [...this.wordStems.keys()].sort();
    this.accumulated = new Float64Array(count);
    this.bestForWord = new Float64Array(count);
  }

  get size(): number {
    return this.entryCodes.length;
  }

  /** Index terms a query word may stand for, with how much to trust each (1 = exact). */
  private candidatesFor(word: string): TermCandidate[] {
    const memoised = this.memo.get(word);
    if (memoised) return memoised;
    const exact = this.termIds.get(this.wordStems.get(word) ?? titleStem(word));
    if (exact !== undefined) {
      const candidates = [{ term: exact, factor: 1 }];
      this.remember(word, candidates);
      return candidates;
    }
    const best = new Map<number, number>();
    const offer = (indexWord: string, factor: number) => {
      const term = this.termIds.get(this.wordStems.get(indexWord)!)!;
      if ((best.get(term) ?? 0) < factor) best.set(term, factor);
    };
    if (word.length >= 4) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      let closest = maxDistance + 1;
      const near: [string, number][] = [];
      for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
        // Typos rarely touch the first letter: only words sharing it are compared.
        for (const indexWord of this.wordsByBucket.get(`${word[0]}${length}`) ?? []) {
          if (letterDifference(word, indexWord) > 2 * maxDistance) continue;
          const distance = DamerauLevenshteinDistance(word, indexWord, { restricted: true });
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

  /** Bounded memo of query words (job titles repeat a lot); cleared when full. */
  private remember(word: string, candidates: TermCandidate[]): void {
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, candidates);
  }

  /** Best-scoring occupation codes for a title, score in 0..1, sorted by score then code. */
  search(title: string, limit: number): CodeScore[] {
    // A title is short: only its first MAX_TITLE_CHARS characters and MAX_TITLE_WORDS words count, so a
    // paragraph passed by mistake costs bounded time.
    const words = [...new Set(titleWords(title.slice(0, MAX_TITLE_CHARS)))].slice(0, MAX_TITLE_WORDS);
    if (words.length === 0 || limit <= 0) return [];
    const touched: number[] = [];
    const accumulated = this.accumulated;
    const bestForWord = this.bestForWord;
    let queryWeight = 0;
    const usedTerms = new Set<number>();
    for (const word of words) {
      const candidates = this.candidatesFor(word).filter((candidate) => !usedTerms.has(candidate.term));
      if (candidates.length === 0) {
        queryWeight += UNKNOWN_WORD_WEIGHT;
        continue;
      }
      let weight = 0;
      const wordTouched: number[] = [];
      for (const { term, factor } of candidates) {
        if (factor === 1) usedTerms.add(term);
        const gain = this.idf[term]! * factor;
        weight = Math.max(weight, gain);
        for (const entry of this.postings[term]!) {
          if (bestForWord[entry] === 0) wordTouched.push(entry);
          if (bestForWord[entry]! < gain) bestForWord[entry] = gain;
        }
      }
      queryWeight += weight;
      for (const entry of wordTouched) {
        if (accumulated[entry] === 0) touched.push(entry);
        accumulated[entry]! += bestForWord[entry]!;
        bestForWord[entry] = 0;
      }
    }
    // An occupation's score is its best title's; a title of lower priority (ROME label, main title, curated
    // alias) wins a tie by a 0.0001-per-level margin, so the order is simply score desc, then code.
    const byCode = new Map<string, number>();
    for (const entry of touched) {
      const dice = Math.min(1, (2 * accumulated[entry]!) / (queryWeight + this.entryWeights[entry]!));
      accumulated[entry] = 0;
      const score = Math.max(0, dice - PRIORITY_MARGIN * this.entryPriorities[entry]!);
      const code = this.entryCodes[entry]!;
      if (score > (byCode.get(code) ?? -1)) byCode.set(code, score);
    }
    return [...byCode.entries()]
      .map(([romeCode, score]) => ({ romeCode, score: Math.round(score * 10_000) / 10_000 }))
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score || (a.romeCode < b.romeCode ? -1 : 1))
      .slice(0, limit);
  }
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

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
