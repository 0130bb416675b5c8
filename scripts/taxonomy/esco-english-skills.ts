/**
 * ESCO English skill labels (../shared/data/esco-en/skills_en.csv: the 4,199 cross-sector and transversal
 * skills), joined to the French ESCO skills on their concept (the same uuid): the `esco-skills-en` table,
 * `[uuid, preferredLabel, altLabels?]` for the concepts the French table has, so that an English CV's
 * "show initiative" and a French job order's "faire preuve d'initiative" name the same skill. Trimmed as the
 * French table is: labels of six words at most (alternatives: five). `stems` gives the stem of each of
 * their words (the French stemmer every skill key goes through), so the run time does not stem them; they
 * are kept apart from `stems.json`, which is also the French title index's vocabulary.
 *
 * The English alternative labels of the shared copy are not used: its `altLabels` column is shuffled between
 * rows ("write Danish" carries "mathematics, maths, numeracy", "provide information" carries "security";
 * under 7% of the rows share a word with their own preferred label), so reading them would map a CV's
 * "Mathematics" to the skill "write Danish". The preferred labels agree with the French ones (same uuid).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Row = readonly [string, string, string[]?];

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The English table: rows of the concepts in `frenchIds` (uuids, sorted) and their words' stems. */
export function englishEscoSkills(
  sourceDir: string,
  frenchIds: ReadonlySet<string>,
  tools: {
    parseCsv: (text: string) => string[][];
    foldAccents: (text: string) => string;
    isStopword: (word: string) => boolean;
    stem: (word: string) => string;
  },
): { skills: Row[]; stems: (readonly [string, string])[] } {
  const { parseCsv } = tools;
  const path = join(sourceDir, 'esco-en', 'skills_en.csv');
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const column = (name: string) => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`${path}: missing column "${name}"`);
    return index;
  };
  const [uri, preferred] = [column('conceptUri'), column('preferredLabel')];
  const result: Row[] = [];
  for (const row of rows) {
    const id = (row[uri] ?? '').trim().replace('http://data.europa.eu/esco/skill/', '');
    const label = (row[preferred] ?? '').trim();
    if (!frenchIds.has(id) || !label || words(label) > 6) continue;
    result.push([id, label]);
  }
  result.sort((a, b) => byText(a[0], b[0]));
  const vocabulary = new Set<string>();
  for (const [, label, others] of result)
    for (const phrase of [label, ...(others ?? [])])
      for (const word of tools
        .foldAccents(phrase)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [])
        if (!tools.isStopword(word) && !/\d/.test(word) && word.length > 3) vocabulary.add(word);
  const stems = [...vocabulary].sort(byText).map((word) => [word, tools.stem(word)] as const);
  return { skills: result, stems };
}
