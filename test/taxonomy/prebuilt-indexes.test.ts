import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildIndexes,
  serialiseOccupationIndexes,
  serialiseSkillIndex,
} from '../../scripts/build-indexes.js';
import { communeKey } from '../../src/geo/commune-key.js';
import { communeIndex, readCommuneRows } from '../../src/geo/commune-table.js';
import { buildOccupationIndexTables, occupationIndexesOf } from '../../src/taxonomy/occupation-search.js';
import { buildSkillIndex, skillTablesOf } from '../../src/taxonomy/skills.js';
import { occupationIndexRows, skillIndexRows } from '../../src/taxonomy/tables.js';

describe('prebuilt lookup indexes (scripts/build-indexes.ts)', () => {
  it('ships files byte-identical to the indexes built from the shipped tables', () => {
    for (const { path, text } of buildIndexes()) {
      expect(readFileSync(path, 'utf8') === text, `${path} is stale: run npm run build:indexes`).toBe(true);
    }
  }, 60_000);

  it('loads the skill index into the same lookup map and phrase order as building it at run time', () => {
    const built = skillTablesOf(buildSkillIndex());
    const loaded = skillTablesOf(skillIndexRows());
    expect([...loaded.byKey]).toEqual([...built.byKey]);
    const text = 'Conduite de chariots élévateurs, soudage TIG, teamwork principles, gestion de stock';
    expect(loaded.matcher.findAll(text)).toEqual(built.matcher.findAll(text));
    // And it round-trips: what is loaded serialises back to the file.
    expect(serialiseSkillIndex(skillIndexRows())).toBe(serialiseSkillIndex(buildSkillIndex()));
  }, 60_000);

  it('loads the occupation title indexes that searching the built ones gives', () => {
    const built = buildOccupationIndexTables();
    const loaded = occupationIndexRows();
    expect(serialiseOccupationIndexes(loaded)).toBe(serialiseOccupationIndexes(built));
    const fromFile = occupationIndexesOf(loaded);
    const fromTables = occupationIndexesOf(built);
    for (const title of [
      'Cariste CACES 3',
      'Préparateur de commandes',
      'forklift drivr',
      'Aide-soignante nuit',
    ]) {
      for (const language of ['french', 'english'] as const) {
        expect(fromFile[language].search(title, 10)).toEqual(fromTables[language].search(title, 10));
      }
    }
    expect(fromFile.french.search('Cariste', 1).hits[0]?.romeCode).toBe('N1101');
  }, 60_000);

  it('gives each commune row the key communeKey computes, whether read from the index or decoded', () => {
    const index = communeIndex();
    const rows = readCommuneRows();
    expect(index.size).toBe(rows.length);
    for (const [row, [name]] of rows.entries()) {
      expect(index.key(row)).toBe(communeKey(name));
      expect(index.byKey(communeKey(name))?.some((record) => record.index === row)).toBe(true);
    }
    expect(index.record(rows.length - 1).name).toBe(rows.at(-1)![0]);
  }, 60_000);
});
