import { describe, expect, it } from 'vitest';
import { startDueWorkLoop } from './due-work-loop.js';
import { createJsonLogger } from './json-logger.js';

describe('startDueWorkLoop', () => {
  it('runs passes one at a time, keeps going after a failed pass, and stop waits for the pass in progress', async () => {
    const lines: string[] = [];
    let running = 0;
    let overlap = 0;
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let fourthStarted: () => void = () => {};
    const fourth = new Promise<void>((resolve) => {
      fourthStarted = resolve;
    });
    const loop = startDueWorkLoop({
      intervalMs: 5,
      logger: createJsonLogger({ write: (line) => lines.push(line) }),
      run: async () => {
        calls++;
        running++;
        overlap = Math.max(overlap, running);
        try {
          if (calls === 4) {
            fourthStarted();
            await gate;
          } else await new Promise((resolve) => setTimeout(resolve, 5));
          if (calls === 2) throw new TypeError('boom');
          return { sent: calls };
        } finally {
          running--;
        }
      },
    });
    await fourth;
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // the fourth pass is still running
    release();
    await stopping;
    expect(loop.passes).toBe(4);
    expect(overlap).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(4); // nothing after stop
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.find((entry) => entry.msg === 'worker pass failed')).toMatchObject({ error: 'TypeError' });
    expect(entries.filter((entry) => entry.msg === 'worker pass')).toHaveLength(3);
  });
});
