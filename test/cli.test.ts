import { describe, expect, it } from 'vitest';
import { captureCli as capture } from './support/capture-cli.js';

describe('cvmatch CLI shell', () => {
  it('prints help and exits 0', async () => {
    const result = await capture(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: cvmatch');
  });

  it('exits 2 on an unknown option or command', async () => {
    expect((await capture(['--no-such-flag'])).code).toBe(2);
    expect((await capture(['no-such-command'])).code).toBe(2);
  });
});
