import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { captureCli } from './support/capture-cli.js';

// The batch commands (parse, match, eval, index build) share three behaviours: an input that cannot be read is
// reported on stderr and makes the exit code 1 while everything else is still printed; a file that is not a CV
// is `unsupported`; a progress bar is drawn on stderr only when stderr is a terminal.
const root = new URL('../', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cvmatch-batch-'));
for (const name of ['cariste-karim-benali.pdf', 'cariste-mehdi-haddad.txt']) {
  copyFileSync(join(root, 'fixtures/cvs', name), join(folder, name));
}
writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.7\n1 0 obj garbage\n');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const JOB = join(root, 'fixtures/jobs/cariste-lyon.json');
const NOW = ['--now', '2026-11-01'];
const EVAL = [
  'eval',
  '--jobs',
  JOB,
  '--qrels',
  join(root, 'eval/qrels/fixtures.tsv'),
  '--candidates',
  folder,
];

/** Runs the CLI with stderr seen as a terminal (`true`) or as a pipe or file (`false`). */
async function withStderrTty(tty: boolean, argv: string[]) {
  const stderr = process.stderr as { isTTY?: boolean; columns?: number };
  const saved = { isTTY: stderr.isTTY, columns: stderr.columns };
  stderr.isTTY = tty;
  stderr.columns = 100;
  try {
    return await captureCli(argv);
  } finally {
    stderr.isTTY = saved.isTTY;
    stderr.columns = saved.columns;
  }
}

describe('batch commands', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('eval prints its metrics and exits 1 when a CV was skipped', async () => {
    const { code, stdout, stderr } = await captureCli([...EVAL, ...NOW]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/cariste-lyon\s+\d+\s+\d\.\d{4}/);
    expect(stderr).toMatch(/cvmatch: skipped .*broken\.pdf: corrupt/);
  }, 60_000);

  it('parse refuses JSON, binary and other files that are not CVs as unsupported', async () => {
    const notCvs = mkdtempSync(join(tmpdir(), 'cvmatch-not-cv-'));
    writeFileSync(
      join(notCvs, 'package.json'),
      JSON.stringify({ name: 'x', dependencies: { zod: '4' } }, null, 2),
    );
    writeFileSync(join(notCvs, 'profiles.jsonl'), '{"id":"a"}\n{"id":"b"}\n');
    writeFileSync(join(notCvs, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    writeFileSync(join(notCvs, 'script.txt'), 'for (const x of y) {\n  z(x);\n}\n');
    try {
      const files = ['package.json', 'profiles.jsonl', 'image.bin', 'script.txt'].map((name) =>
        join(notCvs, name),
      );
      const { code, stdout } = await captureCli(['parse', ...files, '--json']);
      expect(code).toBe(1);
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { error?: { reason: string; message: string } });
      expect(lines.map((line) => line.error?.reason)).toEqual([
        'unsupported',
        'unsupported',
        'unsupported',
        'unsupported',
      ]);
      expect(lines[0]?.error?.message).toMatch(/JSON, not a CV/);
      expect(lines[3]?.error?.message).toMatch(/No CV content/);
    } finally {
      rmSync(notCvs, { recursive: true, force: true });
    }
  });

  it.each([
    ['parse', ['parse', folder], 'parsing'],
    ['match', ['match', '--job', JOB, '--candidates', folder, ...NOW], 'parsing'],
    ['index build', ['index', 'build', folder, '--out', join(folder, 'pool.cvmidx'), ...NOW], 'embedding'],
    ['eval', [...EVAL, ...NOW], 'evaluating'],
  ])(
    '%s draws a progress bar on a terminal and none on a pipe',
    async (_name, argv, label) => {
      const terminal = await withStderrTty(true, argv);
      expect(terminal.stderr).toContain(`${label} [`);
      const piped = await withStderrTty(false, argv);
      expect(piped.stderr).not.toContain(`${label} [`);
      expect(piped.stderr).not.toContain('\u001b[');
      // The bar never goes to stdout, and the results are the same either way.
      expect(terminal.stdout.replace(/\d+\.\d+ s/g, '')).toBe(piped.stdout.replace(/\d+\.\d+ s/g, ''));
    },
    120_000,
  );
});
