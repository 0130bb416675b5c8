/**
 * Field-level accuracy of CV parsing, on three sets:
 * - the fixture CVs (`fixtures/cvs`, synthetic, French first): every field of `*.expected.json`;
 * - the dotin resumes (308 real English resumes with entity spans, `../shared/data/dev/dotin-resume-ner`):
 *   name, email, city, experience titles, companies and dates, degrees, skills (see scripts/parse-eval/
 *   dotin-gold.ts for which spans are gold and field-matching.ts for the matching rules). ~30% of the files
 *   are held out (by name hash) and only scored with `--show-heldout`;
 * - the French intérim set (`eval/parse/fr`, 56 synthetic temp workers' CVs in the layouts agencies receive,
 *   with gold annotations; see scripts/generate-fr-interim-set.ts): per-field P/R/F1 for the development
 *   part and the held-out third (`isFrHeldOut`), whose per-document differences are never printed;
 * - the livecareer resume PDFs (`../shared/data/dev/livecareer-resumes`, no gold spans): coverage shares,
 *   a layout-robustness signal.
 * A set whose folder is missing is skipped with a note.
 *
 *   npm run eval:parse [-- --only fixtures,dotin,livecareer] [--dir fixtures/cvs] [--dotin DIR] [--fr DIR]
 *                         [--livecareer DIR] [--show-heldout] [--json] [--verbose]
 */
import { stat } from 'node:fs/promises';
import { formatCalibration } from './parse-eval/calibration.js';
import {
  DOTIN_DIRECTORY,
  type DotinPartReport,
  type DotinReport,
  evaluateDotin,
} from './parse-eval/dotin-eval.js';
import { evaluateParse, formatReport } from './parse-eval/fixtures-eval.js';
import { evaluateFrInterim, FR_INTERIM_DIRECTORY, type FrPartReport } from './parse-eval/fr-interim-eval.js';
import {
  evaluateLivecareer,
  LIVECAREER_DIRECTORY,
  type LivecareerCoverage,
} from './parse-eval/livecareer-coverage.js';
import { formatFieldTable } from './parse-eval/score-table.js';

const SETS = ['fixtures', 'fr', 'dotin', 'livecareer'] as const;
type SetName = (typeof SETS)[number];

export interface EvalParseOptions {
  only: SetName[];
  fixtures: string;
  dotin: string;
  fr: string;
  livecareer: string;
  showHeldOut: boolean;
  json: boolean;
  verbose: boolean;
}

/** Reads the command line (throws on an unknown set name). */
export function parseArguments(args: string[]): EvalParseOptions {
  const value = (flag: string, fallback: string) => {
    const index = args.indexOf(flag);
    return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
  };
  const only = value('--only', SETS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of only)
    if (!(SETS as readonly string[]).includes(name))
      throw new Error(`Unknown set "${name}" in --only: expected ${SETS.join(', ')}.`);
  return {
    only: only as SetName[],
    fixtures: value('--dir', 'fixtures/cvs'),
    dotin: value('--dotin', DOTIN_DIRECTORY),
    fr: value('--fr', FR_INTERIM_DIRECTORY),
    livecareer: value('--livecareer', LIVECAREER_DIRECTORY),
    showHeldOut: args.includes('--show-heldout'),
    json: args.includes('--json'),
    verbose: args.includes('--verbose'),
  };
}

const exists = (folder: string) =>
  stat(folder).then(
    (info) => info.isDirectory(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );

function formatDotinPart(title: string, part: DotinPartReport): string {
  const kept = Object.entries(part.mentions)
    .map(([field, mentions]) => {
      const gold = part.fields.find((item) => item.field === field)?.gold ?? 0;
      return `${field} ${gold}/${mentions}`;
    })
    .join(', ');
  const rows = [
    `${title}: ${part.documents} resumes, ${part.failed.length} failed`,
    formatFieldTable(part.fields, part.micro, 'micro (all fields but education.year)'),
    `gold values kept by the entry rules / labelled spans: ${kept}`,
    `calibration of the values' confidences (all fields but dates and education.year):`,
    formatCalibration(part.calibration),
  ];
  for (const failure of part.failed) rows.push(`FAILED ${failure.file}: ${failure.message}`);
  for (const item of part.mismatches)
    rows.push(
      `  ${item.file} ${item.field}: missed ${JSON.stringify(item.missed)} spurious ${JSON.stringify(item.spurious)}`,
    );
  return rows.join('\n');
}

function formatDotin(report: DotinReport, directory: string): string {
  const parts = [formatDotinPart(`== dotin development (${directory})`, report.development)];
  parts.push(
    report.heldOut
      ? formatDotinPart('== dotin HELD OUT (never tuned on)', report.heldOut)
      : '== dotin held out: set aside, scored only with --show-heldout (for the final report)',
  );
  return `${parts.join('\n\n')}\n${report.seconds.toFixed(1)} s`;
}

function formatFrPart(title: string, part: FrPartReport): string {
  const certifications = part.fields.find((field) => field.field === 'certifications');
  const rows = [
    `${title}: ${part.documents} CVs, ${part.failed.length} failed`,
    formatFieldTable(part.fields, part.micro, 'micro (all fields)'),
    certifications
      ? `certifications: precision ${certifications.precision.toFixed(3)}, recall ${certifications.recall.toFixed(3)} (${certifications.gold - (certifications.found ?? certifications.correct)} of ${certifications.gold} held certificates lost, ${certifications.predicted - certifications.correct} read wrongly)`
      : '',
    `micro-F1 by layout: ${part.layouts.map((item) => `${item.layout} (${item.documents}) ${item.micro.f1.toFixed(3)}`).join(', ')}`,
  ];
  for (const failure of part.failed) rows.push(`FAILED ${failure.file}: ${failure.message}`);
  for (const item of part.mismatches)
    rows.push(
      `  ${item.file} ${item.field}: missed ${JSON.stringify(item.missed)} spurious ${JSON.stringify(item.spurious)}`,
    );
  return rows.join('\n');
}

function formatLivecareer(coverage: LivecareerCoverage, directory: string): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  return [
    `== livecareer coverage (${directory}): ${coverage.documents} PDFs, ${coverage.failed.length} failed, ${coverage.seconds.toFixed(1)} s`,
    `with ≥1 experience            ${pct(coverage.withExperience)}`,
    `with a title and dates        ${pct(coverage.withTitleAndDates)}`,
    `with skills                   ${pct(coverage.withSkills)}`,
    `with education                ${pct(coverage.withEducation)}`,
    `with a name (anonymised: 0)   ${pct(coverage.withName)}`,
    `suspect experience titles     ${pct(coverage.suspectTitles)}`,
    `experiences without a title   ${pct(coverage.untitledExperiences)}`,
    `experiences per CV            ${coverage.experiencesPerCv.toFixed(2)}`,
    ...coverage.failed.map((failure) => `FAILED ${failure.file}: ${failure.reason}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const output: Record<string, unknown> = {};
  const text: string[] = [];
  if (options.only.includes('fixtures')) {
    const report = await evaluateParse(options.fixtures, { verbose: options.verbose });
    output.fixtures = report;
    text.push(`== fixtures (${options.fixtures})\n${formatReport(report)}`);
  }
  if (options.only.includes('fr')) {
    if (await exists(options.fr)) {
      const report = await evaluateFrInterim(options.fr, { verbose: options.verbose });
      output.fr = report;
      text.push(
        [
          formatFrPart(`== French intérim set, development (${options.fr})`, report.development),
          formatFrPart(
            '== French intérim set HELD OUT (never tuned on; no per-document output)',
            report.heldOut,
          ),
          `${report.seconds.toFixed(1)} s`,
        ].join('\n\n'),
      );
    } else text.push(`== fr: skipped, ${options.fr} not found`);
  }
  for (const [name, folder] of [
    ['dotin', options.dotin],
    ['livecareer', options.livecareer],
  ] as const) {
    if (!options.only.includes(name)) continue;
    if (!(await exists(folder))) {
      text.push(`== ${name}: skipped, ${folder} not found`);
      continue;
    }
    if (name === 'dotin') {
      const report = await evaluateDotin(folder, { heldOut: options.showHeldOut, verbose: options.verbose });
      output.dotin = report;
      text.push(formatDotin(report, folder));
    } else {
      const coverage = await evaluateLivecareer(folder);
      output.livecareer = coverage;
      text.push(formatLivecareer(coverage, folder));
    }
  }
  process.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : `${text.join('\n\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
