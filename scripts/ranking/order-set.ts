/**
 * A set of job orders scored against the labelled pool: which category each order is about (from its id) and
 * the judgements that follow. Used for the benchmark's own orders and for a second, independently written set
 * (`npm run eval:ranking -- --jobs <dir>`).
 */
import type { Qrels } from '../../src/eval/index.js';

/**
 * The category an order is about: the category whose name (any case) is the order's id, or, failing that,
 * the longest one the id starts with followed by `-`, `_` or `.` (`finance-2`, `sales_b` → FINANCE,
 * SALES); null when none fits. The id is the JSON `id`, else the file name without its extension.
 */
export function categoryOfOrder(orderId: string, categories: readonly string[]): string | null {
  const id = orderId.toLowerCase();
  let best: string | null = null;
  for (const category of categories) {
    const name = category.toLowerCase();
    if (id === name) return category;
    const separated = id.startsWith(name) && ['-', '_', '.'].includes(id.charAt(name.length));
    if (separated && (best === null || name.length > best.length)) best = category;
  }
  return best;
}

/**
 * Judgements of each order: every resume of the order's category is relevant (grade 1), the others not.
 * Orders whose category is unknown are listed in `unmatched` and get no judgements.
 */
export function orderSetQrels(
  orderIds: readonly string[],
  documents: readonly { category: string; key: string }[],
): { qrels: Qrels; categoryOf: Map<string, string>; unmatched: string[] } {
  const categories = [...new Set(documents.map((document) => document.category))];
  const qrels: Qrels = new Map();
  const categoryOf = new Map<string, string>();
  const unmatched: string[] = [];
  for (const id of orderIds) {
    const category = categoryOfOrder(id, categories);
    if (category === null) {
      unmatched.push(id);
      continue;
    }
    categoryOf.set(id, category);
    qrels.set(
      id,
      new Map(
        documents.filter((document) => document.category === category).map((document) => [document.key, 1]),
      ),
    );
  }
  return { qrels, categoryOf, unmatched };
}
