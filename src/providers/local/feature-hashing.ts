/** 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser so every output bit is mixed. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index++) {
    hash ^= feature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Adds `weights` (feature → weight) into `target` with signed feature hashing: the bucket comes from
 * the low bits, the sign from the top bit, so collisions cancel out on average instead of piling up.
 * Returns the L2 norm of what was added, computed on the sparse weights.
 */
export function addHashed(target: Float64Array, weights: Map<string, number>, scale: number): void {
  const dimensions = target.length;
  for (const [feature, weight] of weights) {
    const hash = hashFeature(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    target[hash % dimensions]! += sign * weight * scale;
  }
}

/** L2 norm of a sparse weight map. */
export function sparseNorm(weights: Map<string, number>): number {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
