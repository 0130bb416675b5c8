import { SingleBar } from 'cli-progress';

/** Progress of one batch step, drawn on stderr. Every method is a no-op when no bar is drawn. */
export interface ProgressBar {
  /** Whether a bar is drawn (stderr is a terminal); commands may print plain progress lines otherwise. */
  readonly drawn: boolean;
  update(done: number, detail?: string): void;
  stop(): void;
}

/**
 * A progress bar for a batch command step (`parsing`, `embedding`, `evaluating`), only when `stream` is a
 * terminal: redirected or piped stderr (CI logs, scripts) never gets escape codes or redrawn lines.
 */
export function startProgressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  if (!stream.isTTY || total <= 0) return { drawn: false, update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {value}/{total} {detail}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { detail: '' });
  return {
    drawn: true,
    update: (done, detail = '') => bar.update(done, { detail }),
    stop: () => bar.stop(),
  };
}
