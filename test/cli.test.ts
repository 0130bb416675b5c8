import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-list.js';
import { createFullProgram, createProgram } from '../src/cli/program.js';
import { VERSION } from '../src/index.js';
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

  it('lists the commands as their modules register them, without loading any (update src/cli/command-list.ts)', async () => {
    const full = await createFullProgram();
    const shell = await createProgram(['--help']);
    expect(shell.commands.map((command) => command.name())).toEqual(COMMANDS.map((entry) => entry.name));
    expect(shell.helpInformation()).toBe(full.helpInformation());
    expect(shell.commands.every((command) => command.options.length === 0)).toBe(true);
  });

  it('registers only the command argv names, with its own help', async () => {
    const parse = await createProgram(['parse', 'cv.pdf']);
    expect(parse.commands.map((command) => command.name())).toEqual(['parse']);
    const asked = await createProgram(['help', 'match']);
    expect(asked.commands.map((command) => command.name())).toEqual(['match']);
    const result = await capture(['help', 'parse']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: cvmatch parse [options] <paths...>');
    expect(result.stdout).toContain('--concurrency');
  });

  it('prints the library version', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await capture([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(VERSION);
    }
  });
});
