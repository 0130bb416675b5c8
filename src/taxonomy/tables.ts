import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { TaxonomyDataError } from '../errors.js';
import type { OccupationIndexTables } from './occupation-search.js';
import type { SkillIndexTable } from './skills.js';

/**
 * The generated tables (see scripts/build-taxonomy.ts) are JSON files next to the code, read and parsed on
 * first use: `import('cvmatch')` reads none of them, and a caller that only normalises occupations never
 * parses the skill tables. In the source tree they live in `src/taxonomy/data/`; the build copies them to
 * `dist/data/taxonomy/` and tells each bundle where that is relative to itself (`__TAXONOMY_DATA__`, set by
 * tsup.config.ts: `./data/taxonomy/` for dist/index.{js,cjs}, `../data/taxonomy/` for dist/cli/main.js).
 */
declare const __TAXONOMY_DATA__: string | undefined;

/** Where the tables are, relative to this module (or to the bundle it was built into). */
function dataDirectory(): URL {
  const relative = typeof __TAXONOMY_DATA__ === 'string' ? __TAXONOMY_DATA__ : './data/';
  return new URL(relative, import.meta.url);
}

/**
 * Reads and parses `<name>.json` once, on the first call. A table marked `compressed` ships as
 * `<name>.json.br` (Brotli, see tsup.config.ts) and is read as such from the bundle; the source tree keeps
 * the JSON.
 */
export function lazyTable<T>(name: string, options: { compressed?: boolean } = {}): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) {
      const compressed = options.compressed === true && typeof __TAXONOMY_DATA__ === 'string';
      const url = new URL(`${name}.json${compressed ? '.br' : ''}`, dataDirectory());
      try {
        const bytes = readFileSync(url);
        value = JSON.parse((compressed ? brotliDecompressSync(bytes) : bytes).toString('utf8')) as T;
      } catch (error) {
        throw new TaxonomyDataError(
          url.pathname,
          `cannot load the taxonomy table ${url.pathname} (is the package's data/taxonomy folder present?)`,
          { cause: error },
        );
      }
    }
    return value;
  };
}

/** `[code, label, parentCode]`, sorted by code. */
export const occupationRows = lazyTable<readonly (readonly [string, string, string])[]>('occupations');
/**
 * French indexed titles `[code, source, "stem stem …"]`: source 0 ROME label, 1 main appellation, 2 other
 * appellation or acronym, 3 ESCO French label resolved to a ROME code at build time.
 */
export const frenchTitleRows = lazyTable<readonly (readonly [string, number, string])[]>('french-titles');
/** English indexed titles `[code, source, "stem stem …"]`: source 4 ESCO English label (see the build). */
export const englishTitleRows = lazyTable<readonly (readonly [string, number, string])[]>('english-titles');
/** `[word, stem]` for every word of the French indexed titles and skill labels. */
export const stemRows = lazyTable<readonly (readonly [string, string])[]>('stems');
/** `{ from: "to.order to.order ..." }`, order 1 = closest. */
export const mobilityRows = lazyTable<Readonly<Record<string, string>>>('mobility');
/** ROME v347 items `{ items: { ogr: label }, links: { code: ogr[] } }`. */
export const romeSkillRows = lazyTable<{
  items: Readonly<Record<string, string>>;
  links: Readonly<Record<string, readonly number[]>>;
}>('rome-skills');
/** ROME v3 (v347) labels of the 532 v3 codes, which are the v460 family codes: `{ code: label }`. */
export const romeV3Rows = lazyTable<Readonly<Record<string, string>>>('rome-v3');
/** ESCO skills `[uuid, preferredLabel, altLabels?]` (read by `buildSkillIndex` only: not shipped in dist/). */
export const escoSkillRows = lazyTable<readonly (readonly [string, string, string[]?])[]>('esco-skills');
/**
 * ESCO English skill labels `[uuid, preferredLabel, altLabels?]` for concepts of `esco-skills` (same uuid),
 * and `[word, stem]` for their words.
 */
export const escoEnglishSkillRows = lazyTable<{
  skills: readonly (readonly [string, string, string[]?])[];
  stems: readonly (readonly [string, string])[];
}>('esco-skills-en');
/** The skill lookup map and phrase matcher, prebuilt from the tables above (see `buildSkillIndex`). */
export const skillIndexRows = lazyTable<SkillIndexTable>('skill-index', { compressed: true });
/**
 * The French and English title indexes, prebuilt from the title tables and the curated lists (see
 * `buildOccupationIndexTables`).
 */
export const occupationIndexRows = lazyTable<OccupationIndexTables>('occupation-index', { compressed: true });
