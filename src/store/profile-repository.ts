import { type CandidateProfile, candidateProfileSchema } from '../domain/candidate.js';
import { type VectorHit, VectorIndex } from '../matching/retrieve/index.js';
import { StoreError } from './errors.js';
import { assertPoolName } from './pool-repository.js';
import { isoTime, json, toDate, validate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';
import type { VectorCodec } from './vector-codec.js';

/** An embedding model as the store names it: `provider/modelId`. */
export function modelKey(model: { provider: string; modelId: string }): string {
  return `${model.provider}/${model.modelId}`;
}

/** The vector of one profile for one embedding model, with the text that was embedded. */
export interface StoredVector {
  /** `provider/modelId`, see `modelKey`. */
  model: string;
  /** The embedded text (`profileSearchText`: work fields only). */
  input: string;
  vector: Float32Array;
}

/** What `profiles.put` stores. */
export interface ProfileInput {
  profile: CandidateProfile;
  /** SHA-256 (hex) of the source file's bytes (or of the JSON line): unchanged sources are skipped. */
  sourceHash: string;
  /** Where the profile came from. A new profile from the same path replaces the old one in the pool. */
  sourcePath?: string | null;
  embedding?: StoredVector | null;
  /** Default: now. */
  at?: Date | string;
}

/** A stored profile with its bookkeeping columns. */
export interface StoredProfile {
  pool: string;
  profile: CandidateProfile;
  sourceHash: string;
  sourcePath: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

/** A pool loaded for ranking: profiles sorted by id, and the vectors stored for one model. */
export interface LoadedPool {
  profiles: CandidateProfile[];
  vectors: Map<string, StoredVector>;
}

export interface ProfileRepository {
  /** Inserts or replaces one profile (and its vector), creating the pool if needed. Validates the profile. */
  put(pool: string, input: ProfileInput): Promise<void>;
  get(pool: string, id: string): Promise<StoredProfile | null>;
  /** Profiles of a pool, sorted by id. */
  list(pool: string): Promise<CandidateProfile[]>;
  count(pool: string): Promise<number>;
  /** Source hashes already stored in the pool (for incremental adds). */
  sourceHashes(pool: string): Promise<Set<string>>;
  /** Profiles and their vectors for `model` (`provider/modelId`), read in one statement (one snapshot). */
  load(pool: string, model: string | null): Promise<LoadedPool>;
  remove(pool: string, id: string): Promise<boolean>;
  /** Moves the retention clock: the candidate was contacted or updated at `at` (default now). */
  touch(pool: string, id: string, at?: Date | string): Promise<void>;
  /**
   * The `k` profiles whose vectors for `model` are nearest to `vector` (cosine), best first, ties by id.
   * In SQL with pgvector; otherwise the pool's vectors are scanned in process (SIMD `VectorIndex`).
   */
  nearest(pool: string, model: string, vector: Float32Array, k: number): Promise<VectorHit[]>;
}

interface ProfileRow {
  pool: string;
  profile: CandidateProfile;
  source_hash: string;
  source_path: string | null;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
}

export function createProfileRepository(sql: SqlExecutor, codec: VectorCodec): ProfileRepository {
  const readVector = (row: { dimensions: number; vector: string }) =>
    codec.decode(row.vector, row.dimensions);
  return {
    put: async (pool, input) => {
      assertPoolName(pool);
      const profile = validate(candidateProfileSchema, input.profile, `profile ${input.profile?.id ?? ''}`);
      const at = toDate(input.at);
      await sql.query(
        `INSERT INTO pools (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET updated_at = $2`,
        [pool, at],
      );
      if (input.sourcePath) {
        await sql.query('DELETE FROM profiles WHERE pool = $1 AND source_path = $2 AND id <> $3', [
          pool,
          input.sourcePath,
          profile.id,
        ]);
      }
      await sql.query(
        `INSERT INTO profiles (pool, id, source_hash, source_path, profile, warnings, created_at, updated_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $7, $7)
         ON CONFLICT (pool, id) DO UPDATE SET source_hash = EXCLUDED.source_hash, source_path = EXCLUDED.source_path,
           profile = EXCLUDED.profile, warnings = EXCLUDED.warnings, updated_at = EXCLUDED.updated_at,
           last_activity_at = EXCLUDED.last_activity_at`,
        [
          pool,
          profile.id,
          input.sourceHash,
          input.sourcePath ?? null,
          json(profile),
          json(profile.warnings),
          at,
        ],
      );
      const embedding = input.embedding;
      if (embedding) {
        await sql.query(
          `INSERT INTO embeddings (pool, profile_id, model, dimensions, input_text, vector, created_at)
           VALUES ($1, $2, $3, $4, $5, ${codec.param('$6')}, $7)
           ON CONFLICT (pool, profile_id, model) DO UPDATE SET dimensions = EXCLUDED.dimensions,
             input_text = EXCLUDED.input_text, vector = EXCLUDED.vector, created_at = EXCLUDED.created_at`,
          [
            pool,
            profile.id,
            embedding.model,
            embedding.vector.length,
            embedding.input,
            codec.encode(embedding.vector),
            at,
          ],
        );
      }
    },
    get: async (pool, id) => {
      const [row] = await sql.query<ProfileRow>('SELECT * FROM profiles WHERE pool = $1 AND id = $2', [
        pool,
        id,
      ]);
      if (!row) return null;
      return {
        pool: row.pool,
        profile: row.profile,
        sourceHash: row.source_hash,
        sourcePath: row.source_path,
        createdAt: isoTime(row.created_at),
        updatedAt: isoTime(row.updated_at),
        lastActivityAt: isoTime(row.last_activity_at),
      };
    },
    list: async (pool) => {
      const rows = await sql.query<{ profile: CandidateProfile }>(
        'SELECT profile FROM profiles WHERE pool = $1',
        [pool],
      );
      return rows.map((row) => row.profile).sort(byId);
    },
    count: async (pool) => {
      const [row] = await sql.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM profiles WHERE pool = $1',
        [pool],
      );
      return row?.count ?? 0;
    },
    sourceHashes: async (pool) => {
      const rows = await sql.query<{ source_hash: string }>(
        'SELECT source_hash FROM profiles WHERE pool = $1',
        [pool],
      );
      return new Set(rows.map((row) => row.source_hash));
    },
    load: async (pool, model) => {
      const rows = await sql.query<{
        profile: CandidateProfile;
        input_text: string | null;
        dimensions: number | null;
        vector: string | null;
      }>(
        `SELECT p.profile, e.input_text, e.dimensions, ${codec.select('e.vector')} AS vector
           FROM profiles p
           LEFT JOIN embeddings e ON e.pool = p.pool AND e.profile_id = p.id AND e.model = $2
          WHERE p.pool = $1`,
        [pool, model],
      );
      const vectors = new Map<string, StoredVector>();
      const profiles: CandidateProfile[] = [];
      for (const row of rows) {
        profiles.push(row.profile);
        if (model !== null && row.vector !== null && row.dimensions !== null && row.input_text !== null) {
          vectors.set(row.profile.id, {
            model,
            input: row.input_text,
            vector: readVector({ dimensions: row.dimensions, vector: row.vector }),
          });
        }
      }
      return { profiles: profiles.sort(byId), vectors };
    },
    remove: async (pool, id) =>
      (await sql.query('DELETE FROM profiles WHERE pool = $1 AND id = $2 RETURNING id', [pool, id])).length >
      0,
    touch: async (pool, id, at) => {
      const rows = await sql.query(
        'UPDATE profiles SET last_activity_at = greatest(last_activity_at, $3) WHERE pool = $1 AND id = $2 RETURNING id',
        [pool, id, toDate(at)],
      );
      if (rows.length === 0) throw new StoreError('not-found', `no profile ${id} in pool ${pool}`);
    },
    nearest: async (pool, model, vector, k) => {
      const limit = Math.max(0, Math.floor(k));
      if (codec.storage === 'pgvector') {
        const rows = await sql.query<{ profile_id: string; score: number }>(
          `SELECT profile_id, 1 - (vector <=> ${codec.param('$3')}) AS score FROM embeddings
            WHERE pool = $1 AND model = $2
            ORDER BY vector <=> ${codec.param('$3')}, profile_id LIMIT $4`,
          [pool, model, codec.encode(vector), limit],
        );
        return rows.map((row) => ({ id: row.profile_id, score: Number(row.score) }));
      }
      const rows = await sql.query<{ profile_id: string; dimensions: number; vector: string }>(
        `SELECT profile_id, dimensions, ${codec.select('vector')} AS vector FROM embeddings
          WHERE pool = $1 AND model = $2 ORDER BY profile_id`,
        [pool, model],
      );
      if (rows.length === 0) return [];
      const index = new VectorIndex({
        dimensions: vector.length,
        modelId: model,
        initialCapacity: rows.length,
      });
      for (const row of rows) index.add(row.profile_id, readVector(row));
      return index.search(vector, limit);
    },
  };
}

function byId(a: CandidateProfile, b: CandidateProfile): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
