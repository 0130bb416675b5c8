import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devSamples, fitLogistic, MODEL_FILE } from '../../scripts/fit-occupation-confidence.js';
import { readAllTitleSets } from '../../scripts/occupation-eval/labelled-titles.js';
import { CONFIDENCE_FEATURES } from '../../src/taxonomy/occupation-confidence.js';

describe('occupation confidence model', () => {
  it('is what fitting on the dev titles gives today (run npm run fit:occupations after a matcher change)', () => {
    const samples = devSamples(readAllTitleSets());
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as {
      features: string[];
      code: number[];
      family: number[];
    };
    expect(committed.features).toEqual([...CONFIDENCE_FEATURES]);
    const family = fitLogistic(samples.map((sample) => ({ x: sample.features, y: sample.familyRight })));
    for (const [index, weight] of family.entries()) expect(weight).toBeCloseTo(committed.family[index]!, 4);
  }, 120_000);

  it('never reads held-out titles', () => {
    const titles = readAllTitleSets();
    const dev = titles.filter((title) => !title.heldOut && title.kind !== 'ambiguous').length;
    expect(devSamples(titles).length).toBeLessThanOrEqual(dev);
    expect(devSamples(titles.filter((title) => title.heldOut))).toEqual([]);
  }, 120_000);
});
