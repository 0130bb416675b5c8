import type { CandidateProfile } from '../domain/candidate.js';
import type { JobOrder, JobOrderInput } from '../domain/job-order.js';
import type { MatchResult } from '../domain/match.js';
import { type RankCandidatesOptions, rankCandidates } from '../matching/rank-candidates.js';
import { profileSearchText } from '../matching/retrieve/index.js';
import type { EmbeddingModel } from '../providers/spec.js';
import { StoreError } from './errors.js';
import type { StoreRepositories } from './open-store.js';
import { modelKey } from './profile-repository.js';
import { createStoredEmbeddingModel } from './stored-embedding-model.js';

/** A stored pool ready for `rankCandidates`. */
export interface StoredPool {
  /** Every profile of the pool, sorted by id. */
  profiles: CandidateProfile[];
  /** The given model, answering from the stored vectors (absent when no model was given). */
  embeddingModel?: EmbeddingModel;
  /** Profiles whose stored vector for this model was used. */
  reused: number;
  /** Profiles with work text but no usable stored vector (another model, or text changed): embedded now. */
  toEmbed: number;
}

/**
 * Loads a pool from the store for ranking, in one read (one snapshot, so a concurrent `pool add` is
 * seen whole or not at all). With `embeddingModel`, the vectors stored for that model are reused when
 * they were made from the profile's current search text. `StoreError('not-found')` for an unknown pool.
 */
export async function loadStoredPool(
  store: StoreRepositories,
  pool: string,
  options: { embeddingModel?: EmbeddingModel } = {},
): Promise<StoredPool> {
  const model = options.embeddingModel;
  const loaded = await store.profiles.load(pool, model ? modelKey(model) : null);
  if (loaded.profiles.length === 0 && (await store.pools.get(pool)) === null) {
    throw new StoreError('not-found', `no pool named "${pool}" in the store`);
  }
  if (!model) return { profiles: loaded.profiles, reused: 0, toEmbed: 0 };
  const byText = new Map<string, Float32Array>();
  let toEmbed = 0;
  let reused = 0;
  for (const profile of loaded.profiles) {
    const text = profileSearchText(profile);
    if (text.trim().length === 0) continue;
    const stored = loaded.vectors.get(profile.id);
    if (stored && stored.input === text && stored.vector.length === model.dimensions) {
      byText.set(text, stored.vector);
      reused++;
    } else toEmbed++;
  }
  return {
    profiles: loaded.profiles,
    embeddingModel: createStoredEmbeddingModel(model, byText),
    reused,
    toEmbed,
  };
}

/**
 * Ranks a stored pool for a job order without re-parsing or re-embedding it: the same results as
 * `rankCandidates(job, profiles, options)` on the same profiles read from files.
 */
export async function rankStoredPool(
  store: StoreRepositories,
  job: JobOrderInput | JobOrder,
  pool: string,
  options: RankCandidatesOptions = {},
): Promise<MatchResult[]> {
  const loaded = await loadStoredPool(
    store,
    pool,
    options.embeddingModel ? { embeddingModel: options.embeddingModel } : {},
  );
  return rankCandidates(job, loaded.profiles, {
    ...options,
    ...(loaded.embeddingModel ? { embeddingModel: loaded.embeddingModel } : {}),
  });
}
