/**
 * The plain keyword baseline of the ranking benchmark: Okapi BM25 over the raw text of each document.
 * Deliberately independent of cvmatch's own text code (no stemming, no stop list, no accent folding), so
 * changes to the library never move the baseline.
 */

/** BM25 parameters of the baseline (the usual defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Lowercase runs of letters and digits (Unicode), as a plain search engine would split them. */
export function baselineTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface BaselineDocument {
  id: string;
  length: number;
  counts: Map<string, number>;
}

/** A BM25 index over a fixed set of documents. */
export interface Bm25Baseline {
  /** Document ids, best first; ties by id. Every document is returned (score 0 at the end). */
  rank(query: string): string[];
  /** BM25 score of every document for `query`, by id. */
  scores(query: string): Map<string, number>;
}

/** Indexes `documents` (id → raw text) for BM25 with k1 = 1.2, b = 0.75 and IDF log(1 + (N − n + 0.5)/(n + 0.5)). */
export function createBm25Baseline(documents: ReadonlyMap<string, string>): Bm25Baseline {
  const docs: BaselineDocument[] = [];
  const documentFrequency = new Map<string, number>();
  for (const [id, text] of documents) {
    const tokens = baselineTokens(text);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const token of counts.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    docs.push({ id, length: tokens.length, counts });
  }
  const total = docs.length;
  const averageLength = total === 0 ? 0 : docs.reduce((sum, doc) => sum + doc.length, 0) / total;
  const idf = (term: string): number => {
    const frequency = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  };
  const scores = (query: string): Map<string, number> => {
    const terms = baselineTokens(query);
    const out = new Map<string, number>();
    for (const doc of docs) {
      let score = 0;
      for (const term of terms) {
        const frequency = doc.counts.get(term) ?? 0;
        if (frequency === 0) continue;
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * doc.length) / (averageLength || 1));
        score += (idf(term) * frequency * (BM25_K1 + 1)) / (frequency + norm);
      }
      out.set(doc.id, score);
    }
    return out;
  };
  return {
    scores,
    rank(query) {
      const byId = scores(query);
      return [...byId.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([id]) => id);
    },
  };
}
