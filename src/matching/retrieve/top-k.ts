/**
 * Exact top-k selection over a dense score array with a fixed-size binary min-heap (root = worst kept).
 * Cost O(n log k); memory O(k). Order: score descending, then id ascending, so ties are deterministic.
 */

/** `true` when slot `a` ranks below slot `b`. */
function isWorse(scores: ArrayLike<number>, ids: readonly string[], a: number, b: number): boolean {
  const scoreA = scores[a] as number;
  const scoreB = scores[b] as number;
  if (scoreA !== scoreB) return scoreA < scoreB;
  return (ids[a] as string) > (ids[b] as string);
}

function siftDown(
  heap: Int32Array,
  size: number,
  scores: ArrayLike<number>,
  ids: readonly string[],
  start: number,
): void {
  let index = start;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= size) return;
    const right = left + 1;
    let worst = left;
    if (right < size && isWorse(scores, ids, heap[right] as number, heap[left] as number)) worst = right;
    if (!isWorse(scores, ids, heap[worst] as number, heap[index] as number)) return;
    const swap = heap[index] as number;
    heap[index] = heap[worst] as number;
    heap[worst] = swap;
    index = worst;
  }
}

function siftUp(heap: Int32Array, scores: ArrayLike<number>, ids: readonly string[], start: number): void {
  let index = start;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!isWorse(scores, ids, heap[index] as number, heap[parent] as number)) return;
    const swap = heap[index] as number;
    heap[index] = heap[parent] as number;
    heap[parent] = swap;
    index = parent;
  }
}

/**
 * Slots `0..count-1` of the best `k` scores, best first. `ids[slot]` breaks ties.
 * Slots whose score is NaN are never selected.
 */
export function selectTopK(
  scores: ArrayLike<number>,
  count: number,
  k: number,
  ids: readonly string[],
): number[] {
  const limit = Math.min(Math.max(0, Math.floor(k)), count);
  if (limit === 0) return [];
  const heap = new Int32Array(limit);
  let size = 0;
  for (let slot = 0; slot < count; slot++) {
    const score = scores[slot] as number;
    if (Number.isNaN(score)) continue;
    if (size < limit) {
      heap[size] = slot;
      siftUp(heap, scores, ids, size);
      size++;
    } else {
      const root = heap[0] as number;
      // Fast path: most slots lose to the current worst on score alone.
      if (score < (scores[root] as number)) continue;
      if (!isWorse(scores, ids, root, slot)) continue;
      heap[0] = slot;
      siftDown(heap, size, scores, ids, 0);
    }
  }
  const result = Array.from(heap.subarray(0, size));
  result.sort((a, b) => (isWorse(scores, ids, a, b) ? 1 : isWorse(scores, ids, b, a) ? -1 : 0));
  return result;
}
