import { availableParallelism, endianness } from 'node:os';
import { openBinaryFile, writeBinaryFile } from './binary-file.js';
import { IndexError } from './errors.js';
import { ScanPool } from './scan-pool.js';
import { createSimdKernel, SIMD_DIMENSION_MULTIPLE, type SimdKernel, WASM_MAX_PAGES } from './simd-kernel.js';
import { selectTopK } from './top-k.js';

const MAGIC = 'CVMVECT1';
const FORMAT_VERSION = 1;

/** One search hit: `score` is the cosine similarity (-1..1) of the normalised vectors. */
export interface VectorHit {
  id: string;
  score: number;
}

export interface VectorIndexOptions {
  dimensions: number;
  /** Embedding model the vectors come from, e.g. `mistral-embed`. Saved and checked on load. */
  modelId: string;
  /** Provider name, e.g. `mistral`. Informative only. */
  provider?: string;
  /** Slots reserved up front (default 1,024); the store doubles when full. */
  initialCapacity?: number;
  /** Set `false` to force the scalar JavaScript scan (for comparisons); default: SIMD when possible. */
  simd?: boolean;
  /**
   * Threads that scan the rows of one search (default 1: the calling thread only). `n > 1` adds `n - 1`
   * worker threads, started at the first search of at least `parallelMinRows` vectors and reused; `'auto'`
   * uses every core (`os.availableParallelism()`). The vectors then live in shared memory, `search` stays
   * synchronous and returns exactly what one thread returns. Needs the SIMD kernel (else one thread). If a
   * worker fails, the index warns (`process.emitWarning`, code `CVMATCH_VECTOR_THREADS`) and goes on with
   * one thread. Call `close()` to stop the workers (they never keep a process alive).
   */
  threads?: number | 'auto';
  /** Smallest index (vectors) a search spreads over threads; below it one thread is faster (default 16,384). */
  parallelMinRows?: number;
}

/** Options `VectorIndex.load` passes to the loaded index. */
export type VectorIndexLoadOptions = Pick<VectorIndexOptions, 'threads' | 'parallelMinRows'>;

const DEFAULT_PARALLEL_MIN_ROWS = 16_384;

/** Closes a pool whose index was garbage-collected without `close()` (the pool does not reference the index). */
const pools = new FinalizationRegistry<ScanPool>((pool) => {
  void pool.close();
});

function warnThreads(reason: string): void {
  process.emitWarning(`${reason}; vector search goes on in one thread`, {
    type: 'CvmatchWarning',
    code: 'CVMATCH_VECTOR_THREADS',
  });
}

/** What `VectorIndex.load` must find in the file, or it throws `IndexError`. */
export interface VectorIndexExpectation {
  modelId?: string;
  dimensions?: number;
}

/** Dot product of `query` with the row of `data` starting at `offset`, four accumulators (lets the JIT pipeline). */
function dotRow(data: Float32Array, offset: number, query: Float32Array, dimensions: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  const end4 = dimensions - (dimensions % 4);
  for (; j < end4; j += 4) {
    const o = offset + j;
    s0 += (data[o] as number) * (query[j] as number);
    s1 += (data[o + 1] as number) * (query[j + 1] as number);
    s2 += (data[o + 2] as number) * (query[j + 2] as number);
    s3 += (data[o + 3] as number) * (query[j + 3] as number);
  }
  for (; j < dimensions; j++) s0 += (data[offset + j] as number) * (query[j] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * Writes the L2-normalised `vector` into `target` at `offset`. Throws on a wrong length, a NaN/Infinity
 * or an all-zero vector: a vector that cannot be normalised is a provider failure, never a silent zero.
 */
function writeNormalised(
  vector: ArrayLike<number>,
  dimensions: number,
  target: Float32Array,
  offset: number,
  what: string,
): void {
  if (vector.length !== dimensions) {
    throw new IndexError(
      'dimensions',
      `${what} has ${vector.length} dimensions, the index has ${dimensions}`,
    );
  }
  let norm = 0;
  for (let j = 0; j < dimensions; j++) {
    const value = vector[j] as number;
    norm += value * value;
  }
  if (!Number.isFinite(norm) || norm === 0) {
    throw new RangeError(`${what} cannot be normalised (zero, NaN or infinite values)`);
  }
  const scale = 1 / Math.sqrt(norm);
  for (let j = 0; j < dimensions; j++) target[offset + j] = (vector[j] as number) * scale;
}

const PAGE_BYTES = 65_536;

/** |‖v‖² − 1| below which `addMany` keeps a row as given (float32 rounding of a unit vector's norm). */
const UNIT_TOLERANCE = 1e-6;

/** Σ v² over one row, four accumulators (independent additions keep the CPU's pipelines busy). */
function squaredNorm(data: Float32Array, offset: number, length: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const end = offset + length;
  const blockEnd = offset + (length & ~3);
  let index = offset;
  for (; index < blockEnd; index += 4) {
    const w = data[index] as number;
    const x = data[index + 1] as number;
    const y = data[index + 2] as number;
    const z = data[index + 3] as number;
    a += w * w;
    b += x * x;
    c += y * y;
    d += z * z;
  }
  for (; index < end; index++) a += (data[index] as number) ** 2;
  return a + b + c + d;
}

/**
 * In-memory exact nearest-neighbour index over L2-normalised Float32 vectors (dot product = cosine).
 *
 * All vectors live in ONE contiguous `Float32Array` (row `i` at `i * dimensions`) that doubles when full.
 * `remove` swaps the last row into the freed slot, so rows stay dense. `search` scans every row, then
 * keeps the best `k` in a fixed-size min-heap; the query, the per-row score buffer and the rows are
 * preallocated, so a query allocates nothing proportional to the pool size.
 *
 * The scan runs in a WebAssembly SIMD kernel when the dimension is a multiple of 8 and the rows fit in
 * the 4 GB WebAssembly memory (the `Float32Array` is then a view on that memory); otherwise in a
 * scalar JavaScript loop. Both are exact; they may differ in the last float bits (summation order).
 *
 * With `threads > 1` (SIMD only) the WebAssembly memory is shared and a `ScanPool` of worker threads scores
 * chunks of rows next to the calling thread; `search` stays synchronous, and the selection of the top `k`
 * runs over the same score array in the calling thread, so results are identical to one thread's.
 */
export class VectorIndex {
  readonly dimensions: number;
  readonly modelId: string;
  readonly provider: string | null;
  #capacity: number;
  #kernel: SimdKernel | null;
  #data!: Float32Array;
  #scores!: Float32Array;
  #query!: Float32Array;
  #ids: string[] = [];
  #slots = new Map<string, number>();
  #threads: number;
  readonly #parallelMinRows: number;
  #pool: ScanPool | null = null;

  constructor(options: VectorIndexOptions) {
    if (!Number.isSafeInteger(options.dimensions) || options.dimensions <= 0) {
      throw new RangeError(`dimensions must be a positive integer, got ${options.dimensions}`);
    }
    this.dimensions = options.dimensions;
    this.modelId = options.modelId;
    this.provider = options.provider ?? null;
    this.#capacity = Math.max(1, options.initialCapacity ?? 1024);
    const threads = options.threads === 'auto' ? availableParallelism() : (options.threads ?? 1);
    if (!Number.isSafeInteger(threads) || threads < 1) {
      throw new RangeError(`threads must be a positive integer or 'auto', got ${String(options.threads)}`);
    }
    this.#parallelMinRows = Math.max(1, options.parallelMinRows ?? DEFAULT_PARALLEL_MIN_ROWS);
    const pages = this.#wasmPages(this.#capacity);
    const simd =
      this.dimensions % SIMD_DIMENSION_MULTIPLE === 0 && options.simd !== false && pages <= WASM_MAX_PAGES;
    this.#kernel = !simd
      ? null
      : threads > 1
        ? (createSimdKernel(pages, { shared: true }) ?? createSimdKernel(pages))
        : createSimdKernel(pages);
    this.#threads = this.#kernel?.memory.buffer instanceof SharedArrayBuffer ? threads : 1;
    if (this.#kernel) this.#refreshViews();
    else {
      this.#data = new Float32Array(this.#capacity * this.dimensions);
      this.#scores = new Float32Array(this.#capacity);
      this.#query = new Float32Array(this.dimensions);
    }
  }

  /** WebAssembly layout: query at 0, rows right after it, scores after the rows. */
  #wasmPages(capacity: number): number {
    const bytes = this.dimensions * 4 + capacity * this.dimensions * 4 + capacity * 4;
    return Math.ceil(bytes / PAGE_BYTES);
  }

  #refreshViews(): void {
    const kernel = this.#kernel as SimdKernel;
    const buffer = kernel.memory.buffer;
    const rowsOffset = this.dimensions * 4;
    this.#query = new Float32Array(buffer, 0, this.dimensions);
    this.#data = new Float32Array(buffer, rowsOffset, this.#capacity * this.dimensions);
    this.#scores = new Float32Array(
      buffer,
      rowsOffset + this.#capacity * this.dimensions * 4,
      this.#capacity,
    );
  }

  /**
   * Threads a search may use now: the `threads` option, or 1 without the SIMD kernel, after a worker
   * failed, or after `close()`.
   */
  get threads(): number {
    return this.#threads;
  }

  /** @internal The worker pool, once started (tests stop a worker to check the fallback). */
  get scanPool(): ScanPool | null {
    return this.#pool;
  }

  /** Stops the worker threads, if any; later searches run in the calling thread. The index stays usable. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = null;
    this.#threads = 1;
    if (!pool) return;
    pools.unregister(this);
    await pool.close();
  }

  /** The pool for a scan of `count` rows, started on first use; `null` to scan in this thread. */
  #scanPool(count: number): ScanPool | null {
    if (this.#threads < 2 || count < this.#parallelMinRows || !this.#kernel) return null;
    if (!this.#pool) {
      this.#pool = new ScanPool(this.#kernel, { workers: this.#threads - 1, onFailure: warnThreads });
      pools.register(this, this.#pool, this);
    }
    return this.#pool;
  }

  /**
   * After a worker failed: stop the pool and move the rows to a private memory, so that a worker still
   * running (a timed-out one) can never write into a later search's scores.
   */
  #leavePool(): void {
    const pool = this.#pool;
    this.#pool = null;
    this.#threads = 1;
    if (pool) {
      pools.unregister(this);
      void pool.close();
    }
    const kernel = this.#kernel;
    if (!kernel) return;
    const fresh = createSimdKernel(kernel.memory.buffer.byteLength / PAGE_BYTES);
    if (!fresh) return;
    const used = this.dimensions * 4 + this.size * this.dimensions * 4;
    new Uint8Array(fresh.memory.buffer).set(new Uint8Array(kernel.memory.buffer, 0, used));
    this.#kernel = fresh;
    this.#refreshViews();
  }

  /** Whether the scan runs in the WebAssembly SIMD kernel. */
  get isSimd(): boolean {
    return this.#kernel !== null;
  }

  /** Number of vectors stored. */
  get size(): number {
    return this.#ids.length;
  }

  /** Slots allocated (≥ size). */
  get capacity(): number {
    return this.#capacity;
  }

  /** Bytes held by the vector store and the per-slot score buffer (ids and the id map not included). */
  get byteLength(): number {
    return this.#data.byteLength + this.#scores.byteLength + this.#query.byteLength;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Ids in slot order (a copy). */
  ids(): string[] {
    return [...this.#ids];
  }

  /** Ids in slot order, without copying (read-only view of the internal list). */
  get idList(): readonly string[] {
    return this.#ids;
  }

  /** Slot of `id`, or -1. Slots change when vectors are removed. */
  slotOf(id: string): number {
    return this.#slots.get(id) ?? -1;
  }

  /** Id stored in `slot`. */
  idAt(slot: number): string {
    const id = this.#ids[slot];
    if (id === undefined) throw new RangeError(`no vector in slot ${slot}`);
    return id;
  }

  /** A copy of the stored (normalised) vector, or `null`. */
  vectorOf(id: string): Float32Array | null {
    const slot = this.#slots.get(id);
    if (slot === undefined) return null;
    return this.#data.slice(slot * this.dimensions, (slot + 1) * this.dimensions);
  }

  #grow(minimum: number): void {
    let capacity = this.#capacity;
    while (capacity < minimum) capacity *= 2;
    if (capacity === this.#capacity) return;
    const kernel = this.#kernel;
    if (kernel) {
      const pages = this.#wasmPages(capacity);
      if (pages <= WASM_MAX_PAGES) {
        // Rows stay in place (they start right after the query); the score region moves past them.
        kernel.memory.grow(pages - kernel.memory.buffer.byteLength / PAGE_BYTES);
        this.#capacity = capacity;
        this.#refreshViews();
        return;
      }
      this.#kernel = null; // over 4 GB: continue in plain JavaScript memory (and in one thread)
      if (this.#pool) {
        pools.unregister(this);
        void this.#pool.close();
        this.#pool = null;
      }
      this.#threads = 1;
    }
    const data = new Float32Array(capacity * this.dimensions);
    data.set(this.#data.subarray(0, this.size * this.dimensions));
    const query = new Float32Array(this.dimensions);
    this.#capacity = capacity;
    this.#data = data;
    this.#scores = new Float32Array(capacity);
    this.#query = query;
  }

  /**
   * Adds a vector (normalised on the way in). Adding an existing id replaces its vector. `null` stores
   * an empty row (cosine 0 with every query) for an id that has nothing to embed; a vector that cannot be
   * normalised (all zeros, NaN) throws `RangeError`.
   */
  add(id: string, vector: ArrayLike<number> | null): void {
    const existing = this.#slots.get(id);
    const slot = existing ?? this.size;
    if (existing === undefined) this.#grow(slot + 1);
    const offset = slot * this.dimensions;
    if (vector) writeNormalised(vector, this.dimensions, this.#data, offset, `vector for ${id}`);
    else this.#data.fill(0, offset, offset + this.dimensions);
    if (existing !== undefined) return;
    this.#ids.push(id);
    this.#slots.set(id, slot);
  }

  /**
   * Adds many vectors at once: `vectors` holds `ids.length` rows of `dimensions` floats, back to back (as an
   * embedding provider or a file gives them). One bulk copy into the store, then each row normalised in
   * place: several GB/s, against ~0.3 GB/s for `add` row by row. New ids only take the bulk path; when one
   * is already present (or repeated) the rows go through `add` (replace semantics). A row that cannot be
   * normalised (all zeros, NaN) throws `RangeError` and nothing is added.
   */
  addMany(ids: readonly string[], vectors: Float32Array): void {
    const dimensions = this.dimensions;
    if (vectors.length !== ids.length * dimensions) {
      throw new IndexError(
        'dimensions',
        `addMany got ${vectors.length} floats for ${ids.length} ids of ${dimensions} dimensions`,
      );
    }
    const fresh = new Set(ids);
    if (fresh.size !== ids.length || ids.some((id) => this.#slots.has(id))) {
      for (const [row, id] of ids.entries())
        this.add(id, vectors.subarray(row * dimensions, (row + 1) * dimensions));
      return;
    }
    const first = this.size;
    this.#grow(first + ids.length);
    const data = this.#data;
    const start = first * dimensions;
    data.set(vectors, start);
    for (let row = 0; row < ids.length; row++) {
      const offset = start + row * dimensions;
      const norm = squaredNorm(data, offset, dimensions);
      if (!Number.isFinite(norm) || norm === 0) {
        throw new RangeError(`vector for ${ids[row]} cannot be normalised (zero, NaN or infinite values)`);
      }
      // Embedding APIs return unit vectors: a row already of length 1 within float32 rounding is kept as
      // given, which saves the write pass (it would change no value by more than that rounding).
      if (Math.abs(norm - 1) <= UNIT_TOLERANCE) continue;
      const scale = 1 / Math.sqrt(norm);
      for (let index = offset, end = offset + dimensions; index < end; index++)
        data[index] = (data[index] as number) * scale;
    }
    // Committed only once every row is valid: the slots written above are beyond `size` until now.
    for (const [row, id] of ids.entries()) {
      this.#ids.push(id);
      this.#slots.set(id, first + row);
    }
  }

  /** Whether the id has a stored vector that is not empty (see `add(id, null)`). */
  hasVector(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    const row = this.#data.subarray(slot * this.dimensions, (slot + 1) * this.dimensions);
    return row.some((value) => value !== 0);
  }

  /** Removes a vector by moving the last one into its slot. Returns whether it was there. */
  remove(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    const last = this.size - 1;
    if (slot !== last) {
      const lastId = this.#ids[last] as string;
      this.#data.copyWithin(slot * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
      this.#ids[slot] = lastId;
      this.#slots.set(lastId, slot);
    }
    this.#ids.pop();
    this.#slots.delete(id);
    return true;
  }

  /**
   * Cosine of `query` with every stored vector: a view whose element `slot` is the score of the vector
   * in that slot. The view is only valid until the next `scoreAll`, `search`, `add` or `remove`.
   */
  scoreAll(query: ArrayLike<number>): Float32Array {
    return this.#score(query, 0).scores;
  }

  /**
   * Scores every row; with threads and `k > 0`, also the rows that can be in the top `k` (see
   * `ScanPool.scan`), else `null`.
   */
  #score(query: ArrayLike<number>, k: number): { scores: Float32Array; candidates: Int32Array | null } {
    const dimensions = this.dimensions;
    writeNormalised(query, dimensions, this.#query, 0, 'query vector');
    const count = this.size;
    if (this.#kernel) {
      const job = {
        data: this.#data.byteOffset,
        query: this.#query.byteOffset,
        out: this.#scores.byteOffset,
        count,
        dimensions,
      };
      const pool = this.#scanPool(count);
      const scanned = pool ? pool.scan(this.#kernel, job, k) : false;
      if (scanned) return { scores: this.#scores.subarray(0, count), candidates: scanned.candidates };
      // No pool, or it failed (it warned): every row in this thread. After a failure the rows have moved
      // to a private memory at the same offsets.
      if (pool) this.#leavePool();
      this.#kernel.scores(job.data, job.query, job.out, count, dimensions);
      return { scores: this.#scores.subarray(0, count), candidates: null };
    }
    const scores = this.#scores;
    const data = this.#data;
    const normalised = this.#query;
    for (let slot = 0, offset = 0; slot < count; slot++, offset += dimensions) {
      scores[slot] = dotRow(data, offset, normalised, dimensions);
    }
    return { scores: scores.subarray(0, count), candidates: null };
  }

  /**
   * Exact top-`k` by cosine, best first; equal scores are ordered by id (ascending) so results are
   * deterministic. Returns `min(k, size)` hits.
   */
  search(query: ArrayLike<number>, k: number): VectorHit[] {
    const { scores, candidates } = this.#score(query, k);
    const ids = this.#ids;
    if (candidates) {
      // The same selection over the rows that can make the top k (same scores, same id tie-break).
      const subset = new Float32Array(candidates.length);
      const subsetIds: string[] = new Array(candidates.length);
      for (const [position, slot] of candidates.entries()) {
        subset[position] = scores[slot] as number;
        subsetIds[position] = ids[slot] as string;
      }
      return selectTopK(subset, subset.length, k, subsetIds).map((position) => ({
        id: subsetIds[position] as string,
        score: subset[position] as number,
      }));
    }
    return selectTopK(scores, this.size, k, ids).map((slot) => ({
      id: ids[slot] as string,
      score: scores[slot] as number,
    }));
  }

  /**
   * Saves to a binary file: a JSON header (format version, model id, provider, dimensions, count, ids)
   * followed by the raw little-endian Float32 rows.
   */
  async save(path: string): Promise<void> {
    assertLittleEndian();
    await writeBinaryFile(
      path,
      MAGIC,
      {
        format: 'cvmatch-vector-index',
        version: FORMAT_VERSION,
        modelId: this.modelId,
        provider: this.provider,
        dimensions: this.dimensions,
        count: this.size,
        ids: this.#ids,
      },
      [{ name: 'vectors', bytes: this.rawBytes() }],
    );
  }

  /** The stored rows as bytes (a view, not a copy). */
  rawBytes(): Uint8Array {
    return new Uint8Array(this.#data.buffer, this.#data.byteOffset, this.size * this.dimensions * 4);
  }

  /**
   * Loads a file written by `save`. Throws `IndexError` (`corrupt`, `version`, `model`, `dimensions`)
   * when the file is unreadable or does not match `expected`.
   */
  static async load(
    path: string,
    expected: VectorIndexExpectation = {},
    options: VectorIndexLoadOptions = {},
  ): Promise<VectorIndex> {
    assertLittleEndian();
    const reader = await openBinaryFile(path, MAGIC);
    try {
      const index = VectorIndex.fromHeader(reader.header, path, expected, options);
      await reader.readSection('vectors', index.rawBytesForLoad());
      return index;
    } finally {
      await reader.close();
    }
  }

  /** @internal Builds an empty index with room for the ids of a saved header (used by the pool index). */
  static fromHeader(
    header: Record<string, unknown>,
    path: string,
    expected: VectorIndexExpectation,
    options: VectorIndexLoadOptions = {},
  ): VectorIndex {
    const { version, modelId, provider, dimensions, count, ids } = header;
    if (version !== FORMAT_VERSION) {
      throw new IndexError(
        'version',
        `${path}: vector index format ${String(version)}, this cvmatch reads ${FORMAT_VERSION}`,
        {
          file: path,
        },
      );
    }
    if (
      typeof modelId !== 'string' ||
      typeof dimensions !== 'number' ||
      !Number.isSafeInteger(dimensions) ||
      dimensions <= 0 ||
      typeof count !== 'number' ||
      !Array.isArray(ids) ||
      ids.length !== count ||
      !ids.every((id) => typeof id === 'string')
    ) {
      throw new IndexError('corrupt', `${path}: vector index header is incomplete`, { file: path });
    }
    if (expected.modelId !== undefined && expected.modelId !== modelId) {
      throw new IndexError('model', `${path} was built with model ${modelId}, not ${expected.modelId}`, {
        file: path,
      });
    }
    if (expected.dimensions !== undefined && expected.dimensions !== dimensions) {
      throw new IndexError(
        'dimensions',
        `${path} holds ${dimensions}-dimension vectors, not ${expected.dimensions}`,
        {
          file: path,
        },
      );
    }
    const index = new VectorIndex({
      dimensions,
      modelId,
      ...(typeof provider === 'string' ? { provider } : {}),
      initialCapacity: count,
      ...options,
    });
    for (const [slot, id] of (ids as string[]).entries()) {
      if (index.#slots.has(id))
        throw new IndexError('corrupt', `${path}: duplicate id ${id}`, { file: path });
      index.#ids.push(id);
      index.#slots.set(id, slot);
    }
    return index;
  }

  /** @internal Writable bytes of the `size` first rows, for loading. */
  rawBytesForLoad(): Uint8Array {
    return this.rawBytes();
  }
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE')
    throw new Error('cvmatch index files are little-endian; this machine is big-endian');
}
