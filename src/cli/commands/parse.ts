import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { CV_EXTENSIONS, type ParseCvsItem, parseCvs, UsageError } from '../../index.js';
import { startProgressBar } from '../progress-bar.js';

interface ParseCommandOptions {
  json?: boolean;
  concurrency: string;
  now?: string;
}

/** Files given on the command line plus the CV files found in folders (recursively, sorted, hidden files skipped). */
export async function collectCvFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(given);
    } catch (error) {
      throw new UsageError(`no such file or folder: ${given}`, { cause: error });
    }
    if (info.isDirectory()) files.push(...(await walk(given)));
    else files.push(given);
  }
  return files;
}

async function walk(directory: string): Promise<string[]> {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (CV_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

function parseConcurrency(value: string): number {
  const concurrency = Number(value);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be an integer from 1 to 64, got "${value}"`);
  }
  return concurrency;
}

function parseNow(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--now must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

function cell(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width);
}

/** A readable table: one row per document. */
export function formatParseTable(items: ParseCvsItem[]): string {
  const header = `${cell('file', 34)} ${cell('name', 22)} ${cell('latest title', 24)} ${cell('city', 16)} ${'months'.padStart(6)}  certifications / licences`;
  const rows = items.map((item) => {
    const file = cell(path.basename(item.file), 34);
    if ('error' in item) return `${file} FAILED (${item.error.reason}): ${item.error.message}`;
    const profile = item.profile;
    const codes = [
      ...profile.certifications.map((certification) => certification.code),
      ...profile.drivingLicences.map((code) => `permis ${code}`),
    ];
    return `${file} ${cell(profile.name ?? '?', 22)} ${cell(profile.experiences[0]?.title ?? '-', 24)} ${cell(profile.location?.city ?? '-', 16)} ${String(profile.totalExperienceMonths).padStart(6)}  ${codes.join(', ') || '-'}`;
  });
  return `${[header, ...rows].join('\n')}\n`;
}

/** `cvmatch parse`: CV files or folders → profiles (JSONL with --json, a table otherwise). */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('Parse CVs (PDF, DOCX, TXT; folders are searched recursively) into candidate profiles.')
    .argument('<paths...>', 'CV files or folders')
    .option(
      '--json',
      'print one JSON line per document: the profile, or { file, error: { reason, message } }',
    )
    .option('--concurrency <n>', 'documents parsed at the same time (1-64)', '4')
    .option(
      '--now <date>',
      'reference date YYYY-MM-DD for "aujourd\'hui"/"present" and availability (default: today)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Output: profiles on stdout (JSONL with --json, otherwise a table); a summary on stderr, and a progress',
        'bar when stderr is a terminal.',
        'A document that cannot be read is reported (reason: no-text, encrypted, corrupt, too-large, unsupported,',
        'timeout) and the batch goes on. Exit code: 0 when every document was parsed, 1 when at least one',
        'failed (all other documents are still printed), 2 on bad usage (unknown path, bad option).',
        '',
        'Examples:',
        '  cvmatch parse fixtures/cvs',
        '  cvmatch parse cv.pdf other.docx --json > profiles.jsonl',
      ].join('\n'),
    )
    .action(async (paths: string[], options: ParseCommandOptions) => {
      const concurrency = parseConcurrency(options.concurrency);
      const now = parseNow(options.now);
      const files = await collectCvFiles(paths);
      if (files.length === 0)
        throw new UsageError(`no CV files (${[...CV_EXTENSIONS].join(', ')}) in ${paths.join(', ')}`);
      const started = performance.now();
      const bar = startProgressBar('parsing', files.length);
      const items = await parseCvs(files, {
        concurrency,
        onError: 'collect',
        ...(now ? { now } : {}),
        onProgress: ({ done, file }) => bar.update(done, path.basename(file)),
      });
      bar.stop();
      if (options.json) {
        for (const item of items) {
          const line = 'error' in item ? { file: item.file, error: item.error } : item.profile;
          process.stdout.write(`${JSON.stringify(line)}\n`);
        }
      } else process.stdout.write(formatParseTable(items));
      const failed = items.filter((item) => 'error' in item);
      for (const item of failed) {
        if ('error' in item)
          process.stderr.write(`cvmatch: ${item.file}: ${item.error.reason}: ${item.error.message}\n`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `parsed ${items.length - failed.length} ok, ${failed.length} failed, in ${seconds} s\n`,
      );
      if (failed.length > 0) process.exitCode = 1;
    });
}
