import { describe, expect, it } from 'vitest';
import { LICENCES } from './catalogue/licences.js';
import { findLicences, impliedLicences, licenceSatisfies, normalizeLicence } from './index.js';

const codes = (text: string) => findLicences(text).map((mention) => mention.value.code);

describe('normalizeLicence', () => {
  it('reads codes, everyday names and English forms', () => {
    const cases: [string, string][] = [
      ['B', 'B'],
      ['ce', 'CE'],
      ['C+E', 'CE'],
      ['EC', 'CE'],
      ['permis poids lourd', 'C'],
      ['poids lourd', 'C'],
      ['PL', 'C'],
      ['super lourd', 'CE'],
      ['permis SPL', 'CE'],
      ['permis VL', 'B'],
      ['permis transport en commun', 'D'],
      ['HGV class 1', 'CE'],
      ['HGV class 2', 'C'],
    ];
    for (const [text, code] of cases) expect(normalizeLicence(text)?.code, text).toBe(code);
    expect(normalizeLicence('véhiculé')).toBeNull();
  });

  it('resolves every everyday name of the catalogue to its category', () => {
    for (const entry of LICENCES) {
      for (const name of entry.names) expect(normalizeLicence(`permis ${name}`)?.code, name).toBe(entry.code);
    }
  });
});

describe('findLicences', () => {
  it('lists categories after "permis" with offsets', () => {
    const text = 'Permis B, C et CE';
    const mentions = findLicences(text);
    expect(mentions.map((mention) => mention.value.code)).toEqual(['B', 'C', 'CE']);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('does not take a lone letter, a language level or "permis de travail"', () => {
    expect(codes('Niveau B')).toEqual([]);
    expect(codes('Anglais B1 - B2')).toEqual([]);
    expect(codes('permis de travail valide')).toEqual([]);
    expect(codes('Permis de conduire B + véhicule')).toEqual(['B']);
    expect(codes('PERMIS DE CONDUIRE\nB, véhiculé')).toEqual(['B']);
  });

  it('handles headings, C+E and licences not held yet', () => {
    expect(codes('PERMIS\nB, C')).toEqual(['B', 'C']);
    expect(codes('Permis C+E, FIMO')).toEqual(['CE']);
    expect(codes('Permis B en cours')).toEqual([]);
    expect(codes('Full UK driving licence, HGV Class 1')).toEqual(['B', 'CE']);
  });
});

describe('licenceSatisfies', () => {
  it('follows the documented implications only', () => {
    expect(licenceSatisfies(['CE'], 'C')).toBe(true);
    expect(licenceSatisfies(['CE'], 'B')).toBe(true);
    expect(licenceSatisfies(['C'], 'CE')).toBe(false);
    expect(licenceSatisfies(['C'], 'D')).toBe(false);
    expect(licenceSatisfies(['B'], 'BE')).toBe(false);
    expect(licenceSatisfies(['B', 'C'], 'permis poids lourd')).toBe(true);
    expect(licenceSatisfies([], 'B')).toBe(false);
    expect(licenceSatisfies(['B'], 'not a licence')).toBe(false);
  });

  it('only implies categories that exist', () => {
    const known = new Set(LICENCES.map((entry) => entry.code));
    for (const entry of LICENCES)
      for (const implied of impliedLicences(entry.code)) expect(known.has(implied)).toBe(true);
  });
});
