import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  auditFairness,
  type CounterfactualKind,
  FAIRNESS_IDENTITIES,
  type FairnessReport,
  type FairnessSummary,
  rankCandidates,
  renderAuditReport,
  summarizeFairness,
  UsageError,
} from '../../index.js';
import { addProviderOptions, resolveProviderOptions } from '../provider-options.js';
import { readCandidateInputs, SKIPPED_INPUTS_HELP } from '../read-candidate-inputs.js';
import { readJob } from './match.js';

interface AuditCommandOptions {
  job: string;
  candidates: string[];
  threshold: string;
  variants: string;
  top: string;
  now?: string;
  json?: boolean;
  report?: string;
  [provider: string]: unknown;
}

/** Every kind of counterfactual twin the audit builds. */
const SWAPS: CounterfactualKind[] = ['identity', 'gender', 'age', 'address', 'photo'];

/** One audited ranking: rules (+ embeddings) only, or with the LLM reranker. */
export interface AuditRun {
  name: 'without-llm' | 'with-llm';
  models: string;
  passed: boolean;
  report: FairnessReport;
  summary: FairnessSummary;
}

/** `cvmatch audit`: counterfactual twins of every candidate, ranked next to the originals. */
export function registerAuditCommand(program: Command): void {
  const command = program
    .command('audit')
    .description(
      'Fairness audit of a ranking: builds counterfactual twins of every candidate (names of several origins, ' +
        'gender with French agreements, age, street address, photo mention), ranks originals and twins, and reports ' +
        'Δscore and Δrank distributions and selection-rate impact ratios per group (four-fifths rule), without and ' +
        '(when the provider has a chat model) with the LLM. Exits 1 when any |Δscore| exceeds --threshold or a twin drops out.',
    )
    .requiredOption('--job <file>', 'job order: JSON (.json) or job ad text (.txt)')
    .requiredOption('--candidates <paths...>', 'CV folder(s), CV files or profiles .jsonl')
    .option('--threshold <points>', 'largest accepted |Δscore| (0–100 scale)', '0')
    .option(
      '--variants <n>',
      `name swaps per candidate (default every one of the ${FAIRNESS_IDENTITIES.length} identities of varied origins and genders, which keeps groups comparable)`,
      String(FAIRNESS_IDENTITIES.length),
    )
    .option(
      '--top <n>',
      'selection size for the impact ratios: a candidate ranked in the first n is selected',
      '10',
    )
    .option('--now <date>', 'reference date YYYY-MM-DD (default today)')
    .option('--report <file>', 'also write a self-contained HTML report (charts as inline SVG)')
    .option('--json', 'print every run (report with details, summary) as JSON')
    .addHelpText('after', SKIPPED_INPUTS_HELP);
  addProviderOptions(command);
  command.action(async (options: AuditCommandOptions) => {
    await runAudit(options);
  });
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${flag}: expected a positive integer, got ${text}`);
  return value;
}

async function runAudit(options: AuditCommandOptions): Promise<void> {
  const threshold = Number(options.threshold);
  if (!Number.isFinite(threshold) || threshold < 0)
    throw new UsageError(`--threshold: expected a number ≥ 0, got ${options.threshold}`);
  const variants = positiveInteger(options.variants, '--variants');
  const selectionSize = positiveInteger(options.top, '--top');
  if (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.now))
    throw new UsageError(`--now: expected YYYY-MM-DD, got ${options.now}`);
  const now = options.now ?? new Date().toISOString().slice(0, 10);
  const providers = await resolveProviderOptions(options, process.env);
  const job = await readJob(options.job, now);
  const dataset = await readCandidateInputs(options.candidates, { now }).catch((error: unknown) => {
    throw new UsageError(`--candidates: cannot read ${options.candidates.join(', ')}`, { cause: error });
  });
  for (const failure of dataset.failures)
    process.stderr.write(`cvmatch: skipped ${failure.file}: ${failure.message}\n`);
  const profiles = dataset.profiles;
  if (profiles.length === 0) throw new UsageError('--candidates: no CV could be read');
  const setups = [
    { name: 'without-llm' as const, chatModel: undefined },
    ...(providers.chatModel ? [{ name: 'with-llm' as const, chatModel: providers.chatModel }] : []),
  ];
  if (!providers.chatModel)
    process.stderr.write(
      `cvmatch: ${providers.describe()} has no chat model: audited without the LLM only\n`,
    );
  const runs: AuditRun[] = [];
  for (const setup of setups) {
    process.stderr.write(
      `auditing ${profiles.length} candidates for "${job.title}" (${setup.name}, ${SWAPS.length - 1 + variants} twin rounds)\n`,
    );
    const report = await auditFairness({
      job,
      profiles,
      variants,
      swaps: SWAPS,
      tolerance: threshold,
      rank: (order, pool) =>
        rankCandidates(order, pool, {
          now,
          embeddingModel: providers.embeddingModel,
          retrieveTopK: pool.length,
          ...(setup.chatModel ? { chatModel: setup.chatModel } : {}),
        }),
    });
    runs.push({
      name: setup.name,
      models: setup.chatModel
        ? providers.describe()
        : `${providers.embeddingModel.provider}/${providers.embeddingModel.modelId}`,
      passed: report.maxScoreDelta <= threshold && report.missing === 0,
      report,
      summary: summarizeFairness(report, { selectionSize }),
    });
  }
  const passed = runs.every((run) => run.passed);
  if (options.report) {
    const html = await renderAuditReport({ job, candidates: profiles.length, threshold, now, runs });
    await writeFile(options.report, html);
    process.stderr.write(`report written to ${options.report}\n`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ job: job.id, now, threshold, passed, runs }, null, 2)}\n`);
  } else {
    process.stdout.write(formatAudit(runs, threshold));
  }
  if (!passed) process.exitCode = 1;
}

const fixed = (value: number) => (Object.is(value, -0) ? 0 : value).toFixed(1);

/** Readable audit: per run, Δ distributions per swap, impact ratios, verdict. */
export function formatAudit(runs: AuditRun[], threshold: number): string {
  const out: string[] = [];
  for (const run of runs) {
    out.push(`== ${run.name} (${run.models})`);
    out.push('swap      pairs  Δscore min / median / p95 / max     Δrank min / max  missing');
    for (const [swap, spread] of Object.entries(run.summary.bySwap)) {
      const score = spread.scoreDelta;
      out.push(
        `${swap.padEnd(9)} ${String(score.count).padStart(5)}  ${[
          score.min,
          score.median,
          score.p95,
          score.max,
        ]
          .map(fixed)
          .join(' / ')
          .padEnd(
            33,
          )} ${`${spread.rankDelta.min} / ${spread.rankDelta.max}`.padStart(15)}  ${String(spread.missing).padStart(7)}`,
      );
    }
    out.push(
      `impact ratios: twins selected / same candidates selected as themselves (selected = top ${run.summary.selectionSize}; four-fifths rule: ratio ≥ 0.80)`,
    );
    for (const item of run.summary.impactRatios) {
      out.push(
        `  ${`${item.dimension}:${item.group}`.padEnd(28)} twins ${`${item.selected}/${item.total}`.padStart(7)}  originals ${`${item.originalSelected}/${item.total}`.padStart(7)}  ratio ${
          item.ratio === null ? '  – ' : item.ratio.toFixed(2)
        }${item.passesFourFifths ? '' : '  < 0.80'}`,
      );
    }
    out.push(
      `${run.passed ? 'PASS' : 'FAIL'}: largest |Δscore| ${run.report.maxScoreDelta.toFixed(1)} (threshold ${threshold}), ` +
        `${run.report.rankChanges} rank changes, ${run.report.missing} twins missing`,
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
