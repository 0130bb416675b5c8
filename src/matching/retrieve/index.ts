// Public API of first-stage retrieval (hybrid embeddings + BM25) and the pool index.
export { type Bm25Hit, type Bm25Index, type Bm25Options, createBm25Index } from './bm25.js';
export { IndexError, type IndexErrorReason } from './errors.js';
export {
  buildPoolIndex,
  embedTexts,
  loadPoolIndex,
  type PoolEmbeddingInfo,
  PoolIndex,
  type PoolIndexContext,
  savePoolIndex,
} from './pool-index.js';
export {
  DEFAULT_RETRIEVE_TOP_K,
  DEFAULT_SEMANTIC_WEIGHT,
  type RetrievedCandidate,
  type RetrieveOptions,
  retrieveCandidates,
} from './retrieve-candidates.js';
export { jobSearchText, profileSearchText } from './search-text.js';
export {
  type VectorHit,
  VectorIndex,
  type VectorIndexExpectation,
  type VectorIndexLoadOptions,
  type VectorIndexOptions,
} from './vector-index.js';
