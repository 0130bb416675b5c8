import { ENGLISH_TITLES } from './catalogue/english-titles.js';
import { OCCUPATION_ALIASES } from './catalogue/occupation-aliases.js';
import { titleEntries } from './occupation-entries.js';
import { OccupationIndex } from './occupation-index.js';
import { titleStem } from './occupation-terms.js';
import { mobilityRows, occupationRows, romeSkillRows, stemRows, titleRows } from './tables.js';

/** A ROME occupation a title may mean. `score` is in 0..1 (1 = the title is a known name of it). */
export interface OccupationMatch {
  romeCode: string;
  label: string;
  score: number;
}

/** An occupation close to another one, from the ROME mobility graph and code families. */
export interface RelatedOccupation {
  romeCode: string;
  label: string;
  /** 0..1; higher is closer. */
  closeness: number;
}

interface OccupationState {
  labels: Map<string, string>;
  parents: Map<string, string>;
  children: Map<string, string[]>;
  index: OccupationIndex;
}

let state: OccupationState | undefined;

/** Parses the tables and builds the index on first use (≈ 150–200 ms CPU), then reuses them. */
function occupations(): OccupationState {
  if (state) return state;
  const labels = new Map<string, string>();
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const [code, label, parent] of occupationRows()) {
    labels.set(code, label);
    parents.set(code, parent);
    if (parent !== code) children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const vocabulary = new Map<string, string>(stemRows());
  const stemOf = (word: string) => vocabulary.get(word) ?? titleStem(word);
  const entries = titleRows().map(([romeCode, priority, stems]) => ({
    romeCode,
    priority,
    stems: stems.split(' '),
  }));
  const aliases = [...OCCUPATION_ALIASES, ...ENGLISH_TITLES].map((alias) => ({ ...alias, priority: 1 }));
  const aliasEntries = titleEntries(aliases, (word) => {
    const stemmed = stemOf(word);
    vocabulary.set(word, stemmed);
    return stemmed;
  });
  state = {
    labels,
    parents,
    children,
    index: new OccupationIndex([...entries, ...aliasEntries], vocabulary),
  };
  return state;
}

/**
 * ROME occupations a job title may mean, best first (score desc, then code). Robust to gender forms
 * (H/F, -eur/-euse, "préparateur(trice)"), common abbreviations (prépa, cde, PL/SPL, AS, ASH), typos,
 * English titles and noise words (URGENT, intérim, CDI, shifts, big city names, numbers). Only the first
 * 300 characters (24 distinct words) are read. `limit` defaults to 5.
 *
 * @example normalizeOccupation('Cariste H/F - URGENT')[0] // { romeCode: 'N1101', label: 'Cariste', score: 1 }
 */
export function normalizeOccupation(title: string, options?: { limit?: number }): OccupationMatch[] {
  const limit = options?.limit ?? 5;
  const { index, labels } = occupations();
  return index
    .search(title, limit)
    .map(({ romeCode, score }) => ({ romeCode, label: labels.get(romeCode)!, score }));
}

/** The ROME v460 label of a code (`N1101` → `Cariste`), or null for an unknown code. */
export function occupationLabel(romeCode: string): string | null {
  return occupations().labels.get(romeCode.trim().toUpperCase()) ?? null;
}

/**
 * The family of a ROME v460 code: its `code_rome_parent` (`M1419` Data analyst → `M1403`; a family's own code
 * maps to itself). These 532 family codes are the ROME v3 codes. Null for an unknown code.
 */
export function occupationFamily(romeCode: string): string | null {
  return occupations().parents.get(romeCode.trim().toUpperCase()) ?? null;
}

/** Closeness of a mobility edge of order `order` (1 = the closest move the ROME lists). */
function mobilityCloseness(order: number): number {
  return Math.max(0.3, 0.9 - 0.04 * (order - 1));
}
const PARENT_CLOSENESS = 0.8;
const SIBLING_CLOSENESS = 0.6;

let relatedCache: Map<string, Map<string, number>> | undefined;

/**
 * Closeness between codes, symmetric: a ROME mobility edge in either direction (order 1 → 0.9, then
 * −0.04 per rank, floor 0.3; +0.05 when the ROME lists the move both ways, capped at 0.95), a code and its
 * parent family code 0.8, two codes of the same family 0.6; the highest applies.
 */
function relatedMap(): Map<string, Map<string, number>> {
  if (relatedCache) return relatedCache;
  const { parents, children } = occupations();
  const map = new Map<string, Map<string, number>>();
  const offer = (a: string, b: string, closeness: number) => {
    if (a === b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const targets = map.get(from) ?? new Map<string, number>();
      if ((targets.get(to) ?? 0) < closeness) targets.set(to, closeness);
      map.set(from, targets);
    }
  };
  const edges = new Map<string, number>();
  for (const [from, list] of Object.entries(mobilityRows())) {
    for (const item of list.split(' ')) {
      const [to, order] = item.split('.');
      edges.set(`${from}>${to}`, mobilityCloseness(Number(order)));
    }
  }
  for (const [key, closeness] of edges) {
    const [from, to] = key.split('>') as [string, string];
    const reverse = edges.get(`${to}>${from}`);
    offer(from, to, reverse === undefined ? closeness : Math.min(0.95, Math.max(closeness, reverse) + 0.05));
  }
  for (const [code, parent] of parents) offer(code, parent, PARENT_CLOSENESS);
  for (const siblings of children.values()) {
    for (const a of siblings) for (const b of siblings) offer(a, b, SIBLING_CLOSENESS);
  }
  relatedCache = map;
  return map;
}

/** Occupations close to `romeCode`, closest first (ties by code). Empty for an unknown code. */
export function relatedOccupations(romeCode: string): RelatedOccupation[] {
  const { labels } = occupations();
  const targets = relatedMap().get(romeCode.trim().toUpperCase());
  if (!targets) return [];
  return [...targets.entries()]
    .map(([code, closeness]) => ({ romeCode: code, label: labels.get(code)!, closeness }))
    .sort((a, b) => b.closeness - a.closeness || (a.romeCode < b.romeCode ? -1 : 1));
}

/** 1 for the same code, the mobility closeness (0..1) for related codes, 0 otherwise or for unknown codes. */
export function occupationCloseness(a: string, b: string): number {
  const left = a.trim().toUpperCase();
  const right = b.trim().toUpperCase();
  const { labels } = occupations();
  if (!labels.has(left) || !labels.has(right)) return 0;
  if (left === right) return 1;
  return relatedMap().get(left)?.get(right) ?? 0;
}

/** A skill or knowledge item the ROME (v347) links to an occupation. */
export interface OccupationSkill {
  /** `rome:<code_ogr>`. */
  id: string;
  label: string;
}

/**
 * Skills and knowledge the ROME v347 lists for an occupation. v460 codes created after v347 inherit their
 * family's list (through the parent code). Empty when the ROME lists none.
 */
export function occupationSkills(romeCode: string): OccupationSkill[] {
  const code = romeCode.trim().toUpperCase();
  const { links, items } = romeSkillRows();
  const ids = links[code] ?? links[occupations().parents.get(code) ?? ''] ?? [];
  return ids.map((id) => ({ id: `rome:${id}`, label: items[String(id)]! }));
}
