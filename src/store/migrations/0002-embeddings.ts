import type { VectorStorage } from '../vector-codec.js';

/**
 * Migration 2: embedding vectors, one row per profile and embedding model. With pgvector the vector is a
 * `vector` column (nearest-neighbour queries run in SQL); without it, `bytea` holding the Float32 values
 * little-endian (scanned in process by the SIMD `VectorIndex`). `input_text` is the text that was
 * embedded (work fields only, `profileSearchText`): a vector whose text no longer matches is not reused.
 */
export function embeddingsMigration(storage: VectorStorage): string {
  const column =
    storage === 'pgvector'
      ? 'vector vector NOT NULL CHECK (vector_dims(vector) = dimensions)'
      : 'vector bytea NOT NULL CHECK (octet_length(vector) = 4 * dimensions)';
  return `
${storage === 'pgvector' ? 'CREATE EXTENSION IF NOT EXISTS vector;' : ''}
CREATE TABLE embeddings (
  pool text NOT NULL,
  profile_id text NOT NULL,
  model text NOT NULL,
  dimensions integer NOT NULL CHECK (dimensions > 0),
  input_text text NOT NULL,
  ${column},
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pool, profile_id, model),
  FOREIGN KEY (pool, profile_id) REFERENCES profiles (pool, id) ON DELETE CASCADE
);
INSERT INTO store_settings (key, value) VALUES ('vectors', '"${storage}"');
`;
}
