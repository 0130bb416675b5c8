import { describe, expect, it } from 'vitest';
import { createBm25Index } from './bm25.js';

/*
 * Hand-computed example, k1 = 1.2, b = 0.75, idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)).
 *   d1 = [cariste, caces]            |d1| = 2
 *   d2 = [cariste, cariste, magasin] |d2| = 3
 *   d3 = [soudeur]                   |d3| = 1
 *   N = 3, avgdl = 6 / 3 = 2
 *
 * Query [cariste]: df = 2, idf = ln(1 + 1.5 / 2.5) = ln 1.6 = 0.470004
 *   d1: tf 1, K = 1.2·(0.25 + 0.75·2/2) = 1.2     → idf · 1·2.2 / (1 + 1.2)  = idf · 1        = 0.470004
 *   d2: tf 2, K = 1.2·(0.25 + 0.75·3/2) = 1.65    → idf · 2·2.2 / (2 + 1.65) = idf · 4.4/3.65 = 0.566580
 * Query [caces, soudeur]: df = 1 each, idf = ln(1 + 2.5 / 1.5) = ln(8/3) = 0.980829
 *   d1: tf 1, K = 1.2                             → idf · 2.2 / 2.2              = 0.980829
 *   d3: tf 1, K = 1.2·(0.25 + 0.75·1/2) = 0.75    → idf · 2.2 / 1.75             = 1.233043
 * After removing d2, query [cariste]: N = 2, df = 1, idf = ln(1 + 1.5/1.5) = ln 2, avgdl = 3/2
 *   d1: K = 1.2·(0.25 + 0.75·2/1.5) = 1.5         → ln 2 · 2.2 / 2.5             = 0.609970
 */
function build() {
  const index = createBm25Index();
  index.addTerms('d1', ['cariste', 'caces']);
  index.addTerms('d2', ['cariste', 'cariste', 'magasin']);
  index.addTerms('d3', ['soudeur']);
  return index;
}

describe('createBm25Index', () => {
  it('scores a tiny corpus as computed by hand', () => {
    const index = build();
    const cariste = index.scoreTerms(['cariste']);
    expect([...cariste.keys()].sort()).toEqual(['d1', 'd2']);
    expect(cariste.get('d1')).toBeCloseTo(0.470004, 5);
    expect(cariste.get('d2')).toBeCloseTo(0.56658, 5);

    const other = index.scoreTerms(['caces', 'soudeur']);
    expect(other.get('d1')).toBeCloseTo(0.980829, 5);
    expect(other.get('d3')).toBeCloseTo(1.233043, 5);
    expect(other.has('d2')).toBe(false);
  });

  it('counts a repeated query term once', () => {
    const index = build();
    expect(index.scoreTerms(['cariste', 'cariste']).get('d1')).toBeCloseTo(0.470004, 5);
  });

  it('updates statistics on remove and keeps the moved document searchable', () => {
    const index = build();
    expect(index.remove('d2')).toBe(true);
    expect(index.remove('d2')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.scoreTerms(['cariste']).get('d1')).toBeCloseTo(0.60997, 5);
    expect(index.scoreTerms(['soudeur']).has('d3')).toBe(true);
    expect(index.scoreTerms(['magasin']).size).toBe(0);
  });

  it('replaces a document added twice under the same id', () => {
    const index = build();
    index.addTerms('d3', ['cariste', 'caces']);
    expect(index.size).toBe(3);
    expect(index.scoreTerms(['soudeur']).size).toBe(0);
    expect(index.scoreTerms(['caces']).get('d3')).toBeCloseTo(
      index.scoreTerms(['caces']).get('d1') as number,
      12,
    );
  });

  it('searches text with French stemming and accent folding, best first', () => {
    const index = createBm25Index();
    index.add('a', 'Préparatrice de commandes, préparation sur chariot');
    index.add('b', 'Soudeur TIG, soudure inox');
    index.add('c', 'Préparateur de commandes et cariste');
    const hits = index.search('preparateur commande', { k: 5 });
    expect(hits.map((hit) => hit.id).sort()).toEqual(['a', 'c']);
    expect(index.search('soudure', { k: 5 }).map((hit) => hit.id)).toEqual(['b']);
  });
});
