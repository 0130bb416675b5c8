/**
 * Geo lookup speed: table load (decode + index) and lookups per second for the usual query shapes.
 * Run: `npx tsx bench/geo.ts`.
 */
import { communeIndex } from '../src/geo/commune-table.js';
import { distanceKm, findCommuneMentions, lookupCommune } from '../src/geo/index.js';

export interface GeoBenchRow {
  case: string;
  operations: number;
  microsecondsPerOperation: number;
}

export function runGeoBench(): { loadMs: number; rows: GeoBenchRow[] } {
  const importStarted = performance.now();
  const index = communeIndex();
  const loadMs = performance.now() - importStarted;
  const cases: [string, () => unknown][] = [
    ['name (Saint-Priest)', () => lookupCommune({ city: 'St Priest' })],
    ['name + postal code', () => lookupCommune({ city: 'Valence', postalCode: '82400' })],
    ['arrondissement (Lyon 3e)', () => lookupCommune({ city: 'Lyon 3e' })],
    ['postal code only', () => lookupCommune({ postalCode: '69200' })],
    ['misspelt name, no postal code', () => lookupCommune({ city: 'Venisieux' })],
    ['unknown name', () => lookupCommune({ city: 'Nowhereville' })],
    ['distanceKm', () => distanceKm({ lat: 45.75, lon: 4.85 }, { lat: 48.85, lon: 2.35 })],
    [
      'findCommuneMentions (1 line)',
      () => findCommuneMentions('12 rue des Tilleuls, 69003 Lyon. Mission à Vénissieux (69).'),
    ],
  ];
  const rows: GeoBenchRow[] = [];
  for (const [name, run] of cases) {
    for (let i = 0; i < 20; i++) run();
    let operations = 0;
    const started = performance.now();
    while (performance.now() - started < 300) {
      run();
      operations++;
    }
    const elapsed = performance.now() - started;
    rows.push({ case: name, operations, microsecondsPerOperation: (elapsed * 1000) / operations });
  }
  console.log(`communes table: ${index.size} rows, decode + index ${loadMs.toFixed(1)} ms`);
  console.table(
    rows.map((row) => ({
      case: row.case,
      'µs/op': Number(row.microsecondsPerOperation.toFixed(2)),
      'ops/s': Math.round(1e6 / row.microsecondsPerOperation),
    })),
  );
  return { loadMs, rows };
}

const moduleStarted = performance.now();
await import('../src/geo/data/communes.json', { with: { type: 'json' } });
console.log(`JSON module import: ${(performance.now() - moduleStarted).toFixed(1)} ms`);
runGeoBench();
