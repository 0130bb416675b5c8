import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VectorIndex } from '../../src/matching/retrieve/vector-index.js';
import { createRandom } from './support.js';

const DIMENSIONS = 64;
const opened: VectorIndex[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
  vi.restoreAllMocks();
});

function randomVector(random: () => number): Float32Array {
  return Float32Array.from({ length: DIMENSIONS }, () => random() * 2 - 1);
}

/** A single-thread and a threaded index holding the same vectors, some of them duplicated (ties). */
function twinIndexes(count: number, threads: number, seed: number): [VectorIndex, VectorIndex] {
  const random = createRandom(seed);
  // A small initial capacity makes both stores grow (the shared memory grows under the workers).
  const single = new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', initialCapacity: 4 });
  const threaded = new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', initialCapacity: 4, threads });
  opened.push(threaded);
  const vectors: Float32Array[] = [];
  for (let position = 0; position < count; position++) {
    const previous = vectors[Math.floor(random() * vectors.length)];
    const vector = previous !== undefined && random() < 0.3 ? previous : randomVector(random);
    vectors.push(vector);
    // Ids out of slot order, so id tie-breaks are exercised.
    const id = `v${(position * 7919) % 10_007}`;
    single.add(id, vector);
    threaded.add(id, vector);
  }
  return [single, threaded];
}

function expectSameSearches(single: VectorIndex, threaded: VectorIndex, seed: number): void {
  const random = createRandom(seed);
  const stored = single.ids();
  for (let round = 0; round < 8; round++) {
    // Half the queries are stored vectors, whose duplicates tie at the top.
    const id = stored[Math.floor(random() * stored.length)];
    const query =
      id !== undefined && round % 2 === 0 ? (single.vectorOf(id) as Float32Array) : randomVector(random);
    for (const k of [1, 5, single.size, single.size + 3]) {
      expect(threaded.search(query, k)).toEqual(single.search(query, k));
    }
    expect(Array.from(threaded.scoreAll(query))).toEqual(Array.from(single.scoreAll(query)));
  }
}

describe('VectorIndex with threads', () => {
  it('returns exactly the single-thread hits, scores and tie order on random data with duplicates', () => {
    for (const [count, threads, seed] of [
      [1, 2, 1],
      [2, 3, 2],
      [37, 2, 3],
      [500, 2, 4],
      [801, 3, 5],
    ] as const) {
      const [single, threaded] = twinIndexes(count, threads, seed);
      expect(threaded.isSimd).toBe(true);
      expect(threaded.threads).toBe(threads);
      expectSameSearches(single, threaded, seed + 100);
    }
  });

  it('stays identical after removals and replacements', () => {
    const [single, threaded] = twinIndexes(300, 2, 11);
    const random = createRandom(12);
    for (const id of single.ids()) {
      if (random() < 0.4) {
        expect(threaded.remove(id)).toBe(single.remove(id));
      } else if (random() < 0.1) {
        const vector = randomVector(random);
        single.add(id, vector);
        threaded.add(id, vector);
      }
    }
    expect(threaded.size).toBe(single.size);
    expect(threaded.ids()).toEqual(single.ids());
    expectSameSearches(single, threaded, 13);
  });

  it('searches an empty index', () => {
    const threaded = new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', threads: 2 });
    opened.push(threaded);
    expect(threaded.search(randomVector(createRandom(1)), 5)).toEqual([]);
  });

  it('terminates its workers on close and keeps searching on one thread', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const [single, threaded] = twinIndexes(200, 3, 21);
    const query = randomVector(createRandom(22));
    expect(threaded.search(query, 10)).toEqual(single.search(query, 10));
    await threaded.close();
    expect(terminate).toHaveBeenCalledTimes(2);
    for (const result of terminate.mock.results) {
      expect(result.type).toBe('return');
      await expect(result.value).resolves.toBeTypeOf('number');
    }
    expect(threaded.threads).toBe(1);
    expect(threaded.search(query, 10)).toEqual(single.search(query, 10));
    await threaded.close(); // idempotent
    expect(terminate).toHaveBeenCalledTimes(2);
  });

  it('keeps one thread without the SIMD kernel and rejects a bad thread count', () => {
    const scalar = new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', simd: false, threads: 2 });
    expect(scalar.threads).toBe(1);
    const odd = new VectorIndex({ dimensions: 5, modelId: 'test', threads: 2 });
    expect(odd.threads).toBe(1);
    expect(new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test' }).threads).toBe(1);
    expect(() => new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', threads: 0 })).toThrow(
      RangeError,
    );
    expect(() => new VectorIndex({ dimensions: DIMENSIONS, modelId: 'test', threads: 1.5 })).toThrow(
      RangeError,
    );
  });
});
