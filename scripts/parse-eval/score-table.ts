/** Per-field precision, recall and F1 from counts, micro-averaged, and the table `eval:parse` prints. */

/** Gold items, predicted items and true positives of one field. */
export interface FieldCounts {
  gold: number;
  predicted: number;
  /** Predictions credited (precision's numerator). */
  correct: number;
  /** Gold values found (recall's numerator) when it differs from `correct` (see field-matching.ts). */
  found?: number;
}

export interface FieldScore extends FieldCounts {
  field: string;
  precision: number;
  recall: number;
  f1: number;
}

export interface MicroScore {
  precision: number;
  recall: number;
  f1: number;
}

/** `numerator / denominator`, 1 when nothing was expected (or predicted). */
export const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? 1 : numerator / denominator;
export const harmonicMean = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** Scores each field and micro-averages the fields named in `microFields` (all by default). */
export function scoreFields(
  counts: Map<string, FieldCounts>,
  microFields?: readonly string[],
): { fields: FieldScore[]; micro: MicroScore } {
  const fields: FieldScore[] = [...counts.entries()].map(([field, count]) => {
    const precision = ratio(count.correct, count.predicted);
    const recall = ratio(count.found ?? count.correct, count.gold);
    return { field, ...count, precision, recall, f1: harmonicMean(precision, recall) };
  });
  const total = fields
    .filter((field) => microFields === undefined || microFields.includes(field.field))
    .reduce(
      (sum, field) => ({
        gold: sum.gold + field.gold,
        predicted: sum.predicted + field.predicted,
        correct: sum.correct + field.correct,
        found: sum.found + (field.found ?? field.correct),
      }),
      { gold: 0, predicted: 0, correct: 0, found: 0 },
    );
  const precision = ratio(total.correct, total.predicted);
  const recall = ratio(total.found, total.gold);
  return { fields, micro: { precision, recall, f1: harmonicMean(precision, recall) } };
}

/** Adds `more` into `into`, field by field. */
export function addCounts(into: Map<string, FieldCounts>, field: string, more: FieldCounts): void {
  const count = into.get(field) ?? { gold: 0, predicted: 0, correct: 0 };
  count.gold += more.gold;
  count.predicted += more.predicted;
  count.found = (count.found ?? count.correct) + (more.found ?? more.correct);
  count.correct += more.correct;
  into.set(field, count);
}

/** The field table: one row per field, then the micro-average (`microLabel` says over what). */
export function formatFieldTable(fields: FieldScore[], micro: MicroScore, microLabel = 'micro'): string {
  const pct = (value: number) => value.toFixed(3).padStart(6);
  return [
    `${'field'.padEnd(24)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'ok'.padStart(5)}  ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
    '-'.repeat(66),
    ...fields.map(
      (field) =>
        `${field.field.padEnd(24)} ${String(field.gold).padStart(5)} ${String(field.predicted).padStart(5)} ${String(field.correct).padStart(5)}  ${pct(field.precision)} ${pct(field.recall)} ${pct(field.f1)}`,
    ),
    '-'.repeat(66),
    `${microLabel.padEnd(42)} ${pct(micro.precision)} ${pct(micro.recall)} ${pct(micro.f1)}`,
  ].join('\n');
}
