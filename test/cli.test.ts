import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/program.js';

async function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

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
