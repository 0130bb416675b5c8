import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestLimiter } from './limiter.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('request limiter', () => {
  it('never runs more than maxConcurrency calls at once', async () => {
    const limiter = createRequestLimiter({ maxConcurrency: 2 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.run(1, async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('holds calls beyond requestsPerMinute until the window slides', async () => {
    vi.useFakeTimers();
    const limiter = createRequestLimiter({ maxConcurrency: 10, requestsPerMinute: 2, now: () => Date.now() });
    const started: number[] = [];
    const calls = Array.from({ length: 3 }, () => limiter.run(1, async () => started.push(Date.now())));
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(calls);
    expect(started).toHaveLength(3);
    expect(started[2]! - started[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('holds calls beyond tokensPerMinute, but lets one oversized call through alone', async () => {
    vi.useFakeTimers();
    const limiter = createRequestLimiter({ maxConcurrency: 10, tokensPerMinute: 100, now: () => Date.now() });
    const started: string[] = [];
    const first = limiter.run(500, async () => started.push('big'));
    const second = limiter.run(10, async () => started.push('small'));
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toEqual(['big']);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([first, second]);
    expect(started).toEqual(['big', 'small']);
  });
});
