import { readFileSync } from 'node:fs';
import { TaxonomyDataError } from '../errors.js';
import { arrondissementKey, communeKey, departementOfInsee } from './commune-key.js';

/**
 * The commune table (2 MB of JSON, see scripts/build-geo.ts) is read from disk on first use, not bundled:
 * `import('cvmatch')` and commands that never look a place up do not parse it. In the source tree it is
 * `src/geo/data/communes.json`; the build copies it to `dist/data/geo/` and tells each bundle where that is
 * relative to itself (`__GEO_DATA__`, set by tsup.config.ts), like the taxonomy tables (src/taxonomy/tables.ts).
 */
declare const __GEO_DATA__: string | undefined;

function readCommuneTable(): { rows: unknown[] } {
  const relative = typeof __GEO_DATA__ === 'string' ? __GEO_DATA__ : './data/';
  const url = new URL(`${relative}communes.json`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as { rows: unknown[] };
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

export interface CommuneIndex {
  records: CommuneRecord[];
  byKey: Map<string, CommuneRecord[]>;
  byPostalCode: Map<string, CommuneRecord[]>;
  byInsee: Map<string, CommuneRecord>;
  /** Milliseconds spent decoding and indexing on first use. */
  loadMs: number;
}

let cached: CommuneIndex | null = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Decodes and indexes the table on first call; later calls return the same index. */
export function communeIndex(): CommuneIndex {
  if (cached) return cached;
  const started = performance.now();
  const rows = readCommuneTable().rows as unknown as [
    string,
    string,
    string,
    number,
    number,
    number | null,
    number,
    string?,
  ][];
  const records: CommuneRecord[] = [];
  const byKey = new Map<string, CommuneRecord[]>();
  const byPostalCode = new Map<string, CommuneRecord[]>();
  const byInsee = new Map<string, CommuneRecord>();
  for (const [name, insee, postalCodes, lat, lon, population, precision, parentInsee] of rows) {
    const arrondissement =
      parentInsee !== undefined && /^(Paris|Lyon|Marseille) \d/.test(name) ? arrondissementKey(name) : null;
    const isArrondissement = arrondissement !== null;
    const record: CommuneRecord = {
      index: records.length,
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
      isArrondissement,
    };
    records.push(record);
    // A former commune that was the chef-lieu keeps the code of the new commune: the current one owns the code.
    if (record.parentInsee === null || !byInsee.has(insee)) byInsee.set(insee, record);
    push(byKey, record.key, record);
    if (arrondissement) push(byKey, arrondissement, record);
    for (const postalCode of record.postalCodes) push(byPostalCode, postalCode, record);
  }
  cached = { records, byKey, byPostalCode, byInsee, loadMs: performance.now() - started };
  return cached;
}
