import { createHash } from 'node:crypto';
import { ProviderError } from '../../errors.js';
import { lazyRequire } from '../../support/lazy-require.js';
import type { ChatModel, EmbeddingModel } from '../spec.js';
import { toProviderJsonSchema } from '../structured-output.js';
import type { UsageMeter } from './usage.js';

/** Where answers are kept between runs. Values are opaque bytes. */
export interface ProviderCache {
  get(key: string): Promise<Uint8Array | null>;
  set(key: string, value: Uint8Array): Promise<void>;
}

/** A damaged entry found in the disk cache (and evicted). */
export interface DamagedCacheEntry {
  directory: string;
  key: string;
  /** cacache's error code: `EINTEGRITY` (content does not match its hash) or `EBADSIZE`. */
  code: string;
}

export interface DiskCacheOptions {
  /** Told about each damaged entry. Default: a Node process warning (`CVMATCH_CACHE_DAMAGED`). */
  onDamagedEntry?: (entry: DamagedCacheEntry) => void;
}

/** cacache, loaded by the first cache read or write (not at start-up). */
const loadCacache = lazyRequire<typeof import('cacache')>('cacache');

/** cacache's codes for stored content that no longer matches what was written (disk fault, a truncated copy). */
const DAMAGED_CODES = new Set(['EINTEGRITY', 'EBADSIZE']);

/**
 * A persistent cache in `directory`, on `cacache` (content-addressed, atomic writes, safe when several
 * processes share the directory). It stores model inputs and answers: treat it as personal data.
 * A damaged entry is a miss: it is evicted (index entry and content, so the next answer is stored again)
 * and reported through `onDamagedEntry`, never thrown.
 */
export function createDiskCache(directory: string, options: DiskCacheOptions = {}): ProviderCache {
  const report =
    options.onDamagedEntry ??
    ((entry: DamagedCacheEntry) =>
      process.emitWarning(`damaged entry in the model cache ${entry.directory} (${entry.code}): evicted`, {
        code: 'CVMATCH_CACHE_DAMAGED',
      }));
  const evict = async (key: string): Promise<void> => {
    const cacache = loadCacache();
    const info = await cacache.get.info(directory, key);
    // Content is stored once per hash and never rewritten while it exists: remove it too.
    if (info) await cacache.rm.content(directory, info.integrity);
    await cacache.rm.entry(directory, key);
  };
  return {
    async get(key) {
      try {
        const entry = await loadCacache().get(directory, key);
        return new Uint8Array(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        if (code === undefined || !DAMAGED_CODES.has(code)) throw error;
        await evict(key);
        report({ directory, key, code });
        return null;
      }
    },
    async set(key, value) {
      await loadCacache().put(directory, key, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    },
  };
}

/** An in-memory cache (tests, one-off runs). */
export function createMemoryCache(): ProviderCache & { readonly size: number } {
  const entries = new Map<string, Uint8Array>();
  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      return entries.get(key) ?? null;
    },
    async set(key, value) {
      entries.set(key, value.slice());
    },
  };
}

/** Stable key: SHA-256 of the JSON of `parts` (callers pass provider, model, parameters and input). */
export function cacheKey(parts: unknown[]): string {
  return `cvmatch:v1:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

export interface CacheOptions {
  cache: ProviderCache;
  /** Extra parameters that change answers (dimensions, base URL...), part of every key. */
  parameters?: Record<string, unknown>;
  /** Cache hits are recorded here as `cachedCalls`. */
  usage?: UsageMeter;
}

/**
 * Caches each input's vector separately (so a re-run with a few new profiles only embeds those),
 * as raw little-endian Float32 bytes. Misses are embedded in one call, in order.
 */
export function withEmbeddingCache(model: EmbeddingModel, options: CacheOptions): EmbeddingModel {
  const { cache } = options;
  const prefix = [model.provider, model.modelId, model.dimensions, options.parameters ?? {}];
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    dimensions: model.dimensions,
    maxInputsPerCall: model.maxInputsPerCall,
    async embed({ inputs, signal }) {
      const keys = inputs.map((input) => cacheKey([...prefix, 'embed', input]));
      const stored = await Promise.all(keys.map((key) => cache.get(key)));
      const vectors: (Float32Array | null)[] = stored.map((bytes) => decodeVector(bytes, model.dimensions));
      const missing: number[] = [];
      vectors.forEach((vector, index) => {
        if (vector === null) missing.push(index);
      });
      if (missing.length < inputs.length) {
        options.usage?.record({
          provider: model.provider,
          modelId: model.modelId,
          inputTokens: 0,
          outputTokens: 0,
          cached: true,
        });
      }
      if (missing.length === 0) {
        return { vectors: vectors as Float32Array[], usage: { inputTokens: 0, outputTokens: 0 } };
      }
      const result = await model.embed({ inputs: missing.map((index) => inputs[index]!), signal });
      if (result.vectors.length !== missing.length) {
        throw new ProviderError(
          `${model.provider} returned ${result.vectors.length} vectors for ${missing.length} inputs`,
          { provider: model.provider },
        );
      }
      await Promise.all(
        missing.map((index, position) => {
          const vector = result.vectors[position]!;
          vectors[index] = vector;
          return cache.set(keys[index]!, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
        }),
      );
      return { vectors: vectors as Float32Array[], usage: result.usage };
    },
  };
}

function decodeVector(bytes: Uint8Array | null, dimensions: number): Float32Array | null {
  if (bytes === null || bytes.byteLength !== dimensions * 4) return null;
  // Copy: the stored buffer may not be 4-byte aligned.
  return new Float32Array(bytes.slice().buffer);
}

function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Caches chat answers as JSON, keyed by model, messages, schema and generation settings. */
export function withChatCache(model: ChatModel, options: CacheOptions): ChatModel {
  const { cache } = options;
  const prefix = [model.provider, model.modelId, options.parameters ?? {}];
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const recordHit = () =>
    options.usage?.record({
      provider: model.provider,
      modelId: model.modelId,
      inputTokens: 0,
      outputTokens: 0,
      cached: true,
    });
  const settingsOf = (request: { temperature?: number; seed?: number; maxOutputTokens?: number }) => ({
    temperature: request.temperature ?? 0,
    seed: request.seed ?? null,
    maxOutputTokens: request.maxOutputTokens ?? null,
  });
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    async generateObject(request) {
      const jsonSchema = toProviderJsonSchema(request.schema).schema;
      const key = cacheKey([
        ...prefix,
        'object',
        request.schemaName ?? null,
        jsonSchema,
        settingsOf(request),
        request.messages,
      ]);
      const stored = await cache.get(key);
      if (stored !== null) {
        // Validated again: a schema refinement not visible in the JSON schema may have changed. Bytes that
        // are not JSON (a custom cache that lost data) are a miss too.
        const parsed = request.schema.safeParse(parseStoredJson(decoder.decode(stored)));
        if (parsed.success) {
          recordHit();
          return { object: parsed.data, usage: { inputTokens: 0, outputTokens: 0 } };
        }
      }
      const result = await model.generateObject(request);
      await cache.set(key, encoder.encode(JSON.stringify(result.object)));
      return result;
    },
    async generateText(request) {
      const key = cacheKey([...prefix, 'text', settingsOf(request), request.messages]);
      const stored = await cache.get(key);
      if (stored !== null) {
        recordHit();
        return { text: decoder.decode(stored), usage: { inputTokens: 0, outputTokens: 0 } };
      }
      const result = await model.generateText(request);
      await cache.set(key, encoder.encode(result.text));
      return result;
    },
  };
}
