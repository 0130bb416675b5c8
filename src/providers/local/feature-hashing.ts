/**
 * 32-bit FNV-1a over the UTF-16 code units of `text[start, end)`, then murmur3's finaliser so every
 * output bit is mixed.
 */
export function hashFeature(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return finalise(hash);
}

/** An order-sensitive combination of two hashes (used for word bigrams). */
export function mixHashes(left: number, right: number): number {
  return finalise(Math.imul(left ^ 0x9e3779b9, 0x01000193) ^ right);
}

function finalise(input: number): number {
  let hash = input;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Adds `weights` (feature hash → weight) into `target` with signed feature hashing: the bucket comes
 * from the hash modulo the size, the sign from the top bit, so collisions cancel out on average.
 */
export function addHashed(target: Float64Array, weights: Map<number, number>, scale: number): void {
  const dimensions = target.length;
  for (const [hash, weight] of weights) {
    const sign = hash & 0x80000000 ? -1 : 1;
    target[hash % dimensions]! += sign * weight * scale;
  }
}

/** L2 norm of a sparse weight map. */
export function sparseNorm(weights: Map<number, number>): number {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
