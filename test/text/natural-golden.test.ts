import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { restrictedEditDistance } from '../../src/text/restricted-edit-distance.js';
import { stemEnglish } from '../../src/text/stem-english.js';
import { stemFrench } from '../../src/text/stem-french.js';

// Written once by scripts/build-text-golden.ts with natural 8.1.1, the package cvmatch used before its own
// ports: ROME and ESCO words (French and English, accents kept and folded) and pairs of close words.
const lines = gunzipSync(readFileSync(new URL('./natural-golden.tsv.gz', import.meta.url)))
  .toString('utf8')
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t'));
const stems = lines.filter((fields) => fields[0] === 's');
const distances = lines.filter((fields) => fields[0] === 'd');

/** The lines where `actual` differs from the expected column, at most 20 of them, for a readable failure. */
function mismatches(rows: string[][], expectedColumn: number, actual: (row: string[]) => string): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const got = actual(row);
    if (got !== row[expectedColumn] && found.push(`${row.slice(1).join(' ')} → got ${got}`) >= 20) break;
  }
  return found;
}

describe('text ports give the same results as natural 8.1.1', () => {
  it('holds a large word list and many pairs', () => {
    expect(stems.length).toBeGreaterThan(30_000);
    expect(distances.length).toBeGreaterThan(15_000);
  });

  it('French stems, word for word', () => {
    expect(mismatches(stems, 2, (row) => stemFrench(row[1]!))).toEqual([]);
  });

  it('English stems, word for word', () => {
    expect(mismatches(stems, 3, (row) => stemEnglish(row[1]!))).toEqual([]);
  });

  it('restricted Damerau-Levenshtein distances, pair for pair', () => {
    expect(mismatches(distances, 3, (row) => String(restrictedEditDistance(row[1]!, row[2]!)))).toEqual([]);
  });
});
