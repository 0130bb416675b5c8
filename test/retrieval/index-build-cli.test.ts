import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPoolIndex } from '../../src/matching/retrieve/index.js';
import { captureCli } from '../support/capture-cli.js';
import { makeProfile } from './support.js';

let directory: string;
let profilesFile: string;
let jobFile: string;

const profiles = [
  makeProfile('cv_cariste1', {
    headline: 'Cariste',
    titles: ['Cariste'],
    certifications: ['CACES_R489_3'],
    name: 'Alex Exemple',
    email: 'alex@example.org',
  }),
  makeProfile('cv_cariste2', { headline: 'Cariste', titles: ['Cariste', 'Magasinier'], name: 'Sam Exemple' }),
  makeProfile('cv_soudeur', { headline: 'Soudeur TIG', titles: ['Soudeur'], skills: ['soudure TIG'] }),
  makeProfile('cv_serveur', { headline: 'Serveur', titles: ['Serveur en brasserie'] }),
];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cvmatch-index-cli-'));
  profilesFile = join(directory, 'profiles.jsonl');
  await writeFile(profilesFile, `${profiles.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
  jobFile = join(directory, 'cariste.json');
  await writeFile(
    jobFile,
    JSON.stringify({
      id: 'cariste',
      title: 'Cariste',
      romeCode: 'N1101',
      requiredCertifications: ['CACES_R489_3'],
    }),
  );
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('cvmatch index build', () => {
  it('builds an index from profiles JSONL with the local provider, usable by cvmatch match --index', async () => {
    const out = join(directory, 'pool.cvmidx');
    const built = await captureCli(['index', 'build', profilesFile, '--out', out, '--json']);
    expect(built.code, built.stderr).toBe(0);
    const summary = JSON.parse(built.stdout);
    expect(summary).toMatchObject({ file: out, profiles: 4, embedding: { provider: 'local' }, failures: [] });
    expect(built.stderr).not.toContain('alex@example.org');

    const index = await loadPoolIndex(out);
    expect(index.size).toBe(4);
    expect(index.get('cv_cariste1')?.name).toBe('Alex Exemple'); // profiles kept: no CVs needed to match

    const matched = await captureCli([
      'match',
      '--job',
      jobFile,
      '--index',
      out,
      '--json',
      '--now',
      '2026-11-01',
    ]);
    expect(matched.code, matched.stderr).toBe(0);
    const ranking = JSON.parse(matched.stdout).results.map(
      (result: { candidateId: string }) => result.candidateId,
    );
    expect(ranking[0]).toBe('cv_cariste1');
    expect(ranking).toContain('cv_soudeur');
  });

  it('prints a one-line summary without --json, reports skipped JSONL lines on stderr and exits 1', async () => {
    const mixed = join(directory, 'mixed.jsonl');
    await writeFile(mixed, `${JSON.stringify(profiles[0])}\nnot json\n{"id":"x"}\n`);
    const result = await captureCli(['index', 'build', mixed, '--out', join(directory, 'mixed.cvmidx')]);
    // The index is written with the readable profiles; the exit code says some input was skipped.
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/1 profiles \(local\/hashing-v1, \d+ dims\).*2 input\(s\) skipped/);
    expect(result.stderr).toContain('invalid-json');
    expect(result.stderr).toContain('invalid-profile');
  });

  it('exits 2 on usage errors and 1 when nothing can be indexed', async () => {
    expect((await captureCli(['index', 'build', profilesFile])).code).toBe(2); // no --out
    expect(
      (await captureCli(['index', 'build', join(directory, 'missing.jsonl'), '--out', join(directory, 'x')]))
        .code,
    ).toBe(2);
    expect(
      (
        await captureCli([
          'index',
          'build',
          profilesFile,
          '--out',
          join(directory, 'x'),
          '--provider',
          'nope',
        ])
      ).code,
    ).toBe(2);
    const empty = join(directory, 'empty.jsonl');
    await writeFile(empty, '\n');
    expect((await captureCli(['index', 'build', empty, '--out', join(directory, 'empty.cvmidx')])).code).toBe(
      1,
    );
  });
});
