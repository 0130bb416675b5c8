/**
 * The English bridge, resolved at build time: ESCO English label → ESCO concept (conceptUri) → the concept's
 * French labels → a ROME v460 code. A concept is resolved
 * 1. by an exact join when one of its French labels has the same terms as a ROME title (ESCO's French labels
 *    often are ROME appellations), the code most of its labels join to winning. A join that neither the
 *    preferred label nor half of the labels make, into a family that none of the other concepts of its ISCO group
 *    joins (when they join at least `MIN_GROUP_JOINS` times), is asked of step 2 first (without the labels that
 *    made it) and kept unless step 2 finds a family the group holds: ESCO lists "lecteur" and "lectrice"
 *    among six labels of the secondary-school teaching assistant, and ROME's "Lecteur" is a publishing reader.
 *    Else
 * 2. by the French matcher (the run-time index over the ROME titles) on all its French labels, each label's
 *    best code voting with its score: the best family must gather most of the votes and its best score must be
 *    high, and the family must be one that exact joins already put in the concept's ISCO group (4 digits, else
 *    3 digits) when that group has any; concepts that fail are left out.
 * An English label shared by several concepts goes to the concept whose preferred label it is, else to the
 * family most of those concepts resolved to (dropped on a tie).
 */
import { ENGLISH, FRENCH, type IndexedTitle, titleEntries } from '../../src/taxonomy/occupation-entries.js';
import { OccupationIndex } from '../../src/taxonomy/occupation-index.js';

export interface EscoOccupation {
  uri: string;
  /** ISCO-08 unit group (4 digits). */
  isco: string;
  frLabels: string[];
  /** The French preferred label's forms (masculine, feminine): also in `frLabels`. Empty when unknown. */
  frPreferred?: string[];
  enPreferred: string;
  enLabels: string[];
}

export interface EscoResolution {
  romeCode: string;
  how: 'exact' | 'matched' | 'isco';
}

/** Minimum score of the best French label for a matched (not joined) concept. */
const MIN_MATCH_SCORE = 0.75;
/** The same, when exact joins already put the family in the concept's ISCO group. */
const MIN_CONSISTENT_SCORE = 0.55;
/** Minimum share of the label votes on the winning family. */
const MIN_FAMILY_SHARE = 0.5;
/** Exact joins an ISCO group needs before it says anything. */
const MIN_GROUP_JOINS = 3;
/** Share of an ISCO group's joins one family needs to stand for the group. */
const DOMINANT_SHARE = 0.7;
/** Codes read per French label, to find the best code of a family. */
const CODES_PER_LABEL = 10;

const sum = (counts: ReadonlyMap<string, number>) =>
  [...counts.values()].reduce((total, value) => total + value, 0);

/** "opérateur en entrepôt/opératrice en entrepôt" → both forms; trims and drops empty labels. */
export function splitLabels(text: string): string[] {
  return text
    .split(/\n|\/(?=\S)/)
    .map((label) => label.trim())
    .filter(Boolean);
}

const termKey = (stems: readonly string[]) => [...stems].sort().join(' ');

export function resolveEscoConcepts(
  concepts: readonly EscoOccupation[],
  romeTitles: readonly IndexedTitle[],
  parents: ReadonlyMap<string, string>,
): Map<string, EscoResolution> {
  const entries = titleEntries(romeTitles, FRENCH);
  const vocabulary = new Map<string, string>();
  for (const { title } of romeTitles)
    for (const word of FRENCH.words(title, false)) vocabulary.set(word, FRENCH.stem(word));
  const index = OccupationIndex.fromEntries(entries, vocabulary, FRENCH);
  const codesByKey = new Map<string, Set<string>>();
  for (const entry of entries) {
    const key = termKey(entry.stems);
    codesByKey.set(key, (codesByKey.get(key) ?? new Set()).add(entry.romeCode));
  }
  const family = (code: string) => parents.get(code) ?? code;

  // Exact joins: per concept, the codes its French labels join to, with votes and whether the preferred label
  // joined.
  const joins = new Map<string, Map<string, { labels: string[]; preferred: boolean }>>();
  for (const concept of concepts) {
    const preferred = new Set(concept.frPreferred ?? []);
    const codes = new Map<string, { labels: string[]; preferred: boolean }>();
    for (const label of concept.frLabels) {
      const [entry] = titleEntries([{ title: label, romeCode: '', source: 3 }], FRENCH);
      for (const code of codesByKey.get(entry ? termKey(entry.stems) : '') ?? []) {
        const join = codes.get(code) ?? { labels: [], preferred: false };
        join.labels.push(label);
        join.preferred ||= preferred.has(label);
        codes.set(code, join);
      }
    }
    if (codes.size > 0) joins.set(concept.uri, codes);
  }

  // The families exact joins put in each ISCO unit group (4 digits) and minor group (3), one vote per concept
  // and family.
  const joinCounts = new Map<string, Map<string, number>>();
  const conceptFamilies = (uri: string) => new Set([...(joins.get(uri)?.keys() ?? [])].map(family));
  for (const concept of concepts) {
    if (!concept.isco) continue;
    for (const joined of conceptFamilies(concept.uri)) {
      for (const group of [concept.isco, concept.isco.slice(0, 3)]) {
        const counts = joinCounts.get(group) ?? new Map<string, number>();
        counts.set(joined, (counts.get(joined) ?? 0) + 1);
        joinCounts.set(group, counts);
      }
    }
  }
  /** The group's join counts without the concept's own joins (unit group, else minor group with enough joins). */
  const otherJoins = (concept: EscoOccupation): Map<string, number> => {
    const own = conceptFamilies(concept.uri);
    for (const group of [concept.isco, concept.isco.slice(0, 3)]) {
      const others = new Map<string, number>();
      for (const [joined, count] of joinCounts.get(group) ?? []) {
        const rest = count - (own.has(joined) ? 1 : 0);
        if (rest > 0) others.set(joined, rest);
      }
      if (sum(others) >= MIN_GROUP_JOINS) return others;
    }
    return new Map();
  };

  const resolutions = new Map<string, EscoResolution>();
  const distrustedJoins = new Map<string, string>();
  const pending: {
    concept: EscoOccupation;
    /** The French labels step 2 reads: all but those that made a distrusted join. */
    labels: string[];
    hits: { code: string; score: number }[];
    /** The exact join step 2 is asked to replace (kept when step 2 finds no family the group holds). */
    distrusted?: string;
  }[] = [];
  for (const concept of concepts) {
    const codes = joins.get(concept.uri);
    let distrusted: string | undefined;
    let labels = concept.frLabels;
    if (codes) {
      const others = otherJoins(concept);
      const supported = (code: string) => others.has(family(code));
      const [code, join] = [...codes.entries()].sort(
        ([a, left], [b, right]) => right.labels.length - left.labels.length || (a < b ? -1 : 1),
      )[0]!;
      const strong = join.labels.length >= MIN_FAMILY_SHARE * concept.frLabels.length;
      if (join.preferred || strong || supported(code) || others.size === 0) {
        resolutions.set(concept.uri, { romeCode: code, how: 'exact' });
        continue;
      }
      distrusted = code;
      distrustedJoins.set(concept.uri, code);
      labels = labels.filter((label) => !join.labels.includes(label));
    }
    const hits = labels.flatMap((label) =>
      index.search(label, CODES_PER_LABEL).hits.map((hit) => ({ code: hit.romeCode, score: hit.score })),
    );
    pending.push({ concept, labels, hits, distrusted });
  }

  // ISCO consistency of the matched concepts: the families exact joins resolved each ISCO unit group (4 digits)
  // and minor group (3) to (a distrusted join counts: its group still says what it said).
  const groupCounts = new Map<string, Map<string, number>>();
  for (const concept of concepts) {
    const code = distrustedJoins.get(concept.uri) ?? resolutions.get(concept.uri)?.romeCode;
    if (!code || !concept.isco) continue;
    for (const group of [concept.isco, concept.isco.slice(0, 3)]) {
      const counts = groupCounts.get(group) ?? new Map<string, number>();
      counts.set(family(code), (counts.get(family(code)) ?? 0) + 1);
      groupCounts.set(group, counts);
    }
  }
  const groupFamilies = (isco: string) => {
    const unit = groupCounts.get(isco);
    const counts = unit && sum(unit) >= MIN_GROUP_JOINS ? unit : groupCounts.get(isco.slice(0, 3));
    return counts ?? new Map<string, number>();
  };

  for (const { concept, labels, hits, distrusted } of pending) {
    // A distrusted join is replaced only by a family the other concepts of its group join to.
    const familyCounts = distrusted ? otherJoins(concept) : groupFamilies(concept.isco);
    // Each label's best code votes for its family with its score.
    const familyVotes = new Map<string, number>();
    let total = 0;
    for (const label of labels) {
      const [best] = index.search(label, 1).hits;
      if (!best) continue;
      total += best.score;
      familyVotes.set(family(best.romeCode), (familyVotes.get(family(best.romeCode)) ?? 0) + best.score);
    }
    const bestInFamily = (wanted: string) =>
      hits
        .filter((hit) => family(hit.code) === wanted)
        .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1))[0];
    const [voted, vote] =
      [...familyVotes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    if (voted && vote! / total >= MIN_FAMILY_SHARE) {
      const best = bestInFamily(voted)!;
      const consistent = familyCounts.has(voted);
      if (best.score >= MIN_MATCH_SCORE && (consistent || familyCounts.size === 0)) {
        resolutions.set(concept.uri, { romeCode: best.code, how: 'matched' });
        continue;
      }
      if (best.score >= MIN_CONSISTENT_SCORE && consistent) {
        resolutions.set(concept.uri, { romeCode: best.code, how: 'matched' });
        continue;
      }
    }
    // The ISCO group alone, when its joins overwhelmingly fall in one family: that family's best-matching code.
    const [dominant, count] =
      [...familyCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    if (dominant && count! >= MIN_GROUP_JOINS && count! / sum(familyCounts) >= DOMINANT_SHARE) {
      resolutions.set(concept.uri, { romeCode: bestInFamily(dominant)?.code ?? dominant, how: 'isco' });
      continue;
    }
    if (distrusted) resolutions.set(concept.uri, { romeCode: distrusted, how: 'exact' });
  }
  return resolutions;
}

/**
 * English titles of the resolved concepts: preferred and alternative labels. A label whose terms several
 * concepts share goes to the concept whose preferred label it is, else to the family most of them resolved to
 * (ties: dropped), first code of that family.
 */
export function englishTitles(
  concepts: readonly EscoOccupation[],
  resolutions: ReadonlyMap<string, EscoResolution>,
  parents: ReadonlyMap<string, string>,
  source: number,
): IndexedTitle[] {
  const byKey = new Map<string, { title: string; code: string; preferred: boolean }[]>();
  for (const concept of concepts) {
    const resolution = resolutions.get(concept.uri);
    if (!resolution) continue;
    for (const label of new Set([concept.enPreferred, ...concept.enLabels])) {
      const key = ENGLISH.words(label, false).map(ENGLISH.stem).sort().join(' ');
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push({ title: label, code: resolution.romeCode, preferred: label === concept.enPreferred });
      byKey.set(key, list);
    }
  }
  const titles: IndexedTitle[] = [];
  for (const list of byKey.values()) {
    // The concept whose preferred label it is decides; else the family most concepts resolved to.
    const preferred = list.filter((item) => item.preferred).sort((a, b) => (a.code < b.code ? -1 : 1))[0];
    if (preferred) {
      titles.push({ title: preferred.title, romeCode: preferred.code, source });
      continue;
    }
    const familyCounts = new Map<string, number>();
    for (const item of list) {
      const itemFamily = parents.get(item.code) ?? item.code;
      familyCounts.set(itemFamily, (familyCounts.get(itemFamily) ?? 0) + 1);
    }
    const ranked = [...familyCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) continue;
    const winner = ranked[0]![0];
    const inFamily = list
      .filter((item) => (parents.get(item.code) ?? item.code) === winner)
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    titles.push({ title: inFamily[0]!.title, romeCode: inFamily[0]!.code, source });
  }
  return titles;
}

/**
 * Shortest and longest English titles whose initials make an acronym title (EMT, CNA, CEO): up to three letters,
 * as longer acronyms are rare in titles and would be reached by typo matches of ordinary four-letter words.
 */
const ACRONYM_WORDS = { min: 2, max: 3 } as const;

/**
 * Acronyms of English titles as titles of their own, from the data rather than a hand list: "emergency
 * medical technician" gives "EMT", "chief executive officer" "CEO". An acronym is kept only when every title
 * that gives it is in one family (several families share "SM": sales, site, stage manager), and when it is
 * not a word of the indexed titles in either language (an acronym that spells a word would catch that word).
 * Function words are not initials ("head of sales" → "HS"); the acronym takes the source and code of the
 * first title (by code, then title) that gives it.
 */
export function englishAcronymTitles(
  titles: readonly IndexedTitle[],
  parents: ReadonlyMap<string, string>,
  knownWords: ReadonlySet<string>,
): IndexedTitle[] {
  const byAcronym = new Map<string, IndexedTitle[]>();
  for (const item of titles) {
    const words = ENGLISH.words(item.title, false);
    if (words.length < ACRONYM_WORDS.min || words.length > ACRONYM_WORDS.max) continue;
    const acronym = words.map((word) => word[0]).join('');
    if (!/^[a-z]+$/.test(acronym)) continue;
    byAcronym.set(acronym, [...(byAcronym.get(acronym) ?? []), item]);
  }
  const acronyms: IndexedTitle[] = [];
  for (const [acronym, list] of [...byAcronym.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (knownWords.has(acronym)) continue;
    const families = new Set(list.map((item) => parents.get(item.romeCode) ?? item.romeCode));
    if (families.size !== 1) continue;
    const [first] = [...list].sort((a, b) =>
      a.romeCode < b.romeCode ? -1 : a.romeCode > b.romeCode ? 1 : a.title < b.title ? -1 : 1,
    );
    acronyms.push({ title: acronym.toUpperCase(), romeCode: first!.romeCode, source: first!.source });
  }
  return acronyms;
}
