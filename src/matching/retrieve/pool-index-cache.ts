import type { CandidateProfile } from '../../domain/candidate.js';
import type { EmbeddingModel, Usage } from '../../providers/spec.js';
import { buildPoolIndex, type PoolIndex } from './pool-index.js';
import { profileSearchText } from './search-text.js';

/**
 * The pool index built for a plain array of profiles, kept for the next call with the same array.
 *
 * `rankCandidates(job, profiles[])` and `retrieveCandidates(job, profiles[])` need a `PoolIndex` (BM25 and,
 * with an embedding model, every profile embedded): 3 s of CPU at 10,000 profiles with local embeddings.
 * Ranking several job orders against the same array reuses it instead.
 *
 * - Keyed by the array's identity (a `WeakMap`: the index goes when the array does) and by the embedding
 *   model (`provider/modelId/dimensions`, or none), like a saved index.
 * - Checked on every use: same length, the same profile objects in the same order, and for each one the same
 *   fields that make its search text (headline, experiences, skills, certifications, licences, education,
 *   languages, and the name, e-mail and town left out of it). A profile changed in place, added, removed or
 *   replaced rebuilds the index. The check reads fields, it does not redo the text: ~10 ms at 10,000.
 * - Only a finished build is kept: two concurrent first calls both build.
 *
 * For pools that live longer than a process, or to control when embedding happens, build a `PoolIndex`
 * (`buildPoolIndex`, `savePoolIndex`) and pass it instead of the array.
 */
interface CachedPool {
  members: CandidateProfile[];
  keys: string[];
  index: PoolIndex;
}

const cache = new WeakMap<readonly CandidateProfile[], Map<string, CachedPool>>();

/** Everything `profileSearchText` reads, raw: equal keys give equal search texts. */
function searchInputKey(profile: CandidateProfile): string {
  const parts: unknown[] = [
    profile.headline,
    profile.name,
    profile.email,
    profile.location?.city,
    profile.source.language,
    profile.drivingLicences,
  ];
  for (const experience of profile.experiences)
    parts.push(experience.title, experience.occupation?.label, experience.description);
  for (const skill of profile.skills) parts.push(skill.name, skill.normalized);
  for (const certification of profile.certifications) parts.push(certification.code, certification.label);
  for (const education of profile.education) parts.push(education.degree);
  for (const language of profile.languages) parts.push(language.name);
  return JSON.stringify(parts);
}

function modelKey(model: EmbeddingModel | undefined): string {
  return model ? `${model.provider}/${model.modelId}/${model.dimensions}` : '';
}

export interface CachedPoolIndexOptions {
  embeddingModel?: EmbeddingModel;
  signal?: AbortSignal;
  onUsage?: (usage: Usage) => void;
  /** Leave out profiles whose search text is empty (nothing to embed). Part of the cache key. */
  skipEmptyText?: boolean;
}

/** The pool index of `profiles`, from the cache when they have not changed since it was built. */
export async function cachedPoolIndex(
  profiles: CandidateProfile[],
  options: CachedPoolIndexOptions = {},
): Promise<PoolIndex> {
  const key = `${modelKey(options.embeddingModel)}|${options.skipEmptyText ? 'skip-empty' : 'all'}`;
  const keys = profiles.map(searchInputKey);
  const entries = cache.get(profiles);
  const hit = entries?.get(key);
  if (
    hit &&
    hit.members.length === profiles.length &&
    hit.members.every(
      (member, position) => member === profiles[position] && hit.keys[position] === keys[position],
    )
  ) {
    return hit.index;
  }
  const members = [...profiles];
  const indexed = options.skipEmptyText
    ? members.filter((profile) => profileSearchText(profile).trim().length > 0)
    : members;
  const index = await buildPoolIndex(indexed, {
    ...(options.embeddingModel ? { embeddingModel: options.embeddingModel } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onUsage ? { onUsage: options.onUsage } : {}),
  });
  const updated = entries ?? new Map<string, CachedPool>();
  updated.set(key, { members, keys, index });
  cache.set(profiles, updated);
  return index;
}
