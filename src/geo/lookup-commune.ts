import * as z from 'zod';
import { arrondissementKey, communeKey, departementsOfPostalCode } from './commune-key.js';
import { type CommuneRecord, communeIndex } from './commune-table.js';

export const communeSchema = z.object({
  /** Official name, e.g. `Saint-Priest`; for an arrondissement, the city (`Lyon`). */
  name: z.string(),
  /** INSEE code (`69123`); for an arrondissement, the city's code. */
  insee: z.string(),
  postalCodes: z.array(z.string()),
  /** Département code: `69`, `2A`, `974`. */
  departement: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** Legal population (of the whole city for an arrondissement). */
  population: z.number().int().nullable(),
  /**
   * `commune`: the commune's own point (GeoNames); `postal-code`: centroid of the communes sharing its postal
   * code (villages GeoNames does not list, typically within ~10 km); `departement`: centroid of its département.
   */
  precision: z.enum(['commune', 'postal-code', 'departement']),
  /** The municipal arrondissement of Paris, Lyon or Marseille when one was identified; lat/lon are then its own. */
  arrondissement: z.object({ name: z.string(), insee: z.string() }).nullable(),
  /**
   * The former or other name that matched, when it is not the commune's official name: a commune merged into a
   * commune nouvelle (`Annecy-le-Vieux` → Annecy) or a usual name (`Évry` → Évry-Courcouronnes). Lat/lon are
   * then the point of that place.
   */
  alias: z.string().nullable(),
  /** What identified the commune; `approximate-name` is a spelling-tolerant guess. */
  matchedBy: z.enum(['name+postal-code', 'name', 'postal-code', 'approximate-name']),
});
/** A French commune with coordinates, as `lookupCommune` returns it. */
export type Commune = z.infer<typeof communeSchema>;
export type CommuneMatch = Commune['matchedBy'];

export interface CommuneQuery {
  city?: string | null;
  postalCode?: string | null;
}

export interface LookupOptions {
  /** Accept a close spelling (`approximate-name`). Default true. */
  approximate?: boolean;
}

interface ParsedQuery {
  name: string | null;
  postalCode: string | null;
  departement: string | null;
}

const POSTAL_CODE = /(?<![\d])(?:F-?)?(\d{2}) ?(\d{3})(?![\d])/i;

/** Splits what people write ("69003 Lyon", "Lyon (69)", "Lyon Cedex 03", "Paris 15e, France") into parts. */
function parseQuery(query: CommuneQuery): ParsedQuery {
  let postalCode: string | null = null;
  let departement: string | null = null;
  const rawPostal = query.postalCode?.trim() ?? '';
  const postalMatch = POSTAL_CODE.exec(rawPostal);
  if (postalMatch) postalCode = `${postalMatch[1]}${postalMatch[2]}`;
  else if (/^(\d{2}|2[AB]|97\d)$/i.test(rawPostal)) departement = rawPostal.toUpperCase();

  let text = query.city?.trim() ?? '';
  const inParentheses = /\(([^)]*)\)/.exec(text);
  if (inParentheses) {
    const inner = inParentheses[1]!.trim();
    const innerPostal = POSTAL_CODE.exec(inner);
    if (innerPostal && !postalCode) postalCode = `${innerPostal[1]}${innerPostal[2]}`;
    else if (/^(\d{2}|2[AB]|97\d)$/i.test(inner)) departement ??= inner.toUpperCase();
    text = text.replace(inParentheses[0], ' ');
  }
  const textPostal = POSTAL_CODE.exec(text);
  if (textPostal) {
    postalCode ??= `${textPostal[1]}${textPostal[2]}`;
    text = text.replace(textPostal[0], ' ');
  }
  text = text
    .replace(/\bcedex\b(\s*\d{1,2})?/gi, ' ')
    .replace(/[,;/]\s*(france|fr)\s*$/i, ' ')
    .replace(/^[\s,;.\-–]+|[\s,;.\-–]+$/g, '');
  return { name: communeKey(text) ? text : null, postalCode, departement };
}

function weight(record: CommuneRecord, index: ReturnType<typeof communeIndex>): number {
  if (record.parentInsee === null) return record.population ?? 0;
  // Arrondissements and former communes ("Évry" → Évry-Courcouronnes) rank with the commune they belong to.
  return index.byInsee(record.parentInsee)?.population ?? 0;
}

function best(records: CommuneRecord[], index: ReturnType<typeof communeIndex>): CommuneRecord | null {
  let chosen: CommuneRecord | null = null;
  for (const record of records) {
    if (
      !chosen ||
      weight(record, index) > weight(chosen, index) ||
      (weight(record, index) === weight(chosen, index) && record.index < chosen.index)
    ) {
      chosen = record;
    }
  }
  return chosen;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

let fuzzyBuckets: Map<string, number[]> | null = null;

/** Rows whose key starts with the same letter and has a length within one of `key`'s (built on first use). */
function fuzzyPool(key: string): number[] {
  if (!fuzzyBuckets) {
    fuzzyBuckets = new Map();
    const index = communeIndex();
    for (let row = 0; row < index.size; row++) {
      const rowKey = index.key(row);
      const bucket = `${rowKey[0]}${rowKey.length}`;
      const list = fuzzyBuckets.get(bucket);
      if (list) list.push(row);
      else fuzzyBuckets.set(bucket, [row]);
    }
  }
  const pool: number[] = [];
  for (let length = key.length - 1; length <= key.length + 1; length++) {
    pool.push(...(fuzzyBuckets.get(`${key[0]}${length}`) ?? []));
  }
  return pool;
}

/** Closest names within `limit` edits among `rows` (all with the best distance), decoded. */
function closest(key: string, rows: readonly number[], limit: number): CommuneRecord[] {
  const index = communeIndex();
  let bestDistance = limit + 1;
  let found: number[] = [];
  for (const row of rows) {
    const distance = editDistance(key, index.key(row), limit);
    if (distance < bestDistance) {
      bestDistance = distance;
      found = [row];
    } else if (distance === bestDistance && distance <= limit) found.push(row);
  }
  return found.map((row) => index.record(row));
}

function toCommune(record: CommuneRecord, matchedBy: CommuneMatch, postalCode: string | null): Commune {
  const index = communeIndex();
  let chosen = record;
  // "Lyon" + 69003 → the 3rd arrondissement's point.
  if (!record.isArrondissement && postalCode) {
    const arrondissement = (index.byPostalCode(postalCode) ?? []).find(
      (candidate) => candidate.isArrondissement && candidate.parentInsee === record.insee,
    );
    if (arrondissement) chosen = arrondissement;
  }
  const parent = chosen.parentInsee !== null ? index.byInsee(chosen.parentInsee) : undefined;
  const city = parent && parent !== chosen ? parent : chosen;
  return {
    name: city.name,
    insee: city.insee,
    postalCodes: [...city.postalCodes],
    departement: city.departement,
    lat: chosen.lat,
    lon: chosen.lon,
    population: city.population,
    precision: chosen.precision,
    arrondissement: chosen.isArrondissement ? { name: chosen.name, insee: chosen.insee } : null,
    alias: !chosen.isArrondissement && city !== chosen ? chosen.name : null,
    matchedBy,
  };
}

/**
 * Finds a French commune from what a CV or a job order says: a city name (accent, case, hyphen and
 * `St`/`Saint` tolerant; `Lyon 3e`, `Lyon (69)`, `69003 Lyon`, `Lyon Cedex 03`), a postal code, or both.
 * The postal code disambiguates homonyms; a name alone gives the most populous homonym; a postal code alone
 * gives the most populous commune using it (or the arrondissement it designates). A misspelt name (one edit
 * with the same first letter, or two edits among the postal code's communes) is matched as `approximate-name`
 * unless `options.approximate` is false. Null when nothing fits.
 * The table (≈2 MB) is decoded on first call.
 */
export function lookupCommune(query: CommuneQuery, options: LookupOptions = {}): Commune | null {
  const approximate = options.approximate ?? true;
  const index = communeIndex();
  const parsed = parseQuery(query);
  const { postalCode, name } = parsed;
  const postalRecords = postalCode ? (index.byPostalCode(postalCode) ?? []) : [];
  const departements = postalCode
    ? departementsOfPostalCode(postalCode)
    : parsed.departement
      ? [parsed.departement]
      : null;
  const inDepartement = (record: CommuneRecord) => !departements || departements.includes(record.departement);

  if (name) {
    const key = communeKey(name);
    const arrondissement = arrondissementKey(name);
    const byName = (arrondissement ? index.byKey(arrondissement) : undefined) ?? index.byKey(key) ?? [];
    if (postalCode) {
      const withPostalCode = byName.filter((record) => record.postalCodes.includes(postalCode));
      const chosen = best(withPostalCode, index);
      if (chosen) return toCommune(chosen, 'name+postal-code', postalCode);
    }
    const chosen = best(byName.filter(inDepartement), index);
    if (chosen) return toCommune(chosen, 'name', postalCode);
    if (approximate && postalRecords.length > 0) {
      const near = best(
        closest(
          key,
          postalRecords.map((record) => record.index),
          2,
        ),
        index,
      );
      if (near) return toCommune(near, 'approximate-name', postalCode);
    } else if (approximate && key.length >= 5) {
      // Without a département to keep to, rows are compared by key without being decoded.
      const pool = departements
        ? fuzzyPool(key).filter((row) => inDepartement(index.record(row)))
        : fuzzyPool(key);
      const near = best(closest(key, pool, 1), index);
      if (near) return toCommune(near, 'approximate-name', postalCode);
    }
  }
  if (postalRecords.length > 0) {
    const arrondissement = postalRecords.find((record) => record.isArrondissement);
    const current = postalRecords.filter((record) => record.parentInsee === null);
    const chosen = arrondissement ?? best(current.length > 0 ? current : postalRecords, index);
    if (chosen) return toCommune(chosen, 'postal-code', postalCode);
  }
  return null;
}
