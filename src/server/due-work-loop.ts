import type { JsonLogger } from './json-logger.js';

export interface DueWorkLoopOptions<Report> {
  /** One pass of due work (e.g. `() => runDueCampaignWork(context)`). */
  run: () => Promise<Report>;
  /** Pause between two passes; default 60 s. */
  intervalMs?: number;
  logger?: JsonLogger;
}

export interface DueWorkLoop {
  /** Passes run so far. */
  readonly passes: number;
  /** Stops after the pass in progress (never cut in the middle); resolves when it has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs`, one pass at a time, until `stop`. A failed pass is logged
 * (its error class, no text) and the next one runs on time: due work stays in the store until done.
 */
export function startDueWorkLoop<Report extends object>(options: DueWorkLoopOptions<Report>): DueWorkLoop {
  const intervalMs = options.intervalMs ?? 60_000;
  let stopped = false;
  let passes = 0;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        const report = await options.run();
        options.logger?.info('worker pass', { ...(report as Record<string, unknown>) });
      } catch (error) {
        options.logger?.error('worker pass failed', {
          error: error instanceof Error ? error.name : typeof error,
        });
      }
      passes++;
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
      wake = null;
    }
  })();
  return {
    get passes() {
      return passes;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
