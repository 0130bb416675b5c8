import { occupationRows } from './tables.js';

/** ROME v460 codes with their labels and families (code_rome_parent), built once from the table. */
export interface OccupationCatalog {
  labels: ReadonlyMap<string, string>;
  /** Code → family code (a family's own code maps to itself). */
  parents: ReadonlyMap<string, string>;
  /** Family code → its other codes. */
  children: ReadonlyMap<string, readonly string[]>;
}

let catalog: OccupationCatalog | undefined;

export function occupationCatalog(): OccupationCatalog {
  if (catalog) return catalog;
  const labels = new Map<string, string>();
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const [code, label, parent] of occupationRows()) {
    labels.set(code, label);
    parents.set(code, parent);
    if (parent !== code) children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  catalog = { labels, parents, children };
  return catalog;
}
