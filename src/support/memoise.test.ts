import { describe, expect, it } from 'vitest';
import { memoise } from './memoise.js';

describe('memoise', () => {
  it('builds on the first call only, and not before it', () => {
    let builds = 0;
    const value = memoise(() => {
      builds += 1;
      return { builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps an undefined value built once', () => {
    let builds = 0;
    const value = memoise(() => {
      builds += 1;
      return undefined;
    });
    value();
    value();
    expect(builds).toBe(1);
  });

  it('builds again after a build that threw', () => {
    let calls = 0;
    const value = memoise(() => {
      calls += 1;
      if (calls === 1) throw new Error('first');
      return calls;
    });
    expect(() => value()).toThrow('first');
    expect(value()).toBe(2);
  });
});
