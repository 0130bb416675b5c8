import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildPoolIndex, CvmatchError, savePoolIndex, UsageError } from '../../index.js';
import { startProgressBar } from '../progress-bar.js';
import { addProviderOptions, resolveProviderOptions } from '../provider-options.js';
import { readCandidateInputs, SKIPPED_INPUTS_HELP } from '../read-candidate-inputs.js';

interface IndexBuildOptions {
  out: string;
  now?: string;
  json?: boolean;
  [key: string]: unknown;
}

/** `cvmatch index build`: parse CVs (or read profiles), embed them and save a pool index. */
export function registerIndexCommand(program: Command): void {
  const index = program
    .command('index')
    .description('Build reusable pool indexes for `cvmatch match --index`.');
  const build = index
    .command('build')
    .description(
      'Read candidates (CV folders/files or profiles .jsonl), embed their work fields and save one index file ' +
        '(profiles, BM25 terms and vectors: loading is fast). Only structured work fields are embedded: never name, ' +
        'contact details, address or sensitive data.',
    )
    .argument('<inputs...>', 'CV folder(s), CV files (pdf, docx, doc, odt, rtf, txt) or profiles .jsonl')
    .requiredOption('--out <file>', 'index file to write (overwritten atomically)')
    .option('--now <date>', 'reference date YYYY-MM-DD for parsing relative dates (default today)')
    .option('--json', 'print a JSON summary { file, profiles, embedding, failures, usage } on stdout')
    .addHelpText('after', SKIPPED_INPUTS_HELP);
  addProviderOptions(build);
  build.action(async (inputs: string[], options: IndexBuildOptions) => {
    await runIndexBuild(inputs, options);
  });
}

async function runIndexBuild(inputs: string[], options: IndexBuildOptions): Promise<void> {
  if (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.now)) {
    throw new UsageError(`--now: expected YYYY-MM-DD, got ${options.now}`);
  }
  for (const input of inputs) {
    await stat(input).catch((error: unknown) => {
      throw new UsageError(`cannot read ${input}`, { cause: error });
    });
  }
  const providers = await resolveProviderOptions(options, process.env);
  const started = performance.now();
  const { profiles, failures } = await readCandidateInputs(inputs, {
    ...(options.now ? { now: options.now } : {}),
    logEvery: 100,
  });
  if (profiles.length === 0) throw new CvmatchError('no candidate could be read: nothing to index');
  process.stderr.write(`indexing ${profiles.length} profiles (${providers.describe()})\n`);
  let reported = 0;
  const bar = startProgressBar('embedding', profiles.length);
  const pool = await buildPoolIndex(profiles, {
    embeddingModel: providers.embeddingModel,
    onProgress: ({ done, total }) => {
      bar.update(done);
      if (!bar.drawn && (done === total || done - reported >= 1000)) {
        reported = done;
        process.stderr.write(`embedded ${done}/${total}\n`);
      }
    },
  });
  bar.stop();
  await savePoolIndex(pool, options.out);
  const { size } = await stat(options.out);
  const usage = providers.usage.report();
  const summary = {
    file: options.out,
    profiles: pool.size,
    embedding: pool.embedding,
    bytes: size,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    failures,
    usage,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    const model = pool.embedding
      ? `${pool.embedding.provider}/${pool.embedding.modelId}, ${pool.embedding.dimensions} dims`
      : 'no vectors';
    process.stdout.write(
      `${options.out}: ${pool.size} profiles (${model}), ${(size / 1024).toFixed(0)} KiB, ${summary.seconds} s` +
        `${failures.length > 0 ? `; ${failures.length} input(s) skipped (see stderr)` : ''}\n`,
    );
  }
}
