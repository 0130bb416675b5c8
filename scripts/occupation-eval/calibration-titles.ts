/**
 * The calibration set (eval/occupations/calibration.tsv, written by build-calibration-set.ts): labels the
 * hand-written vocabularies were not written from, with generated noise. Each title is searched as one the
 * tables do not hold verbatim (its clean label's terms are masked), so it says how the confidence model fares
 * on titles nobody wrote down. Split by title hash: `fit` (the confidence fit may read it) and `check` (40 %,
 * only measured).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { occupationFamily } from '../../src/taxonomy/index.js';
import { occupationConfidence } from '../../src/taxonomy/occupation-confidence.js';
import { type OccupationSearch, searchOccupationsUnseen } from '../../src/taxonomy/occupation-search.js';
import { OCCUPATION_ABSTAIN_BELOW } from '../../src/taxonomy/occupations.js';
import type { Prediction } from './evaluate.js';
import { EVAL_DIR, type LabelledTitle, titleHash } from './labelled-titles.js';

export const CALIBRATION_FILE = resolve(EVAL_DIR, 'calibration.tsv');
/** Share of the calibration titles kept for checking only, in percent. */
export const CHECK_PERCENT = 40;

export interface CalibrationTitle extends LabelledTitle {
  set: 'calibration';
  /** The clean label the title was made from: indexed titles with its terms are masked when searching. */
  label: string;
}

export function readCalibrationSet(path = CALIBRATION_FILE): CalibrationTitle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line, index) => {
      const [title, expected, label, ...rest] = line.split('\t');
      if (!title || !expected || !label || rest.length > 0)
        throw new Error(`${path}: line ${index + 1}: expected "title<TAB>codes<TAB>label"`);
      const codes = expected.split('|');
      const families = [...new Set(codes.map((code) => occupationFamily(code)))];
      if (families.includes(null)) throw new Error(`${path}: unknown code in "${expected}"`);
      return {
        title,
        set: 'calibration' as const,
        kind: 'labelled' as const,
        codes,
        families: families as string[],
        heldOut: titleHash(title) % 100 < CHECK_PERCENT,
        label,
      };
    });
}

/** The search of a calibration title, its label masked. */
export function searchCalibrationTitle(item: CalibrationTitle, limit = 5): OccupationSearch {
  return searchOccupationsUnseen(item.title, limit, [item.label]);
}

/** What `normalizeOccupation` would answer if the tables did not hold the label. */
export function predictCalibrationTitle(item: CalibrationTitle): Prediction {
  const search = searchCalibrationTitle(item);
  const { confidence, familyConfidence } = occupationConfidence(search);
  return {
    codes: search.candidates.slice(0, 5).map((candidate) => candidate.romeCode),
    confidence,
    familyConfidence,
    abstained: search.candidates.length === 0 || familyConfidence < OCCUPATION_ABSTAIN_BELOW,
  };
}
