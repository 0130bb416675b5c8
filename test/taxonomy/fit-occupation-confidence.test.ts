import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrationSamples,
  devSamples,
  fitLogistic,
  fitSamples,
  MODEL_FILE,
} from '../../scripts/fit-occupation-confidence.js';
import { readCalibrationSet } from '../../scripts/occupation-eval/calibration-titles.js';
import { readAllTitleSets } from '../../scripts/occupation-eval/labelled-titles.js';
import { CONFIDENCE_FEATURES } from '../../src/taxonomy/occupation-confidence.js';

describe('occupation confidence model', () => {
  it('is what fitting on the dev titles and the calibration fit part gives today (run npm run fit:occupations after a matcher change)', () => {
    const samples = fitSamples();
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as {
      features: string[];
      code: number[];
      family: number[];
    };
    expect(committed.features).toEqual([...CONFIDENCE_FEATURES]);
    const family = fitLogistic(
      samples.map((sample) => ({ x: sample.features, y: sample.familyRight, weight: sample.weight })),
    );
    for (const [index, weight] of family.entries()) expect(weight).toBeCloseTo(committed.family[index]!, 4);
  }, 120_000);

  it('never reads held-out titles', () => {
    const titles = readAllTitleSets();
    const dev = titles.filter((title) => !title.heldOut && title.kind !== 'ambiguous').length;
    expect(devSamples(titles).length).toBeLessThanOrEqual(dev);
    expect(devSamples(titles.filter((title) => title.heldOut))).toEqual([]);
    const calibration = readCalibrationSet();
    expect(calibrationSamples(calibration.filter((title) => title.heldOut))).toEqual([]);
    expect(calibrationSamples(calibration).length).toBeLessThanOrEqual(
      calibration.filter((title) => !title.heldOut).length,
    );
  }, 120_000);
});
