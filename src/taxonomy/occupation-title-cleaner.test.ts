import { describe, expect, it } from 'vitest';
import { cleanJobTitle } from './occupation-title-cleaner.js';

/** A vocabulary of job words for the tests: the share of a part's words that are in it. */
const JOB_WORDS = new Set(
  'agent entretien technicien 3d deratisation desinsectisation desinfection cariste warehouse operative nettoyage'.split(
    ' ',
  ),
);
const share = (part: string) => {
  const words = part
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g)
    ?.filter((word) => word.length > 1);
  if (!words || words.length === 0) return Number.NaN;
  return words.filter((word) => JOB_WORDS.has(word)).length / words.length;
};

describe('cleanJobTitle', () => {
  it('drops gender markers, company and agency tails', () => {
    expect(cleanJobTitle("Agent d'entretien H/F - ABER PROPRETE AGENCE MENDE", share).text).toBe(
      "Agent d'entretien",
    );
    expect(cleanJobTitle('Cariste (F/H) - Intérim - Saint-Priest', share).text).toBe('Cariste');
  });

  it('skips noise before the title and pay after it', () => {
    expect(cleanJobTitle('URGENT - Cariste', share).text).toBe('Cariste');
    expect(cleanJobTitle('Warehouse Operative - Nights - £12.50/hr', share).text).toBe('Warehouse Operative');
  });

  it('keeps later parts made of job words (a specialty)', () => {
    expect(
      cleanJobTitle('Technicien 3D (dératisation, désinsectisation, désinfection) H/F', share).text,
    ).toBe('Technicien 3D dératisation désinsectisation désinfection');
    expect(cleanJobTitle('Agent dentretien - Nettoyage - Saint-Etienne', share).text).toBe(
      'Agent dentretien Nettoyage',
    );
  });

  it('keeps inclusive writing inside the title', () => {
    expect(cleanJobTitle('Agent(e) d’entretien', share).text).toBe('Agent d’entretien');
  });

  it('lets the search read the whole text when no part has a known word', () => {
    expect(cleanJobTitle('Carriste - Lyon', () => 0).text).toBe('Carriste Lyon');
  });
});
