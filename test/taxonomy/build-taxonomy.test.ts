import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTaxonomy,
  DEFAULT_OUTPUT_DIR,
  DEFAULT_SOURCE_DIR,
  parseCsv,
  TAXONOMY_FILES,
} from '../../scripts/build-taxonomy.js';

const hasSource = existsSync(DEFAULT_SOURCE_DIR);
const outputDir = mkdtempSync(join(tmpdir(), 'cvmatch-taxonomy-'));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

describe('build-taxonomy', () => {
  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', ''],
    ]);
  });

  it.skipIf(!hasSource)(
    `regenerates byte-identical tables from ${DEFAULT_SOURCE_DIR} (skipped when that folder is absent)`,
    () => {
      const result = buildTaxonomy({ outputDir });
      expect(result.files.map((file) => file.name)).toEqual([...TAXONOMY_FILES]);
      const total = result.files.reduce((sum, file) => sum + file.bytes, 0);
      // French and English title tables, ROME and ESCO (French and English) skills: about 4.7 MB of JSON,
      // read on first use.
      expect(total).toBeLessThan(5_000_000);
      for (const name of TAXONOMY_FILES) {
        const generated = readFileSync(join(outputDir, name));
        const committed = readFileSync(join(DEFAULT_OUTPUT_DIR, name));
        expect(generated.equals(committed), `${name} differs: run npm run build:taxonomy`).toBe(true);
      }
    },
    120_000,
  );
});
