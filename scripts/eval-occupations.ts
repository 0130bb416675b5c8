/**
 * Accuracy and calibration of `normalizeOccupation` on the labelled title sets in eval/occupations/:
 * French offer titles, English job-board titles, real English CV titles (dotin), generic titles that should
 * abstain, and the original fixture list. Each set is split by a hash of the title into dev (≈ 70 %, tuning
 * allowed) and held-out (≈ 30 %, never tuned on); held-out misses are only printed with `--show-heldout`.
 *
 *   npm run eval:occupations                       # tables + dev misses
 *   npm run eval:occupations -- --show-heldout     # also the held-out misses (do not tune on them)
 *   npm run eval:occupations -- --no-misses        # tables only
 *   npx tsx scripts/eval-occupations.ts --json     # everything as JSON (held-out misses only with the flag)
 */
import { pathToFileURL } from 'node:url';
import { occupationLabel } from '../src/taxonomy/index.js';
import { predictCalibrationTitle, readCalibrationSet } from './occupation-eval/calibration-titles.js';
import {
  type Calibration,
  calibration,
  evaluateTitles,
  type Outcome,
  outcomeOf,
  type SetScore,
  scoreSet,
} from './occupation-eval/evaluate.js';
import { readAllTitleSets, TITLE_SETS } from './occupation-eval/labelled-titles.js';

export interface OccupationEvaluation {
  scores: SetScore[];
  /** Expected calibration error of each set's part (generic titles included), code and family level. */
  setCalibration: { set: string; heldOut: boolean; count: number; codeEce: number; familyEce: number }[];
  calibration: {
    dev: { code: Calibration; family: Calibration };
    heldOut: { code: Calibration; family: Calibration };
    /** The calibration set's check part (titles the vocabularies were not written from, label masked). */
    check: { code: Calibration; family: Calibration };
  };
  outcomes: Outcome[];
}

export function evaluateOccupationSets(): OccupationEvaluation {
  const outcomes = [
    ...evaluateTitles(readAllTitleSets()),
    ...readCalibrationSet().map((item) => outcomeOf(item, predictCalibrationTitle(item))),
  ];
  const sets = [...TITLE_SETS, 'calibration'] as const;
  const check = outcomes.filter((outcome) => outcome.item.set === 'calibration' && outcome.item.heldOut);
  const part = (heldOut: boolean) =>
    outcomes.filter((outcome) => outcome.item.heldOut === heldOut && outcome.item.set !== 'calibration');
  const setCalibration = sets
    .flatMap((set) =>
      [false, true].map((heldOut) => {
        const part = outcomes.filter((item) => item.item.set === set && item.item.heldOut === heldOut);
        const family = calibration(part, 'family');
        return {
          set,
          heldOut,
          count: family.count,
          codeEce: calibration(part, 'code').ece,
          familyEce: family.ece,
        };
      }),
    )
    .filter((row) => row.count > 0);
  return {
    scores: sets.flatMap((set) => [scoreSet(outcomes, set, false), scoreSet(outcomes, set, true)]),
    setCalibration,
    calibration: {
      dev: { code: calibration(part(false), 'code'), family: calibration(part(false), 'family') },
      heldOut: { code: calibration(part(true), 'code'), family: calibration(part(true), 'family') },
      check: { code: calibration(check, 'code'), family: calibration(check, 'family') },
    },
    outcomes,
  };
}

const partName = ({ set, heldOut }: { set: string; heldOut: boolean }) =>
  set === 'calibration' ? (heldOut ? 'check' : 'fit') : heldOut ? 'held-out' : 'dev';
const ratio = (part: number, total: number) => (total === 0 ? '   -' : (part / total).toFixed(3));
const cell = (value: string | number, width: number) => String(value).padStart(width);

function scoreTable(scores: readonly SetScore[]): string {
  const lines = [
    `${'set'.padEnd(18)}${'part'.padEnd(9)}${cell('code n', 7)}${cell('top-1', 7)}${cell('top-5', 7)}` +
      `${cell('fam n', 7)}${cell('top-1', 7)}${cell('top-5', 7)}${cell('abstain', 9)}${cell('ambig.', 8)}` +
      `${cell('sure-wrong', 12)}`,
  ];
  for (const score of scores) {
    if (score.familyTotal === 0) continue;
    lines.push(
      `${score.set.padEnd(18)}${partName(score).padEnd(9)}${cell(score.codeTotal, 7)}` +
        `${cell(ratio(score.codeTop1, score.codeTotal), 7)}${cell(ratio(score.codeTop5, score.codeTotal), 7)}` +
        `${cell(score.familyTotal, 7)}${cell(ratio(score.familyTop1, score.familyTotal), 7)}` +
        `${cell(ratio(score.familyTop5, score.familyTotal), 7)}${cell(ratio(score.abstained, score.familyTotal), 9)}` +
        `${cell(score.ambiguous, 8)}${cell(`${score.labelledConfidentWrong}/${score.confidentWrongCode}`, 12)}`,
    );
  }
  return lines.join('\n');
}

function genericTable(scores: readonly SetScore[]): string {
  const lines = [
    `titles that name no occupation (right answer: abstain or low confidence)\n` +
      `${'set'.padEnd(18)}${'part'.padEnd(9)}${cell('n', 5)}${cell('abstained', 11)}${cell('conf ≥ 0.5', 12)}${cell('conf ≥ 0.9', 12)}${cell('max conf', 10)}`,
  ];
  for (const score of scores) {
    if (score.genericTotal === 0) continue;
    lines.push(
      `${score.set.padEnd(18)}${partName(score).padEnd(9)}${cell(score.genericTotal, 5)}` +
        `${cell(ratio(score.genericAbstained, score.genericTotal), 11)}${cell(score.genericConfident, 12)}` +
        `${cell(score.genericTotal === 0 ? 0 : score.confidentWrong - score.labelledConfidentWrong, 12)}` +
        `${cell(score.genericMaxConfidence.toFixed(3), 10)}`,
    );
  }
  return lines.join('\n');
}

function setCalibrationTable(rows: OccupationEvaluation['setCalibration']): string {
  const lines = [
    `calibration per set (ECE over its scored and generic titles)\n` +
      `${'set'.padEnd(18)}${'part'.padEnd(9)}${cell('n', 5)}${cell('code ECE', 10)}${cell('family ECE', 12)}`,
  ];
  for (const row of rows) {
    lines.push(
      `${row.set.padEnd(18)}${partName(row).padEnd(9)}${cell(row.count, 5)}` +
        `${cell(row.codeEce.toFixed(3), 10)}${cell(row.familyEce.toFixed(3), 12)}`,
    );
  }
  return lines.join('\n');
}

function calibrationTable(name: string, code: Calibration, family: Calibration): string {
  const lines = [
    `calibration, ${name}: confidence vs right code | familyConfidence vs right family`,
    `${'bin'.padEnd(10)}${cell('n', 6)}${cell('mean', 7)}${cell('right', 7)}   |${cell('n', 6)}${cell('mean', 7)}${cell('right', 7)}`,
  ];
  for (let index = 0; index < code.bins.length; index++) {
    const a = code.bins[index]!;
    const b = family.bins[index]!;
    const side = (bin: typeof a) =>
      bin.count === 0
        ? `${cell(0, 6)}${cell('-', 7)}${cell('-', 7)}`
        : `${cell(bin.count, 6)}${cell(bin.meanConfidence.toFixed(2), 7)}${cell(bin.accuracy.toFixed(2), 7)}`;
    lines.push(`${`${a.from.toFixed(1)}-${a.to.toFixed(1)}`.padEnd(10)}${side(a)}   |${side(b)}`);
  }
  lines.push(`${'ECE'.padEnd(10)}${cell(code.ece.toFixed(3), 20)}   |${cell(family.ece.toFixed(3), 20)}`);
  return lines.join('\n');
}

function missLines(outcomes: readonly Outcome[], heldOut: boolean): string[] {
  const lines: string[] = [];
  for (const { item, prediction, familyRank } of outcomes) {
    if (item.heldOut !== heldOut || item.kind === 'ambiguous' || item.set === 'calibration') continue;
    const top = prediction.codes[0];
    const got = top ? `${top} ${occupationLabel(top)}` : 'nothing';
    const confidence = `conf ${prediction.confidence.toFixed(2)}/${prediction.familyConfidence.toFixed(2)}${prediction.abstained ? ' abstained' : ''}`;
    if (item.kind === 'generic') {
      if (!prediction.abstained)
        lines.push(`  [${item.set}] ${item.title} → should abstain, got ${got} (${confidence})`);
    } else if (familyRank !== 1) {
      const expected = item.codes.length > 0 ? item.codes.join('|') : `family ${item.families.join('|')}`;
      lines.push(
        `  [${item.set}] ${item.title} → expected ${expected} (family rank ${familyRank ?? '>5'}), got ${got} (${confidence})`,
      );
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const showHeldOut = process.argv.includes('--show-heldout');
  const result = evaluateOccupationSets();
  if (process.argv.includes('--json')) {
    const { outcomes, ...tables } = result;
    const misses = {
      dev: missLines(outcomes, false),
      heldOut: showHeldOut ? missLines(outcomes, true) : null,
    };
    process.stdout.write(`${JSON.stringify({ ...tables, misses }, null, 2)}\n`);
  } else {
    const { dev, heldOut, check } = result.calibration;
    const out = [
      'occupation titles: dev / held-out (30 % by title hash; held-out is never tuned on); calibration: fit / check',
      scoreTable(result.scores),
      '',
      genericTable(result.scores),
      '',
      setCalibrationTable(result.setCalibration),
      '',
      calibrationTable('dev', dev.code, dev.family),
      '',
      calibrationTable('held-out', heldOut.code, heldOut.family),
      '',
      calibrationTable('calibration set, check part (labels masked)', check.code, check.family),
    ];
    if (!process.argv.includes('--no-misses')) {
      const misses = missLines(result.outcomes, false);
      out.push('', `dev misses at family level, and generic titles answered (${misses.length}):`, ...misses);
      if (showHeldOut) {
        const held = missLines(result.outcomes, true);
        out.push('', `held-out misses (${held.length}) — do not tune on these:`, ...held);
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
