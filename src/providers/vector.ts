import { ValidationError } from '../errors.js';

/**
 * Cosine similarity of two vectors of the same length (1 = same direction, 0 = unrelated; 0 when
 * either is the zero vector). Different lengths mean vectors from different models: an error.
 */
export function cosineSimilarity(left: Float32Array, right: Float32Array): number {
  if (left.length !== right.length) {
    throw new ValidationError(
      `cosineSimilarity: vectors of ${left.length} and ${right.length} dimensions come from different models`,
    );
  }
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index]!;
    const b = right[index]!;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  if (leftNorm === 0 || rightNorm === 0) return 0;
  return dot / Math.sqrt(leftNorm * rightNorm);
}
