import { titleStem, titleWords } from './occupation-terms.js';

/** A title to index: a ROME label, an appellation, a curated alias or an English title. */
export interface IndexedTitle {
  title: string;
  romeCode: string;
  /** Lower wins ties between equal scores: 0 ROME label, 1 main title or curated alias, 2 other. */
  priority: number;
}

/** An indexed title reduced to its stems (index side: ROME titles are written in full, so no abbreviation expansion). */
export interface TitleEntry {
  romeCode: string;
  priority: number;
  stems: string[];
}

/** "Infirmier / Infirmière en soins généraux (IDE)" → "IDE": the acronym alone is a title too. */
export function titleAcronym(title: string): string | null {
  const match = /\(([A-Z]{2,6})\)|-([A-Z]{2,6})-/.exec(title);
  return match ? (match[1] ?? match[2])! : null;
}

/**
 * Stems of each title, deduplicated per code (same code, same stems: the lowest priority is kept), in input
 * order. `stemOf` lets callers reuse a precomputed word → stem table.
 */
export function titleEntries(
  titles: readonly IndexedTitle[],
  stemOf: (word: string) => string = titleStem,
): TitleEntry[] {
  const byKey = new Map<string, TitleEntry>();
  for (const { title, romeCode, priority } of titles) {
    const stems = [...new Set(titleWords(title, false).map(stemOf))].sort();
    if (stems.length === 0) continue;
    const key = `${romeCode}|${stems.join(' ')}`;
    const previous = byKey.get(key);
    if (!previous) byKey.set(key, { romeCode, priority, stems });
    else if (priority < previous.priority) previous.priority = priority;
  }
  return [...byKey.values()];
}

/** Clean words of titles (gender-folded, not stemmed), for the word → stem table and typo lookups. */
export function titleVocabulary(titles: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const title of titles) for (const word of titleWords(title, false)) words.add(word);
  return words;
}
