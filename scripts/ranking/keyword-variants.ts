/**
 * Query- and document-side variants of the `keywords` criterion, measured on the DEVELOPMENT orders of the
 * livecareer benchmark only (held-out orders are never read): nDCG@10 of the variant alone and fused with the
 * other criteria at the default weights (the variant's score, divided by the pool's best, in place of
 * `keywords`). Variants:
 * - `alpha`: weight of a second BM25 over derivationally conflated stems (Porter stem, then the agentive and
 *   adjectival endings -ist, -ian, -er, -ic, -ant, -or and a final -i dropped when 4 letters stay:
 *   banker/banking → bank, financial/finance → financ, teacher/teaching → teach), added to the exact-word BM25;
 * - `prf`, `prfDocs`, `prfTerms`: pseudo-relevance feedback (RM3-like): the `prfTerms` conflated terms most
 *   typical of the first pass's `prfDocs` best CVs (weighted by their score and IDF) as a second query, its BM25
 *   added at weight `prf` (both passes divided by their pool's best);
 * - `esco`: a taxonomy bridge: the 10 words most shared by the English (ESCO) titles of the order's ROME code,
 *   as a second query, its BM25 added at weight `esco` × the code's confidence (both divided by the pool's best).
 *
 *   npx tsx scripts/ranking/keyword-variants.ts
 */

import { scoreWithWeights } from '../../src/eval/fit-weights.js';
import { candidateKey, collectFeatures, type JobFeatures, ndcgAtK } from '../../src/eval/index.js';
import { buildTextPool, jobKeywords, profileTerms } from '../../src/matching/features/text-relevance.js';
import { defaultWeights, resolveWeights } from '../../src/matching/index.js';
import { guessOccupation } from '../../src/matching/support/occupation-guess.js';
import { englishTitleRows } from '../../src/taxonomy/tables.js';
import { stemEnglish } from '../../src/text/stem-english.js';
import { DEFAULT_NOW, offlineOptions } from '../eval-ranking.js';
import { readDevBenchmark } from './dev-benchmark.js';
import { formatTable } from './report.js';

const K1 = 1.2;
const B = 0.75;

/** Derivational conflation on top of a Porter stem (see the file comment). */
export function conflate(stemmed: string): string {
  const stem = stemmed.length > 4 && stemmed.endsWith('i') ? stemmed.slice(0, -1) : stemmed;
  for (const suffix of ['ist', 'ian', 'er', 'ic', 'ant', 'or']) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) return stem.slice(0, -suffix.length);
  }
  return stem;
}

interface Document {
  key: string;
  exact: Map<string, number>;
  conflated: Map<string, number>;
  length: number;
}

const now = DEFAULT_NOW;
const { profiles, qrels, jobs } = await readDevBenchmark({ now });
const features = await collectFeatures({ jobs, candidates: profiles, qrels, options: offlineOptions(now) });
buildTextPool(profiles, 'en');
const documents: Document[] = profiles.map((profile) => {
  const { counts, length } = profileTerms(profile, 'en').fields.full;
  const exact = new Map<string, number>();
  const conflated = new Map<string, number>();
  for (const [term, count] of counts) {
    if (!term.startsWith('~')) exact.set(term, count);
    else {
      const key = conflate(term.slice(1));
      conflated.set(key, (conflated.get(key) ?? 0) + count);
    }
  }
  // `full` holds each word twice (as itself and as its stem).
  return { key: candidateKey(profile), exact, conflated, length: length / 2 };
});
const frequency = (field: 'exact' | 'conflated') => {
  const counts = new Map<string, number>();
  for (const document of documents)
    for (const term of document[field].keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
};
const frequencies = { exact: frequency('exact'), conflated: frequency('conflated') };
const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / documents.length;
const idf = (count: number) => Math.log(1 + (documents.length - count + 0.5) / (count + 0.5));
const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;

function bm25(document: Document, query: Map<string, number>, field: 'exact' | 'conflated'): number {
  const norm = K1 * (1 - B + (B * document.length) / averageLength);
  let score = 0;
  for (const [term, weight] of query) {
    const count = document[field].get(term);
    if (count) score += (weight * idf(frequencies[field].get(term) ?? 0) * count * (K1 + 1)) / (count + norm);
  }
  return score;
}

interface Variant {
  /** Weight of the taxonomy bridge: the words of the English titles of the order's ROME code. */
  esco?: number;
  alpha: number;
  prf: number;
  prfDocs: number;
  prfTerms: number;
}

function scoresFor(jobId: string, variant: Variant): Map<string, number> {
  const job = jobs.find((item) => item.id === jobId);
  if (!job) throw new Error(`no order ${jobId}`);
  const exact = new Map<string, number>();
  const conflated = new Map<string, number>();
  for (const word of jobKeywords(job)) {
    exact.set(word, (exact.get(word) ?? 0) + 1);
    const key = conflate(stemEnglish(word));
    conflated.set(key, (conflated.get(key) ?? 0) + 1);
  }
  const first = new Map(
    documents.map((document) => [
      document.key,
      bm25(document, exact, 'exact') + variant.alpha * bm25(document, conflated, 'conflated'),
    ]),
  );
  if (variant.esco) {
    const occupation = guessOccupation(job.title);
    const titles = occupation ? englishTitleRows().filter((row) => row[0] === occupation.romeCode) : [];
    const share = new Map<string, number>();
    for (const [, , title] of titles)
      for (const word of new Set(title.split(' ')))
        share.set(word, (share.get(word) ?? 0) + 1 / titles.length);
    const expansion = new Map(
      [...share]
        .map(([word, weight]) => [conflate(stemEnglish(word)), weight] as const)
        .filter(([term]) => !conflated.has(term))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10),
    );
    const bridged = new Map(
      documents.map((document) => [document.key, bm25(document, expansion, 'conflated')]),
    );
    const best = Math.max(...first.values()) || 1;
    const bestBridged = Math.max(...bridged.values()) || 1;
    const confidence = occupation?.confidence ?? 0;
    return new Map(
      documents.map((document) => [
        document.key,
        (first.get(document.key) ?? 0) / best +
          ((variant.esco ?? 0) * confidence * (bridged.get(document.key) ?? 0)) / bestBridged,
      ]),
    );
  }
  if (variant.prf === 0) return first;
  const scoreOf = (key: string) => first.get(key) ?? 0;
  const top = [...documents].sort((a, b) => scoreOf(b.key) - scoreOf(a.key)).slice(0, variant.prfDocs);
  const best = Math.max(...first.values()) || 1;
  const typical = new Map<string, number>();
  for (const document of top)
    for (const [term, count] of document.conflated)
      typical.set(
        term,
        (typical.get(term) ?? 0) + (scoreOf(document.key) / best) * (count / document.length),
      );
  const expansion = [...typical]
    .filter(([term]) => !conflated.has(term) && (frequencies.conflated.get(term) ?? 0) >= 2)
    .map(([term, weight]) => [term, weight * idf(frequencies.conflated.get(term) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, variant.prfTerms);
  const second = new Map(
    documents.map((document) => [document.key, bm25(document, new Map(expansion), 'conflated')]),
  );
  const bestSecond = Math.max(...second.values()) || 1;
  return new Map(
    documents.map((document) => [
      document.key,
      scoreOf(document.key) / best + (variant.prf * (second.get(document.key) ?? 0)) / bestSecond,
    ]),
  );
}

const weights = resolveWeights({ ...defaultWeights });
function ndcgOf(job: JobFeatures, score: (pair: JobFeatures['pairs'][number]) => number): number {
  const ranked = job.pairs
    .map((pair, index) => ({ pair, index, score: score(pair) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((item) => item.pair.candidate);
  return ndcgAtK(ranked, job.judgements, 10) ?? 0;
}

const variants: Variant[] = [{ alpha: 0, prf: 0, prfDocs: 0, prfTerms: 0 }];
for (const alpha of [0.25, 0.5, 1]) variants.push({ alpha, prf: 0, prfDocs: 0, prfTerms: 0 });
for (const alpha of [0, 0.5])
  for (const prf of [0.3, 1])
    for (const prfDocs of [5, 10])
      for (const prfTerms of [20, 50]) variants.push({ alpha, prf, prfDocs, prfTerms });
for (const esco of [0.1, 0.25, 0.5]) variants.push({ esco, alpha: 0, prf: 0, prfDocs: 0, prfTerms: 0 });
const rows = variants.map((variant) => {
  const alone: number[] = [];
  const fused: number[] = [];
  for (const job of features) {
    const scores = scoresFor(job.jobId, variant);
    const best = Math.max(...job.pairs.map((pair) => scores.get(pair.candidate) ?? 0)) || 1;
    alone.push(ndcgOf(job, (pair) => scores.get(pair.candidate) ?? 0));
    fused.push(
      ndcgOf(job, (pair) =>
        scoreWithWeights(
          {
            ...pair,
            features: pair.features.map((feature) =>
              feature.criterion === 'keywords'
                ? { ...feature, score: (100 * (scores.get(pair.candidate) ?? 0)) / best }
                : feature,
            ),
          },
          weights,
        ),
      ),
    );
  }
  return [
    String(variant.esco ?? 0),
    String(variant.alpha),
    String(variant.prf),
    String(variant.prfDocs),
    String(variant.prfTerms),
    mean(alone).toFixed(3),
    mean(fused).toFixed(3),
  ];
});
process.stdout.write(
  `${formatTable(['esco', 'alpha', 'prf', 'prf docs', 'prf terms', 'nDCG@10 alone', 'nDCG@10 fused'], rows)}\n` +
    `(${features.length} dev orders; the first row is the exact-word BM25 as in the criterion)\n`,
);
