/**
 * Scores one labelled reply set (eval/screening/*.jsonl) against a reader: intent accuracy, per-intent
 * precision and recall, the decision-changing errors (a reply read as yes or as a date when it says
 * neither) and extraction accuracy. Used by eval-screening.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobOrder } from '../src/domain/index.js';
import {
  type QuestionTopic,
  type ReplyIntent,
  type ReplyInterpretation,
  replyIntentSchema,
} from '../src/domain/index.js';
import { isUnsure } from '../src/screening/index.js';

export interface LabelledReply {
  topic: QuestionTopic;
  code?: string;
  job?: string;
  language?: 'fr' | 'en';
  text: string;
  intent: ReplyIntent;
  expected?: {
    /** `kind:YYYY-MM-DD`, or a bare `YYYY-MM-DD` when any kind is right. */
    dates?: string[];
    certificates?: string[];
    rates?: number[];
    transport?: string;
    questionAbout?: string;
    /** Fragments (protected facts) that must never reach the recruiter's outcome. */
    protected?: string[];
  };
}

export type ReplyReader = (row: LabelledReply, job: JobOrder) => ReplyInterpretation;

export interface IntentScore {
  intent: ReplyIntent;
  labelled: number;
  predicted: number;
  correct: number;
  /** Null when nothing was predicted with this intent. */
  precision: number | null;
  recall: number | null;
}

/** Scores of one labelled set. */
export interface ReplySetScore {
  name: string;
  file: string;
  /** Held-out sets are never tuned on: their misses are not printed unless asked. */
  heldOut: boolean;
  replies: number;
  intentAccuracy: number;
  perIntent: IntentScore[];
  /**
   * Replies read as `yes` or `date_given` whose label is neither, plus `yes` read where the label is a
   * date (the reply gives a later date than the job's): the errors that wrongly make someone available.
   */
  wronglyPositive: { text: string; topic: string; expected: string; got: string }[];
  extractionChecked: number;
  extractionAccuracy: number;
  /**
   * Share of replies whose reading is unsure (`isUnsure`: nothing usable, or a confidence under 0.6):
   * those are asked again in other words, then handed to a person. The price of precision.
   */
  unclearRate: number;
  /**
   * Reliability of the confidence: answers taken (yes, no, partial, a date, not unsure) by confidence bin,
   * with how many were right. A calibrated reader's accuracy in a bin is near the bin's confidence or above.
   */
  calibration: { from: number; to: number; readings: number; correct: number }[];
  /**
   * Reliability of a yes or a date as the rules read it, before any threshold: readings by confidence bin
   * and how many were right (the label is a yes or a date too, not a yes for a date). Used to choose the
   * confidence from which a yes or a date is taken (`POSITIVE_ANSWER_FROM`).
   */
  positiveReliability: { from: number; to: number; readings: number; correct: number }[];
  misses: { text: string; topic: string; expected: string; got: string }[];
  extractionMisses: { text: string; field: string; expected: string; got: string }[];
  confusion: Record<string, Record<string, number>>;
}

export function readReplySet(root: string, file: string): LabelledReply[] {
  return readFileSync(join(root, 'eval', 'screening', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledReply);
}

function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Expected dates may omit the kind (`2027-01-11`): then only the day is compared. */
function sameDates(got: readonly string[], expected: readonly string[]): boolean {
  if (got.length !== expected.length) return false;
  return expected.every((want, index) => {
    const have = got[index] ?? '';
    return want.includes(':') ? have === want : have.endsWith(`:${want}`);
  });
}

const POSITIVE: readonly ReplyIntent[] = ['yes', 'date_given'];
const ANSWERS: readonly ReplyIntent[] = ['yes', 'no', 'partial', 'date_given'];
/** Finer bins for the reliability of yes and dates, from the unsure threshold down. */
export const POSITIVE_BINS: readonly [number, number][] = [
  [0, 0.6],
  [0.6, 0.7],
  [0.7, 0.75],
  [0.75, 0.8],
  [0.8, 0.85],
  [0.85, 0.9],
  [0.9, 1.01],
];
const CONFIDENCE_BINS: readonly [number, number][] = [
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1.01],
];

function isWronglyPositive(expected: ReplyIntent, got: ReplyIntent): boolean {
  if (expected === got) return false;
  if (!POSITIVE.includes(got)) return false;
  return !POSITIVE.includes(expected) || (expected === 'date_given' && got === 'yes');
}

function extractionFields(
  row: LabelledReply,
  reading: ReplyInterpretation,
): [string, boolean, string, string][] {
  const got = reading.extracted;
  const expected = row.expected ?? {};
  const fields: [string, boolean, string, string][] = [];
  if (expected.dates) {
    const dates = got.dates.map((date) => `${date.kind}:${date.date}`);
    fields.push(['dates', sameDates(dates, expected.dates), expected.dates.join(' '), dates.join(' ')]);
  }
  if (expected.certificates) {
    const codes = got.certificates.map((item) => `${item.code}${item.negated ? '!' : ''}`);
    fields.push([
      'certificates',
      sameList(codes, expected.certificates),
      expected.certificates.join(' '),
      codes.join(' '),
    ]);
  }
  if (expected.rates)
    fields.push([
      'rates',
      sameList(got.hourlyRates, expected.rates),
      expected.rates.join(' '),
      got.hourlyRates.join(' '),
    ]);
  if (expected.transport)
    fields.push([
      'transport',
      got.transport === expected.transport,
      expected.transport,
      String(got.transport),
    ]);
  if (expected.questionAbout)
    fields.push([
      'questionAbout',
      got.questionAbout === expected.questionAbout,
      expected.questionAbout,
      String(got.questionAbout),
    ]);
  return fields;
}

export function scoreReplySet(
  set: { name: string; file: string; heldOut: boolean },
  rows: LabelledReply[],
  jobs: Map<string, JobOrder>,
  read: ReplyReader,
): ReplySetScore {
  const confusion: Record<string, Record<string, number>> = {};
  const misses: ReplySetScore['misses'] = [];
  const wronglyPositive: ReplySetScore['wronglyPositive'] = [];
  const extractionMisses: ReplySetScore['extractionMisses'] = [];
  let correct = 0;
  let extractionChecked = 0;
  let extractionCorrect = 0;
  let unclear = 0;
  const calibration = CONFIDENCE_BINS.map(([from, to]) => ({ from, to, readings: 0, correct: 0 }));
  const positiveReliability = POSITIVE_BINS.map(([from, to]) => ({ from, to, readings: 0, correct: 0 }));
  for (const row of rows) {
    const job = jobs.get(row.job ?? 'cariste-lyon');
    if (!job) throw new Error(`unknown job fixture ${row.job}`);
    const read0 = read(row, job);
    // What the conversation does with it: an answer read with a confidence under the unsure threshold is
    // no answer (asked again, then a person), so it counts as `off_topic`.
    if (POSITIVE.includes(read0.intent)) {
      const bin = positiveReliability.find(
        (item) => read0.confidence >= item.from && read0.confidence < item.to,
      );
      if (bin) {
        bin.readings++;
        if (!isWronglyPositive(row.intent, read0.intent)) bin.correct++;
      }
    }
    const unsure = isUnsure(read0);
    const reading: ReplyInterpretation =
      unsure && ANSWERS.includes(read0.intent) ? { ...read0, intent: 'off_topic' } : read0;
    if (unsure) unclear++;
    else if (ANSWERS.includes(reading.intent)) {
      const bin = calibration.find((item) => reading.confidence >= item.from && reading.confidence < item.to);
      if (bin) {
        bin.readings++;
        if (reading.intent === row.intent) bin.correct++;
      }
    }
    confusion[row.intent] ??= {};
    confusion[row.intent]![reading.intent] = (confusion[row.intent]![reading.intent] ?? 0) + 1;
    const miss = { text: row.text, topic: row.topic, expected: row.intent, got: reading.intent };
    if (reading.intent === row.intent) correct++;
    else misses.push(miss);
    if (isWronglyPositive(row.intent, reading.intent)) wronglyPositive.push(miss);
    const fields = extractionFields(row, reading);
    if (fields.length === 0) continue;
    extractionChecked++;
    if (fields.every(([, ok]) => ok)) extractionCorrect++;
    for (const [field, ok, want, have] of fields)
      if (!ok) extractionMisses.push({ text: row.text, field, expected: want, got: have });
  }
  const perIntent = replyIntentSchema.options.map((intent): IntentScore => {
    const labelled = rows.filter((row) => row.intent === intent).length;
    const predicted = Object.values(confusion).reduce((sum, row) => sum + (row[intent] ?? 0), 0);
    const hits = confusion[intent]?.[intent] ?? 0;
    return {
      intent,
      labelled,
      predicted,
      correct: hits,
      precision: predicted ? hits / predicted : null,
      recall: labelled ? hits / labelled : null,
    };
  });
  return {
    ...set,
    replies: rows.length,
    intentAccuracy: correct / rows.length,
    perIntent,
    wronglyPositive,
    extractionChecked,
    extractionAccuracy: extractionChecked ? extractionCorrect / extractionChecked : 1,
    unclearRate: rows.length ? unclear / rows.length : 0,
    calibration,
    positiveReliability,
    misses,
    extractionMisses,
    confusion,
  };
}

const percent = (value: number | null) =>
  value === null ? '   -  ' : `${(value * 100).toFixed(1)}%`.padStart(6);

/** Readable lines for one set; a held-out set's misses only when `showHeldOut`. */
export function formatReplySet(set: ReplySetScore, showHeldOut: boolean): string[] {
  const out: string[] = [];
  const intents = replyIntentSchema.options;
  out.push(`== ${set.name}: ${set.replies} replies (${set.file})`);
  out.push(`Intent accuracy:     ${(set.intentAccuracy * 100).toFixed(1)} %`);
  out.push(
    `Extraction accuracy: ${(set.extractionAccuracy * 100).toFixed(1)} % (${set.extractionChecked} replies with expected values)`,
  );
  out.push(`Read as yes/date without saying so: ${set.wronglyPositive.length}`);
  out.push(`Unclear (asked again, then a person): ${(set.unclearRate * 100).toFixed(1)} %`);
  out.push(
    `Answers taken by confidence: ${set.calibration
      .map(
        (bin) =>
          `[${bin.from.toFixed(1)}, ${Math.min(bin.to, 1).toFixed(1)}${bin.to > 1 ? ']' : ')'} ${bin.correct}/${bin.readings}`,
      )
      .join('  ')}`,
  );
  out.push('Intent        labelled  predicted  precision  recall');
  for (const score of set.perIntent)
    out.push(
      `${score.intent.padEnd(12)}${String(score.labelled).padStart(10)}${String(score.predicted).padStart(11)}   ${percent(score.precision)}   ${percent(score.recall)}`,
    );
  out.push('Confusion (rows: expected, columns: read)');
  const short = (intent: string) => intent.slice(0, 8).padStart(9);
  out.push(`${''.padEnd(12)}${intents.map(short).join('')}`);
  for (const expected of intents) {
    const row = set.confusion[expected] ?? {};
    out.push(`${expected.padEnd(12)}${intents.map((got) => String(row[got] ?? '.').padStart(9)).join('')}`);
  }
  if (set.heldOut && !showHeldOut) {
    out.push('(held-out set: misses not shown; --show-heldout prints them, which spends the set)');
    out.push('');
    return out;
  }
  out.push(`Intent misses (${set.misses.length}):`);
  for (const miss of set.misses)
    out.push(`  [${miss.topic}] "${miss.text}" expected ${miss.expected}, got ${miss.got}`);
  out.push(`Extraction misses (${set.extractionMisses.length}):`);
  for (const miss of set.extractionMisses)
    out.push(
      `  "${miss.text}" ${miss.field}: expected ${miss.expected || '(none)'}, got ${miss.got || '(none)'}`,
    );
  out.push('');
  return out;
}
