import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../src/compliance/index.js';
import type { MatchResult } from '../../src/domain/index.js';
import { lookupCommune } from '../../src/geo/index.js';
import { buildPoolIndex, savePoolIndex } from '../../src/matching/retrieve/index.js';
import { createLocal } from '../../src/providers/index.js';
import { normalizeOccupation } from '../../src/taxonomy/index.js';
import { captureCli as capture } from '../support/capture-cli.js';
import { buildProfile, caristeSpec } from './profile-factory.js';

const root = new URL('../../', import.meta.url).pathname;
const jobJson = join(root, 'fixtures/jobs/cariste-lyon.json');
const directory = mkdtempSync(join(tmpdir(), 'cvmatch-match-'));
const jsonl = join(directory, 'profiles.jsonl');
/** The same two profiles without the bad lines. */
const cleanJsonl = join(directory, 'clean.jsonl');
const NOW = ['--now', '2026-11-29'];

beforeAll(() => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
  const profiles = [
    buildProfile(caristeSpec('cv_with_caces')),
    buildProfile(caristeSpec('cv_without_caces', { certifications: [], headline: 'Cariste' })),
  ];
  writeFileSync(
    jsonl,
    `${profiles.map((profile) => JSON.stringify(profile)).join('\n')}\n{"id": "broken"}\nnot json\n`,
  );
  writeFileSync(cleanJsonl, `${profiles.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
}, 120_000);

describe('cvmatch match', () => {
  it('prints { job, results, usage, errors, files } with --json, reports bad lines and exits 1 for them', async () => {
    const { code, stdout, stderr } = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      jsonl,
      '--json',
      ...NOW,
    ]);
    // Like `cvmatch parse`: the results are printed, and the exit code says some input was skipped.
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as {
      job: { id: string };
      results: MatchResult[];
      usage: { calls: number };
      errors: { file: string; reason: string }[];
    };
    expect(output.job.id).toBe('cariste-lyon');
    expect(output.results.map((result) => [result.rank, result.candidateId])).toEqual([
      [1, 'cv_with_caces'],
      [2, 'cv_without_caces'],
    ]);
    expect(output.errors.map((error) => error.reason)).toEqual(['invalid-profile', 'invalid-json']);
    expect(output.usage.calls).toBeGreaterThanOrEqual(1); // local embeddings by default
    expect(stderr).toContain('skipped');
    expect(stderr).toMatch(/usage: /);
  });

  it('appends the run to an audit log with scores but no CV text or identity (--audit-log)', async () => {
    const auditFile = join(directory, 'audit.jsonl');
    const { code } = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      cleanJsonl,
      '--audit-log',
      auditFile,
      ...NOW,
    ]);
    expect(code).toBe(0);
    const events = readAuditLog(auditFile);
    expect(events.map((event) => event.type)).toEqual([
      'run-start',
      'candidate-score',
      'candidate-score',
      'run-end',
    ]);
    expect(events[0]).toMatchObject({ type: 'run-start', jobId: 'cariste-lyon', candidateCount: 2 });
    expect(
      events.slice(1, 3).map((event) => (event.type === 'candidate-score' ? event.candidateId : null)),
    ).toEqual(['cv_with_caces', 'cv_without_caces']);
    const raw = readFileSync(auditFile, 'utf8');
    for (const line of readFileSync(cleanJsonl, 'utf8').split('\n').slice(0, 2)) {
      const profile = JSON.parse(line) as { name: string | null; email: string | null; text: string };
      if (profile.name) expect(raw).not.toContain(profile.name);
      if (profile.email) expect(raw).not.toContain(profile.email);
    }
  });

  it('records the normalised weights of a --weights run that also sets the LLM share', async () => {
    const auditFile = join(directory, 'audit-weights.jsonl');
    const { code } = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      cleanJsonl,
      '--weights',
      'occupation=0.45,llm=0.5',
      '--audit-log',
      auditFile,
      ...NOW,
    ]);
    expect(code).toBe(0);
    const [start] = readAuditLog(auditFile);
    // occupation 0.45 among the other documented defaults (0.653): 0.45 / 1.103.
    expect(start?.type === 'run-start' ? start.weights.occupation : null).toBeCloseTo(0.45 / 1.103, 10);
  });

  it('prints a ranked table, explanations and near misses', async () => {
    const { code, stdout } = await capture([
      'match',
      '--job',
      join(root, 'fixtures/jobs/cariste-lyon.txt'),
      '--candidates',
      cleanJsonl,
      '--explain',
      '--near-misses',
      ...NOW,
    ]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toContain('Cariste');
    expect(lines[2]).toMatch(/^\s+1\s+\d+\.\d\s+cv_with_caces\.txt/);
    expect(lines[3]).toMatch(/^\s+2\s+\d+\.\d\s+cv_without_caces\.txt.*CACES R489/);
    expect(stdout).toContain("Rôle de l'IA");
    expect(stdout).toMatch(/Presque.*\n\s+#2 cv_without_caces\.txt/);
  });

  it('keeps the table on stdout clean when inputs were skipped: the note goes to stderr', async () => {
    const { code, stdout, stderr } = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      jsonl,
      ...NOW,
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\s+1\s+\d+\.\d\s+cv_with_caces\.txt/m);
    expect(stdout).not.toMatch(/could not be read|skipped/);
    expect(stderr).toContain('2 file(s) could not be read');
  });

  it('drops candidates with --exclude and honours --top and --weights', async () => {
    const excluded = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      jsonl,
      '--json',
      '--exclude',
      'certification',
      ...NOW,
    ]);
    expect(
      (JSON.parse(excluded.stdout) as { results: MatchResult[] }).results.map((result) => result.candidateId),
    ).toEqual(['cv_with_caces']);
    const top = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      jsonl,
      '--json',
      '--top',
      '1',
      '--weights',
      'distance=1',
      ...NOW,
    ]);
    const results = (JSON.parse(top.stdout) as { results: MatchResult[] }).results;
    expect(results).toHaveLength(1);
    const distance = results[0]?.breakdown.find((entry) => entry.criterion === 'distance');
    expect(distance?.weight).toBeGreaterThan(0.4); // 1 among defaults summing to 0.9 without distance
  });

  it('ranks a saved pool index like the profiles it holds (--index)', async () => {
    const profiles = [
      buildProfile(caristeSpec('cv_with_caces')),
      buildProfile(caristeSpec('cv_without_caces', { certifications: [], headline: 'Cariste' })),
    ];
    const file = join(directory, 'pool.cvmidx');
    await savePoolIndex(
      await buildPoolIndex(profiles, { embeddingModel: createLocal().embeddingModel() }),
      file,
    );
    const fromIndex = await capture(['match', '--job', jobJson, '--index', file, '--json', ...NOW]);
    const fromJsonl = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      cleanJsonl,
      '--json',
      ...NOW,
    ]);
    expect(fromIndex.code).toBe(0);
    const scores = (stdout: string) =>
      (JSON.parse(stdout) as { results: MatchResult[] }).results.map((result) => [
        result.candidateId,
        result.score,
      ]);
    expect(scores(fromIndex.stdout)).toEqual(scores(fromJsonl.stdout));
  });

  it('goes on when a CV in the folder cannot be read, and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-cvs-'));
    copyFileSync(
      join(root, 'fixtures/cvs/cariste-mehdi-haddad.txt'),
      join(folder, 'cariste-mehdi-haddad.txt'),
    );
    writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.7\n1 0 obj garbage\n');
    const { code, stdout, stderr } = await capture([
      'match',
      '--job',
      jobJson,
      '--candidates',
      folder,
      '--json',
      ...NOW,
    ]);
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as {
      results: MatchResult[];
      errors: { file: string }[];
      files: Record<string, string>;
    };
    expect(output.results).toHaveLength(1);
    expect(Object.values(output.files)).toEqual(['cariste-mehdi-haddad.txt']);
    expect(output.errors.map((error) => error.file)).toEqual([join(folder, 'broken.pdf')]);
    expect(stderr).toContain('broken.pdf');
  }, 60_000);

  it.each([
    [['--candidates', 'x.jsonl'], 'no --job'],
    [['--job', 'fixtures/jobs/cariste-lyon.json'], 'no --candidates or --index'],
    [['--job', 'fixtures/jobs/cariste-lyon.json', '--candidates', 'x', '--top', '0'], 'bad --top'],
    [
      ['--job', 'fixtures/jobs/cariste-lyon.json', '--candidates', 'x', '--weights', 'salary=1'],
      'bad --weights',
    ],
    [['--job', 'fixtures/jobs/cariste-lyon.json', '--candidates', 'x', '--exclude', 'age'], 'bad --exclude'],
    [['--job', 'fixtures/jobs/cariste-lyon.json', '--candidates', 'x', '--now', '29/11/2026'], 'bad --now'],
    [['--job', 'missing.json', '--candidates', 'x'], 'unreadable --job'],
  ])('exits 2 on usage errors: %j (%s)', async (args) => {
    const { code, stdout } = await capture(['match', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('exits 1 on an invalid job order', async () => {
    const bad = join(directory, 'bad-job.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', title: 'Cariste', hourlyRateEur: -1 }));
    const { code, stderr } = await capture(['match', '--job', bad, '--candidates', jsonl]);
    expect(code).toBe(1);
    expect(stderr).toContain('hourlyRateEur');
  });
});
