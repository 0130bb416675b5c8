import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './limit-concurrency.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('limitConcurrency', () => {
  it('never runs more than `concurrency` tasks at once and starts them first come, first served', async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((index) =>
        limit(async () => {
          started.push(index);
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          return index * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the slot of a failed task and hands its error to the caller only', async () => {
    const limit = limitConcurrency(1);
    const failed = limit(async () => {
      throw new Error('boom');
    });
    const thrownAtOnce = limit(() => {
      throw new TypeError('sync');
    });
    const after = limit(async () => 'still runs');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrownAtOnce).rejects.toBeInstanceOf(TypeError);
    await expect(after).resolves.toBe('still runs');
  });

  it('starts a task on a later microtask, not inside the call', () => {
    const limit = limitConcurrency(1);
    let ran = false;
    void limit(() => {
      ran = true;
    });
    expect(ran).toBe(false);
  });

  it('accepts Infinity and refuses zero, fractions and NaN', () => {
    expect(() => limitConcurrency(Number.POSITIVE_INFINITY)).not.toThrow();
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => limitConcurrency(bad)).toThrow(RangeError);
  });
});
