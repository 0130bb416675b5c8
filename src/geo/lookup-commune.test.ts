import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../text/normalize.js';
import { communeKey } from './commune-key.js';
import { distanceKm } from './distance.js';
import { lookupCommune } from './lookup-commune.js';

describe('lookupCommune', () => {
  it('finds a commune by name, tolerant of accents, case, hyphens and St/Saint', () => {
    for (const city of ['Saint-Priest', 'saint priest', 'ST PRIEST', 'St-Priest', 'Saint Priest ']) {
      expect(lookupCommune({ city })?.insee, city).toBe('69290');
    }
    expect(lookupCommune({ city: 'venissieux' })?.name).toBe('Vénissieux');
    expect(lookupCommune({ city: 'SAINT-ETIENNE' })?.insee).toBe('42218');
  });

  it('uses the postal code to pick among homonyms, and the most populous homonym otherwise', () => {
    expect(lookupCommune({ city: 'Valence' })?.departement).toBe('26');
    const small = lookupCommune({ city: 'Valence', postalCode: '82400' });
    expect(small?.departement).toBe('82');
    expect(small?.matchedBy).toBe('name+postal-code');
    expect(lookupCommune({ city: 'Saint-Priest', postalCode: '07000' })?.departement).toBe('07');
  });

  it('reads arrondissements of Lyon, Paris and Marseille as the city, with the arrondissement point', () => {
    const lyon = lookupCommune({ city: 'Lyon' })!;
    for (const query of [
      { city: 'Lyon 3e' },
      { city: 'Lyon 3ème' },
      { city: 'lyon 03' },
      { postalCode: '69003' },
      { city: '69003 Lyon' },
      { city: 'Lyon', postalCode: '69003' },
    ]) {
      const commune = lookupCommune(query);
      expect(commune?.name, JSON.stringify(query)).toBe('Lyon');
      expect(commune?.insee).toBe('69123');
      expect(commune?.arrondissement?.insee).toBe('69383');
      expect(commune?.lat).not.toBe(lyon.lat);
    }
    expect(lookupCommune({ city: 'Paris 15e' })?.arrondissement?.insee).toBe('75115');
    expect(lookupCommune({ postalCode: '75116' })?.arrondissement?.insee).toBe('75116');
    expect(lookupCommune({ city: 'Marseille 13ème arrondissement' })?.arrondissement?.insee).toBe('13213');
  });

  it('understands "Lyon (69)", CEDEX codes and a postal code inside the city text', () => {
    expect(lookupCommune({ city: 'Lyon (69)' })?.insee).toBe('69123');
    expect(lookupCommune({ city: '69441 Lyon Cedex 03' })?.insee).toBe('69123');
    expect(lookupCommune({ city: 'Valence (82)' })?.insee).toBe('82186');
    expect(lookupCommune({ city: 'Corbas 69960' })?.matchedBy).toBe('name+postal-code');
  });

  it('falls back to the postal code, then to a close spelling, then to null', () => {
    const byPostal = lookupCommune({ city: 'Quartier Inconnu', postalCode: '69200' });
    expect(byPostal?.name).toBe('Vénissieux');
    expect(byPostal?.matchedBy).toBe('postal-code');
    const typo = lookupCommune({ city: 'Venisieux' });
    expect(typo?.name).toBe('Vénissieux');
    expect(typo?.matchedBy).toBe('approximate-name');
    expect(lookupCommune({ city: 'Nowhereville-sur-Rien' })).toBeNull();
    expect(lookupCommune({ postalCode: '00000' })).toBeNull();
    expect(lookupCommune({})).toBeNull();
    expect(lookupCommune({ city: '   ', postalCode: null })).toBeNull();
  });

  it('covers Corsica and overseas départements', () => {
    expect(lookupCommune({ city: 'Ajaccio' })?.departement).toBe('2A');
    expect(lookupCommune({ city: 'Bastia' })?.departement).toBe('2B');
    expect(lookupCommune({ city: 'Saint-Denis', postalCode: '97400' })?.departement).toBe('974');
    expect(lookupCommune({ city: 'Saint-Denis', postalCode: '93200' })?.departement).toBe('93');
  });

  it('gives villages missing from GeoNames a nearby point and says so', () => {
    // L'Abergement-Clémenciat (01, ~800 inhabitants) is not in GeoNames' cities list.
    const village = lookupCommune({ city: "L'Abergement-Clémenciat" })!;
    expect(village.precision).not.toBe('commune');
    const chatillon = lookupCommune({ city: 'Châtillon-sur-Chalaronne', postalCode: '01400' })!;
    expect(distanceKm(village, chatillon)).toBeLessThan(15);
  });

  it('returns coordinates consistent with known distances', () => {
    const paris = lookupCommune({ city: 'Paris' })!;
    const lyon = lookupCommune({ city: 'Lyon' })!;
    const marseille = lookupCommune({ city: 'Marseille' })!;
    // Straight-line distances: Paris–Lyon ≈ 392 km, Lyon–Marseille ≈ 278 km.
    expect(distanceKm(paris, lyon)).toBeGreaterThan(385);
    expect(distanceKm(paris, lyon)).toBeLessThan(400);
    expect(distanceKm(lyon, marseille)).toBeGreaterThan(270);
    expect(distanceKm(lyon, marseille)).toBeLessThan(285);
  });
});

describe('lookupCommune: former and usual names', () => {
  it('maps a commune merged into a commune nouvelle to the current commune, at its own point', () => {
    const commune = lookupCommune({ city: 'Annecy-le-Vieux' });
    expect(commune?.insee).toBe('74010');
    expect(commune?.name).toBe('Annecy');
    expect(commune?.alias).toBe('Annecy-le-Vieux');
    const annecy = lookupCommune({ city: 'Annecy' })!;
    expect(annecy.alias).toBeNull();
    expect(commune?.lat).not.toBe(annecy.lat);
  });

  it('knows the usual name of a commune nouvelle and prefers it to a small homonym', () => {
    const evry = lookupCommune({ city: 'Évry' });
    expect(evry?.insee).toBe('91228');
    expect(evry?.alias).toBe('Évry');
    expect(lookupCommune({ city: 'Évry', postalCode: '89140' })?.insee).toBe('89162');
  });
});

describe('communeKey', () => {
  it('gives the same key on the ASCII fast path as through full normalisation', () => {
    for (const name of [
      "L'Abergement-de-Varey",
      'ST PRIEST',
      'Lyon  03',
      'Paris 15 Vaugirard',
      'Ste-Foy-lès-Lyon',
    ]) {
      expect(communeKey(name)).toBe(
        normalizeKey(name)
          .replace(/\bste\b/g, 'sainte')
          .replace(/\bst\b/g, 'saint'),
      );
    }
    expect(communeKey('St-Priest')).toBe('saint priest');
  });
});
