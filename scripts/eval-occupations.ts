/**
 * Accuracy of `normalizeOccupation` on a labelled list of job-ad titles (eval/occupations/titles.tsv).
 *
 *   npm run eval:occupations            # table + misses on stderr-free stdout
 *   npx tsx scripts/eval-occupations.ts --json
 *
 * Also reports accuracy on the "held-out" part: titles whose clean words are not exactly those of a curated
 * alias or English title, so the number does not just measure the alias list.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENGLISH_TITLES } from '../src/taxonomy/catalogue/english-titles.js';
import { OCCUPATION_ALIASES } from '../src/taxonomy/catalogue/occupation-aliases.js';
import { normalizeOccupation, occupationLabel } from '../src/taxonomy/index.js';
import { titleStem, titleWords } from '../src/taxonomy/occupation-terms.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TITLES_FILE = resolve(REPO_ROOT, 'eval', 'occupations', 'titles.tsv');

export interface LabelledTitle {
  title: string;
  romeCode: string;
}

/** Reads `title<TAB>code` lines; `#` lines are comments. Throws on a malformed line or an unknown code. */
export function readLabelledTitles(path = TITLES_FILE): LabelledTitle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [title, romeCode, ...rest] = line.split('\t');
      if (!title || !romeCode || rest.length > 0)
        throw new Error(`${path}:${number}: expected "title<TAB>code"`);
      if (!occupationLabel(romeCode)) throw new Error(`${path}:${number}: unknown ROME code ${romeCode}`);
      return { title: title.trim(), romeCode: romeCode.trim() };
    });
}

const key = (title: string) => [...new Set(titleWords(title).map(titleStem))].sort().join(' ');

export interface EvaluationResult {
  total: number;
  top1: number;
  top5: number;
  heldOut: { total: number; top1: number; top5: number };
  misses: { title: string; expected: string; got: string | null; rank: number | null }[];
}

export function evaluateOccupations(titles: LabelledTitle[]): EvaluationResult {
  const aliasKeys = new Set([...OCCUPATION_ALIASES, ...ENGLISH_TITLES].map((alias) => key(alias.title)));
  let top1 = 0;
  let top5 = 0;
  const heldOut = { total: 0, top1: 0, top5: 0 };
  const misses: EvaluationResult['misses'] = [];
  for (const { title, romeCode } of titles) {
    const matches = normalizeOccupation(title, { limit: 5 });
    const position = matches.findIndex((match) => match.romeCode === romeCode);
    const isHeldOut = !aliasKeys.has(key(title));
    if (isHeldOut) heldOut.total++;
    if (position === 0) {
      top1++;
      if (isHeldOut) heldOut.top1++;
    } else {
      misses.push({
        title,
        expected: romeCode,
        got: matches[0]?.romeCode ?? null,
        rank: position >= 0 ? position + 1 : null,
      });
    }
    if (position >= 0) {
      top5++;
      if (isHeldOut) heldOut.top5++;
    }
  }
  return { total: titles.length, top1, top5, heldOut, misses };
}

const ratio = (part: number, total: number) => (total === 0 ? 'n/a' : (part / total).toFixed(3));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = evaluateOccupations(readLabelledTitles());
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const rows = [
      ['all titles', result.total, ratio(result.top1, result.total), ratio(result.top5, result.total)],
      [
        'held out (not an alias)',
        result.heldOut.total,
        ratio(result.heldOut.top1, result.heldOut.total),
        ratio(result.heldOut.top5, result.heldOut.total),
      ],
    ];
    process.stdout.write(
      `${'subset'.padEnd(26)}${'n'.padStart(5)}${'top-1'.padStart(8)}${'top-5'.padStart(8)}\n`,
    );
    for (const [name, n, first, five] of rows) {
      process.stdout.write(
        `${String(name).padEnd(26)}${String(n).padStart(5)}${String(first).padStart(8)}${String(five).padStart(8)}\n`,
      );
    }
    process.stdout.write(`\nmisses (${result.misses.length}):\n`);
    for (const miss of result.misses) {
      const got = miss.got ? `${miss.got} ${occupationLabel(miss.got)}` : 'nothing';
      process.stdout.write(
        `  ${miss.title} → expected ${miss.expected} (rank ${miss.rank ?? '>5'}), got ${got}\n`,
      );
    }
  }
}
