import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/retrieval/support.js';
import { IndexError } from './errors.js';
import { VectorIndex } from './vector-index.js';

const directory = await mkdtemp(join(tmpdir(), 'cvmatch-vector-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

function randomVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: dimensions }, () => random() * 2 - 1),
  );
}

/** Brute-force reference in float64: cosine of every vector, sorted desc, ties by id. */
function reference(vectors: Map<string, Float32Array>, query: Float32Array): { id: string; score: number }[] {
  const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  const queryNorm = norm(query);
  return [...vectors]
    .map(([id, vector]) => ({
      id,
      score:
        vector.reduce((sum, value, index) => sum + value * (query[index] as number), 0) /
        (norm(vector) * queryNorm),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Exact top-k check robust to float rounding: same scores as the reference, nothing better left out. */
function expectExactTopK(
  hits: { id: string; score: number }[],
  expected: { id: string; score: number }[],
  k: number,
) {
  const byId = new Map(expected.map((hit) => [hit.id, hit.score]));
  expect(hits).toHaveLength(Math.min(k, expected.length));
  for (const hit of hits) expect(hit.score).toBeCloseTo(byId.get(hit.id) as number, 5);
  for (let index = 1; index < hits.length; index++) {
    expect((hits[index - 1] as { score: number }).score).toBeGreaterThanOrEqual(
      (hits[index] as { score: number }).score,
    );
  }
  const kth = expected[hits.length - 1] as { score: number };
  expect((hits.at(-1) as { score: number }).score).toBeGreaterThanOrEqual(kth.score - 1e-5);
  // With random data the reference order has no near-ties, so the ids must match exactly.
  expect(hits.map((hit) => hit.id)).toEqual(expected.slice(0, hits.length).map((hit) => hit.id));
}

describe.each([
  { label: 'SIMD kernel (dimensions 32)', dimensions: 32, simd: true },
  { label: 'scalar fallback (dimensions 13)', dimensions: 13, simd: true },
  { label: 'scalar forced (dimensions 32)', dimensions: 32, simd: false },
])('VectorIndex, $label', ({ dimensions, simd }) => {
  const vectors = randomVectors(500, dimensions, 7);
  const queries = randomVectors(20, dimensions, 99);

  function build(initialCapacity = 4): VectorIndex {
    const index = new VectorIndex({ dimensions, modelId: 'test-model', initialCapacity, simd });
    vectors.forEach((vector, position) => {
      index.add(`v${String(position).padStart(3, '0')}`, vector);
    });
    return index;
  }

  it('uses the kernel it says it uses', () => {
    expect(build().isSimd).toBe(simd && dimensions % 8 === 0);
  });

  it('returns the exact top-k of a brute-force scan, growing past its initial capacity', () => {
    const index = build(4);
    expect(index.size).toBe(500);
    expect(index.capacity).toBe(512);
    const all = new Map(vectors.map((vector, position) => [`v${String(position).padStart(3, '0')}`, vector]));
    for (const query of queries) expectExactTopK(index.search(query, 10), reference(all, query), 10);
    expect(index.search(queries[0] as Float32Array, 1000)).toHaveLength(500);
  });

  it('addMany stores what add stores, in one copy, growing as needed', () => {
    const ids = vectors.map((_, position) => `v${String(position).padStart(3, '0')}`);
    const rows = new Float32Array(vectors.length * dimensions);
    vectors.forEach((vector, position) => {
      rows.set(vector, position * dimensions);
    });
    const bulk = new VectorIndex({ dimensions, modelId: 'test-model', initialCapacity: 4, simd });
    bulk.addMany(ids.slice(0, 100), rows.subarray(0, 100 * dimensions));
    bulk.addMany(ids.slice(100), rows.subarray(100 * dimensions));
    const single = build();
    expect(bulk.idList).toEqual(single.idList);
    for (const query of queries) {
      const expected = single.search(query, 10);
      const found = bulk.search(query, 10);
      expect(found.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      found.forEach((hit, position) => {
        expect(hit.score).toBeCloseTo(expected[position]?.score as number, 6);
      });
    }
    // An id already present (or repeated) takes the add path: replaced, not duplicated.
    bulk.addMany(['v000', 'v000'], rows.subarray(0, 2 * dimensions));
    expect(bulk.size).toBe(500);
  });

  it('addMany adds nothing when a row cannot be normalised or the sizes disagree', () => {
    const index = build();
    const rows = new Float32Array(3 * dimensions).fill(0.5);
    rows.fill(0, dimensions, 2 * dimensions);
    expect(() => index.addMany(['x1', 'x2', 'x3'], rows)).toThrow(RangeError);
    expect(index.size).toBe(500);
    expect(index.has('x1')).toBe(false);
    expect(() => index.addMany(['x1'], rows)).toThrow(IndexError);
    index.addMany(['x1'], rows.subarray(0, dimensions));
    expect(index.search(rows.subarray(0, dimensions), 1)[0]?.id).toBe('x1');
  });

  it('removes by swapping the last vector in, and replaces on re-add', () => {
    const index = build();
    const all = new Map(vectors.map((vector, position) => [`v${String(position).padStart(3, '0')}`, vector]));
    for (const id of ['v000', 'v250', 'v499', 'v017']) {
      expect(index.remove(id)).toBe(true);
      all.delete(id);
    }
    expect(index.remove('v000')).toBe(false);
    expect(index.size).toBe(496);
    expect(index.has('v250')).toBe(false);
    for (const query of queries.slice(0, 5))
      expectExactTopK(index.search(query, 7), reference(all, query), 7);

    const query = queries[0] as Float32Array;
    index.add('v123', query); // replace with the query itself: now the best hit, cosine 1
    all.set('v123', query);
    const [best] = index.search(query, 1);
    expect(best?.id).toBe('v123');
    expect(best?.score).toBeCloseTo(1, 5);
    expect(index.size).toBe(496);
  });

  it('saves and loads to the same results, and refuses another model or dimension', async () => {
    const index = build();
    index.remove('v010');
    const file = join(directory, `index-${dimensions}-${simd}.bin`);
    await index.save(file);
    const loaded = await VectorIndex.load(file, { modelId: 'test-model', dimensions });
    expect(loaded.size).toBe(index.size);
    expect(loaded.ids()).toEqual(index.ids());
    for (const query of queries.slice(0, 5)) {
      // Same ids in the same order; scores equal up to float rounding (a loaded index may use the other kernel).
      const before = index.search(query, 10);
      const after = loaded.search(query, 10);
      expect(after.map((hit) => hit.id)).toEqual(before.map((hit) => hit.id));
      after.forEach((hit, position) => {
        expect(hit.score).toBeCloseTo((before[position] as { score: number }).score, 6);
      });
    }
    // Still incremental after loading.
    loaded.add('new', queries[1] as Float32Array);
    expect(loaded.search(queries[1] as Float32Array, 1)[0]?.id).toBe('new');

    await expect(VectorIndex.load(file, { dimensions: dimensions + 1 })).rejects.toMatchObject({
      name: 'IndexError',
      reason: 'dimensions',
    });
    await expect(VectorIndex.load(file, { modelId: 'other-model' })).rejects.toMatchObject({
      reason: 'model',
    });
  });
});

describe('VectorIndex errors', () => {
  it('rejects vectors of the wrong dimension and vectors that cannot be normalised', () => {
    const index = new VectorIndex({ dimensions: 8, modelId: 'm' });
    expect(() => index.add('a', new Float32Array(7))).toThrow(IndexError);
    expect(() => index.add('a', new Float32Array(8))).toThrow(/cannot be normalised/);
    expect(() => index.add('a', [1, 2, 3, 4, 5, 6, 7, Number.NaN])).toThrow(/cannot be normalised/);
    expect(index.size).toBe(0);
  });

  it('refuses a file that is not an index, a truncated one and a future format version', async () => {
    const notIndex = join(directory, 'not-index.bin');
    await writeFile(notIndex, 'hello world, not an index');
    await expect(VectorIndex.load(notIndex)).rejects.toMatchObject({ reason: 'corrupt' });

    const index = new VectorIndex({ dimensions: 8, modelId: 'm' });
    index.add('a', [1, 0, 0, 0, 0, 0, 0, 0]);
    index.add('b', [0, 1, 0, 0, 0, 0, 0, 0]);
    const file = join(directory, 'small.bin');
    await index.save(file);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    const truncated = join(directory, 'truncated.bin');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 4));
    await expect(VectorIndex.load(truncated)).rejects.toMatchObject({ reason: 'corrupt' });

    const future = join(directory, 'future.bin');
    await writeFile(
      future,
      Buffer.from(bytes.toString('latin1').replace('"version":1', '"version":9'), 'latin1'),
    );
    await expect(VectorIndex.load(future)).rejects.toMatchObject({ reason: 'version' });
  });

  it('breaks equal scores by id, ascending', () => {
    const index = new VectorIndex({ dimensions: 8, modelId: 'm' });
    for (const id of ['c', 'a', 'd', 'b']) index.add(id, [1, 1, 0, 0, 0, 0, 0, 0]);
    expect(index.search([1, 1, 0, 0, 0, 0, 0, 0], 3).map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
  });
});
