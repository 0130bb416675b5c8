import { describe, expect, it } from 'vitest';
import { evaluateOccupationSets } from '../../scripts/eval-occupations.js';
import { isHeldOut, readAllTitleSets, TITLE_SETS } from '../../scripts/occupation-eval/labelled-titles.js';

describe('occupation eval sets', () => {
  it('holds several hundred labelled titles per language, all with known codes, split ~70/30', () => {
    const titles = readAllTitleSets();
    const count = (set: string) => titles.filter((title) => title.set === set).length;
    expect(count('fr-offers')).toBeGreaterThanOrEqual(400);
    expect(count('en-boards') + count('en-dotin')).toBeGreaterThanOrEqual(400);
    expect(count('generic')).toBeGreaterThanOrEqual(100);
    const heldOut = titles.filter((title) => title.heldOut).length / titles.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.35);
    expect(new Set(titles.map((title) => title.set))).toEqual(new Set(TITLE_SETS));
  });

  it('splits by the folded title, so a re-cased title stays on its side', () => {
    expect(isHeldOut('Cariste H/F')).toBe(isHeldOut('  cariste   h/f '));
  });

  it('keeps the fixture floor: family top-1 ≥ 0.85 on the original list', () => {
    const { scores } = evaluateOccupationSets();
    for (const score of scores.filter((item) => item.set === 'fixtures')) {
      expect(score.familyTop1 / score.familyTotal).toBeGreaterThanOrEqual(0.85);
      expect(score.familyTop5).toBeGreaterThanOrEqual(score.familyTop1);
    }
  });
});
