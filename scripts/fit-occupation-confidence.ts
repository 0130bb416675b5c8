/**
 * Fits the occupation confidence model (src/taxonomy/occupation-confidence.ts) on the DEV part of the
 * labelled title sets and the FIT part of the calibration set (eval/occupations/calibration.tsv: labels the
 * vocabularies were not written from, searched with their own label masked), and writes its coefficients to
 * src/taxonomy/data/occupation-confidence.json.
 * Two L2-regularised logistic regressions over the same features: "the best code is right" (titles labelled
 * with exact codes, plus titles that name no occupation, which are always wrong) and "the best code's family
 * is right" (all labelled titles, plus those). Held-out titles and the calibration check part are never read.
 *
 *   npm run fit:occupations
 *
 * Deterministic (Newton's method from zero, fixed iterations): re-running on the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { occupationFamily } from '../src/taxonomy/index.js';
import { CONFIDENCE_FEATURES, confidenceFeatures } from '../src/taxonomy/occupation-confidence.js';
import { searchOccupations } from '../src/taxonomy/occupation-search.js';
import {
  type CalibrationTitle,
  readCalibrationSet,
  searchCalibrationTitle,
} from './occupation-eval/calibration-titles.js';
import { type LabelledTitle, readAllTitleSets } from './occupation-eval/labelled-titles.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_FILE = resolve(REPO_ROOT, 'src', 'taxonomy', 'data', 'occupation-confidence.json');

/** L2 penalty on every weight but the bias. */
const L2 = 1;
const ITERATIONS = 50;

interface Sample {
  features: number[];
  codeRight: boolean | null;
  familyRight: boolean;
  /** How much the sample counts in the fit. */
  weight: number;
}

/**
 * Weight of a calibration-set title relative to a dev title: the calibration set is large and generated, the
 * dev sets are real titles; this keeps both in view (about 4 200 calibration titles against 1 900 dev ones).
 */
export const CALIBRATION_WEIGHT = 0.5;

/** Features and outcomes of the dev titles that matched anything (the model is not used when nothing matched). */
export function devSamples(titles: readonly LabelledTitle[]): Sample[] {
  const samples: Sample[] = [];
  for (const item of titles) {
    if (item.heldOut || item.kind === 'ambiguous') continue;
    const search = searchOccupations(item.title, 5);
    const top = search.candidates[0];
    if (!top) continue;
    const family = occupationFamily(top.romeCode);
    const generic = item.kind === 'generic';
    samples.push({
      features: confidenceFeatures(search),
      codeRight: generic ? false : item.codes.length > 0 ? item.codes.includes(top.romeCode) : null,
      familyRight: !generic && family !== null && item.families.includes(family),
      weight: 1,
    });
  }
  return samples;
}

/** Features and outcomes of the calibration set's fit part (its check part is never read here). */
export function calibrationSamples(titles: readonly CalibrationTitle[]): Sample[] {
  const samples: Sample[] = [];
  for (const item of titles) {
    if (item.heldOut) continue;
    const search = searchCalibrationTitle(item);
    const top = search.candidates[0];
    if (!top) continue;
    const family = occupationFamily(top.romeCode);
    samples.push({
      features: confidenceFeatures(search),
      codeRight: item.codes.includes(top.romeCode),
      familyRight: family !== null && item.families.includes(family),
      weight: CALIBRATION_WEIGHT,
    });
  }
  return samples;
}

/** Every sample the fit reads: dev titles and the calibration set's fit part. */
export function fitSamples(): Sample[] {
  return [...devSamples(readAllTitleSets()), ...calibrationSamples(readCalibrationSet())];
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++)
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    for (let row = column + 1; row < n; row++) {
      const factor = a[row]![column]! / a[column]![column]!;
      for (let k = column; k <= n; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/** L2-regularised logistic regression by Newton's method. */
export function fitLogistic(
  rows: readonly { x: readonly number[]; y: boolean; weight?: number }[],
): number[] {
  const size = CONFIDENCE_FEATURES.length;
  let weights = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = weights.map((weight, index) => (index === 0 ? 0 : L2 * weight));
    const hessian = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => (i === j && i > 0 ? L2 : 0)),
    );
    for (const { x, y, weight = 1 } of rows) {
      let z = 0;
      for (let index = 0; index < size; index++) z += weights[index]! * x[index]!;
      const p = 1 / (1 + Math.exp(-z));
      const error = weight * (p - (y ? 1 : 0));
      const curvature = weight * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < size; i++) {
        gradient[i]! += error * x[i]!;
        for (let j = 0; j < size; j++) hessian[i]![j]! += curvature * x[i]! * x[j]!;
      }
    }
    const step = solve(hessian, gradient);
    weights = weights.map((weight, index) => weight - step[index]!);
  }
  return weights.map((weight) => Math.round(weight * 1e6) / 1e6);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const samples = fitSamples();
  const code = fitLogistic(
    samples
      .filter((sample) => sample.codeRight !== null)
      .map((sample) => ({ x: sample.features, y: sample.codeRight!, weight: sample.weight })),
  );
  const family = fitLogistic(
    samples.map((sample) => ({ x: sample.features, y: sample.familyRight, weight: sample.weight })),
  );
  const model = { features: [...CONFIDENCE_FEATURES], code, family };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 1)}\n`);
  const calibrationCount = samples.filter((sample) => sample.weight !== 1).length;
  process.stderr.write(
    `fitted on ${samples.length - calibrationCount} dev titles and ${calibrationCount} calibration titles; wrote ${MODEL_FILE}\n`,
  );
  for (const [index, name] of CONFIDENCE_FEATURES.entries()) {
    process.stderr.write(
      `${name.padEnd(18)}${code[index]!.toFixed(3).padStart(9)}${family[index]!.toFixed(3).padStart(9)}\n`,
    );
  }
}
