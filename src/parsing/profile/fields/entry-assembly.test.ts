import { describe, expect, it } from 'vitest';
import { type AssemblyPart, assembleEntry } from './entry-assembly.js';
import type { PartScores } from './part-classifier.js';

const scores = (title: number, employer: number): PartScores => ({
  title,
  employer,
  degree: 0,
  college: 0,
  skill: 0,
  other: 1 - title - employer,
});

/** Parts with made-up learned scores, no occupation known, no template. */
function assemble(
  parts: [string, PartScores, AssemblyPart['label']?][],
  template?: (part: AssemblyPart) => boolean,
) {
  const pieces: AssemblyPart[] = parts.map(([text, , label], index) => ({
    text,
    offset: index * 20,
    line: 0,
    ...(label ? { label } : {}),
  }));
  const byText = new Map(parts.map(([text, score]) => [text, score]));
  return assembleEntry(pieces, {
    classify: (part) => byText.get(part.text)!,
    isOccupation: () => false,
    atTemplate: (part, role) => role === 'title' && (template?.(part) ?? false),
  });
}

describe('assembleEntry', () => {
  it('gives the title and the employer to the pieces that read as them, whatever their order', () => {
    const found = assemble([
      ['Northwind Traders', scores(0.1, 0.85)],
      ['Senior Buyer', scores(0.9, 0.05)],
    ]);
    expect(found?.title?.text).toBe('Senior Buyer');
    expect(found?.company?.text).toBe('Northwind Traders');
    expect(found!.titleProbability).toBeGreaterThan(0.9);
    expect(found!.companyProbability).toBeGreaterThan(0.8);
  });

  it('leaves the employer empty when no other piece reads as one', () => {
    const found = assemble([
      ['Warehouse Operative', scores(0.9, 0.05)],
      ['Night shifts', scores(0.05, 0.05)],
    ]);
    expect(found?.title?.text).toBe('Warehouse Operative');
    expect(found?.company).toBeNull();
  });

  it('keeps a labelled piece in its role', () => {
    const found = assemble([
      ['Contoso', scores(0.8, 0.1), 'title'],
      ['Software Engineer', scores(0.9, 0.05)],
    ]);
    expect(found?.title?.text).toBe('Contoso');
  });

  it('says when the title is a toss-up, and lets the template decide it', () => {
    const parts: [string, PartScores][] = [
      ['Alder Rowan', scores(0.6, 0.01)],
      ['Birch Maple', scores(0.6, 0.01)],
    ];
    const alone = assemble(parts);
    expect(alone!.titleProbability).toBeLessThan(0.6);
    const withTemplate = assemble(parts, (part) => part.text === 'Birch Maple');
    expect(withTemplate?.title?.text).toBe('Birch Maple');
    expect(withTemplate!.titleProbability).toBeGreaterThan(alone!.titleProbability);
  });

  it('returns nothing for no pieces', () => {
    expect(
      assembleEntry([], { classify: () => scores(0, 0), isOccupation: () => false, atTemplate: () => false }),
    ).toBeNull();
  });
});
