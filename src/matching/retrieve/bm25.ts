import { type TextLanguage, terms } from '../../text/index.js';
import { selectTopK } from './top-k.js';

/** BM25 parameters. Defaults: `k1` 1.2 (term-frequency saturation), `b` 0.75 (length normalisation). */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Hit {
  id: string;
  score: number;
}

/**
 * A BM25 index over `terms()` from `src/text` (accent folding, stopwords, French/English stemming).
 *
 * Score of document d for query q (each distinct query term counted once):
 *   Σ_t∈q idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
 * with idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)) (the Lucene form, never negative),
 * N the number of documents, |d| the document's number of terms and avgdl their mean.
 */
export interface Bm25Index {
  readonly k1: number;
  readonly b: number;
  /** Number of documents. */
  readonly size: number;
  has(id: string): boolean;
  /** Ids in insertion order, except that `remove` moves the last id into the freed place. */
  ids(): string[];
  /** Indexes `text` (tokenised with `terms(text, language)`). An existing id is replaced. */
  add(id: string, text: string, language?: TextLanguage): void;
  /** Indexes already-tokenised terms. An existing id is replaced. */
  addTerms(id: string, documentTerms: readonly string[]): void;
  /** Returns whether the id was indexed. */
  remove(id: string): boolean;
  /**
   * The index as stored by `savePoolIndex`: every distinct term once, and per document (slot order) its
   * length, then `[term number, count]` pairs. `importDocuments` reads it back without tokenising anything.
   */
  exportDocuments(): { terms: string[]; documents: Uint32Array };
  /** Adds documents exported by `exportDocuments`, after those already indexed (ids given in slot order). */
  importDocuments(ids: readonly string[], terms: readonly string[], documents: Uint32Array): void;
  /** Id of the document in `slot` (slots are dense, 0..size-1; `remove` moves the last document). */
  idAt(slot: number): string;
  /** Ids in slot order, without copying. */
  readonly idList: readonly string[];
  /**
   * Writes the score of every document into `out[slot]` (0 for documents without a query term) and
   * returns the best score. `out.length` must be ≥ size. No allocation proportional to the pool.
   */
  scoreInto(queryTerms: readonly string[], out: Float32Array | Float64Array): number;
  /** Score of every document that shares at least one term with the query (score > 0). */
  scoreTerms(queryTerms: readonly string[]): Map<string, number>;
  /** Best `k` documents (default 10) for a text query, best first, ties by id. */
  search(query: string, options?: { k?: number; language?: TextLanguage }): Bm25Hit[];
}

/** Creates an empty BM25 index. */
export function createBm25Index(options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  if (!(k1 >= 0) || !(b >= 0 && b <= 1))
    throw new RangeError(`BM25 needs k1 ≥ 0 and 0 ≤ b ≤ 1 (got ${k1}, ${b})`);

  const ids: string[] = [];
  const slots = new Map<string, number>();
  const documentTermCounts: Map<string, number>[] = [];
  const lengths: number[] = [];
  const postings = new Map<string, Map<number, number>>();
  let totalLength = 0;

  /** Records that the document in `slot` holds `term` `count` times. */
  function addPosting(term: string, slot: number, count: number): void {
    let posting = postings.get(term);
    if (!posting) {
      posting = new Map();
      postings.set(term, posting);
    }
    posting.set(slot, count);
  }

  function remove(id: string): boolean {
    const slot = slots.get(id);
    if (slot === undefined) return false;
    const counts = documentTermCounts[slot] as Map<string, number>;
    for (const term of counts.keys()) {
      const posting = postings.get(term) as Map<number, number>;
      posting.delete(slot);
      if (posting.size === 0) postings.delete(term);
    }
    totalLength -= lengths[slot] as number;
    const last = ids.length - 1;
    if (slot !== last) {
      const lastId = ids[last] as string;
      const lastCounts = documentTermCounts[last] as Map<string, number>;
      for (const [term, count] of lastCounts) {
        const posting = postings.get(term) as Map<number, number>;
        posting.delete(last);
        posting.set(slot, count);
      }
      ids[slot] = lastId;
      documentTermCounts[slot] = lastCounts;
      lengths[slot] = lengths[last] as number;
      slots.set(lastId, slot);
    }
    ids.pop();
    documentTermCounts.pop();
    lengths.pop();
    slots.delete(id);
    return true;
  }

  function addTerms(id: string, documentTerms: readonly string[]): void {
    remove(id);
    const slot = ids.length;
    const counts = new Map<string, number>();
    for (const term of documentTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) addPosting(term, slot, count);
    ids.push(id);
    slots.set(id, slot);
    documentTermCounts.push(counts);
    lengths.push(documentTerms.length);
    totalLength += documentTerms.length;
  }

  function exportDocuments(): { terms: string[]; documents: Uint32Array } {
    const numbers = new Map<string, number>();
    const values: number[] = [];
    for (const [slot, counts] of documentTermCounts.entries()) {
      values.push(lengths[slot] as number, counts.size);
      for (const [term, count] of counts) {
        let number = numbers.get(term);
        if (number === undefined) {
          number = numbers.size;
          numbers.set(term, number);
        }
        values.push(number, count);
      }
    }
    return { terms: [...numbers.keys()], documents: Uint32Array.from(values) };
  }

  function importDocuments(
    documentIds: readonly string[],
    termList: readonly string[],
    documents: Uint32Array,
  ): void {
    let position = 0;
    const read = (): number => {
      const value = documents[position++];
      if (value === undefined) throw new RangeError('BM25 documents end early');
      return value;
    };
    for (const id of documentIds) {
      remove(id);
      const slot = ids.length;
      const length = read();
      const distinct = read();
      const counts = new Map<string, number>();
      for (let index = 0; index < distinct; index++) {
        const term = termList[read()];
        if (term === undefined) throw new RangeError('BM25 term number out of range');
        const count = read();
        counts.set(term, count);
        addPosting(term, slot, count);
      }
      ids.push(id);
      slots.set(id, slot);
      documentTermCounts.push(counts);
      lengths.push(length);
      totalLength += length;
    }
    if (position !== documents.length) throw new RangeError('BM25 documents do not match their ids');
  }

  function scoreInto(queryTerms: readonly string[], out: Float32Array | Float64Array): number {
    const count = ids.length;
    if (out.length < count)
      throw new RangeError(`score buffer holds ${out.length} slots, index has ${count}`);
    out.fill(0, 0, count);
    if (count === 0) return 0;
    const averageLength = totalLength / count || 1;
    const lengthFactor = (k1 * b) / averageLength;
    const base = k1 * (1 - b);
    for (const term of new Set(queryTerms)) {
      const posting = postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5));
      const numerator = idf * (k1 + 1);
      for (const [slot, frequency] of posting) {
        out[slot] =
          (out[slot] as number) +
          (numerator * frequency) / (frequency + base + lengthFactor * (lengths[slot] as number));
      }
    }
    let best = 0;
    for (let slot = 0; slot < count; slot++) if ((out[slot] as number) > best) best = out[slot] as number;
    return best;
  }

  function scoreTerms(queryTerms: readonly string[]): Map<string, number> {
    const values = new Float64Array(ids.length);
    scoreInto(queryTerms, values);
    const scores = new Map<string, number>();
    values.forEach((value, slot) => {
      if (value > 0) scores.set(ids[slot] as string, value);
    });
    return scores;
  }

  return {
    k1,
    b,
    get size() {
      return ids.length;
    },
    has: (id) => slots.has(id),
    ids: () => [...ids],
    idList: ids,
    idAt(slot) {
      const id = ids[slot];
      if (id === undefined) throw new RangeError(`no document in slot ${slot}`);
      return id;
    },
    scoreInto,
    add: (id, text, language = 'fr') => addTerms(id, terms(text, language)),
    addTerms,
    remove,
    exportDocuments,
    importDocuments,
    scoreTerms,
    search(query, searchOptions = {}) {
      const values = new Float64Array(ids.length);
      scoreInto(terms(query, searchOptions.language ?? 'fr'), values);
      return selectTopK(values, ids.length, searchOptions.k ?? 10, ids)
        .filter((slot) => (values[slot] as number) > 0)
        .map((slot) => ({ id: ids[slot] as string, score: values[slot] as number }));
    },
  };
}
