import { type CandidateProfile, candidateProfileSchema } from '../../domain/candidate.js';
import { ProviderError, ValidationError } from '../../errors.js';
import type { EmbeddingModel, Usage } from '../../providers/spec.js';
import { limitConcurrency } from '../../support/limit-concurrency.js';
import type { TextLanguage } from '../../text/index.js';
import { openBinaryFile, writeBinaryFile } from './binary-file.js';
import { type Bm25Index, createBm25Index } from './bm25.js';
import { createCachedTerms } from './cached-terms.js';
import { IndexError } from './errors.js';
import { profileSearchText } from './search-text.js';
import { VectorIndex } from './vector-index.js';

const MAGIC = 'CVMPOOL1';
/** Profiles embedded before they are inserted, at least (bounds memory for big pools). */
const ADD_CHUNK = 4096;
const FORMAT_VERSION = 1;

/** Which embedding model made the vectors of a pool index. */
export interface PoolEmbeddingInfo {
  provider: string;
  modelId: string;
  dimensions: number;
}

/** Context of the embedding steps. */
export interface PoolIndexContext {
  /** Without one the index is lexical only (BM25). */
  embeddingModel?: EmbeddingModel;
  /** Called after each embedding batch (and once at the end) with profiles done / total. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Called with the token usage of each embedding call. */
  onUsage?: (usage: Usage) => void;
  signal?: AbortSignal;
  /** Embedding calls in flight at once (default 4). */
  concurrency?: number;
}

function profileLanguage(profile: CandidateProfile): TextLanguage {
  return profile.source.language === 'en' ? 'en' : 'fr';
}

/**
 * Embeds `texts` with `model`, in batches of `maxInputsPerCall`, and returns one vector per text.
 * A wrong number of vectors or a wrong dimension is an error, never a silent gap.
 */
export async function embedTexts(
  texts: string[],
  model: EmbeddingModel,
  context: Omit<PoolIndexContext, 'embeddingModel'> = {},
): Promise<Float32Array[]> {
  const batchSize = Math.max(1, model.maxInputsPerCall);
  const limit = limitConcurrency(Math.max(1, context.concurrency ?? 4));
  const vectors: Float32Array[] = new Array(texts.length);
  let done = 0;
  const batches: Promise<void>[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const inputs = texts.slice(start, start + batchSize);
    batches.push(
      limit(async () => {
        context.signal?.throwIfAborted();
        const result = await model.embed({ inputs, ...(context.signal ? { signal: context.signal } : {}) });
        if (result.vectors.length !== inputs.length) {
          throw new ProviderError(
            `${model.provider}/${model.modelId} returned ${result.vectors.length} vectors for ${inputs.length} inputs`,
            { provider: model.provider },
          );
        }
        for (const [offset, vector] of result.vectors.entries()) {
          if (vector.length !== model.dimensions) {
            throw new IndexError(
              'dimensions',
              `${model.provider}/${model.modelId} returned a ${vector.length}-dimension vector, expected ${model.dimensions}`,
            );
          }
          vectors[start + offset] = vector;
        }
        context.onUsage?.(result.usage);
        done += inputs.length;
        context.onProgress?.({ done, total: texts.length });
      }),
    );
  }
  await Promise.all(batches);
  return vectors;
}

/**
 * A searchable candidate pool: the profiles, a BM25 index over their search texts and, when built
 * with an embedding model, a vector index. Ids are `CandidateProfile.id`. Vectors and BM25 always hold
 * the same ids IN THE SAME SLOTS (both are changed together, both swap-remove), so retrieval can fuse
 * their per-slot scores directly; use `add`/`remove` to change the pool incrementally.
 */
export class PoolIndex {
  readonly embedding: PoolEmbeddingInfo | null;
  readonly vectors: VectorIndex | null;
  readonly lexical: Bm25Index;
  #profiles = new Map<string, CandidateProfile>();
  #terms = createCachedTerms();

  /** Use `buildPoolIndex` or `loadPoolIndex`. */
  constructor(parts: {
    embedding: PoolEmbeddingInfo | null;
    vectors: VectorIndex | null;
    lexical?: Bm25Index;
  }) {
    this.embedding = parts.embedding;
    this.vectors = parts.vectors;
    this.lexical = parts.lexical ?? createBm25Index();
  }

  get size(): number {
    return this.#profiles.size;
  }

  has(id: string): boolean {
    return this.#profiles.has(id);
  }

  get(id: string): CandidateProfile | undefined {
    return this.#profiles.get(id);
  }

  /** Profiles in slot order (insertion order, except that `remove` moves the last profile into the gap). */
  profiles(): CandidateProfile[] {
    return this.lexical.idList.map((id) => this.#profiles.get(id) as CandidateProfile);
  }

  /**
   * Adds profiles (an existing id is replaced). Needs the same embedding model as the index when it
   * holds vectors; throws `IndexError` (`model`, `no-vectors`) otherwise. Profiles are embedded and
   * inserted in chunks of ≥ 4,096: if an embedding call fails, the chunks before it stay added.
   */
  async add(profiles: CandidateProfile[], context: PoolIndexContext = {}): Promise<void> {
    const seen = new Set<string>();
    for (const profile of profiles) {
      if (seen.has(profile.id)) {
        throw new ValidationError(`profile ${profile.id} appears twice`, {
          issues: [{ path: ['id'], message: `duplicate id ${profile.id}` }],
        });
      }
      seen.add(profile.id);
    }
    const model = context.embeddingModel;
    if (this.embedding) {
      if (!model) {
        throw new IndexError(
          'no-vectors',
          'this pool index holds vectors: adding profiles needs its embedding model',
        );
      }
      assertSameModel(this.embedding, model, null);
    } else if (model) {
      throw new IndexError(
        'no-vectors',
        'this pool index is lexical only: it cannot take an embedding model',
      );
    }
    // Embed and insert chunk by chunk so memory holds one chunk of loose vectors, not the whole pool's.
    const total = profiles.length;
    const chunkSize = model
      ? Math.max(ADD_CHUNK, model.maxInputsPerCall * (context.concurrency ?? 4))
      : total;
    for (let start = 0; start < total; start += chunkSize) {
      const chunk = profiles.slice(start, start + chunkSize);
      const texts = chunk.map(profileSearchText);
      const vectors = model
        ? await embedTexts(texts, model, {
            ...context,
            onProgress: ({ done }) => context.onProgress?.({ done: start + done, total }),
          })
        : null;
      context.signal?.throwIfAborted();
      for (const [position, profile] of chunk.entries()) {
        // Replacing: remove first from both indexes so their slots stay aligned.
        this.remove(profile.id);
        const vector = vectors?.[position];
        // A profile with nothing to embed (its vector is all zeros) keeps an empty row: it is still found by
        // its words, and has no semantic score.
        if (vector) this.vectors?.add(profile.id, isUsableVector(vector) ? vector : null);
        this.lexical.addTerms(profile.id, this.#terms(texts[position] as string, profileLanguage(profile)));
        this.#profiles.set(profile.id, profile);
      }
      if (!model) context.onProgress?.({ done: start + chunk.length, total });
    }
  }

  /**
   * @internal Adds profiles whose vectors are already in `vectors` (loading a saved index).
   * Throws `IndexError` `corrupt` when vectors and profiles disagree.
   */
  restoreProfiles(profiles: CandidateProfile[], file: string): void {
    if (this.vectors && this.vectors.size !== profiles.length) {
      throw new IndexError(
        'corrupt',
        `${file}: ${this.vectors.size} vectors for ${profiles.length} profiles`,
        { file },
      );
    }
    for (const [slot, profile] of profiles.entries()) {
      if (this.#profiles.has(profile.id))
        throw new IndexError('corrupt', `${file}: duplicate profile ${profile.id}`, { file });
      // Profiles are saved in slot order: BM25 gets the same slots as the loaded vectors.
      if (this.vectors && this.vectors.idAt(slot) !== profile.id) {
        throw new IndexError(
          'corrupt',
          `${file}: profile ${profile.id} is not the one of vector slot ${slot}`,
          { file },
        );
      }
      this.lexical.addTerms(profile.id, this.#terms(profileSearchText(profile), profileLanguage(profile)));
      this.#profiles.set(profile.id, profile);
    }
  }

  /**
   * Whether the profile has a usable embedding. False in a lexical-only index, and for a profile whose
   * text gave no vector (empty or unreadable fields): retrieval gives it no semantic score.
   */
  hasVector(id: string): boolean {
    return this.vectors?.hasVector(id) ?? false;
  }

  /** Removes a profile from the vectors, BM25 and the profile list. Returns whether it was there. */
  remove(id: string): boolean {
    if (!this.#profiles.delete(id)) return false;
    this.vectors?.remove(id);
    this.lexical.remove(id);
    return true;
  }
}

/** A vector that can be normalised: finite values, not all zeros. */
export function isUsableVector(vector: ArrayLike<number>): boolean {
  let norm = 0;
  for (let index = 0; index < vector.length; index++) norm += (vector[index] as number) ** 2;
  return Number.isFinite(norm) && norm > 0;
}

/** Throws `IndexError` when `model` is not the model that made the index's vectors. */
export function assertSameModel(
  embedding: PoolEmbeddingInfo,
  model: EmbeddingModel,
  file: string | null,
): void {
  if (embedding.modelId !== model.modelId || embedding.provider !== model.provider) {
    throw new IndexError(
      'model',
      `pool index vectors come from ${embedding.provider}/${embedding.modelId}, not ${model.provider}/${model.modelId}`,
      { file },
    );
  }
  if (embedding.dimensions !== model.dimensions) {
    throw new IndexError(
      'dimensions',
      `pool index has ${embedding.dimensions} dimensions, model ${model.dimensions}`,
      {
        file,
      },
    );
  }
}

/**
 * Builds a pool index: search texts (`profileSearchText`), BM25 and, with `embeddingModel`, the
 * vectors (embedded in batches of the model's `maxInputsPerCall`). Duplicate ids are a `ValidationError`.
 */
export async function buildPoolIndex(
  profiles: CandidateProfile[],
  context: PoolIndexContext = {},
): Promise<PoolIndex> {
  const model = context.embeddingModel;
  const embedding = model
    ? { provider: model.provider, modelId: model.modelId, dimensions: model.dimensions }
    : null;
  const index = new PoolIndex({
    embedding,
    vectors: model
      ? new VectorIndex({
          dimensions: model.dimensions,
          modelId: model.modelId,
          provider: model.provider,
          initialCapacity: Math.max(1, profiles.length),
        })
      : null,
  });
  await index.add(profiles, context);
  return index;
}

function encodeProfiles(profiles: CandidateProfile[]): Uint8Array {
  const chunks = profiles.map((profile) => Buffer.from(`${JSON.stringify(profile)}\n`, 'utf8'));
  return Buffer.concat(chunks);
}

function decodeProfiles(bytes: Uint8Array, file: string): CandidateProfile[] {
  const profiles: CandidateProfile[] = [];
  const decoder = new TextDecoder();
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    line++;
    const text = decoder.decode(bytes.subarray(start, end));
    start = end + 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new IndexError('corrupt', `${file}: profile line ${line} is not JSON`, { file, cause: error });
    }
    const parsed = candidateProfileSchema.safeParse(value);
    if (!parsed.success) {
      throw new IndexError('corrupt', `${file}: profile line ${line} is not a valid profile`, {
        file,
        cause: parsed.error,
      });
    }
    profiles.push(parsed.data);
  }
  return profiles;
}

/**
 * Saves the pool to one binary file: JSON header (format version, embedding model, ids), the profiles
 * as JSONL (so `cvmatch match --index` needs no CVs) and the raw Float32 vectors. BM25 is rebuilt on load.
 */
export async function savePoolIndex(index: PoolIndex, file: string): Promise<void> {
  const profiles = index.profiles();
  const sections = [{ name: 'profiles', bytes: encodeProfiles(profiles) }];
  if (index.vectors) sections.push({ name: 'vectors', bytes: index.vectors.rawBytes() });
  await writeBinaryFile(
    file,
    MAGIC,
    {
      format: 'cvmatch-pool-index',
      version: FORMAT_VERSION,
      embedding: index.embedding,
      count: profiles.length,
      vectorIds: index.vectors?.idList ?? null,
    },
    sections,
  );
}

/**
 * Loads a file written by `savePoolIndex`. With `embeddingModel`, checks the vectors come from that
 * model (`IndexError` `model`/`dimensions`/`no-vectors` otherwise). Corrupt files: `IndexError` `corrupt`.
 */
export async function loadPoolIndex(
  file: string,
  options: { embeddingModel?: EmbeddingModel } = {},
): Promise<PoolIndex> {
  const reader = await openBinaryFile(file, MAGIC);
  try {
    const { header } = reader;
    if (header.version !== FORMAT_VERSION) {
      throw new IndexError(
        'version',
        `${file}: pool index format ${String(header.version)}, this cvmatch reads ${FORMAT_VERSION}`,
        {
          file,
        },
      );
    }
    const embedding = (header.embedding ?? null) as PoolEmbeddingInfo | null;
    if (options.embeddingModel) {
      if (!embedding)
        throw new IndexError('no-vectors', `${file} is a lexical-only index (built without embeddings)`, {
          file,
        });
      assertSameModel(embedding, options.embeddingModel, file);
    }
    const profiles = decodeProfiles(await reader.readSection('profiles'), file);
    let vectors: VectorIndex | null = null;
    if (embedding) {
      const ids = header.vectorIds;
      vectors = VectorIndex.fromHeader(
        {
          version: 1,
          modelId: embedding.modelId,
          provider: embedding.provider,
          dimensions: embedding.dimensions,
          count: Array.isArray(ids) ? ids.length : -1,
          ids,
        },
        file,
        {},
      );
      await reader.readSection('vectors', vectors.rawBytesForLoad());
    }
    const index = new PoolIndex({ embedding, vectors });
    index.restoreProfiles(profiles, file);
    return index;
  } finally {
    await reader.close();
  }
}
