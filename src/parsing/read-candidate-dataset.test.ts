import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCandidateDataset, readProfilesJsonl } from './read-candidate-dataset.js';

const cvs = new URL('../../fixtures/cvs/', import.meta.url).pathname;
const directory = await mkdtemp(join(tmpdir(), 'cvmatch-dataset-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('readCandidateDataset', () => {
  it('parses the CV files of a folder, skipping other files, and reports unreadable ones', async () => {
    const folder = await mkdtemp(join(directory, 'cvs-'));
    await copyFile(join(cvs, 'ash-yasmine-belkacem.txt'), join(folder, 'b.txt'));
    await copyFile(join(cvs, 'ash-yasmine-belkacem.expected.json'), join(folder, 'b.expected.json'));
    await writeFile(join(folder, 'a.pdf'), '%PDF-1.7\nbroken');
    const { profiles, failures } = await readCandidateDataset([folder], { now: '2026-11-01' });
    expect(profiles.map((profile) => profile.name)).toEqual(['Yasmine Belkacem']);
    expect(failures.map(({ file, reason }) => ({ file, reason }))).toEqual([
      { file: join(folder, 'a.pdf'), reason: 'corrupt' },
    ]);
  });

  it('reads JSONL profiles, keeps the first of two with the same id, reports bad lines', async () => {
    const [profile] = (await readCandidateDataset([join(cvs, 'ash-yasmine-belkacem.txt')])).profiles;
    const file = join(directory, 'profiles.jsonl');
    const twin = { ...profile, headline: null };
    await writeFile(
      file,
      [JSON.stringify(profile), '', '{oops', '{"id":1}', JSON.stringify(twin)].join('\n'),
    );
    const { profiles, failures } = await readCandidateDataset([file]);
    expect(profiles).toEqual([profile]);
    expect(failures.map(({ file, reason }) => ({ file, reason }))).toEqual([
      { file: `${file}:3`, reason: 'invalid-json' },
      { file: `${file}:4`, reason: 'invalid-profile' },
    ]);
    expect(await readProfilesJsonl(file, [])).toHaveLength(2);
  });

  it('keeps the order of the arguments, whether a path is a .jsonl file, a CV file or a folder', async () => {
    const folder = await mkdtemp(join(directory, 'order-'));
    await copyFile(join(cvs, 'ash-yasmine-belkacem.txt'), join(folder, 'yasmine.txt'));
    await writeFile(join(folder, 'broken.pdf'), '%PDF-1.7\nbroken');
    const cv = join(cvs, 'cariste-karim-benali.pdf');
    const [fromJsonl] = (await readCandidateDataset([join(cvs, 'standardiste-ines-moreau.txt')])).profiles;
    const jsonl = join(directory, 'one.jsonl');
    await writeFile(jsonl, `${JSON.stringify(fromJsonl)}\n{oops\n`);
    const names = async (paths: string[]) => {
      const dataset = await readCandidateDataset(paths, { now: '2026-11-01' });
      return [
        ...dataset.profiles.map((profile) => profile.name),
        ...dataset.failures.map((item) => item.reason),
      ];
    };
    expect(await names([cv, jsonl, folder])).toEqual([
      'Karim Benali',
      fromJsonl?.name,
      'Yasmine Belkacem',
      'invalid-json',
      'corrupt',
    ]);
    expect(await names([folder, jsonl, cv])).toEqual([
      'Yasmine Belkacem',
      fromJsonl?.name,
      'Karim Benali',
      'corrupt',
      'invalid-json',
    ]);
  });

  it('throws when a path does not exist', async () => {
    await expect(readCandidateDataset([join(directory, 'missing')])).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
