import { createHash } from 'node:crypto';

/** Share of the categories set aside: never tuned on. */
export const HELD_OUT_SHARE = 1 / 3;

/**
 * The held-out categories: the `round(n / 3)` with the smallest SHA-256 of their name (UTF-8). Fixed by
 * the names alone, before any result is seen, so nobody chooses them.
 */
export function heldOutCategories(categories: readonly string[]): Set<string> {
  const count = Math.round(categories.length * HELD_OUT_SHARE);
  const hashed = [...new Set(categories)].map((name) => ({
    name,
    hash: createHash('sha256').update(name, 'utf8').digest('hex'),
  }));
  hashed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return new Set(hashed.slice(0, count).map((item) => item.name));
}
