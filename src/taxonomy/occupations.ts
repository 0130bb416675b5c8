import { occupationCatalog } from './occupation-catalog.js';
import { occupationConfidence } from './occupation-confidence.js';
import { searchOccupations } from './occupation-search.js';
import { type RomeCodeInput, readRomeCode } from './rome-code-input.js';
import { mobilityRows, romeSkillRows } from './tables.js';

/** A ROME occupation a title may mean. `score` is the title similarity in 0..1 (1 = a known name of it). */
export interface OccupationMatch {
  romeCode: string;
  label: string;
  score: number;
}

/** What `normalizeOccupation` says about a title. */
export interface OccupationResult {
  /** Candidate occupations, best first (score desc, then code), at most `limit`. */
  matches: OccupationMatch[];
  /**
   * Probability (0..1) that `matches[0]` is the right ROME v460 code, calibrated on labelled job titles
   * (of the answers given 0.8, about 80 % are right). 0 when nothing matched.
   */
  confidence: number;
  /** Probability (0..1) that `matches[0]` is in the right family (`code_rome_parent`); ≥ `confidence`. */
  familyConfidence: number;
  /**
   * True when the title names no occupation clearly enough to answer: nothing matched, or the family is more
   * likely wrong than right (`familyConfidence` < 0.5: "Technicien", "Manager", a company name). `matches`
   * still lists the best guesses; a caller that needs one code should take none.
   */
  abstained: boolean;
  /** Set when the input was a ROME code rather than a title (v3 or v4), with how it maps to v460. */
  romeInput?: RomeCodeInput;
}

/** An occupation close to another one, from the ROME mobility graph and code families. */
export interface RelatedOccupation {
  romeCode: string;
  label: string;
  /** 0..1; higher is closer. */
  closeness: number;
}

/** Below this family confidence the answer is withheld (`abstained`). */
export const OCCUPATION_ABSTAIN_BELOW = 0.5;

/**
 * ROME occupations a job title may mean, best first, with a calibrated confidence. French and English titles
 * (ROME v460 appellations, ESCO French and English labels resolved to ROME, curated lists); robust to job-ad
 * noise (H/F, contract and shift words, seniority, pay, company and agency tails, places), gender forms,
 * common abbreviations (prépa, cde, PL/SPL, AS, ASH, IDE, HGV, FLT), typos and missing accents. A ROME code
 * (v3 or v4, e.g. `M1403`) is accepted too and reported in `romeInput`. Only the first 300 characters are
 * read. `limit` defaults to 5.
 *
 * @example normalizeOccupation('Cariste H/F - URGENT').matches[0] // { romeCode: 'N1101', label: 'Cariste', score: 1 }
 */
export function normalizeOccupation(title: string, options?: { limit?: number }): OccupationResult {
  const limit = options?.limit ?? 5;
  const { labels } = occupationCatalog();
  const romeInput = readRomeCode(title);
  if (romeInput) {
    const match = { romeCode: romeInput.romeCode, label: labels.get(romeInput.romeCode)!, score: 1 };
    return {
      matches: limit > 0 ? [match] : [],
      confidence: 1,
      familyConfidence: 1,
      abstained: false,
      romeInput,
    };
  }
  const search = searchOccupations(title, Math.max(limit, 2));
  const { confidence, familyConfidence } = occupationConfidence(search);
  const matches = search.candidates
    .slice(0, limit)
    .map(({ romeCode, score }) => ({ romeCode, label: labels.get(romeCode)!, score }));
  return {
    matches,
    confidence: round(confidence),
    familyConfidence: round(familyConfidence),
    abstained: search.candidates.length === 0 || familyConfidence < OCCUPATION_ABSTAIN_BELOW,
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The ROME v460 label of a code (`N1101` → `Cariste`), or null for an unknown code. */
export function occupationLabel(romeCode: string): string | null {
  return occupationCatalog().labels.get(romeCode.trim().toUpperCase()) ?? null;
}

/**
 * The family of a ROME v460 code: its `code_rome_parent` (`M1419` Data analyst → `M1403`; a family's own code
 * maps to itself). These 532 family codes are the ROME v3 codes. Null for an unknown code.
 */
export function occupationFamily(romeCode: string): string | null {
  return occupationCatalog().parents.get(romeCode.trim().toUpperCase()) ?? null;
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
  const { parents, children } = occupationCatalog();
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
  const { labels } = occupationCatalog();
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
  const { labels } = occupationCatalog();
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
  const ids = links[code] ?? links[occupationCatalog().parents.get(code) ?? ''] ?? [];
  return ids.map((id) => ({ id: `rome:${id}`, label: items[String(id)]! }));
}
