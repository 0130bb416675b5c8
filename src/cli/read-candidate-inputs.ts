import { basename } from 'node:path';
import { type CandidateDataset, readCandidateDataset } from '../index.js';
import { type ProgressBar, startProgressBar } from './progress-bar.js';

/** Help lines shared by the batch commands that read candidates. */
export const SKIPPED_INPUTS_HELP = [
  '',
  'A CV or profile line that cannot be read is reported on stderr and skipped; the others are still used and',
  'printed. Exit code: 0 ok, 1 when an input was skipped or the run failed, 2 on bad usage. A progress bar is',
  'drawn on stderr when it is a terminal.',
].join('\n');

export interface ReadCandidateInputsOptions {
  now?: string;
  /** Without a terminal, print `parsed N/M CVs` every this many documents (and at the end). Default: never. */
  logEvery?: number;
}

/**
 * `readCandidateDataset` for the batch commands (`match`, `eval`, `index build`): a progress bar while CVs are
 * parsed when stderr is a terminal, one `skipped` line on stderr per input that could not be read, and the
 * run marked failed (exit code 1, results still printed) when there was one, like `cvmatch parse`.
 */
export async function readCandidateInputs(
  paths: string[],
  options: ReadCandidateInputsOptions = {},
): Promise<CandidateDataset> {
  let bar: ProgressBar | undefined;
  const dataset = await readCandidateDataset(paths, {
    ...(options.now ? { now: options.now } : {}),
    onProgress: ({ done, total, file }) => {
      bar ??= startProgressBar('parsing', total);
      bar.update(done, basename(file));
      const { logEvery } = options;
      if (!bar.drawn && logEvery && (done === total || done % logEvery === 0)) {
        process.stderr.write(`parsed ${done}/${total} CVs\n`);
      }
    },
  });
  bar?.stop();
  for (const failure of dataset.failures) {
    process.stderr.write(`cvmatch: skipped ${failure.file}: ${failure.reason}: ${failure.message}\n`);
  }
  if (dataset.failures.length > 0) process.exitCode = 1;
  return dataset;
}
