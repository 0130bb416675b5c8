/**
 * Writes the lookup structures derived from the shipped tables, so that a process loads them with one
 * JSON.parse instead of building them at start-up: `src/taxonomy/data/skill-index.json` (stemmed skill keys
 * and the free-text phrase list, from the taxonomy tables and the curated catalogue),
 * `src/taxonomy/data/occupation-index.json` (the French and English title indexes: titles as term numbers,
 * from the title tables and the curated aliases and English titles) and `src/geo/data/commune-index.json`
 * (commune name keys, sorted, with their rows). `npm run build:taxonomy` runs it after writing the tables;
 * run it alone (`npm run build:indexes`) after editing the curated skills, aliases or English titles.
 * `test/taxonomy/prebuilt-indexes.test.ts` fails when a written index differs from one built from the tables.
 *
 *   npx tsx scripts/build-indexes.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCommuneIndex, type CommuneIndexTable, readCommuneRows } from '../src/geo/commune-table.js';
import type { OccupationIndexTable } from '../src/taxonomy/occupation-index.js';
import { buildOccupationIndexTables, type OccupationIndexTables } from '../src/taxonomy/occupation-search.js';
import { buildSkillIndex, type SkillIndexTable } from '../src/taxonomy/skills.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Arrays of strings one element per line (diff-friendly), number arrays on one line. */
export function serialiseSkillIndex(index: SkillIndexTable): string {
  const lines = (items: readonly unknown[]) =>
    `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return [
    '{',
    `"version": ${index.version},`,
    `"ids": ${lines(index.ids)},`,
    `"skills": ${lines(index.skills)},`,
    `"keys": ${lines(index.keys)},`,
    `"skillSteps": ${JSON.stringify(index.skillSteps)},`,
    `"curatedKeys": ${index.curatedKeys}`,
    '}',
    '',
  ].join('\n');
}

/** Terms and words one per line (diff-friendly), number arrays on one line each. */
export function serialiseOccupationIndexes(tables: OccupationIndexTables): string {
  const lines = (items: readonly unknown[]) =>
    `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  const table = (index: OccupationIndexTable) =>
    [
      '{',
      `"terms": ${lines(index.terms)},`,
      `"codes": ${JSON.stringify(index.codes)},`,
      `"entryCodes": ${JSON.stringify(index.entryCodes)},`,
      `"entrySources": ${JSON.stringify(index.entrySources)},`,
      `"entryLengths": ${JSON.stringify(index.entryLengths)},`,
      `"entryTerms": ${JSON.stringify(index.entryTerms)},`,
      `"words": ${lines(index.words)},`,
      `"wordTerms": ${JSON.stringify(index.wordTerms)}`,
      '}',
    ].join('\n');
  return [
    '{',
    `"version": ${tables.version},`,
    `"french": ${table(tables.french)},`,
    `"english": ${table(tables.english)}`,
    '}',
    '',
  ].join('\n');
}

/** One name key, and one list of rows, per line. */
export function serialiseCommuneIndex(index: CommuneIndexTable): string {
  const lines = (items: readonly unknown[]) =>
    `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return [
    '{',
    `"version": ${index.version},`,
    `"rows": ${index.rows},`,
    `"names": ${lines(index.names)},`,
    `"nameRows": ${lines(index.nameRows)}`,
    '}',
    '',
  ].join('\n');
}

/** Each derived file: its path in the repository and its text, built from the tables as they are on disk. */
export function buildIndexes(): { path: string; text: string }[] {
  return [
    {
      path: join(REPO_ROOT, 'src/taxonomy/data/skill-index.json'),
      text: serialiseSkillIndex(buildSkillIndex()),
    },
    {
      path: join(REPO_ROOT, 'src/taxonomy/data/occupation-index.json'),
      text: serialiseOccupationIndexes(buildOccupationIndexTables()),
    },
    {
      path: join(REPO_ROOT, 'src/geo/data/commune-index.json'),
      text: serialiseCommuneIndex(buildCommuneIndex(readCommuneRows())),
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, text } of buildIndexes()) {
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        stale++;
        process.stderr.write(`${path} is out of date: run npm run build:indexes\n`);
      }
    } else {
      writeFileSync(path, text);
      process.stderr.write(`${path}: ${Buffer.byteLength(text)} bytes\n`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}
