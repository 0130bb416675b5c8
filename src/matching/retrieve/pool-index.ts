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
/**
 * 2: BM25 documents stored (terms and counts), so loading tokenises nothing, and profiles decoded when first
 * read. 1 (BM25 rebuilt from the profiles on load) is refused with a message saying to rebuild.
 */
const FORMAT_VERSION = 2;

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
  /**
   * Threads an exact vector search may use (default 1): with 2 or `'auto'` (one per core), searches over at least
   * 16,384 vectors are spread over worker threads sharing the vectors' memory, with results identical to one
   * thread. Call `close()` on the index to stop them (they never keep a process alive).
   */
  searchThreads?: number | 'auto';
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
  /** Loaded and not read yet: the profile's JSON line from the index file, decoded by `get` (see loadPoolIndex). */
  #encoded = new Map<string, { line: Uint8Array; file: string }>();
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
    return this.#profiles.size + this.#encoded.size;
  }

  has(id: string): boolean {
    return this.#profiles.has(id) || this.#encoded.has(id);
  }

  /** Stops the vector search's worker threads, if `searchThreads` started any; searching afterwards uses one thread. */
  async close(): Promise<void> {
    await this.vectors?.close();
  }

  /**
   * The profile with this id. In a loaded index each profile is decoded and validated on its first read
   * (`IndexError` `corrupt` if its line is damaged), so ranking a big pool decodes only the shortlist.
   */
  get(id: string): CandidateProfile | undefined {
    const profile = this.#profiles.get(id);
    if (profile !== undefined) return profile;
    const encoded = this.#encoded.get(id);
    if (encoded === undefined) return undefined;
    const decoded = decodeProfile(encoded.line, encoded.file, id);
    this.#encoded.delete(id);
    this.#profiles.set(id, decoded);
    return decoded;
  }

  /** Profiles in slot order (insertion order, except that `remove` moves the last profile into the gap). */
  profiles(): CandidateProfile[] {
    return this.lexical.idList.map((id) => this.get(id) as CandidateProfile);
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
   * Whether the profile has a usable embedding. False in a lexical-only index, and for a profile whose
   * text gave no vector (empty or unreadable fields): retrieval gives it no semantic score.
   */
  hasVector(id: string): boolean {
    return this.vectors?.hasVector(id) ?? false;
  }

  /**
   * @internal Restores a saved index (`loadPoolIndex`): BM25 documents as stored, and each profile's JSON
   * line, decoded when first read. `ids` are in slot order, the same as the vectors'.
   */
  restoreEncoded(
    ids: readonly string[],
    lines: Uint8Array[],
    lexical: { terms: string[]; documents: Uint32Array },
    file: string,
  ): void {
    if (lines.length !== ids.length || (this.vectors && this.vectors.size !== ids.length)) {
      throw new IndexError(
        'corrupt',
        `${file}: ${ids.length} ids, ${lines.length} profiles, ${this.vectors?.size ?? 'no'} vectors`,
        { file },
      );
    }
    for (const [slot, id] of ids.entries()) {
      if (this.has(id)) throw new IndexError('corrupt', `${file}: duplicate profile ${id}`, { file });
      if (this.vectors && this.vectors.idAt(slot) !== id) {
        throw new IndexError('corrupt', `${file}: profile ${id} is not the one of vector slot ${slot}`, {
          file,
        });
      }
      this.#encoded.set(id, { line: lines[slot] as Uint8Array, file });
    }
    try {
      this.lexical.importDocuments(ids, lexical.terms, lexical.documents);
    } catch (error) {
      throw new IndexError('corrupt', `${file}: damaged BM25 section`, { file, cause: error });
    }
  }

  /** Removes a profile from the vectors, BM25 and the profile list. Returns whether it was there. */
  remove(id: string): boolean {
    if (!this.#profiles.delete(id) && !this.#encoded.delete(id)) return false;
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
          ...(context.searchThreads !== undefined ? { threads: context.searchThreads } : {}),
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

/** The profile lines of the `profiles` section (JSONL), as views into it, not decoded. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    if (end > start) lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return lines;
}

const decoder = new TextDecoder();

/** Decodes and validates one saved profile; `IndexError` `corrupt` when it is damaged or not `id`'s. */
function decodeProfile(line: Uint8Array, file: string, id: string): CandidateProfile {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(line));
  } catch (error) {
    throw new IndexError('corrupt', `${file}: the profile of ${id} is not JSON`, { file, cause: error });
  }
  const parsed = candidateProfileSchema.safeParse(value);
  if (!parsed.success) {
    throw new IndexError('corrupt', `${file}: the profile of ${id} is not a valid profile`, {
      file,
      cause: parsed.error,
    });
  }
  if (parsed.data.id !== id) {
    throw new IndexError('corrupt', `${file}: profile ${parsed.data.id} stored where ${id} should be`, {
      file,
    });
  }
  return parsed.data;
}

/** BM25 documents as little-endian uint32 bytes (the file format does not depend on the machine). */
function encodeUint32(values: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++)
    view.setUint32(index * 4, values[index] as number, true);
  return bytes;
}

function decodeUint32(bytes: Uint8Array, file: string): Uint32Array {
  if (bytes.length % 4 !== 0) throw new IndexError('corrupt', `${file}: damaged BM25 section`, { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Uint32Array(bytes.length / 4);
  for (let index = 0; index < values.length; index++) values[index] = view.getUint32(index * 4, true);
  return values;
}

/**
 * Saves the pool to one binary file: JSON header (format version, embedding model, ids in slot order), the
 * profiles as JSONL (so `cvmatch match --index` needs no CVs), the BM25 documents (terms and counts, so
 * loading tokenises nothing) and the raw Float32 vectors.
 */
export async function savePoolIndex(index: PoolIndex, file: string): Promise<void> {
  const profiles = index.profiles();
  const lexical = index.lexical.exportDocuments();
  const sections = [
    { name: 'profiles', bytes: encodeProfiles(profiles) },
    { name: 'lexical-terms', bytes: Buffer.from(JSON.stringify(lexical.terms), 'utf8') },
    { name: 'lexical-documents', bytes: encodeUint32(lexical.documents) },
  ];
  if (index.vectors) sections.push({ name: 'vectors', bytes: index.vectors.rawBytes() });
  await writeBinaryFile(
    file,
    MAGIC,
    {
      format: 'cvmatch-pool-index',
      version: FORMAT_VERSION,
      embedding: index.embedding,
      count: profiles.length,
      ids: index.lexical.idList,
      vectorIds: index.vectors?.idList ?? null,
    },
    sections,
  );
}

/**
 * Loads a file written by `savePoolIndex`. With `embeddingModel`, checks the vectors come from that
 * model (`IndexError` `model`/`dimensions`/`no-vectors` otherwise). Corrupt files: `IndexError` `corrupt`;
 * a file of another format version (1: written before cvmatch stored BM25): `IndexError` `version`, rebuild it.
 * Fast (~10× the file read): BM25 is read as stored and each profile is decoded when first read.
 */
export async function loadPoolIndex(
  file: string,
  options: { embeddingModel?: EmbeddingModel; searchThreads?: PoolIndexContext['searchThreads'] } = {},
): Promise<PoolIndex> {
  const reader = await openBinaryFile(file, MAGIC);
  try {
    const { header } = reader;
    if (header.version !== FORMAT_VERSION) {
      const older = typeof header.version === 'number' && header.version < FORMAT_VERSION;
      throw new IndexError(
        'version',
        `${file}: pool index format ${String(header.version)}, this cvmatch reads ${FORMAT_VERSION}` +
          (older ? ': it was written by an older cvmatch, rebuild it with `cvmatch index build`' : ''),
        { file },
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
    const ids = header.ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw new IndexError('corrupt', `${file}: header has no id list`, { file });
    }
    const lines = splitLines(await reader.readSection('profiles'));
    let terms: unknown;
    try {
      terms = JSON.parse(decoder.decode(await reader.readSection('lexical-terms')));
    } catch (error) {
      throw new IndexError('corrupt', `${file}: damaged BM25 terms`, { file, cause: error });
    }
    if (!Array.isArray(terms) || !terms.every((term) => typeof term === 'string')) {
      throw new IndexError('corrupt', `${file}: damaged BM25 terms`, { file });
    }
    const documents = decodeUint32(await reader.readSection('lexical-documents'), file);
    let vectors: VectorIndex | null = null;
    if (embedding) {
      const vectorIds = header.vectorIds;
      vectors = VectorIndex.fromHeader(
        {
          version: 1,
          modelId: embedding.modelId,
          provider: embedding.provider,
          dimensions: embedding.dimensions,
          count: Array.isArray(vectorIds) ? vectorIds.length : -1,
          ids: vectorIds,
        },
        file,
        {},
        options.searchThreads !== undefined ? { threads: options.searchThreads } : {},
      );
      await reader.readSection('vectors', vectors.rawBytesForLoad());
    }
    const index = new PoolIndex({ embedding, vectors });
    index.restoreEncoded(ids as string[], lines, { terms: terms as string[], documents }, file);
    return index;
  } finally {
    await reader.close();
  }
}
