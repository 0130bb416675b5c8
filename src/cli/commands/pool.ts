import type { Command } from 'commander';
import { addToPool, CV_EXTENSIONS, StoreError, UsageError } from '../../index.js';
import { addProviderOptions, formatUsage, resolveProviderOptions } from '../provider-options.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';
import { collectCvFiles } from './parse.js';

/** Pool used when `--pool` is not given. */
export const DEFAULT_POOL = 'default';

interface PoolAddOptions extends StoreCliOptions {
  pool: string;
  now?: string;
  concurrency: string;
  batch: string;
  json?: boolean;
  [provider: string]: unknown;
}

function positiveInteger(value: string, flag: string, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new UsageError(`${flag} must be an integer from 1 to ${max}, got "${value}"`);
  }
  return number;
}

/** `cvmatch pool add|ls|rm`: candidate pools kept in the store. */
export function registerPoolCommand(program: Command): void {
  const pool = program
    .command('pool')
    .description('Candidate pools kept in the store (parsed and embedded once, ranked many times).');

  const add = pool
    .command('add')
    .description(
      'Parse CVs (or read profiles .jsonl), embed their work fields and store them in a pool. Incremental: a file ' +
        'whose content is already in the pool is skipped; each batch is committed whole, so an interrupted run ' +
        'leaves whole profiles only and running it again resumes.',
    )
    .argument('<paths...>', 'CV files or folders (searched recursively), or profiles .jsonl files')
    .option('--pool <name>', 'pool name (letters, digits, . _ -)', DEFAULT_POOL)
    .option('--now <date>', 'reference date YYYY-MM-DD for parsing relative dates (default today)')
    .option('--concurrency <n>', 'CVs parsed at the same time (1-64)', '4')
    .option('--batch <n>', 'files committed per transaction (1-1000)', '16')
    .option('--json', 'print a JSON summary { pool, stored, unchanged, failed, items, usage }');
  addStoreOptions(add);
  addProviderOptions(add);
  add.addHelpText(
    'after',
    '\nExit code: 0 when every file was stored or unchanged, 1 when at least one could not be read (the others are stored).',
  );
  add.action(async (paths: string[], options: PoolAddOptions) => {
    const concurrency = positiveInteger(options.concurrency, '--concurrency', 64);
    const batchSize = positiveInteger(options.batch, '--batch', 1000);
    if (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.now)) {
      throw new UsageError(`--now must be a date YYYY-MM-DD, got "${options.now}"`);
    }
    const files = await collectCvFiles(paths);
    if (files.length === 0) {
      throw new UsageError(`no CV files (${[...CV_EXTENSIONS].join(', ')}) or .jsonl in ${paths.join(', ')}`);
    }
    const providers = await resolveProviderOptions(options, process.env);
    const report = await withStore(options, async (store) => {
      process.stderr.write(
        `adding ${files.length} file(s) to pool ${options.pool} (${providers.describe()})\n`,
      );
      const result = await addToPool(store, options.pool, files, {
        embeddingModel: providers.embeddingModel,
        concurrency,
        batchSize,
        ...(options.now ? { now: options.now } : {}),
        onItem: (item) => {
          if (item.status === 'failed')
            process.stderr.write(`cvmatch: skipped ${item.file}: ${item.reason}: ${item.message}\n`);
        },
        onProgress: (progress) =>
          process.stderr.write(
            `pool ${options.pool}: ${progress.done}/${progress.total} files, ${progress.stored} stored, ` +
              `${progress.unchanged} unchanged, ${progress.failed} failed\n`,
          ),
      });
      return { ...result, total: await store.profiles.count(options.pool) };
    });
    const usage = providers.usage.report();
    if (options.json) process.stdout.write(`${JSON.stringify({ ...report, usage }, null, 2)}\n`);
    else {
      process.stdout.write(
        `pool ${report.pool}: ${report.stored} stored, ${report.unchanged} unchanged, ${report.failed} failed; ` +
          `${report.total} profiles in the pool\n`,
      );
    }
    process.stderr.write(`${formatUsage(usage)}\n`);
    if (report.failed > 0) process.exitCode = 1;
  });

  const list = pool
    .command('ls')
    .description('List the pools of the store: profiles, stored vectors per embedding model, last change.')
    .option('--json', 'print the pools as JSON');
  addStoreOptions(list);
  list.action(async (options: StoreCliOptions & { json?: boolean }) => {
    const pools = await withStore(options, (store) => store.pools.list());
    if (options.json) {
      process.stdout.write(`${JSON.stringify(pools, null, 2)}\n`);
      return;
    }
    const lines = [`${'pool'.padEnd(24)} ${'profiles'.padStart(8)}  ${'updated'.padEnd(24)}  vectors`];
    for (const entry of pools) {
      const vectors =
        Object.entries(entry.embedded)
          .map(([model, count]) => `${model}: ${count}`)
          .join(', ') || '-';
      lines.push(
        `${entry.name.padEnd(24)} ${String(entry.profiles).padStart(8)}  ${entry.updatedAt.padEnd(24)}  ${vectors}`,
      );
    }
    if (pools.length === 0) lines.push('(no pools: add CVs with `cvmatch pool add <folder>`)');
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  const remove = pool
    .command('rm')
    .description('Delete a pool with its profiles and vectors (campaigns and the audit trail are kept).')
    .argument('<name>', 'pool name');
  addStoreOptions(remove);
  remove.action(async (name: string, options: StoreCliOptions) => {
    const removed = await withStore(options, (store) => store.pools.remove(name));
    if (!removed) throw new StoreError('not-found', `no pool named "${name}" in the store`);
    process.stdout.write(`pool ${name} removed\n`);
  });
}
