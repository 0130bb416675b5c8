import type { CandidateProfile } from '../../domain/candidate.js';
import type { JobOrder } from '../../domain/job-order.js';
import type { EmbeddingModel, Usage } from '../../providers/spec.js';
import { terms } from '../../text/index.js';
import { IndexError } from './errors.js';
import { assertSameModel, embedTexts, isUsableVector, PoolIndex } from './pool-index.js';
import { cachedPoolIndex } from './pool-index-cache.js';
import { jobSearchText } from './search-text.js';
import { selectTopK } from './top-k.js';

/** One retrieved candidate. All scores are 0..1. */
export interface RetrievedCandidate {
  candidateId: string;
  /** Fused score (see `retrieveCandidates`). */
  score: number;
  /**
   * Cosine of job and profile embeddings, negatives clamped to 0; `null` without an embedding model, or
   * for a profile whose text gave no usable vector (`PoolIndex.hasVector`).
   */
  semantic: number | null;
  /** BM25 score divided by the best BM25 score of this query in the pool (the best lexical match gets 1). */
  lexical: number;
}

export interface RetrieveOptions {
  /** Without one, retrieval is lexical only and `semantic` is `null`. */
  embeddingModel?: EmbeddingModel;
  /** How many candidates to return (default `DEFAULT_RETRIEVE_TOP_K`, 500); fewer when the pool is smaller. */
  topK?: number;
  signal?: AbortSignal;
  /** Weight of the semantic score in the fused score, 0..1 (default 0.5; ignored without embeddings). */
  semanticWeight?: number;
  /** Called with the token usage of each embedding call. */
  onUsage?: (usage: Usage) => void;
}

/**
 * Candidates kept by first-stage retrieval: the default `topK` of `retrieveCandidates`, and what
 * `rankCandidates` keeps in a pool bigger than `SCORE_EVERYONE_UP_TO`.
 */
export const DEFAULT_RETRIEVE_TOP_K = 500;
/** Default weight of the semantic score in the fused retrieval score. */
export const DEFAULT_SEMANTIC_WEIGHT = 0.5;

interface Scratch {
  lexical: Float32Array;
  fused: Float32Array;
}

// Per-pool score buffers, reused across queries so a query allocates nothing proportional to the pool.
const scratchByPool = new WeakMap<PoolIndex, Scratch>();

function scratchFor(pool: PoolIndex, size: number): Scratch {
  const existing = scratchByPool.get(pool);
  if (existing && existing.fused.length >= size) return existing;
  let capacity = Math.max(1024, existing?.fused.length ?? 0);
  while (capacity < size) capacity *= 2;
  const scratch = {
    lexical: new Float32Array(capacity),
    fused: new Float32Array(capacity),
  };
  scratchByPool.set(pool, scratch);
  return scratch;
}

/**
 * Hybrid first-stage retrieval for a job order: embeddings cosine + BM25, fused.
 *
 * Fusion is a normalised linear mix, `score = w·semantic + (1 − w)·lexical` with `w = semanticWeight`:
 * `semantic` is the cosine clamped to 0..1, `lexical` the BM25 score over the best BM25 score of the
 * query. We chose it over reciprocal-rank fusion because it keeps score magnitudes (a pool where
 * nobody matches well gets low scores, which rank fusion hides) and gives 0..1 values that the
 * matching core can show as a criterion. The fused score is computed for every profile, so the top-k
 * is exact for the fused score, not a union of two shortlists.
 *
 * Without an embedding model, `score = lexical` and `semantic` is `null`. The result always has
 * `min(topK, pool size)` entries (profiles with no lexical match get 0), sorted by score descending,
 * ties by `candidateId` ascending.
 *
 * `pool` may be a built `PoolIndex` (fast path) or plain profiles (an index is built on the first call, which
 * embeds every profile, and kept for later calls with the same unchanged array: see `cachedPoolIndex`). An index with
 * vectors of another model throws `IndexError` (`model`/`dimensions`); a lexical-only index given an
 * embedding model throws `IndexError` (`no-vectors`).
 */
export async function retrieveCandidates(
  job: JobOrder,
  pool: CandidateProfile[] | PoolIndex,
  options: RetrieveOptions = {},
): Promise<RetrievedCandidate[]> {
  const model = options.embeddingModel;
  const topK = Math.max(0, Math.floor(options.topK ?? DEFAULT_RETRIEVE_TOP_K));
  const semanticWeight = options.semanticWeight ?? DEFAULT_SEMANTIC_WEIGHT;
  if (!(semanticWeight >= 0 && semanticWeight <= 1)) {
    throw new RangeError(`semanticWeight must be within 0..1, got ${semanticWeight}`);
  }
  const index =
    pool instanceof PoolIndex
      ? pool
      : await cachedPoolIndex(pool, {
          ...(model ? { embeddingModel: model } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onUsage ? { onUsage: options.onUsage } : {}),
        });
  const text = jobSearchText(job);
  let queryVector: Float32Array | null = null;
  if (model) {
    if (!index.embedding || !index.vectors) {
      throw new IndexError(
        'no-vectors',
        'the pool index was built without embeddings: rebuild it with the embedding model',
      );
    }
    assertSameModel(index.embedding, model, null);
    const [vector] = await embedTexts([text], model, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onUsage ? { onUsage: options.onUsage } : {}),
    });
    // An order with nothing to embed is retrieved by its words only.
    queryVector = vector && isUsableVector(vector) ? vector : null;
  }
  options.signal?.throwIfAborted();
  // Everything below is synchronous, so the shared scratch buffers cannot be used by two queries at once.
  const lexical = index.lexical;
  const size = lexical.size;
  const scratch = scratchFor(index, size);
  const bestLexical = lexical.scoreInto(terms(text, job.language), scratch.lexical);
  const lexicalScale = bestLexical > 0 ? 1 / bestLexical : 0;

  if (queryVector && index.vectors) {
    // Same slots in both indexes (PoolIndex invariant): fuse slot by slot.
    const semanticScores = index.vectors.scoreAll(queryVector);
    for (let slot = 0; slot < size; slot++) {
      const semantic = Math.max(0, semanticScores[slot] as number);
      const lexicalScore = (scratch.lexical[slot] as number) * lexicalScale;
      scratch.lexical[slot] = lexicalScore;
      scratch.fused[slot] = semanticWeight * semantic + (1 - semanticWeight) * lexicalScore;
    }
    return selectTopK(scratch.fused, size, topK, lexical.idList).map((slot) => {
      const candidateId = lexical.idAt(slot);
      return {
        candidateId,
        score: clamp01(scratch.fused[slot] as number),
        // A profile with nothing to embed has no semantic score (its empty row scores 0 in the fusion).
        semantic: index.hasVector(candidateId) ? clamp01(semanticScores[slot] as number) : null,
        lexical: clamp01(scratch.lexical[slot] as number),
      };
    });
  }

  // Lexical only. Profiles without a query term score 0 and come last, in id order (the tie-break).
  for (let slot = 0; slot < size; slot++)
    scratch.lexical[slot] = (scratch.lexical[slot] as number) * lexicalScale;
  return selectTopK(scratch.lexical, size, topK, lexical.idList).map((slot) => {
    const score = clamp01(scratch.lexical[slot] as number);
    return { candidateId: lexical.idAt(slot), score, semantic: null, lexical: score };
  });
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
