import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import {
  type ExampleKind,
  exportFineTuning,
  type FineTuningExample,
  type FineTuningExport,
  type FineTuningFormat,
  UsageError,
} from '../../index.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';

interface FinetuneOptions extends StoreCliOptions {
  format: FineTuningFormat;
  out?: string;
  validation: string;
  seed: string;
  minPerClass: string;
  kinds: string;
  campaign?: string;
  json?: boolean;
}

function number(value: string, flag: string, check: (value: number) => boolean, expected: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || !check(parsed))
    throw new UsageError(`${flag} must be ${expected}, got "${value}"`);
  return parsed;
}

function jsonl(examples: readonly FineTuningExample[]): string {
  return examples.map((example) => `${JSON.stringify(example)}\n`).join('');
}

/** `train.jsonl` → `train.validation.jsonl`. */
export function validationPath(out: string): string {
  return /\.jsonl$/i.test(out) ? out.replace(/\.jsonl$/i, '.validation.jsonl') : `${out}.validation.jsonl`;
}

function formatSummary(result: FineTuningExport, files: string[]): string {
  const { summary } = result;
  const lines = [
    `${summary.format} fine-tuning: ${summary.examples.train} training, ${summary.examples.validation} validation examples ` +
      `(validation share ${summary.validationShare}, seed ${summary.seed}, split by candidate)`,
    ...files.map((file) => `  wrote ${file}`),
    'by class (train / validation):',
    ...Object.entries(summary.byClass)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, counts]) => `  ${name.padEnd(28)} ${String(counts.train).padStart(5)} / ${counts.validation}`,
      ),
    'by job order:',
    ...Object.entries(summary.byJob)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([job, classes]) =>
          `  ${job}: ${Object.entries(classes)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, count]) => `${name} ${count}`)
            .join(', ')}`,
      ),
  ];
  const skipped = Object.entries(summary.skipped);
  if (skipped.length > 0)
    lines.push(
      `left out: ${skipped
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** `cvmatch export finetune`. */
export function registerExportCommand(program: Command): void {
  const exporter = program
    .command('export')
    .description('Export what the store holds in standard formats (fine-tuning JSONL).');
  const finetune = exporter
    .command('finetune')
    .description(
      "Chat fine-tuning JSONL from recruiter decisions (the LLM reranker's pseudonymised prompt and the decision as its answer) " +
        "and screening transcripts (redacted), validated against the provider's format, split train/validation by candidate.",
    )
    .addOption(
      new Option('--format <provider>', 'file format of the provider')
        .choices(['mistral', 'openai'])
        .makeOptionMandatory(),
    )
    .option(
      '--out <file.jsonl>',
      'write the training examples there and the validation ones to <file>.validation.jsonl, and the summary on stdout ' +
        '(default: training examples on stdout, summary on stderr, validation examples not written)',
    )
    .option('--validation <share>', 'share of candidates whose examples go to validation, 0 to 0.5', '0.2')
    .option('--seed <n>', 'seed of the train/validation split', '1')
    .option('--min-per-class <n>', 'warn when a class has fewer training examples', '10')
    .option(
      '--kinds <list>',
      'examples to build: decision, screening (comma-separated)',
      'decision,screening',
    )
    .option('--campaign <id>', 'only this campaign')
    .option('--json', 'print the summary and warnings as JSON');
  addStoreOptions(finetune);
  finetune.action(async (options: FinetuneOptions) => {
    const validation = number(options.validation, '--validation', (v) => v >= 0 && v <= 0.5, 'from 0 to 0.5');
    const seed = number(options.seed, '--seed', Number.isInteger, 'an integer');
    const minPerClass = number(
      options.minPerClass,
      '--min-per-class',
      (v) => Number.isInteger(v) && v >= 0,
      'an integer ≥ 0',
    );
    const kinds = options.kinds.split(',').map((kind) => kind.trim());
    for (const kind of kinds)
      if (kind !== 'decision' && kind !== 'screening')
        throw new UsageError(`--kinds: unknown kind "${kind}" (decision, screening)`);
    const result = await withStore(options, (store) =>
      exportFineTuning(store, {
        format: options.format,
        validation,
        seed,
        minPerClass,
        kinds: kinds as ExampleKind[],
        ...(options.campaign ? { campaignId: options.campaign } : {}),
      }),
    );
    const files: string[] = [];
    if (options.out) {
      await writeFile(options.out, jsonl(result.train));
      files.push(options.out);
      if (validation > 0) {
        await writeFile(validationPath(options.out), jsonl(result.validation));
        files.push(validationPath(options.out));
      }
    } else process.stdout.write(jsonl(result.train));
    const report = options.json
      ? `${JSON.stringify({ ...result.summary, files, warnings: result.warnings }, null, 2)}\n`
      : formatSummary(result, files);
    (options.out ? process.stdout : process.stderr).write(report);
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (!options.out && result.summary.examples.validation > 0)
      process.stderr.write(
        `warning: ${result.summary.examples.validation} validation examples not written (use --out)\n`,
      );
  });
}
