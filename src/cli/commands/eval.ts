import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import {
  type CandidateDataset,
  collectFeatures,
  dataFingerprint,
  type ExperimentConfig,
  type ExperimentResult,
  experimentRun,
  fitWeights,
  type JobOrder,
  loadPoolIndex,
  perCandidateCsv,
  perJobCsv,
  type Qrels,
  type RankCandidatesOptions,
  readJobOrders,
  readQrels,
  renderEvalReport,
  runExperiment,
  UsageError,
  writeTrecRun,
} from '../../index.js';
import { parseWeightsFlag, readWeightsFlagFile } from '../parse-weights-flag.js';
import { startProgressBar } from '../progress-bar.js';
import { addProviderOptions, PROVIDER_NAMES, resolveProviderOptions } from '../provider-options.js';
import { readCandidateInputs, SKIPPED_INPUTS_HELP } from '../read-candidate-inputs.js';

interface EvalCommandOptions {
  jobs: string;
  candidates?: string[];
  index?: string;
  qrels: string;
  k: string;
  weights?: string;
  compare?: string;
  semantic: boolean;
  now?: string;
  json?: boolean;
  run?: string;
  csv?: string;
  fitWeights?: string;
  report?: string;
  folds: string;
  weightsFile?: string;
  [key: string]: unknown;
}

/** One entry of the `--compare` file. */
const compareEntrySchema = z.strictObject({
  name: z.string().min(1),
  provider: z.enum(PROVIDER_NAMES).optional(),
  embeddingModel: z.string().optional(),
  chatModel: z.string().optional(),
  baseUrl: z.string().optional(),
  /** `occupation=0.3,skills=0.2` or an object `{ "occupation": 0.3 }`. */
  weights: z.union([z.string(), z.record(z.string(), z.number())]).optional(),
  /** `false`: rules only, no embedding model (no semantic criterion, lexical retrieval). */
  semantic: z.boolean().optional(),
  policy: z.enum(['penalize', 'exclude']).optional(),
  shortlistSize: z.number().int().positive().optional(),
});
const compareFileSchema = z.array(compareEntrySchema).min(1);
type CompareEntry = z.infer<typeof compareFileSchema>[number];

/** `cvmatch eval`: ranking quality against graded relevance judgements. */
export function registerEvalCommand(program: Command): void {
  const command = program
    .command('eval')
    .description(
      'Rank the candidates for every judged job order and print nDCG@k, MAP, MRR and Recall@k per job and overall ' +
        '(relevant = grade ≥ 1 for MAP, MRR and Recall; nDCG uses the grades 0–3).',
    )
    .requiredOption(
      '--jobs <path>',
      'folder of job orders (*.json; *.txt ads without a .json twin) or one file',
    )
    .option('--candidates <paths...>', 'CV folder(s), CV files or profiles .jsonl')
    .option('--index <file>', 'a pool index saved by `cvmatch index build` instead of --candidates')
    .requiredOption(
      '--qrels <file>',
      'judgements, one per line: job_id<TAB>candidate (CV file stem)<TAB>grade 0–3, or TREC qrels ' +
        '"job_id 0 candidate grade" (recognised by the first line)',
    )
    .option('--k <list>', 'cutoffs for nDCG@k and Recall@k', '5,10')
    .option('--weights <list>', 'weight overrides, e.g. occupation=0.3,skills=0.2')
    .option('--weights-file <file>', 'weights from a JSON file, e.g. one written by --fit-weights')
    .option(
      '--fit-weights <out.json>',
      'learn the fusion weights from the judgements (coordinate ascent on nDCG@<largest k>) with k-fold ' +
        'cross-validation, print held-out-fold figures next to the defaults, write the weights fitted on all jobs',
    )
    .option('--folds <n>', 'folds of --fit-weights (jobs split by hash of their id)', '5')
    .option('--no-semantic', 'rules only: do not use the embedding model')
    .option(
      '--compare <file>',
      'JSON array of configurations run side by side: [{ "name", "provider"?, "embeddingModel"?, "chatModel"?, ' +
        '"baseUrl"?, "weights"?, "semantic"?, "policy"?, "shortlistSize"? }]; replaces --weights/--no-semantic',
    )
    .option(
      '--now <date>',
      'reference date YYYY-MM-DD for availability, experience and validity (default today)',
    )
    .option('--json', 'print the full result (per job, overall, usage, warnings) as JSON')
    .option(
      '--run <file>',
      'write the rankings as a TREC run file (job_id Q0 candidate rank score tag) for trec_eval/ranx; ' +
        'with --compare one file per configuration: <file>.<name>',
    )
    .option(
      '--report <file>',
      'write a self-contained HTML report: configuration and data fingerprint, metrics with bootstrap intervals, ' +
        'charts, worst jobs, paired comparison of --compare configurations',
    )
    .option(
      '--csv <dir>',
      'write per-job.csv (metrics) and per-candidate.csv (rank, score, grade, points per criterion)',
    )
    .addHelpText('after', SKIPPED_INPUTS_HELP);
  addProviderOptions(command);
  command.action(async (options: EvalCommandOptions) => {
    await runEval(options);
  });
}

function parseCutoffs(text: string): number[] {
  const cutoffs = text.split(',').map((part) => Number(part.trim()));
  if (cutoffs.length === 0 || cutoffs.some((k) => !Number.isInteger(k) || k < 1)) {
    throw new UsageError(`--k: expected positive integers separated by commas, got ${text}`);
  }
  return cutoffs;
}

async function readCompareFile(file: string): Promise<CompareEntry[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--compare: cannot read ${file} as JSON`, { cause: error });
  }
  const parsed = compareFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--compare: ${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
      cause: parsed.error,
    });
  }
  const names = new Set<string>();
  for (const entry of parsed.data) {
    if (names.has(entry.name))
      throw new UsageError(`--compare: configuration name "${entry.name}" is used twice`);
    names.add(entry.name);
  }
  return parsed.data;
}

async function buildConfig(
  entry: CompareEntry,
  shared: EvalCommandOptions,
  now: string,
): Promise<{ config: ExperimentConfig; describe: string }> {
  const providers = await resolveProviderOptions(
    {
      ...((entry.provider ?? shared.provider) ? { provider: entry.provider ?? shared.provider } : {}),
      ...(entry.embeddingModel ? { embeddingModel: entry.embeddingModel } : {}),
      ...(entry.chatModel ? { chatModel: entry.chatModel } : {}),
      ...(entry.baseUrl ? { baseUrl: entry.baseUrl } : {}),
      ...(shared.cacheDir ? { cacheDir: shared.cacheDir } : {}),
    },
    process.env,
  );
  const weights = typeof entry.weights === 'string' ? parseWeightsFlag(entry.weights) : entry.weights;
  const semantic = entry.semantic ?? true;
  const options: RankCandidatesOptions = {
    now,
    ...(semantic ? { embeddingModel: providers.embeddingModel } : {}),
    ...(providers.chatModel ? { chatModel: providers.chatModel } : {}),
    ...(weights ? { weights } : {}),
    ...(entry.policy ? { policy: entry.policy } : {}),
    ...(entry.shortlistSize ? { shortlistSize: entry.shortlistSize } : {}),
  };
  return {
    config: { name: entry.name, options, usageMeter: providers.usage },
    describe: `${entry.name}: ${providers.describe()}${semantic ? '' : ', embeddings not used'}`,
  };
}

async function runEval(options: EvalCommandOptions): Promise<void> {
  const cutoffs = parseCutoffs(options.k);
  if (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.now)) {
    throw new UsageError(`--now: expected YYYY-MM-DD, got ${options.now}`);
  }
  if (!options.candidates?.length === !options.index)
    throw new UsageError('give either --candidates or --index');
  if (options.compare && (options.weights || options.semantic === false)) {
    throw new UsageError(
      '--compare sets weights and embeddings per configuration: drop --weights/--no-semantic',
    );
  }
  if (options.weightsFile && (options.weights || options.compare))
    throw new UsageError('--weights-file: give either --weights-file, --weights or --compare');
  if (options.fitWeights && options.compare)
    throw new UsageError('--fit-weights learns one configuration: drop --compare');
  const folds = Number(options.folds);
  if (!Number.isInteger(folds) || folds < 2)
    throw new UsageError(`--folds: expected an integer ≥ 2, got ${options.folds}`);
  const fileWeights = options.weightsFile ? await readWeightsFlagFile(options.weightsFile) : undefined;
  const now = options.now ?? new Date().toISOString().slice(0, 10);
  const entries: CompareEntry[] = options.compare
    ? await readCompareFile(options.compare)
    : [
        {
          name: String(options.provider ?? process.env.CVMATCH_PROVIDER ?? 'local'),
          ...(typeof options.embeddingModel === 'string' ? { embeddingModel: options.embeddingModel } : {}),
          ...(typeof options.chatModel === 'string' ? { chatModel: options.chatModel } : {}),
          ...(typeof options.baseUrl === 'string' ? { baseUrl: options.baseUrl } : {}),
          ...(options.weights ? { weights: options.weights } : {}),
          ...(fileWeights ? { weights: fileWeights } : {}),
          semantic: options.semantic,
        },
      ];
  const configs: ExperimentConfig[] = [];
  const descriptions: { name: string; description: string }[] = [];
  for (const entry of entries) {
    const { config, describe } = await buildConfig(entry, options, now);
    configs.push(config);
    descriptions.push({
      name: entry.name,
      description: `${describe.slice(entry.name.length + 2)}${
        config.options?.weights ? `; weights ${JSON.stringify(config.options.weights)}` : '; default weights'
      }`,
    });
    process.stderr.write(`config ${describe}\n`);
  }

  let qrelsText: string;
  try {
    qrelsText = await readFile(options.qrels, 'utf8');
  } catch (error) {
    throw new UsageError(`--qrels: cannot read ${options.qrels}`, { cause: error });
  }
  const qrels = readQrels(qrelsText);
  const jobs = await readJobOrders(options.jobs, { now }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`--jobs: cannot read ${options.jobs}`, { cause: error });
    throw error;
  });
  let candidates: Awaited<ReturnType<typeof loadPoolIndex>> | CandidateDataset['profiles'];
  let failures: CandidateDataset['failures'] = [];
  if (options.index) {
    candidates = await loadPoolIndex(options.index);
  } else {
    const dataset = await readCandidateInputs(options.candidates ?? [], { now }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new UsageError('--candidates: a path does not exist', { cause: error });
      throw error;
    });
    candidates = dataset.profiles;
    failures = dataset.failures;
  }
  if (options.fitWeights) {
    await runFitWeights({
      jobs,
      candidates,
      qrels,
      config: configs[0] as ExperimentConfig,
      cutoffs,
      folds,
      options,
    });
    return;
  }
  process.stderr.write(
    `evaluating ${jobs.length} job orders × ${'size' in candidates ? candidates.size : candidates.length} candidates\n`,
  );
  const bar = startProgressBar('evaluating', jobs.length * configs.length);
  let evaluated = 0;
  const result = await runExperiment({
    jobs,
    candidates,
    qrels,
    configs,
    cutoffs,
    onProgress: ({ config, jobId }) => bar.update(++evaluated, `${config} ${jobId}`),
  });
  bar.stop();
  for (const warning of result.warnings) process.stderr.write(`cvmatch: ${warning}\n`);
  await writeExports(result, qrels, options);
  if (options.report) {
    const profiles = 'profiles' in candidates ? candidates.profiles() : candidates;
    const html = await renderEvalReport({
      result,
      qrels,
      configs: descriptions,
      fingerprint: dataFingerprint({ jobs, candidates: profiles, qrels }),
      now,
    });
    await writeFile(options.report, html);
    process.stderr.write(`report written to ${options.report}\n`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ now, ...result, failures }, null, 2)}\n`);
  } else {
    process.stdout.write(formatResult(result));
  }
}

async function runFitWeights(input: {
  jobs: JobOrder[];
  candidates: Parameters<typeof collectFeatures>[0]['candidates'];
  qrels: Qrels;
  config: ExperimentConfig;
  cutoffs: number[];
  folds: number;
  options: EvalCommandOptions;
}): Promise<void> {
  const { chatModel: _chatModel, weights: _weights, ...options } = input.config.options ?? {};
  if (_chatModel)
    process.stderr.write('cvmatch: --fit-weights fits the structured criteria; the LLM is left out\n');
  const k = Math.max(...input.cutoffs);
  process.stderr.write(
    `scoring ${input.jobs.length} job orders once to fit the weights (nDCG@${k}, ${input.folds} folds)\n`,
  );
  const features = await collectFeatures({
    jobs: input.jobs,
    candidates: input.candidates,
    qrels: input.qrels,
    options,
  });
  if (features.length < input.folds)
    throw new UsageError(
      `--folds: ${input.folds} folds need at least as many judged jobs (${features.length})`,
    );
  const result = fitWeights(features, { folds: input.folds, k });
  const file = {
    weights: result.weights,
    fitted: {
      metric: result.metric,
      jobs: features.length,
      qrels: input.options.qrels,
      heldOutFolds: {
        folds: input.folds,
        defaultNdcg: result.heldOut.defaultNdcg,
        fittedNdcg: result.heldOut.fittedNdcg,
        pValue: result.heldOut.comparison.pValue,
      },
    },
  };
  await writeFile(input.options.fitWeights as string, `${JSON.stringify(file, null, 2)}\n`);
  process.stderr.write(`weights written to ${input.options.fitWeights}\n`);
  if (input.options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const rows = result.folds.map((fold) => [
    String(fold.fold + 1),
    String(fold.jobIds.length),
    formatNumber(fold.defaultNdcg),
    formatNumber(fold.fittedNdcg),
  ]);
  const { difference, pValue } = result.heldOut.comparison;
  rows.push([
    'HELD-OUT (mean)',
    String(result.perJob.length),
    formatNumber(result.heldOut.defaultNdcg),
    formatNumber(result.heldOut.fittedNdcg),
  ]);
  process.stdout.write(
    `${formatTable(['fold', 'jobs', `default ${result.metric}`, `fitted ${result.metric}`], rows)}\n` +
      `fitted − default on held-out jobs: ${difference.mean >= 0 ? '+' : ''}${difference.mean.toFixed(4)} ` +
      `(95% CI ${difference.low.toFixed(4)} to ${difference.high.toFixed(4)}, paired randomization p = ${pValue.toFixed(4)})\n` +
      `weights fitted on all ${features.length} jobs: ${Object.entries(result.weights)
        .map(([name, value]) => `${name}=${value.toFixed(3)}`)
        .join(',')}\n`,
  );
}

async function writeExports(
  result: ExperimentResult,
  qrels: Qrels,
  options: EvalCommandOptions,
): Promise<void> {
  if (options.run) {
    for (const config of result.configs) {
      const file =
        result.configs.length > 1 ? `${options.run}.${config.name.replace(/[^\w.-]+/g, '_')}` : options.run;
      await writeFile(file, writeTrecRun(experimentRun(config), config.name.replace(/\s+/g, '_')));
      process.stderr.write(`run ${config.name} written to ${file}\n`);
    }
  }
  if (options.csv) {
    await mkdir(options.csv, { recursive: true });
    await writeFile(join(options.csv, 'per-job.csv'), perJobCsv(result));
    await writeFile(join(options.csv, 'per-candidate.csv'), perCandidateCsv(result, qrels));
    process.stderr.write(`CSV written to ${join(options.csv, 'per-job.csv')} and per-candidate.csv\n`);
  }
}

function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '   –  ' : value.toFixed(4);
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Readable report: per configuration a per-job table with an overall row, then a side-by-side summary. */
export function formatResult(result: ExperimentResult): string {
  const out: string[] = [];
  for (const config of result.configs) {
    out.push(`== ${config.name} (${(config.durationMs / 1000).toFixed(1)} s)`);
    const rows = config.perJob.map((job) => [
      job.jobId,
      String(job.relevant),
      ...result.metricNames.map((name) => formatNumber(job.metrics[name])),
    ]);
    rows.push([
      'OVERALL (mean)',
      String(config.perJob.length),
      ...result.metricNames.map((name) => formatNumber(config.overall[name])),
    ]);
    out.push(formatTable(['job', 'relevant', ...result.metricNames], rows));
    if (config.usage && config.usage.calls + config.usage.cachedCalls > 0) {
      out.push(
        `usage: ${config.usage.calls} calls (${config.usage.cachedCalls} cached), ${config.usage.inputTokens} input / ` +
          `${config.usage.outputTokens} output tokens, ≈ $${config.usage.costEstimate.toFixed(4)}`,
      );
    }
    out.push('');
  }
  if (result.configs.length > 1) {
    out.push('== comparison (overall means)');
    out.push(
      formatTable(
        ['configuration', ...result.metricNames],
        result.configs.map((config) => [
          config.name,
          ...result.metricNames.map((name) => formatNumber(config.overall[name])),
        ]),
      ),
    );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
