/** Runs `task` when one of the limiter's slots is free; resolves or rejects as the task does. */
export type ConcurrencyLimit = <T>(task: () => Promise<T> | T) => Promise<T>;

/**
 * At most `concurrency` tasks run at once; the others wait in first-come order. The same contract as
 * p-limit's `limit(fn)`, kept in the package because p-limit is ESM-only and broke the CommonJS build.
 * A task starts on a later microtask, never synchronously inside the call (a task that throws at once
 * rejects the returned promise instead of throwing).
 */
export function limitConcurrency(concurrency: number): ConcurrencyLimit {
  if (!(concurrency === Number.POSITIVE_INFINITY || (Number.isInteger(concurrency) && concurrency >= 1))) {
    throw new RangeError(`concurrency must be a positive integer or Infinity, got ${concurrency}`);
  }
  const waiting: (() => void)[] = [];
  let active = 0;

  const startNext = (): void => {
    if (active >= concurrency) return;
    const start = waiting.shift();
    if (start === undefined) return;
    active++;
    start();
  };
  const release = (): void => {
    active--;
    startNext();
  };

  return <T>(task: () => Promise<T> | T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        const running = Promise.resolve().then(task);
        running.then(resolve, reject);
        // The slot is freed once the task settled, whatever the outcome; the outcome itself goes to the caller.
        running.then(release, release);
      });
      queueMicrotask(startNext);
    });
}
