import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_DIR } from '../../scripts/build-taxonomy.js';
import { evaluateOccupationSets } from '../../scripts/eval-occupations.js';
import { buildGenericTitles, GENERIC_AUTO_FILE } from '../../scripts/occupation-eval/build-generic-set.js';
import { readCalibrationSet } from '../../scripts/occupation-eval/calibration-titles.js';
import {
  DEV_ONLY_SETS,
  HELD_OUT_SETS,
  isHeldOut,
  readAllTitleSets,
  TITLE_SETS,
} from '../../scripts/occupation-eval/labelled-titles.js';

describe('occupation eval sets', () => {
  it('holds several hundred labelled titles per language, all with known codes, split ~70/30', () => {
    const all = readAllTitleSets();
    const titles = all.filter((title) => !HELD_OUT_SETS.has(title.set));
    const count = (set: string) => titles.filter((title) => title.set === set).length;
    expect(count('fr-offers')).toBeGreaterThanOrEqual(400);
    expect(count('en-boards') + count('en-dotin')).toBeGreaterThanOrEqual(400);
    expect(count('generic')).toBeGreaterThanOrEqual(100);
    // The ~70/30 split is by title hash; the dev-only sets are dev whole.
    const split = titles.filter((title) => !DEV_ONLY_SETS.has(title.set));
    const heldOut = split.filter((title) => title.heldOut).length / split.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.35);
    expect(new Set(all.map((title) => title.set))).toEqual(new Set(TITLE_SETS));
  });

  it('keeps the sets set aside whole out of the dev part', () => {
    const aside = readAllTitleSets().filter((title) => HELD_OUT_SETS.has(title.set));
    expect(aside.length).toBeGreaterThanOrEqual(300);
    expect(aside.every((title) => title.heldOut)).toBe(true);
  });

  it('keeps the dev-only sets in the dev part, with no title of a held-out set of the same source', () => {
    const all = readAllTitleSets();
    const devOnly = all.filter((title) => DEV_ONLY_SETS.has(title.set));
    expect(devOnly.length).toBeGreaterThanOrEqual(300);
    expect(devOnly.some((title) => title.heldOut)).toBe(false);
    const fold = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();
    const aside = new Set(
      all.filter((title) => HELD_OUT_SETS.has(title.set)).map((title) => fold(title.title)),
    );
    expect(devOnly.filter((title) => aside.has(fold(title.title)))).toEqual([]);
  });

  it('holds a generated calibration set with known codes, split ~60/40 into fit and check parts', () => {
    const calibration = readCalibrationSet();
    expect(calibration.length).toBeGreaterThanOrEqual(5000);
    const check = calibration.filter((title) => title.heldOut).length / calibration.length;
    expect(check).toBeGreaterThan(0.35);
    expect(check).toBeLessThan(0.45);
    expect(calibration.every((title) => title.families.length > 0 && title.label.length > 0)).toBe(true);
  });

  it.skipIf(!existsSync(DEFAULT_SOURCE_DIR))(
    'holds the generic titles the builder finds in the ROME and ESCO labels today, none labelled elsewhere',
    () => {
      const titles = buildGenericTitles(DEFAULT_SOURCE_DIR);
      const written = readFileSync(GENERIC_AUTO_FILE, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split('\t')[0]);
      expect(written).toEqual(titles);
      expect(titles.length).toBeGreaterThanOrEqual(150);
      const labelled = new Set(
        readAllTitleSets()
          .filter((title) => title.set !== 'generic-auto')
          .map((title) => title.title.toLowerCase()),
      );
      expect(titles.filter((title) => labelled.has(title.toLowerCase()))).toEqual([]);
    },
    60_000,
  );

  it('splits by the folded title, so a re-cased title stays on its side', () => {
    expect(isHeldOut('Cariste H/F')).toBe(isHeldOut('  cariste   h/f '));
  });

  it('keeps its floors: family top-1 ≥ 0.85 on offer and job-board titles, few sure answers to generic titles, calibrated', () => {
    const { scores, calibration } = evaluateOccupationSets();
    for (const score of scores.filter((item) => ['fixtures', 'fr-offers', 'en-boards'].includes(item.set))) {
      expect(score.familyTop1 / score.familyTotal, `${score.set} ${score.heldOut}`).toBeGreaterThanOrEqual(
        0.85,
      );
      expect(score.familyTop5).toBeGreaterThanOrEqual(score.familyTop1);
    }
    const generic = scores.filter((item) => item.set === 'generic');
    const confident = generic.reduce((sum, item) => sum + item.genericConfident, 0);
    const total = generic.reduce((sum, item) => sum + item.genericTotal, 0);
    expect(confident / total).toBeLessThanOrEqual(0.1);
    // Generated generic titles (heads spread over many families, exact labels among them): few answered sure.
    const spread = scores.filter((item) => item.set === 'generic-auto');
    const sure = spread.reduce((sum, item) => sum + item.confidentWrong, 0);
    expect(sure / spread.reduce((sum, item) => sum + item.genericTotal, 0)).toBeLessThanOrEqual(0.05);
    expect(calibration.heldOut.family.ece).toBeLessThanOrEqual(0.08);
    expect(calibration.heldOut.code.ece).toBeLessThanOrEqual(0.08);
    // On titles the vocabularies were not written from (labels masked), the refitted model stays calibrated.
    expect(calibration.check.family.ece).toBeLessThanOrEqual(0.06);
    expect(calibration.check.code.ece).toBeLessThanOrEqual(0.06);
  }, 120_000);
});
