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
  /** `put` for many profiles in four statements (inside `store.transaction`: one commit); returns how many. */
  putMany(pool: string, inputs: readonly ProfileInput[]): Promise<number>;
  get(pool: string, id: string): Promise<StoredProfile | null>;
  /** Profiles of a pool, sorted by id. */
  list(pool: string): Promise<CandidateProfile[]>;
  count(pool: string): Promise<number>;
  /** Source hashes already stored in the pool (for incremental adds). */
  sourceHashes(pool: string): Promise<Set<string>>;
  /** Profiles and their vectors for `model` (`provider/modelId`), read from one snapshot. */
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

/** Runs reads that must see one snapshot (a repeatable-read transaction, or the caller's transaction). */
export type SnapshotRunner = <T>(run: (sql: SqlExecutor) => Promise<T>) => Promise<T>;

export function createProfileRepository(
  sql: SqlExecutor,
  codec: VectorCodec,
  snapshot: SnapshotRunner = (run) => run(sql),
): ProfileRepository {
  const readVector = (row: { dimensions: number; vector: string }) =>
    codec.decode(row.vector, row.dimensions);
  /** At most four statements per batch, whatever its size: the rows travel as JSON array parameters. */
  const putMany = async (pool: string, inputs: readonly ProfileInput[]): Promise<number> => {
    assertPoolName(pool);
    if (inputs.length === 0) return 0;
    const rows = new Map<string, { input: ProfileInput; profile: CandidateProfile; at: string }>();
    for (const input of inputs) {
      const profile = validate(candidateProfileSchema, input.profile, `profile ${input.profile?.id ?? ''}`);
      // The same id twice in one batch: the last one wins (one statement cannot update a row twice).
      rows.set(profile.id, { input, profile, at: toDate(input.at).toISOString() });
    }
    const entries = [...rows.values()];
    // Each statement gets only the JSON it reads: PostgreSQL parses a jsonb parameter whole.
    const earliest = entries.map((entry) => entry.at).sort()[0];
    // No update of the pool row here: rewriting one row per profile piles up row versions in a batch.
    await sql.query(
      'INSERT INTO pools (name, created_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (name) DO NOTHING',
      [pool, earliest],
    );
    const replaced = entries.filter((entry) => entry.input.sourcePath);
    if (replaced.length > 0) {
      // A new version of a file replaces the profile that file gave before.
      await sql.query(
        `DELETE FROM profiles p USING jsonb_array_elements($2::jsonb) AS x
          WHERE p.pool = $1 AND p.source_path = x->>'path' AND p.id <> x->>'id'`,
        [pool, json(replaced.map((entry) => ({ id: entry.profile.id, path: entry.input.sourcePath })))],
      );
    }
    await sql.query(
      `INSERT INTO profiles (pool, id, source_hash, source_path, profile, warnings, created_at, updated_at, last_activity_at)
       SELECT $1, x->'profile'->>'id', x->>'hash', x->>'path', x->'profile', x->'profile'->'warnings',
              (x->>'at')::timestamptz, (x->>'at')::timestamptz, (x->>'at')::timestamptz
         FROM jsonb_array_elements($2::jsonb) AS x
       ON CONFLICT (pool, id) DO UPDATE SET source_hash = EXCLUDED.source_hash, source_path = EXCLUDED.source_path,
         profile = EXCLUDED.profile, warnings = EXCLUDED.warnings, updated_at = EXCLUDED.updated_at,
         last_activity_at = EXCLUDED.last_activity_at`,
      [
        pool,
        json(
          entries.map((entry) => ({
            profile: entry.profile,
            hash: entry.input.sourceHash,
            path: entry.input.sourcePath ?? null,
            at: entry.at,
          })),
        ),
      ],
    );
    const embedded = entries.filter((entry) => entry.input.embedding);
    if (embedded.length > 0) {
      await sql.query(
        `INSERT INTO embeddings (pool, profile_id, model, dimensions, input_text, vector, created_at)
         SELECT $1, x->>'id', x->>'model', (x->>'dimensions')::int, x->>'input', ${codec.fromText("x->>'vector'")},
                (x->>'at')::timestamptz
           FROM jsonb_array_elements($2::jsonb) AS x
         ON CONFLICT (pool, profile_id, model) DO UPDATE SET dimensions = EXCLUDED.dimensions,
           input_text = EXCLUDED.input_text, vector = EXCLUDED.vector, created_at = EXCLUDED.created_at`,
        [
          pool,
          json(
            embedded.map(({ profile, input, at }) => ({
              id: profile.id,
              model: input.embedding?.model,
              input: input.embedding?.input,
              dimensions: input.embedding?.vector.length,
              vector: input.embedding ? codec.encode(input.embedding.vector) : null,
              at,
            })),
          ),
        ],
      );
    }
    return rows.size;
  };
  return {
    put: async (pool, input) => {
      await putMany(pool, [input]);
    },
    putMany,
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
    load: (pool, model) =>
      // Two reads in one snapshot, joined here: no join plan to get wrong (PGlite never gathers statistics).
      snapshot(async (reader) => {
        const profiles = (
          await reader.query<{ profile: CandidateProfile }>('SELECT profile FROM profiles WHERE pool = $1', [
            pool,
          ])
        ).map((row) => row.profile);
        const vectors = new Map<string, StoredVector>();
        if (model !== null) {
          const rows = await reader.query<{
            profile_id: string;
            input_text: string;
            dimensions: number;
            vector: string;
          }>(
            `SELECT profile_id, input_text, dimensions, ${codec.select('vector')} AS vector FROM embeddings
              WHERE pool = $1 AND model = $2`,
            [pool, model],
          );
          for (const row of rows)
            vectors.set(row.profile_id, { model, input: row.input_text, vector: readVector(row) });
        }
        return { profiles: profiles.sort(byId), vectors };
      }),
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
          `SELECT profile_id, 1 - (vector <=> ${codec.fromText('$3')}) AS score FROM embeddings
            WHERE pool = $1 AND model = $2
            ORDER BY vector <=> ${codec.fromText('$3')}, profile_id LIMIT $4`,
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
