/**
 * Real processes: kill -9 in the middle of `pool add` (both backends) loses nothing committed and a rerun
 * resumes to the same store as an uninterrupted run; on PostgreSQL, two processes adding to the same pool
 * while a third ranks it corrupt nothing.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { matchFixtureFiles, newPgliteFolder, newPostgresDatabase, removeTempFolders } from './backends.js';
import { cliArgs, runCliProcess } from './processes.js';

const NOW = ['--now', '2026-11-01'];
const JOB = ['--job', 'fixtures/jobs/cariste-lyon.json'];
const CVS = readdirSync('fixtures/cvs')
  .filter((name) => /\.(pdf|docx|txt)$/.test(name))
  .sort()
  .map((name) => `fixtures/cvs/${name}`);
let expectedResults: unknown;

beforeAll(async () => {
  expectedResults = (await matchFixtureFiles()).results;
});

afterAll(removeTempFolders);

/** Profiles, vectors and source hashes of a pool, as comparable plain data. */
async function snapshot(store: Store, pool: string) {
  const loaded = await store.profiles.load(pool, 'local/hashing-v1');
  const hashes = await store.profiles.sourceHashes(pool);
  return {
    profiles: loaded.profiles,
    vectors: [...loaded.vectors.entries()].map(([id, stored]) => [
      id,
      stored.input,
      Buffer.from(stored.vector.buffer).toString('base64'),
    ]),
    hashes: [...hashes].sort(),
  };
}

async function withOpenStore<T>(url: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url, { env: {} });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

describe.each([
  { name: 'pglite', create: async () => newPgliteFolder() },
  { name: 'postgres', create: newPostgresDatabase },
])('kill -9 during `pool add` on $name', ({ create }) => {
  it('keeps whole batches only, and a rerun ends where an uninterrupted run ends', async () => {
    const [interrupted, reference] = [await create(), await create()];
    const add = (db: string) =>
      cliArgs(['pool', 'add', 'fixtures/cvs', '--db', db, '--pool', 'p', '--batch', '2', ...NOW]);
    let storedAtKill = -1;
    const killed = await runCliProcess(add(interrupted), (stderr, child) => {
      const progress = [...stderr.matchAll(/files, (\d+) stored/g)].map((match) => Number(match[1]));
      const stored = progress.at(-1) ?? 0;
      if (storedAtKill === -1 && stored >= 6) {
        storedAtKill = stored;
        child.kill('SIGKILL');
      }
    });
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = await withOpenStore(interrupted, async (store) => ({
      profiles: await store.profiles.count('p'),
      embedded: (await store.pools.get('p'))?.embedded['local/hashing-v1'] ?? 0,
    }));
    expect(afterKill.profiles).toBeGreaterThanOrEqual(storedAtKill);
    expect(afterKill.profiles).toBeLessThan(CVS.length);
    expect(afterKill.profiles % 2).toBe(0);
    expect(afterKill.embedded).toBe(afterKill.profiles);

    const resumed = await runCliProcess(add(interrupted));
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `${CVS.length - afterKill.profiles} stored, ${afterKill.profiles} unchanged, 0 failed; ${CVS.length} profiles`,
    );
    const complete = await runCliProcess(add(reference));
    expect(complete.code).toBe(0);
    const [left, right] = [
      await withOpenStore(interrupted, (store) => snapshot(store, 'p')),
      await withOpenStore(reference, (store) => snapshot(store, 'p')),
    ];
    expect(left).toEqual(right);
    expect(left.profiles).toHaveLength(CVS.length);
  });
});

describe('two processes adding to one pool on PostgreSQL while a third ranks it', () => {
  it('ends with every profile once, each with its vector, and the ranking of the files', async () => {
    const db = await newPostgresDatabase();
    const common = ['--db', db, '--pool', 'shared', '--batch', '2', ...NOW];
    // Overlapping halves: the middle files are added by both processes at once.
    const first = CVS.slice(0, 20);
    const second = CVS.slice(12);
    const ranker = async () => {
      const runs = [];
      for (let round = 0; round < 3; round++) {
        runs.push(
          await runCliProcess(
            cliArgs(['match', ...JOB, '--db', db, '--pool', 'shared', ...NOW, '--json', '--top', '40']),
          ),
        );
      }
      return runs;
    };
    await withOpenStore(db, (store) => store.pools.ensure('shared'));
    const [a, b, ranks] = await Promise.all([
      runCliProcess(cliArgs(['pool', 'add', ...first, ...common])),
      runCliProcess(cliArgs(['pool', 'add', ...second, ...common])),
      ranker(),
    ]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    for (const run of ranks) {
      expect(run.code, run.stderr).toBe(0);
      const output = JSON.parse(run.stdout);
      // Whatever it saw, a ranking covers whole profiles only: every ranked candidate has a file name.
      for (const result of output.results)
        expect(output.files[result.candidateId]).toMatch(/\.(pdf|docx|txt)$/);
    }
    const final = await withOpenStore(db, async (store) => ({
      count: await store.profiles.count('shared'),
      pool: await store.pools.get('shared'),
    }));
    expect(final.count).toBe(CVS.length);
    expect(final.pool?.embedded['local/hashing-v1']).toBe(CVS.length);
    const ranked = await runCliProcess(
      cliArgs(['match', ...JOB, '--db', db, '--pool', 'shared', ...NOW, '--json', '--top', '40']),
    );
    expect(JSON.parse(ranked.stdout).results).toEqual(expectedResults);
  });
});
