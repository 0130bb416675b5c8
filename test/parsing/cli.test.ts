import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';

let directory: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'cvmatch-parse-'));
  await writeFile(
    path.join(directory, 'a-good.txt'),
    'Léa EXEMPLE\nCariste\n12 rue X, 69003 Lyon\nTél. : 06 99 00 00 02\n',
  );
  await writeFile(path.join(directory, 'b-empty.txt'), '');
  await writeFile(path.join(directory, 'notes.md'), 'not a CV');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function capture(): void {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
}
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('cvmatch parse', () => {
  it('prints one JSON line per document, errors included, and exits 1 when one failed', async () => {
    capture();
    const code = await runCli(['parse', directory, '--json', '--now', '2026-11-01']);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      name: 'Léa Exemple',
      phone: '+33699000002',
      location: { city: 'Lyon' },
    });
    expect(lines[1]).toEqual({
      file: path.join(directory, 'b-empty.txt'),
      error: { reason: 'no-text', message: expect.any(String) },
    });
    expect(stderr).toMatch(/parsed 1 ok, 1 failed/);
    expect(code).toBe(1);
  }, 120_000);

  it('prints a table and exits 0 when every document parsed', async () => {
    capture();
    const code = await runCli(['parse', path.join(directory, 'a-good.txt')]);
    expect(stdout).toMatch(/a-good\.txt\s+Léa Exemple/);
    expect(code).toBe(0);
  }, 120_000);

  it.each([
    [['parse', '/no/such/folder']],
    [['parse', 'fixtures/cvs', '--concurrency', '0']],
    [['parse', 'fixtures/cvs', '--now', '2026-13-45']],
    [['parse']],
  ])('exits 2 on bad usage: %j', async (argv) => {
    capture();
    expect(await runCli(argv)).toBe(2);
  });
});
