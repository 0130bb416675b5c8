import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { TaxonomyDataError } from '../errors.js';
import { lowerBound } from '../support/lower-bound.js';
import { arrondissementKey, communeKey, departementOfInsee } from './commune-key.js';

/**
 * The commune table (2 MB of JSON, see scripts/build-geo.ts) is read from disk on first use, not bundled:
 * `import('cvmatch')` and commands that never look a place up do not read it. In the source tree it is
 * `src/geo/data/communes.json`; the build copies it to `dist/data/geo/` and tells each bundle where that is
 * relative to itself (`__GEO_DATA__`, set by tsup.config.ts), like the taxonomy tables (src/taxonomy/tables.ts).
 *
 * Next to it, `commune-index.json` (written by scripts/build-indexes.ts from the table) holds the lookup keys
 * already computed and sorted: a process binary-searches them and decodes only the rows a lookup returns,
 * instead of decoding the 37,000 rows and building three maps at start-up.
 */
declare const __GEO_DATA__: string | undefined;

/** A file of the geo data folder as text; `compressed` ones ship as `<name>.br` (Brotli) in the bundle. */
function readGeoFile(name: string, options: { compressed?: boolean } = {}): string {
  const bundled = typeof __GEO_DATA__ === 'string';
  const compressed = options.compressed === true && bundled;
  const url = new URL(
    `${bundled ? __GEO_DATA__ : './data/'}${name}${compressed ? '.br' : ''}`,
    import.meta.url,
  );
  try {
    const bytes = readFileSync(url);
    return (compressed ? brotliDecompressSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new TaxonomyDataError(
      url.pathname,
      `cannot load the commune table ${url.pathname} (is the package's data/geo folder present?)`,
      { cause: error },
    );
  }
}

/** How precise a commune's coordinates are (see `scripts/build-geo.ts`). */
export type CoordinatePrecision = 'commune' | 'postal-code' | 'departement';

const PRECISIONS: CoordinatePrecision[] = ['commune', 'postal-code', 'departement'];

/** One row of `communes.json`: name, insee, postal codes, lat, lon, population, precision, parent insee. */
export type CommuneRow = [string, string, string, number, number, number | null, number, string?];

/** One row of the shipped table, decoded. Private to `src/geo`. */
export interface CommuneRecord {
  index: number;
  name: string;
  /** `communeKey(name)`. */
  key: string;
  insee: string;
  postalCodes: string[];
  departement: string;
  lat: number;
  lon: number;
  population: number | null;
  precision: CoordinatePrecision;
  /** Current commune of an arrondissement, of a former (delegated/associated) commune, or of an alias name. */
  parentInsee: string | null;
  isArrondissement: boolean;
}

/**
 * The name keys of the table, as `scripts/build-indexes.ts` writes them (`commune-index.json`): sorted, each
 * with its rows' indexes (space-separated, in row order). Computing them (`communeKey` on 37,000 names) is
 * most of what building the lookups costs; postal and INSEE codes are read from the rows as they are.
 */
export interface CommuneIndexTable {
  version: 1;
  rows: number;
  /** Name keys (and `lyon 3`-style arrondissement keys), sorted; `nameRows[i]` are the rows of `names[i]`. */
  names: string[];
  nameRows: string[];
}

export interface CommuneIndex {
  /** Rows in the table. */
  size: number;
  /** Row `index`, decoded on first use. */
  record(index: number): CommuneRecord;
  /** `communeKey(name)` of row `index` (all rows' keys are gathered on the first call). */
  key(index: number): string;
  /** Rows with this name key (or arrondissement key), in row order; undefined when none. */
  byKey(key: string): CommuneRecord[] | undefined;
  byPostalCode(postalCode: string): CommuneRecord[] | undefined;
  byInsee(insee: string): CommuneRecord | undefined;
  /** Milliseconds spent reading the table and its index on first use. */
  loadMs: number;
}

/** Whether a row is a municipal arrondissement, and its `lyon 3`-style key. */
function arrondissementOf(row: CommuneRow): string | null {
  const [name, , , , , , , parentInsee] = row;
  return parentInsee !== undefined && /^(Paris|Lyon|Marseille) \d/.test(name)
    ? arrondissementKey(name)
    : null;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The name keys of the table's rows (what `commune-index.json` holds, built by the build script). */
export function buildCommuneIndex(rows: readonly CommuneRow[]): CommuneIndexTable {
  const byKey = new Map<string, number[]>();
  for (const [index, row] of rows.entries()) {
    push(byKey, communeKey(row[0]), index);
    const arrondissement = arrondissementOf(row);
    if (arrondissement) push(byKey, arrondissement, index);
  }
  const names = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { version: 1, rows: rows.length, names, nameRows: names.map((name) => byKey.get(name)!.join(' ')) };
}

/** The table's rows as lines of text (scripts/build-geo.ts writes one row per line after the header line). */
function rowLines(text: string, expected: number): string[] {
  const lines = text.split('\n');
  // Header line, the rows, `]}` and the final empty line.
  if (!lines[0]?.endsWith('"rows":[') || lines.length !== expected + 3)
    throw new TaxonomyDataError('communes.json', 'the commune table does not have one row per line');
  return lines.slice(1, expected + 1);
}

/** All rows of the table, decoded (for the build script and tests). */
export function readCommuneRows(): CommuneRow[] {
  return (JSON.parse(readGeoFile('communes.json')) as { rows: CommuneRow[] }).rows;
}

/** INSEE code, postal codes and parent INSEE code of a row line, without decoding the rest (names hold no `"`). */
const CODES = /^\["[^"]*","([^"]*)","([^"]*)",[^,]*,[^,]*,[^,]*,[^,]*(?:,"([^"]*)")?\]/;

let cached: CommuneIndex | null = null;

/** Reads the table and its name index on first call; later calls return the same index. */
export function communeIndex(): CommuneIndex {
  if (cached) return cached;
  const started = performance.now();
  const table = JSON.parse(readGeoFile('commune-index.json', { compressed: true })) as CommuneIndexTable;
  const lines = rowLines(readGeoFile('communes.json'), table.rows);
  const records: (CommuneRecord | undefined)[] = new Array(table.rows);
  const decode = (index: number): CommuneRow => {
    const line = lines[index]!;
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as CommuneRow;
  };
  const record = (index: number): CommuneRecord => {
    const known = records[index];
    if (known) return known;
    const row = decode(index);
    const [name, insee, postalCodes, lat, lon, population, precision, parentInsee] = row;
    const decoded: CommuneRecord = {
      index,
      name,
      key: communeKey(name),
      insee,
      postalCodes: postalCodes ? postalCodes.split(' ') : [],
      departement: departementOfInsee(insee),
      lat,
      lon,
      population,
      precision: PRECISIONS[precision] ?? 'departement',
      parentInsee: parentInsee ?? null,
      isArrondissement: arrondissementOf(row) !== null,
    };
    records[index] = decoded;
    return decoded;
  };
  const rowsOf = (list: string) => list.split(' ').map((index) => record(Number(index)));
  // Postal and INSEE codes: read from the row lines on first use.
  let codes: { byPostalCode: Map<string, number[]>; byInsee: Map<string, number> } | null = null;
  const codeMaps = () => {
    if (codes) return codes;
    const byPostalCode = new Map<string, number[]>();
    const byInsee = new Map<string, number>();
    for (let index = 0; index < lines.length; index++) {
      const match = CODES.exec(lines[index]!);
      if (!match)
        throw new TaxonomyDataError('communes.json', `row ${index} of the commune table is malformed`);
      const [, insee, postalCodes, parentInsee] = match as unknown as [string, string, string, string?];
      // A former commune that was the chef-lieu keeps the code of the new commune: the current one owns it.
      if (parentInsee === undefined || !byInsee.has(insee)) byInsee.set(insee, index);
      if (postalCodes) for (const postalCode of postalCodes.split(' ')) push(byPostalCode, postalCode, index);
    }
    codes = { byPostalCode, byInsee };
    return codes;
  };
  // Each row's own key, for spelling-tolerant lookups: gathered from the name index on first use (a row listed
  // twice is an arrondissement, also listed under its `lyon 3` key: its own key is computed).
  let rowKeys: string[] | null = null;
  const key = (index: number): string => {
    if (!rowKeys) {
      const keys: string[] = new Array(table.rows);
      for (let position = 0; position < table.names.length; position++) {
        for (const row of table.nameRows[position]!.split(' ').map(Number)) {
          keys[row] = keys[row] === undefined ? table.names[position]! : record(row).key;
        }
      }
      rowKeys = keys;
    }
    return rowKeys[index]!;
  };
  cached = {
    size: table.rows,
    record,
    key,
    byKey: (name) => {
      const position = lowerBound(table.names, name);
      return table.names[position] === name ? rowsOf(table.nameRows[position]!) : undefined;
    },
    byPostalCode: (postalCode) => codeMaps().byPostalCode.get(postalCode)?.map(record),
    byInsee: (insee) => {
      const index = codeMaps().byInsee.get(insee);
      return index === undefined ? undefined : record(index);
    },
    loadMs: 0,
  };
  cached.loadMs = performance.now() - started;
  return cached;
}
