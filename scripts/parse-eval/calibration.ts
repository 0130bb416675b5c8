/**
 * Whether the parser's confidences mean what they say: predicted values grouped by confidence, with the
 * share that was right in each group, and the expected calibration error (ECE: the count-weighted mean gap
 * between confidence and accuracy). A field read at 0.9 should be right about 90% of the time.
 */
import type { Calibration, CalibrationBin } from '../occupation-eval/evaluate.js';

/** One predicted value: its confidence and whether the scorer credited it. */
export interface CalibrationPoint {
  confidence: number;
  correct: boolean;
}

// The same shapes as the occupation evaluation's calibration (scripts/occupation-eval/evaluate.ts).
export type { Calibration, CalibrationBin };

const EDGES = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Groups points by confidence (bins [0, .3), [.3, .5), [.5, .6) … [.9, 1]) and measures each. */
export function calibrate(points: CalibrationPoint[]): Calibration {
  const bins: CalibrationBin[] = [];
  let gap = 0;
  for (let index = 0; index + 1 < EDGES.length; index++) {
    const from = EDGES[index]!;
    const to = EDGES[index + 1]!;
    const last = index + 2 === EDGES.length;
    const inside = points.filter(
      (point) => point.confidence >= from && (point.confidence < to || (last && point.confidence <= to)),
    );
    if (inside.length === 0) continue;
    const meanConfidence = inside.reduce((sum, point) => sum + point.confidence, 0) / inside.length;
    const accuracy = inside.filter((point) => point.correct).length / inside.length;
    bins.push({ from, to, count: inside.length, meanConfidence, accuracy });
    gap += inside.length * Math.abs(meanConfidence - accuracy);
  }
  return { bins, ece: points.length === 0 ? 0 : gap / points.length, count: points.length };
}

/** The calibration table `eval:parse` prints. */
export function formatCalibration(calibration: Calibration): string {
  const rows = [
    `confidence      n   mean conf  accuracy   (ECE ${calibration.ece.toFixed(3)} over ${calibration.count} values)`,
  ];
  for (const bin of calibration.bins)
    rows.push(
      `[${bin.from.toFixed(1)}, ${bin.to.toFixed(1)}${bin.to === 1 ? ']' : ')'}  ${String(bin.count).padStart(5)}   ${bin.meanConfidence.toFixed(3).padStart(8)}  ${bin.accuracy.toFixed(3).padStart(8)}`,
    );
  return rows.join('\n');
}
