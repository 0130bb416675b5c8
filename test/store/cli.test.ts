/** `cvmatch pool`, `cvmatch db` and `cvmatch match --pool`, in process, on PGlite and on PostgreSQL. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { captureCli } from '../support/capture-cli.js';
import { matchFixtureFiles, newPgliteFolder, newPostgresDatabase, removeTempFolders } from './backends.js';
import { cliArgs, runCliProcess } from './processes.js';

const NOW = ['--now', '2026-11-01'];
const JOB = ['--job', 'fixtures/jobs/cariste-lyon.json'];
let fromFiles: unknown;

beforeAll(async () => {
  fromFiles = await matchFixtureFiles();
});

afterAll(removeTempFolders);

describe.each([
  { name: 'pglite', create: async () => newPgliteFolder() },
  { name: 'postgres', create: newPostgresDatabase },
])('cvmatch pool / db / match --pool on $name', ({ create }) => {
  let db: string;
  beforeAll(async () => {
    db = await create();
  });

  it('adds a folder of CVs and ranks the pool exactly like ranking the files', async () => {
    const added = await captureCli([
      'pool',
      'add',
      'fixtures/cvs',
      '--db',
      db,
      '--pool',
      'agence',
      ...NOW,
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ pool: 'agence', stored: 32, unchanged: 0, failed: 0 });
    const ranked = await captureCli([
      'match',
      ...JOB,
      '--db',
      db,
      '--pool',
      'agence',
      ...NOW,
      '--json',
      '--top',
      '40',
    ]);
    expect(ranked.code).toBe(0);
    const output = JSON.parse(ranked.stdout);
    const expected = fromFiles as { results: unknown; files: unknown };
    expect(output.results).toEqual(expected.results);
    expect(output.files).toEqual(expected.files);
  });

  it('skips unchanged files, reports unreadable ones, stores the rest and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-pool-add-'));
    copyFileSync('fixtures/cvs/cariste-karim-benali.pdf', join(folder, 'a.pdf'));
    writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.7 this is not a PDF');
    writeFileSync(
      join(folder, 'new.txt'),
      'Jeanne Testeuse\nCariste\nCACES R489 catégorie 3\nExpérience : cariste 2019 - 2024, Lyon\n',
    );
    const added = await captureCli(['pool', 'add', folder, '--db', db, '--pool', 'agence', ...NOW]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/skipped .*broken\.pdf/);
    expect(added.stdout).toContain('pool agence: 1 stored, 1 unchanged, 1 failed; 33 profiles in the pool');
  });

  it('lists and removes pools, and says when a pool does not exist', async () => {
    const listed = await captureCli(['pool', 'ls', '--db', db, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'agence', profiles: 33, embedded: { 'local/hashing-v1': 33 } }),
    ]);
    const missing = await captureCli(['match', ...JOB, '--db', db, '--pool', 'nope', ...NOW]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no pool named "nope"');
    expect((await captureCli(['pool', 'rm', 'agence', '--db', db])).code).toBe(0);
    const again = await captureCli(['pool', 'rm', 'agence', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no pool named "agence"');
  });

  it('reports status, migrates and purges through `cvmatch db`', async () => {
    const status = await captureCli(['db', 'status', '--db', db, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ schemaVersion: 3, latestSchemaVersion: 3 });
    expect(JSON.parse(status.stdout).counts.audit_events).toBeGreaterThan(0);
    expect((await captureCli(['db', 'migrate', '--db', db])).stdout).toContain('schema v3 is up to date');
    const purged = await captureCli([
      'db',
      'purge',
      '--db',
      db,
      '--older-than',
      '30d',
      '--now',
      '2099-01-01',
      '--dry-run',
      '--json',
    ]);
    expect(JSON.parse(purged.stdout)).toMatchObject({ dryRun: true, cutoff: '2098-12-02T00:00:00.000Z' });
    expect((await captureCli(['db', 'purge', '--db', db, '--older-than', 'soon'])).code).toBe(1);
  });
});

describe('embedded store concurrency limit', () => {
  it('refuses a second opener of the same folder in this process with a typed error', async () => {
    const folder = newPgliteFolder();
    const store = await openStore(folder, { env: {} });
    try {
      const { code, stderr } = await captureCli(['pool', 'ls', '--db', folder]);
      expect(code).toBe(1);
      expect(stderr).toContain('is open in this process');
      await expect(openStore(folder, { env: {} })).rejects.toMatchObject({ reason: 'locked' });
    } finally {
      await store.close();
    }
    expect((await captureCli(['pool', 'ls', '--db', folder])).code).toBe(0);
  });

  it('refuses it from another process while the first one holds the folder', async () => {
    const folder = newPgliteFolder();
    const holder = spawn(process.execPath, ['--import', 'tsx', 'test/store/hold-store.ts', folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const second = await runCliProcess(cliArgs(['pool', 'ls', '--db', folder]));
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`is open in process ${holder.pid}`));
      expect(second.stderr).toContain('postgres://');
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Killed with -9: its lock is stale, the next opener takes the folder over.
    const after = await runCliProcess(cliArgs(['pool', 'ls', '--db', folder]));
    expect(after.code).toBe(0);
  });
});
