/**
 * Scores `normalizeOccupation` on labelled titles: code- and family-level top-1 / top-5, abstention, and the
 * calibration of its confidences (bins, ECE). Pure functions of the predictions, so the fit script and the
 * tests reuse them.
 */
import { normalizeOccupation, occupationFamily } from '../../src/taxonomy/index.js';
import type { LabelledTitle, TitleSet } from './labelled-titles.js';

/** What the evaluation reads from one `normalizeOccupation` answer. */
export interface Prediction {
  /** Codes best first (at most 5). */
  codes: string[];
  /** Probability that `codes[0]` is the right code. */
  confidence: number;
  /** Probability that `codes[0]`'s family is right. */
  familyConfidence: number;
  abstained: boolean;
}

export function predict(title: string): Prediction {
  const result = normalizeOccupation(title, { limit: 5 });
  return {
    codes: result.matches.map((match) => match.romeCode),
    confidence: result.confidence,
    familyConfidence: result.familyConfidence,
    abstained: result.abstained,
  };
}

export interface Outcome {
  item: LabelledTitle;
  prediction: Prediction;
  /** Rank (1-based) of the first right code in the top 5; null when none or not scored at code level. */
  codeRank: number | null;
  familyRank: number | null;
}

const family = (code: string) => occupationFamily(code) ?? code;

export function outcomeOf(item: LabelledTitle, prediction: Prediction): Outcome {
  const rank = (right: (code: string) => boolean) => {
    const position = prediction.codes.findIndex(right);
    return position >= 0 ? position + 1 : null;
  };
  return {
    item,
    prediction,
    codeRank: rank((code) => item.codes.includes(code)),
    familyRank: rank((code) => item.families.includes(family(code))),
  };
}

export function evaluateTitles(items: readonly LabelledTitle[]): Outcome[] {
  return items.map((item) => outcomeOf(item, predict(item.title)));
}

export interface SetScore {
  set: TitleSet;
  heldOut: boolean;
  /** Titles labelled with at least one exact code. */
  codeTotal: number;
  codeTop1: number;
  codeTop5: number;
  /** Titles labelled with a family (all labelled titles). */
  familyTotal: number;
  familyTop1: number;
  familyTop5: number;
  /** Labelled titles the matcher abstained on. */
  abstained: number;
  /** Titles that name no occupation, how many were abstained on, and how many got familyConfidence ≥ 0.5. */
  genericTotal: number;
  genericAbstained: number;
  genericConfident: number;
  genericMaxConfidence: number;
  /**
   * Sure and wrong, the worst failure: labelled titles answered with `familyConfidence` ≥ 0.9 in a wrong family,
   * plus titles that name no occupation answered with `familyConfidence` ≥ 0.9.
   */
  confidentWrong: number;
  /** The part of `confidentWrong` that are labelled titles. */
  labelledConfidentWrong: number;
  /** Labelled titles with exact codes answered with `confidence` ≥ 0.9 and a wrong code. */
  confidentWrongCode: number;
  ambiguous: number;
}

/** A confidence at or above this is "sure" for the confident-wrong counts. */
export const SURE_CONFIDENCE = 0.9;

export function scoreSet(outcomes: readonly Outcome[], set: TitleSet, heldOut: boolean): SetScore {
  const score: SetScore = {
    set,
    heldOut,
    codeTotal: 0,
    codeTop1: 0,
    codeTop5: 0,
    familyTotal: 0,
    familyTop1: 0,
    familyTop5: 0,
    abstained: 0,
    genericTotal: 0,
    genericAbstained: 0,
    genericConfident: 0,
    genericMaxConfidence: 0,
    confidentWrong: 0,
    labelledConfidentWrong: 0,
    confidentWrongCode: 0,
    ambiguous: 0,
  };
  for (const { item, prediction, codeRank, familyRank } of outcomes) {
    if (item.set !== set || item.heldOut !== heldOut) continue;
    if (item.kind === 'ambiguous') score.ambiguous++;
    else if (item.kind === 'generic') {
      score.genericTotal++;
      if (prediction.abstained) score.genericAbstained++;
      if (prediction.familyConfidence >= 0.5) score.genericConfident++;
      if (prediction.familyConfidence >= SURE_CONFIDENCE) score.confidentWrong++;
      score.genericMaxConfidence = Math.max(score.genericMaxConfidence, prediction.familyConfidence);
    } else {
      if (item.codes.length > 0) {
        score.codeTotal++;
        if (codeRank === 1) score.codeTop1++;
        if (codeRank !== null) score.codeTop5++;
        if (codeRank !== 1 && prediction.confidence >= SURE_CONFIDENCE) score.confidentWrongCode++;
      }
      if (familyRank !== 1 && prediction.familyConfidence >= SURE_CONFIDENCE) {
        score.confidentWrong++;
        score.labelledConfidentWrong++;
      }
      score.familyTotal++;
      if (familyRank === 1) score.familyTop1++;
      if (familyRank !== null) score.familyTop5++;
      if (prediction.abstained) score.abstained++;
    }
  }
  return score;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Expected calibration error: Σ (n_bin / n) · |accuracy − mean confidence|. */
  ece: number;
  count: number;
}

/**
 * Calibration of `confidence` (level `code`) or `familyConfidence` (level `family`) over scored and generic
 * titles (a generic title is a wrong answer whatever comes first), in ten equal-width bins.
 */
export function calibration(outcomes: readonly Outcome[], level: 'code' | 'family'): Calibration {
  const bins = Array.from({ length: 10 }, (_, index) => ({
    from: index / 10,
    to: (index + 1) / 10,
    n: 0,
    sum: 0,
    right: 0,
  }));
  let count = 0;
  for (const { item, prediction, codeRank, familyRank } of outcomes) {
    if (item.kind === 'ambiguous') continue;
    if (level === 'code' && item.kind === 'labelled' && item.codes.length === 0) continue;
    const confidence = level === 'code' ? prediction.confidence : prediction.familyConfidence;
    const right = item.kind === 'labelled' && (level === 'code' ? codeRank === 1 : familyRank === 1);
    const bin = bins[Math.min(9, Math.floor(confidence * 10))]!;
    bin.n++;
    bin.sum += confidence;
    if (right) bin.right++;
    count++;
  }
  let ece = 0;
  const result = bins.map(({ from, to, n, sum, right }) => {
    if (n > 0) ece += (n / count) * Math.abs(right / n - sum / n);
    return { from, to, count: n, meanConfidence: n ? sum / n : 0, accuracy: n ? right / n : 0 };
  });
  return { bins: result, ece, count };
}
